"""Printable PDFs: report tables, the volunteer-hours certificate and the patrol sign-in sheet.

The 14 standard PDF fonts have no Hangul, so a Korean TrueType font is embedded (only the
glyphs used): NanumGothic from Debian's fonts-nanum package.
"""
import os
from datetime import datetime, timezone
from functools import lru_cache, partial
from io import BytesIO
from itertools import islice
from types import SimpleNamespace
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from backend.core.time import SEOUL

FONT_DIR = "/usr/share/fonts/truetype/nanum"
FONT = "NanumGothic"
FONT_BOLD = "NanumGothic-Bold"
# A PDF is for printing; bigger reports belong in XLSX or CSV.
MAX_TABLE_ROWS = 5000
# The certificate is one page; further patrols (and adjustments) are summed into one line.
CERTIFICATE_MAX_LINES = 20
CERTIFICATE_MAX_ADJUSTMENTS = 10
SIGN_IN_BLANK_ROWS = 5
NUMERIC_KINDS = {"int", "number", "minutes"}
# Points between a cell's text and its left and right borders.
CELL_PADDING = 3
HEADER_FILL = colors.HexColor("#DDE4EE")
STRIPE_FILL = colors.HexColor("#F4F6FA")
MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")


class FontMissingError(RuntimeError):
    pass


@lru_cache(maxsize=None)
def register_fonts():
    """Register NanumGothic (and its bold, when installed); returns the bold font's name."""
    regular = os.path.join(FONT_DIR, "NanumGothic.ttf")
    if not os.path.isfile(regular):
        raise FontMissingError(
            f"Korean PDF font {regular} is missing: install the Debian package fonts-nanum "
            "(apt-get install fonts-nanum)"
        )
    pdfmetrics.registerFont(TTFont(FONT, regular))
    bold = FONT
    bold_path = os.path.join(FONT_DIR, "NanumGothicBold.ttf")
    if os.path.isfile(bold_path):
        pdfmetrics.registerFont(TTFont(FONT_BOLD, bold_path))
        bold = FONT_BOLD
    # Lets <b> in paragraphs pick the bold face.
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=bold, italic=FONT, boldItalic=bold)
    return bold


def hours_and_minutes(minutes, lang):
    """125 -> "2시간 5분" / "2 h 5 min"."""
    hours, rest = divmod(int(round(minutes)), 60)
    if lang == "ko":
        parts = [f"{hours:,}시간" if hours else "", f"{rest}분" if rest or not hours else ""]
    else:
        parts = [f"{hours:,} h" if hours else "", f"{rest} min" if rest or not hours else ""]
    return " ".join(part for part in parts if part)


def _styles():
    bold = register_fonts()
    base = ParagraphStyle("base", fontName=FONT, fontSize=9, leading=12)
    return SimpleNamespace(
        bold=bold,
        title=ParagraphStyle("title", base, fontName=bold, fontSize=16, leading=21, spaceAfter=2 * mm),
        big_title=ParagraphStyle("big_title", base, fontName=bold, fontSize=24, leading=30, alignment=TA_CENTER),
        heading=ParagraphStyle("heading", base, fontName=bold, fontSize=11, leading=15, spaceAfter=2 * mm),
        meta=ParagraphStyle("meta", base, fontSize=8, textColor=colors.grey),
        warning=ParagraphStyle("warning", base, fontName=bold, textColor=colors.HexColor("#B00020")),
        cell=ParagraphStyle("cell", base, fontSize=8, leading=10),
        header=ParagraphStyle("header", base, fontName=bold, fontSize=8, leading=10),
        label=ParagraphStyle("label", base, fontName=bold, fontSize=10, leading=14),
        body=ParagraphStyle("body", base, fontSize=11, leading=17),
        centered=ParagraphStyle("centered", base, fontSize=12, leading=18, alignment=TA_CENTER),
    )


def _p(text, style):
    # Paragraphs read a markup language: user text must not be taken for tags.
    return Paragraph(escape(str(text)), style)


class _NumberedCanvas(canvas.Canvas):
    """Prints "page / pages" in the footer; the page count is known only at save(), so pages wait."""

    def __init__(self, *args, footer="", **kwargs):
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            width = self._pagesize[0]
            page = f"{number} / {total}"
            self.saveState()
            self.setFont(FONT, 8)
            self.setFillColor(colors.grey)
            room = width - 24 * mm - pdfmetrics.stringWidth(page, FONT, 8) - 6 * mm
            self.drawString(12 * mm, 7 * mm, _elide(self._footer, room, FONT, 8))
            self.drawRightString(width - 12 * mm, 7 * mm, page)
            self.restoreState()
            super().showPage()
        super().save()


