"""The visitor's summary as a PDF (A4, at most two pages): their programmes with sectors and job
examples, their eligibility outcome and timeline, enterprise support, next steps, contacts and
QR codes to the official pages. No personal contact data ever goes into it.

Qt-free: the kiosk previews and prints these very bytes; ``kiosk summary`` writes them too.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from datetime import date
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kiosk.catalog import NEW_SECTOR_FOOTNOTE, Catalog, Sector
from kiosk.eligibility import EligibilityOutcome
from kiosk.l10n import Language
from kiosk.milestones import Milestone, milestones, timeline_heading
from kiosk.qr import QUIET_ZONE, dark_runs, qr_matrix
from kiosk.resources import asset
from kiosk.summary import OfficialLink, SummaryRequest, check_programme_codes, official_links

FONT = "WenQuanYiMicroHei"
QR_CODES_A_ROW = 2
MAX_PAGES = 2
MARGIN = 15 * mm
BLUE = colors.HexColor("#1B4F9C")
TEAL = colors.HexColor("#0E9F8E")
INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#52606D")
PALE = colors.HexColor("#EEF3FA")
OUTCOME_COLOURS = {
    "likely_eligible": "#0E9F8E",
    "eligible_with_conditions": "#F28C28",
    "not_eligible": "#C8102E",
    "not_applicable": "#52606D",
    "talk_to_staff": "#1B4F9C",
}


@cache
def _register_font() -> None:
    # reportlab embeds only the glyphs used (a subset), so the PDF shows the same everywhere.
    path = asset("fonts", "wqy-microhei.ttc")
    pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))


def build_summary_pdf(
    catalog: Catalog, request: SummaryRequest, links: Sequence[OfficialLink] | None = None
) -> bytes:
    """The summary as PDF bytes. Long lists are set smaller until they fit on two pages."""
    _register_font()
    codes = check_programme_codes(catalog, request.programme_codes)
    links = tuple(links) if links is not None else official_links(catalog)
    pdf = b""
    for scale in (1.0, 0.9, 0.8, 0.72):
        layout = _Layout(catalog, request.language, scale)
        pdf, pages = layout.render(_story(layout, request, codes, links))
        if pages <= MAX_PAGES:
            break
    return pdf


class _Layout:
    """Fonts and styles of one rendering, scaled together to fit long lists on two pages."""

    def __init__(self, catalog: Catalog, language: Language, scale: float) -> None:
        self.catalog = catalog
        self.language = language
        self.scale = scale
        # CJK text breaks between any two characters; English only at spaces.
        wrap = "CJK" if language != "en" else None

        def style(name: str, size: float, colour: Any = INK, **extra: Any) -> ParagraphStyle:
            return ParagraphStyle(
                name,
                fontName=FONT,
                fontSize=size * scale,
                leading=size * scale * 1.38,
                textColor=colour,
                alignment=TA_LEFT,
                wordWrap=wrap,
                bulletFontName=FONT,
                bulletFontSize=size * scale,
                **extra,
            )

        self.title = style("title", 20, colors.white)
        self.subtitle = style("subtitle", 9.5, colors.white)
        # A heading never ends a page without what it heads.
        self.heading = style(
            "heading", 13, BLUE, spaceBefore=9 * scale, spaceAfter=3 * scale, keepWithNext=1
        )
        self.subheading = style("subheading", 10.5, INK, spaceBefore=4 * scale, keepWithNext=1)
        self.body = style("body", 9.2)
        self.small = style("small", 8, MUTED)
        self.tiny = style("tiny", 6.8, MUTED)
        self.bullet = style("bullet", 9.2, leftIndent=10 * scale, bulletIndent=0)
        self.verdict = style("verdict", 13.5, colors.white)
        self.verdict_body = style("verdict_body", 9.5, colors.white)
        self.frame_width = A4[0] - 2 * MARGIN

    def text(self, key: str) -> str:
        return self.catalog.text(key).get(self.language)

    def labelled(self, label_key: str, text: str) -> str:
        colon = ": " if self.language == "en" else "："
        return f"{self.text(label_key)}{colon}{text}"

    def render(self, story: list[Flowable]) -> tuple[bytes, int]:
        buffer = io.BytesIO()
        page_label = self.text("summary.page")
        footer = f"{self.text('data_date')} · {self.text('copyright')}"

        class FooterCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
            """Numbers each page "1 of N" once N is known (reportlab's two-pass recipe)."""

            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self.pages: list[dict[str, Any]] = []

            def showPage(self) -> None:
                self.pages.append(dict(self.__dict__))
                self._startPage()

            def save(self) -> None:
                total = len(self.pages)
                for state in self.pages:
                    self.__dict__.update(state)
                    self.setFont(FONT, 7.5)
                    self.setFillColor(MUTED)
                    self.drawString(MARGIN, 9 * mm, footer)
                    self.drawRightString(
                        A4[0] - MARGIN,
                        9 * mm,
                        page_label.format(page=self._pageNumber, pages=total),
                    )
                    super().showPage()
                super().save()

        document = BaseDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=14 * mm,
            bottomMargin=16 * mm,
            title=self.text("summary.title"),
            author="VTC",
            subject=self.text("summary.subtitle"),
            invariant=True,  # the same visitor's summary is the same bytes
            # Not Helvetica: every font in the file is embedded, so it prints the same anywhere.
            initialFontName=FONT,
        )
        frame = Frame(
            document.leftMargin,
            document.bottomMargin,
            document.width,
            document.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        document.build(story, canvasmaker=FooterCanvas)
        return buffer.getvalue(), document.page


def _table(rows: list[list[Any]], col_widths: list[float], commands: list[Any]) -> Table:
    table = Table(rows, col_widths)
    # Table's default cell font is Helvetica, which would be the one font not embedded.
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT), *commands]))
    return table


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _story(
    layout: _Layout,
    request: SummaryRequest,
    codes: tuple[str, ...],
    links: tuple[OfficialLink, ...],
) -> list[Flowable]:
    story: list[Flowable] = [_header(layout, request.made_on)]
    story += _programmes(layout, codes)
    if request.outcome is not None:
        story += _eligibility(layout, request.outcome)
    story += _support(layout)
    story += _next_steps(layout)
    story += _contacts_and_links(layout, links)
    story.append(Spacer(1, 6 * layout.scale))
    story.append(
        _p(
            f"{layout.labelled('headings.disclaimer', layout.text('disclaimer'))}  "
            f"({layout.text('data_change_note')}) ({layout.text('data_date')})",
            layout.tiny,
        )
    )
    return story


