"""Volunteer-hours certificates: issued from an approved month only, numbered, checkable by anyone.

A number is 12 random Crockford base32 symbols (60 bits: not guessable, and lookups are
rate-limited) and a Luhn mod 32 check symbol, which catches any single mistyped symbol and
almost any swap of two neighbours before the database is asked. It is printed in groups of four
(7K3M-9QXD-2HF4-Z) and read back ignoring case, dashes and spaces, O read as 0 and I, L as 1,
as Crockford's alphabet prescribes.
"""
import secrets

from flask import url_for
from sqlalchemy import func, select

from backend.attendance.models import ApprovedHours, AttendanceRecord, HoursAdjustment, HoursApproval, HoursCertificate
from backend.attendance.services import month_bounds
from backend.core.time import SEOUL, utcnow
from backend.errors import AppError
from backend.extensions import db
from backend.patrols.models import Patrol
from backend.reports.pdf import certificate_pdf
from backend.users.models import Role, User
from backend.users.policies import visible_users

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RANDOM_SYMBOLS = 12
READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1", "-": None, " ": None})


def check_symbol(payload):
    """Luhn mod 32 over Crockford base32 symbols."""
    total, factor = 0, 2
    for symbol in reversed(payload):
        addend = factor * ALPHABET.index(symbol)
        total += addend // len(ALPHABET) + addend % len(ALPHABET)
        factor = 3 - factor
    return ALPHABET[-total % len(ALPHABET)]


def new_number():
    payload = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_SYMBOLS))
    return payload + check_symbol(payload)


def read_number(text):
    """The stored form of a number as someone typed it, or None when it cannot be one."""
    number = text.upper().translate(READ_AS)
    if len(number) != RANDOM_SYMBOLS + 1 or any(symbol not in ALPHABET for symbol in number):
        return None
    return number if check_symbol(number[:-1]) == number[-1] else None


def printed_number(number):
    return "-".join(number[start:start + 4] for start in range(0, len(number), 4))


def mask_name(name):
    """Only the first and last letters shown: 한지우 -> 한*우, 김민 -> 김*."""
    letters = [i for i, character in enumerate(name) if not character.isspace()]
    shown = {letters[0], letters[-1]} if len(letters) > 2 else set(letters[:1])
    return "".join(c if i in shown or c.isspace() else "*" for i, c in enumerate(name))


def issue(viewer, query, lang):
    """Record a new certificate of the person's approved month and return its PDF."""
    person = _holder(viewer, query)
    month = query["month"]
    approval, approved_minutes = _standing_approval_of(person, month, query.get("group_id"))
    adjustments = db.session.execute(
        select(Patrol.starts_at, Patrol.title, HoursAdjustment.minutes)
        .outerjoin(Patrol, Patrol.id == HoursAdjustment.patrol_id)
        .where(HoursAdjustment.approval_id == approval.id, HoursAdjustment.user_id == person.id)
        .order_by(HoursAdjustment.id)
    ).all()
    certificate = HoursCertificate(
        number=new_number(), approval_id=approval.id, user_id=person.id, holder_name=person.name,
        station_id=approval.group.station_id, month=month, approved_minutes=approved_minutes,
        adjustment_minutes=sum(line.minutes for line in adjustments), issued_by_id=viewer.id,
    )
    db.session.add(certificate)
    db.session.flush()
    number = printed_number(certificate.number)
    return certificate_pdf(
        lang,
        person_name=person.name,
        organisation=approval.group.name,
        station=approval.group.station.name,
        period_label=f"{month:%Y-%m}",
        approved_minutes=approved_minutes,
        lines=[(when.astimezone(SEOUL).date(), title, minutes) for when, title, minutes in _lines_at_approval(approval, person)],
        adjustments=[(when.astimezone(SEOUL).date() if when else None, title or "-", minutes) for when, title, minutes in adjustments],
        issued_on=utcnow().astimezone(SEOUL).date(),
        number=number,
        check_url=url_for("reports.CertificateCheck", number=number, _external=True),
    ), person


def check(text):
    """What a certificate number stands for, with no more of the person than the paper shows."""
    number = read_number(text)
    if number is None:
        raise AppError("CERTIFICATE_NUMBER_INVALID")
    certificate = db.session.scalar(select(HoursCertificate).where(HoursCertificate.number == number))
    if certificate is None:
        raise AppError("NOT_FOUND")
    approval = certificate.approval
    return {
        "number": printed_number(certificate.number),
        "status": "revoked" if approval.is_revoked else "current",
        "holder": mask_name(certificate.holder_name),
        "station": certificate.station.name,
        "month": certificate.month,
        "approved_minutes": certificate.approved_minutes,
        "adjustment_minutes": certificate.adjustment_minutes,
        "issued_at": certificate.issued_at,
        "revoked_at": approval.revoked_at,
    }


def _holder(viewer, query):
    """Whose certificate: a volunteer's own by default; anyone else must name the volunteer."""
    if "user_id" not in query:
        if viewer.role != Role.VOLUNTEER:
            raise AppError("CERTIFICATE_PERSON_REQUIRED")
        return viewer
    person = db.session.scalar(visible_users(viewer).where(User.id == query["user_id"]))
    if person is None or (viewer.role == Role.VOLUNTEER and person.id != viewer.id):
        raise AppError("NOT_FOUND")
    if person.role != Role.VOLUNTEER:
        raise AppError("NOT_A_VOLUNTEER")
    return person


def _standing_approval_of(person, month, group_id):
    statement = (
        select(HoursApproval, ApprovedHours.minutes)
        .join(ApprovedHours, ApprovedHours.approval_id == HoursApproval.id)
        .where(ApprovedHours.user_id == person.id, HoursApproval.month == month, HoursApproval.is_standing)
        .order_by(HoursApproval.id)
    )
    if group_id is not None:
        statement = statement.where(HoursApproval.group_id == group_id)
    found = db.session.execute(statement).all()
    if not found:
        raise AppError("HOURS_NOT_APPROVED")
    if len(found) > 1:
        raise AppError("CERTIFICATE_GROUP_REQUIRED")
    return found[0]


def _lines_at_approval(approval, person):
    """The patrols the approved figure counted, each with its minutes as they stood then:
    today's confirmed minutes less the adjustments recorded for it since."""
    since, until = month_bounds(approval.month)
    adjusted = (
        select(HoursAdjustment.patrol_id, func.sum(HoursAdjustment.minutes).label("minutes"))
        .where(HoursAdjustment.approval_id == approval.id, HoursAdjustment.user_id == person.id)
        .group_by(HoursAdjustment.patrol_id)
        .subquery()
    )
    minutes = AttendanceRecord.duty_minutes - func.coalesce(adjusted.c.minutes, 0)
    return db.session.execute(
        select(Patrol.starts_at, Patrol.title, minutes)
        .join(Patrol, Patrol.id == AttendanceRecord.patrol_id)
        .outerjoin(adjusted, adjusted.c.patrol_id == AttendanceRecord.patrol_id)
        .where(AttendanceRecord.user_id == person.id, AttendanceRecord.confirmed_at.is_not(None),
               Patrol.starts_at >= since, Patrol.starts_at < until, minutes > 0)
        .order_by(Patrol.starts_at)
    ).all()