def _elide(text, width, font, size):
    """The text, cut short with an ellipsis when it is wider than `width` (a one-line footer)."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _build(story, *, pagesize, title, footer, margin=12 * mm):
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=pagesize, title=title, leftMargin=margin, rightMargin=margin,
        topMargin=margin, bottomMargin=margin + 4 * mm,
    )
    story = story(document.width, document.height) if callable(story) else story
    document.build(story, canvasmaker=partial(_NumberedCanvas, footer=footer))
    return buffer.getvalue()


def _grid(header_rows=1, *extra):
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9AA3AF")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
        *extra,
    ])


def _now_label():
    return f"{datetime.now(timezone.utc).astimezone(SEOUL):%Y-%m-%d %H:%M} (KST)"


def _date_label(value, lang):
    if isinstance(value, datetime):
        value = value.astimezone(SEOUL).date() if value.tzinfo else value.date()
    if lang == "ko":
        return f"{value.year}년 {value.month}월 {value.day}일"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


# --- report tables ----------------------------------------------------------------------


def _cell_width(text_width):
    """A cell's width for text this wide: its padding, and a point to spare for rounding."""
    return text_width + 2 * CELL_PADDING + 1


def _widest(texts, font, size, words=False):
    """The width of the widest text (or, with `words`, of the widest word of any text)."""
    pieces = {piece for text in texts for piece in (str(text).split() if words else [str(text)])}
    return max((pdfmetrics.stringWidth(piece, font, size) for piece in pieces), default=0)


def _column_widths(available, columns, styles, *, grow=True):
    """Column widths that fit every value, for columns of (header, kind, texts).

    Dates, times, numbers and yes/no keep to one line, so their column is as wide as the
    widest of them. Text and headers wrap at spaces and never inside a word, unless a single
    word is wider than the text columns' share of what the others leave. When every value fits
    on one line, `grow` shares the room to spare among all columns; otherwise the room goes to
    the columns in proportion to how much they would wrap.
    """
    low, high = [], []
    for header, kind, texts in columns:
        header_word = _cell_width(_widest([header], styles.bold, styles.header.fontSize, words=True))
        widest = _cell_width(_widest(texts, FONT, styles.cell.fontSize))
        high.append(max(_cell_width(_widest([header], styles.bold, styles.header.fontSize)), widest))
        low.append(max(header_word, widest) if kind != "text" else header_word)
    texts_at = [i for i, (_, kind, _) in enumerate(columns) if kind == "text"]
    words = {i: _cell_width(_widest(columns[i][2], FONT, styles.cell.fontSize, words=True)) for i in texts_at}
    cap = _word_cap(available - sum(width for i, width in enumerate(low) if i not in texts_at), list(words.values()))
    for i in texts_at:
        low[i] = max(low[i], min(words[i], cap))
    if sum(low) > available:
        raise ValueError(f"{len(columns)} columns need {sum(low):.0f} pt, more than the {available:.0f} pt of the page")
    if sum(high) <= available:
        widths = high
        spare = available - sum(high)
        weights = high if grow else [0] * len(high)
    else:
        widths = low
        spare = available - sum(low)
        weights = [h - l for h, l in zip(high, low)]
    total = sum(weights)
    return [width + (spare * weight / total if total else 0) for width, weight in zip(widths, weights)]


def _word_cap(room, longest_words):
    """The widest a text column may make room for its longest word: none, when they all fit;
    else the same cap for each, chosen so they fill `room` (the narrower ones keep their width)."""
    if sum(longest_words) <= room:
        return float("inf")
    rest = sorted(longest_words)
    while rest and rest[0] * len(rest) <= room:
        room -= rest.pop(0)
    return room / len(rest)