def _header(layout: _Layout, made_on: date) -> Flowable:
    made = f"{layout.text('summary.made_on')} {made_on.isoformat()}"
    return _band(
        layout,
        BLUE,
        _p(layout.text("summary.title"), layout.title),
        _p(f"{layout.text('summary.subtitle')}   {made}", layout.subtitle),
    )


def _band(layout: _Layout, colour: Any, heading: Paragraph, text: Paragraph) -> Table:
    """A full-width coloured block: a heading over a line of text (the title, the verdict)."""
    return _table(
        [[heading], [text]],
        [layout.frame_width],
        [
            ("BACKGROUND", (0, 0), (-1, -1), colour),
            ("LEFTPADDING", (0, 0), (-1, -1), 12),
            ("RIGHTPADDING", (0, 0), (-1, -1), 12),
            ("TOPPADDING", (0, 0), (-1, 0), 9),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 9),
        ],
    )


def _other_name(layout: _Layout, names: Any) -> str:
    """English beside Chinese, and Simplified Chinese beside English (for parents)."""
    return str(names.get("en" if layout.language != "en" else "zh-Hans"))


def _programmes(layout: _Layout, codes: tuple[str, ...]) -> list[Flowable]:
    flowables: list[Flowable] = [_p(layout.text("summary.my_list"), layout.heading)]
    if not codes:
        return [*flowables, _p(layout.text("summary.empty_list"), layout.body)]
    lang = layout.language
    for sector, sector_codes in _by_sector(layout.catalog, codes):
        new_sector_note = layout.catalog.new_sector_note(sector)
        # The leaflet's mark on a sector new in 2026/27, and its footnote under the sector (the
        # font has no superscript digits: reportlab raises the number).
        mark = f"<super>{NEW_SECTOR_FOOTNOTE}</super>" if new_sector_note else ""
        rows: list[Flowable] = [
            Paragraph(
                f"{escape(sector.name.get(lang))}{mark}  ·  "
                f"{escape(_other_name(layout, sector.name))}",
                layout.subheading,
            )
        ]
        for code in sector_codes:
            names = layout.catalog.programme(code).name
            rows.append(
                Paragraph(
                    f"<b>{escape(names.get(lang))}</b>　{escape(_other_name(layout, names))}",
                    layout.bullet,
                    bulletText="•",
                )
            )
        jobs = "、" if lang != "en" else ", "
        rows.append(
            _p(
                layout.labelled(
                    "headings.column_jobs", jobs.join(j.get(lang) for j in sector.jobs)
                ),
                layout.small,
            )
        )
        if new_sector_note:
            rows.append(Paragraph(f"{mark} {escape(new_sector_note.get(lang))}", layout.small))
        flowables.append(KeepTogether(rows))
    return flowables


