import click
from flask.cli import AppGroup
from sqlalchemy import select

from backend.auth.passwords import MAX_LENGTH, MIN_LENGTH, hash_password, weakness
from backend.core.phones import normalize_korean_mobile
from backend.extensions import db
from backend.users.models import Role, User

users_cli = AppGroup("users", help="Manage accounts.")


@users_cli.command("create-admin")
@click.option("--phone", required=True, help="Korean mobile number, e.g. 010-1234-5678")
@click.option("--password", required=True, help="8 to 128 characters, hard to guess (as the API requires)")
@click.option("--name", required=True)
def create_admin(phone, password, name):
    """Create an admin account, or reset an existing one's password and make it admin."""
    normalized = normalize_korean_mobile(phone)
    if normalized is None:
        raise click.BadParameter("not a Korean mobile number", param_hint="--phone")
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        raise click.BadParameter(f"{MIN_LENGTH} to {MAX_LENGTH} characters", param_hint="--password")
    hint = weakness(password, phone=normalized, name=name)
    if hint is not None:
        raise click.BadParameter(f"too easy to guess. {hint.en} / {hint.ko}", param_hint="--password")
    user = db.session.scalar(select(User).where(User.phone == normalized))
    if user is None:
        user = User(phone=normalized)
        db.session.add(user)
    user.name = name
    user.role = Role.ADMIN
    user.is_active = True
    user.password_hash = hash_password(password)
    db.session.commit()
    click.echo(f"admin {name} ({normalized}) is ready, id {user.id}")