def table_pdf(*, title, headers, kinds, texts, rows, summary, lang):
    """An A4 landscape table of rows (sequences of values), each column's value printed as
    its function in `texts` gives it; summary(row_count) gives (label, text) lines."""
    styles = _styles()
    ko = lang == "ko"
    # The printed rows are kept as text, which is small; their cells become flowables a page
    # at a time. The rest is read (not printed, nor kept), so a summary gathered while the
    # rows stream stays right and the note can say how much the printout leaves out.
    rows = iter(rows)  # read once
    shown = [[text(value) for text, value in zip(texts, row)] for row in islice(rows, MAX_TABLE_ROWS)]
    total = len(shown) + sum(1 for _ in rows)

    def story(width, _height):
        values = list(zip(*shown)) if shown else [()] * len(headers)
        widths = _column_widths(width, list(zip(headers, kinds, values)), styles)
        header = [_p(header, styles.header) for header in headers]
        extra = [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE_FILL]),
                 ("LEADING", (0, 1), (-1, -1), styles.cell.leading)]
        extra += [("ALIGN", (i, 1), (i, -1), "RIGHT") for i, kind in enumerate(kinds) if kind in NUMERIC_KINDS]
        parts = [_p(title, styles.title), _p(("작성: " if ko else "Generated: ") + _now_label(), styles.meta)]
        if total > len(shown):
            note = (
                f"인쇄용 PDF는 처음 {len(shown):,}행만 담습니다 (전체 {total:,}행). 전체 자료는 XLSX 또는 CSV로 받으세요."
                if ko else
                f"This printable PDF shows the first {len(shown):,} of {total:,} rows. "
                "Download XLSX or CSV for all of them."
            )
            parts += [Spacer(1, 2 * mm), _p(note, styles.warning)]
        parts.append(Spacer(1, 4 * mm))
        if shown:
            cell = _cell_maker(kinds, widths, styles)
            parts.append(_RowPages(header, ([cell(i, text) for i, text in enumerate(row)] for row in shown),
                                   widths, _grid(1, *extra), styles.cell.leading + 2 * CELL_PADDING))
        else:
            empty = [header, [_p("(자료 없음)" if ko else "(no rows)", styles.cell)] + [""] * (len(headers) - 1)]
            parts.append(Table(empty, colWidths=widths, style=_grid(1, *extra, ("SPAN", (0, 1), (-1, 1)))))
        parts += [Spacer(1, 6 * mm), _p("요약" if ko else "Summary", styles.heading), _summary_table(summary(total), width, styles)]
        return parts

    return _build(story, pagesize=landscape(A4), title=title, footer=title)


def _cell_maker(kinds, widths, styles):
    """cell(column, text): what a table cell holds. Only text too wide for one line becomes a
    paragraph (which wraps at spaces); a plain string is far cheaper to lay out and draw."""
    size = styles.cell.fontSize
    room = [width - 2 * CELL_PADDING for width in widths]

    def cell(column, text):
        if kinds[column] != "text" or ("\n" not in text and pdfmetrics.stringWidth(text, FONT, size) <= room[column]):
            return text
        return _p(text, styles.cell)

    return cell


class _RowPages(Flowable):
    """Table rows flowed onto as many pages as they need: one Table per page, each under the
    header row, all with the same column widths.

    One Table of every row would be measured whole and split again at each page, with every
    row's cells held until the end; here the rows (an iterator) are taken only as a page has
    room for them. No row is lower than `least_row_height`, so the rows taken for a page are
    enough to fill it; those it has no room for wait for the next page.
    """

    def __init__(self, header, rows, widths, style, least_row_height, waiting=()):
        super().__init__()
        self._header, self._rows, self._widths, self._style = header, rows, widths, style
        self._least_row_height = least_row_height
        self._waiting = list(waiting)

    def wrap(self, available_width, available_height):
        # Taller than any room, so the frame asks split() for the part that fits.
        return sum(self._widths), available_height + 1

    def split(self, available_width, available_height):
        enough = int(available_height // self._least_row_height) + 1
        self._waiting.extend(islice(self._rows, max(enough - len(self._waiting), 0)))
        page = Table([self._header, *self._waiting[:enough]], colWidths=self._widths, repeatRows=1, style=self._style)
        placed = page.split(available_width, available_height)
        if not placed:
            return []  # not even one row fits: the next page
        # The rows the page holds (its part has them and the header). reportlab has no public
        # count; tests/reports/test_reportlab_internals.py fails loudly if this one moves.
        taken = len(placed[0]._cellvalues) - 1
        rest = self._waiting[taken:]
        if not rest and (following := next(self._rows, None)) is not None:
            rest = [following]
        if not rest:
            return [placed[0]]
        return [placed[0], _RowPages(self._header, self._rows, self._widths, self._style, self._least_row_height, rest)]

    def draw(self):
        raise AssertionError("a _RowPages is always split into Tables")


def _summary_table(lines, width, styles):
    """(label, value) lines as a two-column table, as wide as they need up to half the page."""
    labels, values = zip(*lines) if lines else ((), ())
    widths = _column_widths(width / 2, [("", "text", labels), ("", "text", values)], styles, grow=False)
    return Table(
        [[_p(label, styles.cell), _p(value, styles.cell)] for label, value in lines],
        colWidths=widths, hAlign="LEFT",
        style=_grid(1, ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL), ("BACKGROUND", (1, 0), (1, -1), colors.white)),
    )