def _by_sector(catalog: Catalog, codes: tuple[str, ...]) -> Iterator[tuple[Sector, list[str]]]:
    """The visitor's programmes grouped under their sectors, in the order first chosen."""
    groups: dict[str, list[str]] = {}
    for code in codes:
        groups.setdefault(catalog.programme(code).sector_code, []).append(code)
    for sector_code, sector_codes in groups.items():
        yield catalog.sector(sector_code), sector_codes


def _eligibility(layout: _Layout, outcome: EligibilityOutcome) -> list[Flowable]:
    colour = colors.HexColor(OUTCOME_COLOURS[outcome.outcome])
    verdict = _band(
        layout,
        colour,
        _p(layout.text(f"outcome.{outcome.outcome}.headline"), layout.verdict),
        _p(layout.text(f"outcome.{outcome.outcome}.summary"), layout.verdict_body),
    )
    flowables: list[Flowable] = [
        KeepTogether([_p(layout.text("summary.eligibility"), layout.heading), verdict])
    ]
    flowables.append(_p(layout.text("summary.why"), layout.subheading))
    flowables += [
        Paragraph(
            f"{escape(reason.text)} <font color='#52606D' size='{7.5 * layout.scale:.1f}'>"
            f"({escape(reason.source)})</font>",
            layout.bullet,
            bulletText="•",
        )
        for reason in outcome.reasons
    ]
    if outcome.timeline is not None:
        flowables.append(
            KeepTogether(
                [
                    _p(
                        timeline_heading(outcome, layout.catalog, layout.language),
                        layout.subheading,
                    ),
                    _timeline_drawing(
                        layout, milestones(outcome.timeline, layout.catalog, layout.language)
                    ),
                    _p(layout.text("timeline.note"), layout.small),
                ]
            )
        )
    if outcome.advisories:
        flowables.append(_p(layout.text("summary.good_to_know"), layout.subheading))
        flowables += [
            Paragraph(escape(advisory.text), layout.small, bulletText="•")
            for advisory in outcome.advisories
        ]
    return flowables


def _wrap(text: str, width: float, size: float) -> list[str]:
    """Break a label into lines no wider than ``width``: at spaces, or between CJK characters."""
    lines: list[str] = []
    line = ""
    tokens = text.split(" ") if " " in text else list(text)
    joiner = " " if " " in text else ""
    for token in tokens:
        candidate = f"{line}{joiner}{token}" if line else token
        if line and pdfmetrics.stringWidth(candidate, FONT, size) > width:
            lines.append(line)
            line = token
        else:
            line = candidate
    return [*lines, line] if line else lines


def _timeline_drawing(layout: _Layout, points: list[Milestone]) -> Drawing:
    """The milestones on one line, evenly spaced (the dates fall months apart and would
    overlap to scale), labels alternately above and below, each with its date as
    kiosk.milestones tells it (an estimate says so)."""
    width = layout.frame_width
    size = 7.6 * layout.scale
    line_height = size * 1.25
    step = width / max(len(points), 1)
    # Alternating rows give up to twice the room; narrower, so that the end labels, shifted
    # inwards onto the page, stay clear of their neighbours on the same side.
    label_width = min(2 * step - 6, step + 40)
    # Each label's lines, then its date's (in the milestone's colour).
    label_lines = [_wrap(point.label, label_width, size) for point in points]
    date_lines = [_wrap(point.when, label_width, size) for point in points]
    label_lines = [[*lines, *dates] for lines, dates in zip(label_lines, date_lines, strict=True)]
    above = max((len(lines) for lines in label_lines[0::2]), default=1)
    below = max((len(lines) for lines in label_lines[1::2]), default=1)
    line_y = below * line_height + 14
    height = line_y + above * line_height + 14
    drawing = Drawing(width, height, initialFontName=FONT)
    drawing.add(Line(4, line_y, width - 4, line_y, strokeColor=MUTED, strokeWidth=1.2))
    for index, (point, lines, dates) in enumerate(
        zip(points, label_lines, date_lines, strict=True)
    ):
        x = step * (index + 0.5)
        colour = colors.HexColor(point.colour)
        drawing.add(Circle(x, line_y, 4.5, fillColor=colour, strokeColor=colors.white))
        if index % 2 == 0:
            ys = [line_y + 10 + line_height * (len(lines) - 1 - n) for n in range(len(lines))]
        else:
            ys = [line_y - 10 - size - line_height * n for n in range(len(lines))]
        # The first and last labels are shifted inwards to stay on the page.
        text_x = min(max(x, label_width / 2), width - label_width / 2)
        for n, (text, y) in enumerate(zip(lines, ys, strict=True)):
            drawing.add(
                String(
                    text_x,
                    y,
                    text,
                    fontName=FONT,
                    fontSize=size,
                    fillColor=colour if n >= len(lines) - len(dates) else INK,
                    textAnchor="middle",
                )
            )
    return drawing


def _support(layout: _Layout) -> list[Flowable]:
    lang = layout.language
    cells = [
        [
            _p(support.title.get(lang), layout.subheading),
            _p(support.with_note(support.description, lang), layout.small),
        ]
        for support in layout.catalog.supports
    ]
    half = (len(cells) + 1) // 2
    rows = [
        [left, cells[half + index] if half + index < len(cells) else ""]
        for index, left in enumerate(cells[:half])
    ]
    table = _table(
        rows,
        [layout.frame_width / 2] * 2,
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ],
    )
    return [KeepTogether([_p(layout.text("headings.support"), layout.heading), table])]


def _next_steps(layout: _Layout) -> list[Flowable]:
    wechat = next(c for c in layout.catalog.contacts if c.code == "wechat").text
    steps = [
        layout.text("summary.step_admission"),
        *([wechat.get(layout.language)] if wechat else []),
        layout.text("summary.step_immd"),
    ]
    return [
        KeepTogether(
            [
                _p(layout.text("summary.next_steps"), layout.heading),
                *(
                    Paragraph(escape(step), layout.bullet, bulletText=f"{number}.")
                    for number, step in enumerate(steps, start=1)
                ),
            ]
        )
    ]