# --- volunteer-hours certificate --------------------------------------------------------


def certificate_pdf(lang, *, person_name, organisation, station, period_label, approved_minutes, lines, adjustments,
                    issued_on, number, check_url):
    """A one-page 봉사시간 확인서 of an approved month.

    lines are (date, patrol title, minutes) of the patrols the approval counted; adjustments
    are (date or None, patrol title, ± minutes) recorded after it, printed apart and never added
    to the approved figure.
    """
    styles = _styles()
    ko = lang == "ko"
    title = "봉사시간 확인서" if ko else "Certificate of Volunteer Hours"
    lines = list(lines)
    shown, hidden = lines[:CERTIFICATE_MAX_LINES], lines[CERTIFICATE_MAX_LINES:]
    adjustments = list(adjustments)

    def story(width, height):
        info = [
            ("확인번호" if ko else "Certificate no.", number),
            ("성명" if ko else "Name", person_name),
            ("소속" if ko else "Group", organisation),
            ("발급 기관" if ko else "Issued by", station),
            ("활동 기간" if ko else "Period", period_label),
            ("승인된 봉사시간" if ko else "Approved hours", hours_and_minutes(approved_minutes, lang)),
        ]
        info_table = Table(
            [[_p(label, styles.label), _p(value, styles.body)] for label, value in info],
            colWidths=[40 * mm, width - 40 * mm],
            style=_grid(1, ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL), ("BACKGROUND", (1, 0), (1, -1), colors.white),
                        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)),
        )
        patrols = [[_p(h, styles.header) for h in (("날짜", "활동", "봉사시간") if ko else ("Date", "Patrol", "Hours"))]]
        for day, patrol_title, patrol_minutes in shown:
            patrols.append([_date_iso(day), _p(patrol_title, styles.cell), hours_and_minutes(patrol_minutes, lang)])
        if hidden:
            rest = sum(line[2] for line in hidden)
            more = f"외 {len(hidden)}건 (승인된 봉사시간에 포함)" if ko else f"{len(hidden)} more patrols (in the approved hours)"
            patrols.append(["", _p(more, styles.cell), hours_and_minutes(rest, lang)])
        if not lines:
            patrols.append(["", _p("(없음)" if ko else "(none)", styles.cell), ""])
        widths = [28 * mm, width - 58 * mm, 30 * mm]
        patrol_table = Table(patrols, colWidths=widths, repeatRows=1, style=_grid(1, ("ALIGN", (2, 1), (2, -1), "RIGHT")))
        content = [
            Spacer(1, 4 * mm), _p(title, styles.big_title), Spacer(1, 8 * mm), info_table,
            Spacer(1, 6 * mm), _p("승인된 활동 내역" if ko else "Patrols approved", styles.heading), patrol_table,
        ]
        if adjustments:
            rows = [[_p(h, styles.header) for h in (("날짜", "활동", "조정") if ko else ("Date", "Patrol", "Change"))]]
            for day, patrol_title, change in adjustments[:CERTIFICATE_MAX_ADJUSTMENTS]:
                rows.append([_date_iso(day) if day else "-", _p(patrol_title, styles.cell), _signed(change, lang)])
            rest = adjustments[CERTIFICATE_MAX_ADJUSTMENTS:]
            if rest:
                more = f"외 {len(rest)}건" if ko else f"{len(rest)} more"
                rows.append(["", _p(more, styles.cell), _signed(sum(change for _, _, change in rest), lang)])
            total = sum(change for _, _, change in adjustments)
            rows.append(["", _p("조정 합계" if ko else "Total change", styles.header), _signed(total, lang)])
            note = (
                "아래는 승인 후 정정된 내역으로, 위의 승인된 봉사시간에 포함되지 않습니다."
                if ko else
                "Changes recorded after the approval; they are not part of the approved hours above."
            )
            content += [
                Spacer(1, 6 * mm), _p("승인 후 조정" if ko else "Adjustments after approval", styles.heading),
                _p(note, styles.meta), Spacer(1, 2 * mm),
                Table(rows, colWidths=widths, style=_grid(1, ("ALIGN", (2, 1), (2, -1), "RIGHT"))),
            ]
        statement = (
            "위 사람은 위 기간 동안 경찰과 함께하는 합동순찰 자원봉사 활동에 참여하였으며, "
            "승인된 봉사시간이 위와 같음을 확인합니다."
            if ko else
            "This is to certify that the person named above took part in joint police–volunteer "
            "patrols as a volunteer during the period stated, for the approved hours stated."
        )
        check = (
            f"진위 확인: 확인번호 {number}를 {check_url} 에서 조회할 수 있습니다."
            if ko else
            f"To check this certificate, look up number {number} at {check_url}"
        )
        signature = Table(
            [[_p(label, styles.body), ""] for label in (
                ("확인 경찰관 소속·계급", "성명", "서명") if ko else ("Confirming officer, unit and rank", "Name", "Signature")
            )],
            colWidths=[65 * mm, 60 * mm], rowHeights=9 * mm, hAlign="RIGHT",
            style=TableStyle([
                ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]),
        )
        content += [
            Spacer(1, 8 * mm), _p(statement, styles.body), Spacer(1, 6 * mm),
            _p(_date_label(issued_on, lang), styles.centered), _p(station, styles.centered),
            Spacer(1, 6 * mm), signature, Spacer(1, 6 * mm), _p(check, styles.meta),
        ]
        # Shrinks rather than spills: a certificate is one sheet of paper.
        return [KeepInFrame(width, height, content, mode="shrink")]

    return _build(story, pagesize=A4, title=title, footer=f"{title} · {person_name} · {number}", margin=20 * mm)


def _signed(minutes, lang):
    return ("+" if minutes >= 0 else "-") + hours_and_minutes(abs(minutes), lang)


def _date_iso(value):
    if isinstance(value, datetime):
        value = value.astimezone(SEOUL) if value.tzinfo else value
        return f"{value:%Y-%m-%d}"
    return value.isoformat()


# --- sign-in sheet ----------------------------------------------------------------------


def sign_in_sheet_pdf(lang, *, patrol_title, when, meeting_place, zones, people):
    """A printable 참석자 서명부: people are mappings with name, unit (an officer's) or group
    (a volunteer's), role and arrived (the check-in time, empty before one); numbered blank
    rows follow for people who join on the night."""
    styles = _styles()
    ko = lang == "ko"
    title = "참석자 서명부" if ko else "Attendance Sign-in Sheet"
    # Room to sign: the signature column's width, and space above and below each row's text.
    signature_width, row_padding = 40 * mm, 3 * mm

    def story(width, _height):
        info = [("순찰" if ko else "Patrol", patrol_title), ("일시" if ko else "When", when),
                ("집결지" if ko else "Meeting point", meeting_place), ("순찰 구역" if ko else "Zones", zones)]
        label_width = _cell_width(_widest([label for label, _ in info], styles.bold, styles.label.fontSize))
        info_table = Table(
            [[_p(label, styles.label), _p(value, styles.body)] for label, value in info],
            colWidths=[label_width, width - label_width],
            style=_grid(1, ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL), ("BACKGROUND", (1, 0), (1, -1), colors.white)),
        )
        headers = ("번호", "성명", "소속", "구분", "도착 시각") if ko else ("No.", "Name", "Unit or group", "Role", "Arrived")
        rows = [
            [str(number), person["name"], person["unit"], person["role"], person["arrived"]]
            for number, person in enumerate(people, start=1)
        ]
        rows += [[str(number), "", "", "", ""] for number in range(len(rows) + 1, len(rows) + 1 + SIGN_IN_BLANK_ROWS)]
        kinds = ("int", "text", "text", "text", "datetime")
        widths = _column_widths(width - signature_width, list(zip(headers, kinds, zip(*rows))), styles, grow=False)
        data = [[_p(h, styles.header) for h in (*headers, "서명" if ko else "Signature")]]
        data += [[_p(cell, styles.cell) if kind == "text" else cell for cell, kind in zip(row, kinds)] + [""] for row in rows]
        table = Table(
            data, colWidths=[*widths, width - sum(widths)], repeatRows=1,
            style=_grid(1, ("ALIGN", (0, 1), (0, -1), "CENTER"), ("TOPPADDING", (0, 1), (-1, -1), row_padding),
                        ("BOTTOMPADDING", (0, 1), (-1, -1), row_padding)),
        )
        signature = _p(("확인자: ____________________ (서명)" if ko else "Confirmed by: ____________________ (signature)"),
                       styles.body)
        return [_p(title, styles.big_title), Spacer(1, 6 * mm), info_table, Spacer(1, 6 * mm), table,
                Spacer(1, 8 * mm), signature]

    return _build(story, pagesize=A4, title=title, footer=f"{title} · {patrol_title}", margin=15 * mm)