def _contacts_and_links(layout: _Layout, links: tuple[OfficialLink, ...]) -> list[Flowable]:
    lang = layout.language
    lines: list[Flowable] = []
    for contact in layout.catalog.contacts:
        if contact.phone is None and contact.email is None:
            continue  # the WeChat note is a next step above
        parts = [part.get(lang) for part in (contact.title, contact.organisation) if part]
        lines.append(_p(" · ".join(parts), layout.subheading))
        details = []
        if contact.address:
            details.append(contact.address.get(lang))
        if contact.phone:
            details.append(f"{layout.text('summary.phone')} {contact.phone}")
        if contact.email:
            details.append(f"{layout.text('summary.email')} {contact.email}")
        lines.append(_p(" · ".join(details), layout.body))
    flowables: list[Flowable] = [
        KeepTogether([_p(layout.text("headings.contact"), layout.heading), *lines])
    ]
    if not links:
        return flowables
    qr_size = 27 * mm * max(layout.scale, 0.85)
    cells = [
        [_qr_drawing(link.url, qr_size), _p(f"{link.title.get(lang)}\n{link.url}", layout.small)]
        for link in links
    ]
    # Two codes a row: the ImmD page, and the ones staff set (the leaflet's QR codes).
    rows = [
        [cell for pair in cells[start : start + QR_CODES_A_ROW] for cell in pair]
        for start in range(0, len(cells), QR_CODES_A_ROW)
    ]
    rows[-1] += [""] * (2 * QR_CODES_A_ROW - len(rows[-1]))
    qr_table = _table(
        rows,
        [qr_size + 4, layout.frame_width / QR_CODES_A_ROW - qr_size - 4] * QR_CODES_A_ROW,
        [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ],
    )
    qr_heading = _p(layout.text("summary.official_pages"), layout.heading)
    return [*flowables, KeepTogether([qr_heading, qr_table])]


def _qr_drawing(payload: str, size: float) -> Drawing:
    """A vector QR code: sharp on any printer, one rectangle per run of dark modules."""
    matrix = qr_matrix(payload)
    modules = len(matrix) + 2 * QUIET_ZONE
    unit = size / modules
    drawing = Drawing(size, size, initialFontName=FONT)
    drawing.add(Rect(0, 0, size, size, fillColor=colors.white, strokeColor=None))
    for row_index, row in enumerate(matrix):
        y = size - (row_index + QUIET_ZONE + 1) * unit
        for start, length in dark_runs(row):
            drawing.add(
                Rect(
                    (start + QUIET_ZONE) * unit,
                    y,
                    length * unit,
                    unit,
                    fillColor=colors.black,
                    strokeColor=None,
                    strokeWidth=0,
                )
            )
    return drawing


def build_test_page_pdf(kiosk_id: str, event_line: str, printed_at: str) -> bytes:
    """One A4 page for staff to check the printer: both Chinese scripts, a QR code (scanned, it
    should read the kiosk id back) and a grey scale, in the summary's font."""
    _register_font()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    height = A4[1]
    y = height - MARGIN - 10 * mm
    for size, colour, text in (
        (22, BLUE, "VPAS kiosk printer test · 打印测试页 · 列印測試頁"),
        (13, INK, f"Kiosk: {kiosk_id}"),
        (13, INK, event_line),
        (13, INK, printed_at),
        (13, INK, "简体：职专毕业生留港计划  繁體：職專畢業生留港計劃"),
    ):
        canvas.setFont(FONT, size)
        canvas.setFillColor(colour)
        canvas.drawString(MARGIN, y, text)
        y -= size * 1.8
    qr = _qr_drawing(kiosk_id, 45 * mm)
    qr.drawOn(canvas, MARGIN, y - 50 * mm)
    for step in range(10):  # faint bands show a worn drum or low toner
        canvas.setFillColor(colors.Color(step / 10, step / 10, step / 10))
        canvas.rect(MARGIN + step * 17 * mm, MARGIN, 17 * mm, 12 * mm, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
