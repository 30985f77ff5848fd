"""The staff statistics as charts (QtCharts), for booth staff reading them standing.

Four cells in a grid, two columns on a landscape window and one on a portrait one: visitors and
leads per hour today; the eligibility results beside the share of visitors who left contact
details; the most viewed sectors; the most viewed programmes. Every text comes translated in a
ChartTexts: the widget neither translates nor looks anything up in the catalog.

The charts, their series and axes are made once; a refresh only changes their values, so
refreshing every 30 seconds creates nothing new.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QPieSlice,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QObject, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QResizeEvent,
    QShowEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QGraphicsSimpleTextItem,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QWidget,
)

from kiosk.statistics import Statistics

# Pixel sizes: read standing, at arm's length or more. Never below 18.
TITLE_PX = 24
MIN_TITLE_PX = 20
LABEL_PX = 20
LEGEND_PX = 20
NO_DATA_PX = 26
CENTRE_PX = 48
MIN_CHART_HEIGHT = 360
HINT_HEIGHT = 440
SPACING = 20
# The hours always on the axis (a fair's opening hours); earlier or later ones when busy.
FIRST_HOUR, LAST_HOUR = 8, 18
# QtCharts gives the axes beside the plot at most 40% of the chart's width (less its margins and
# the labels' padding), and cuts longer names itself: ours are wrapped or elided to fit inside.
AXIS_SHARE = 0.4

INK = "#1F2A44"
MUTED = "#4A5878"
BLUE = "#1B4F9C"
TEAL = "#0E9F8E"
ORANGE = "#F28C28"
PALE = "#C9D8EC"
GRID = "#E3EAF3"
EDGE = "#D6E2F0"


@dataclass(frozen=True)
class ChartTexts:
    """Every text the charts show, already translated (the screen builds it from tr() and the
    catalog); a code missing from a mapping is shown as the code itself."""

    hourly_title: str
    sessions: str  # the series names: "Visitors", "Leads"
    leads: str
    outcomes_title: str
    outcome_labels: Mapping[str, str]  # outcome code -> label
    sectors_title: str
    sector_names: Mapping[str, str]  # sector code -> name
    programmes_title: str
    programme_names: Mapping[str, str]  # programme code -> name
    share_title: str
    left_contact: str
    did_not: str
    no_data: str  # "No data yet"
    hours_axis: str = ""  # a title under the hours; none when empty


@dataclass(frozen=True)
class Shown:
    """What one chart draws, read back from its QtCharts series (for tests and diagnostics)."""

    title: str
    no_data: bool
    categories: tuple[str, ...]  # as drawn, in reading order (top to bottom, left to right)
    values: dict[str, tuple[float, ...]]  # per bar set (or the pie): values, in that order
    centre: str = ""  # the text in the middle of the donut: "38%\n31 / 81"
    full_names: tuple[str, ...] = ()  # the categories before wrapping or eliding


def _font(base: QFont, pixels: int, *, bold: bool = False) -> QFont:
    font = QFont(base)  # the application's family (the bundled CJK font), never another
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _plain(label: str) -> str:
    """A category label as text: its line breaks as spaces, its markup undone."""
    return html.unescape(label.replace("<br>", " ")).replace("\u200b", "")


def fit_label(text: str, font: QFont, width: float, lines: int) -> str:
    """``text`` broken into at most ``lines`` lines of ``width`` px, the last one elided; as the
    HTML a QtCharts axis label takes (its only line break is <br>)."""
    metrics = QFontMetricsF(font)
    if metrics.horizontalAdvance(text) <= width:
        return html.escape(text, quote=False)
    # QTextLayout counts UTF-16 code units: slice the text the same way.
    units = text.encode("utf-16-le")
    parts: list[str] = []
    start = 0
    if lines > 1:
        layout = QTextLayout(text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        for _ in range(lines - 1):
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            end = line.textStart() + line.textLength()
            parts.append(units[2 * line.textStart() : 2 * end].decode("utf-16-le").strip())
            start = end
        layout.endLayout()
    rest = units[2 * start :].decode("utf-16-le").strip()
    if rest:
        parts.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return "<br>".join(html.escape(part, quote=False) for part in parts if part)


def _nice_step(top: float, ticks: int = 5) -> int:
    """An integer tick interval (1, 2, 5, 10, 20, 50 …) giving at most ``ticks`` intervals."""
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            if top / step <= ticks:
                return step
        magnitude *= 10


class _ChartCard(QWidget):
    """A QChart in its view, with a "No data yet" note laid over it when there is nothing."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"chart-{name}")
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setBackgroundRoundness(24)
        self.chart.setBackgroundBrush(QBrush(QColor("white")))
        self.chart.setBackgroundPen(QPen(QColor(EDGE), 1))
        self.chart.setMargins(QMargins(12, 8, 16, 8))
        self.chart.setTitleFont(_font(self.font(), TITLE_PX, bold=True))
        self.chart.setTitleBrush(QBrush(QColor(BLUE)))
        self._title = ""
        legend = self.chart.legend()
        legend.setFont(_font(self.font(), LEGEND_PX))
        legend.setLabelColor(QColor(INK))
        legend.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.view.setMinimumHeight(MIN_CHART_HEIGHT)
        self.view.setFrameShape(QChartView.Shape.NoFrame)
        self.view.setBackgroundBrush(Qt.BrushStyle.NoBrush)
        self.view.setStyleSheet("background: transparent;")
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Nothing to tap: a finger on a chart scrolls the page around it.
        self.view.setInteractive(False)
        self.view.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.note = QLabel()
        self.note.setObjectName("noData")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self.note.setFont(_font(self.font(), NO_DATA_PX))
        self.note.setStyleSheet(f"color: {MUTED}; font-size: {NO_DATA_PX}px;")
        self.note.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.note.hide()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 0, 0)
        layout.addWidget(self.note, 0, 0)  # over the view: added after it
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(480, HINT_HEIGHT)

    def set_title(self, title: str) -> None:
        self._title = title
        self._fit_title()

    def _fit_title(self) -> None:
        """The title on one line: smaller (down to MIN_TITLE_PX) when the chart is narrow."""
        width = self.view.width() - 56
        for pixels in range(TITLE_PX, MIN_TITLE_PX - 1, -1):
            font = _font(self.font(), pixels, bold=True)
            if QFontMetricsF(font).horizontalAdvance(self._title) <= width:
                break
        if font != self.chart.titleFont():
            self.chart.setTitleFont(font)
        self.chart.setTitle(html.escape(self._title, quote=False))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._title:
            self._fit_title()

    def set_no_data(self, no_data: bool, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(no_data)
        self.chart.legend().setVisible(not no_data and self._legend_wanted())
        for axis in self.chart.axes():
            axis.setVisible(not no_data and self._axis_wanted(axis))
        for series in self.chart.series():
            series.setVisible(not no_data)

    def _legend_wanted(self) -> bool:
        return True

    def _axis_wanted(self, _axis: object) -> bool:
        return True

    @property
    def no_data(self) -> bool:
        return not self.note.isHidden()


class _BarCard(_ChartCard):
    """Bars by category: grouped columns (the hours) or horizontal bars, top first."""

    def __init__(self, name: str, colours: Sequence[str], *, horizontal: bool) -> None:
        super().__init__(name)
        self.horizontal = horizontal
        self.series: QAbstractBarSeries = QHorizontalBarSeries() if horizontal else QBarSeries()
        self.series.setBarWidth(0.7 if horizontal else 0.8)
        self.sets: list[QBarSet] = []
        for colour in colours:
            bar_set = QBarSet("")
            bar_set.setColor(QColor(colour))
            bar_set.setBorderColor(QColor(colour))
            bar_set.setLabelFont(_font(self.font(), LABEL_PX, bold=True))
            bar_set.setLabelColor(QColor(INK))
            self.series.append(bar_set)
            self.sets.append(bar_set)
        self.chart.addSeries(self.series)
        self.categories = QBarCategoryAxis()
        self.values = QValueAxis()
        for axis in (self.categories, self.values):
            axis.setLabelsFont(_font(self.font(), LABEL_PX))
            axis.setLabelsColor(QColor(INK))
            axis.setTitleFont(_font(self.font(), LABEL_PX))
            axis.setTitleBrush(QBrush(QColor(MUTED)))
            axis.setLinePenColor(QColor(EDGE))
            axis.setGridLineColor(QColor(GRID))
        self.categories.setGridLineVisible(False)
        self.values.setLabelFormat("%d")
        self.values.setTickType(QValueAxis.TickType.TicksDynamic)
        self.values.setTickAnchor(0)
        if horizontal:
            self.chart.addAxis(self.categories, Qt.AlignmentFlag.AlignLeft)
            self.chart.addAxis(self.values, Qt.AlignmentFlag.AlignBottom)
            # The counts at the ends of the bars say it all: no value axis.
            self.series.setLabelsVisible(True)
            self.series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
            self.series.setLabelsFormat("@value")
            self.series.setLabelsPrecision(12)
        else:
            self.chart.addAxis(self.categories, Qt.AlignmentFlag.AlignBottom)
            self.chart.addAxis(self.values, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.categories)
        self.series.attachAxis(self.values)
        self.chart.legend().setVisible(len(colours) > 1)
        self._names: list[str] = []

    def _legend_wanted(self) -> bool:
        return len(self.sets) > 1

    def _axis_wanted(self, axis: object) -> bool:
        return not (self.horizontal and axis is self.values)

    def show_bars(
        self,
        title: str,
        set_names: Sequence[str],
        names: Sequence[str],
        values: Sequence[Sequence[int]],
        no_data_text: str,
        *,
        axis_title: str = "",
    ) -> None:
        self.set_title(title)
        self.categories.setTitleText(axis_title)
        self.categories.setTitleVisible(bool(axis_title))
        for bar_set, set_name, set_values in zip(self.sets, set_names, values, strict=True):
            bar_set.setLabel(html.escape(set_name, quote=False))
            if bar_set.count():
                bar_set.remove(0, bar_set.count())
            # Horizontal bars are drawn from the bottom up: the first one goes in last.
            ordered = list(reversed(set_values)) if self.horizontal else list(set_values)
            bar_set.append([float(value) for value in ordered])
        self._names = list(names)
        if self.horizontal:
            # Every name needs its line of height, or QtCharts draws them all as "...".
            needed = self._height_for_names(len(self._names), 1)
            self.view.setMinimumHeight(max(MIN_CHART_HEIGHT, math.ceil(needed)))
        self._fit_categories()
        top = max((max(v, default=0) for v in values), default=0)
        if self.horizontal:
            # Room for the count after the longest bar.
            self.values.setRange(0, max(1.0, top * 1.22))
            self.values.setTickInterval(max(1.0, top))
        else:
            step = _nice_step(max(top, 1))
            upper = max(step, -(-top // step) * step)
            self.values.setRange(0, upper)
            self.values.setTickInterval(step)
        self.set_no_data(top == 0, no_data_text)

    def _fit_categories(self) -> None:
        """Names wrapped on two lines when there is room for it, else elided on one."""
        if self.horizontal:
            font = self.categories.labelsFont()
            margins = self.chart.margins()
            inside = self.view.width() - margins.left() - margins.right()
            width = max(100.0, AXIS_SHARE * inside - 16)
            two = self.view.height() >= self._height_for_names(len(self._names), 2)
            lines = 2 if two else 1
            names = list(reversed(self._names))
            labels = [fit_label(name, font, width, lines) for name in names]
        else:
            labels = [html.escape(name, quote=False) for name in self._names]
        # A category axis needs its labels unique: two names cut to the same words stay apart.
        seen: set[str] = set()
        for index, label in enumerate(labels):
            while label in seen:
                label += "\u200b"
            labels[index] = label
            seen.add(label)
        if labels != self.categories.categories():
            self.categories.clear()
            self.categories.append(labels)

    def _height_for_names(self, count: int, lines: int) -> float:
        """The view's height below which QtCharts would cut names of ``lines`` lines to "...".

        Measured with QtCharts 6.11 (a test checks it): each name takes its lines and ~11 px;
        the title, the margins and the first and last half rows take the rest.
        """
        line = QFontMetricsF(self.categories.labelsFont()).lineSpacing()
        title = QFontMetricsF(self.chart.titleFont()).lineSpacing()
        rows = max(count, 1) * (lines * line + 12)
        return rows + title + 60 + (lines - 1) * 2 * line

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._names:
            self._fit_categories()

    def shown(self) -> Shown:
        def reading_order(items: list[str] | list[float]) -> tuple[Any, ...]:
            return tuple(reversed(items)) if self.horizontal else tuple(items)

        return Shown(
            title=html.unescape(self.chart.title()),
            no_data=self.no_data,
            categories=reading_order([_plain(label) for label in self.categories.categories()]),
            values={
                html.unescape(bar_set.label()): reading_order(
                    [bar_set.at(i) for i in range(bar_set.count())]
                )
                for bar_set in self.sets
            },
            full_names=tuple(self._names),
        )


class _ShareCard(_ChartCard):
    """A donut: visitors who left contact details and those who did not, the share in the middle."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.series = QPieSeries()
        self.series.setHoleSize(0.55)
        self.series.setPieSize(0.85)
        self.slices: list[QPieSlice] = []
        for colour in (ORANGE, PALE):
            piece = QPieSlice("", 0.0)
            piece.setColor(QColor(colour))
            piece.setBorderColor(QColor("white"))
            piece.setBorderWidth(2)
            piece.setLabelVisible(False)
            self.series.append(piece)
            self.slices.append(piece)
        self.chart.addSeries(self.series)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        # In the hole: the share, and under it how many of how many (no words to translate).
        self.centre = QGraphicsSimpleTextItem(self.chart)
        self.centre.setFont(_font(self.font(), CENTRE_PX, bold=True))
        self.centre.setBrush(QBrush(QColor(INK)))
        self.fraction = QGraphicsSimpleTextItem(self.chart)
        self.fraction.setFont(_font(self.font(), LABEL_PX))
        self.fraction.setBrush(QBrush(QColor(MUTED)))
        self.chart.plotAreaChanged.connect(self._place_centre)

    def show_share(
        self, title: str, names: tuple[str, str], counts: tuple[int, int], no_data_text: str
    ) -> None:
        self.set_title(title)
        total = sum(counts)
        for piece, name, count in zip(self.slices, names, counts, strict=True):
            piece.setLabel(html.escape(name, quote=False))
            piece.setValue(float(count))
        self.centre.setText(f"{round(100 * counts[0] / total)}%" if total else "")
        self.fraction.setText(f"{counts[0]:,} / {total:,}")
        self.centre.setVisible(total > 0)
        self.fraction.setVisible(total > 0)
        self._place_centre(self.chart.plotArea())
        self.set_no_data(total == 0, no_data_text)

    def _place_centre(self, area: QRectF) -> None:
        share, fraction = self.centre.boundingRect(), self.fraction.boundingRect()
        middle = area.center()
        top = middle.y() - (share.height() + fraction.height()) / 2
        self.centre.setPos(middle.x() - share.width() / 2, top)
        self.fraction.setPos(middle.x() - fraction.width() / 2, top + share.height())

    def shown(self) -> Shown:
        return Shown(
            title=html.unescape(self.chart.title()),
            no_data=self.no_data,
            categories=tuple(html.unescape(piece.label()) for piece in self.slices),
            values={"": tuple(piece.value() for piece in self.slices)},
            centre=f"{self.centre.text()}\n{self.fraction.text()}"
            if self.centre.isVisible()
            else "",
        )


class StatisticsCharts(QWidget):
    """The five charts of the staff panel; ``show_statistics`` fills or refreshes them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsCharts")
        self.hourly = _BarCard("hourly", (BLUE, ORANGE), horizontal=False)
        self.outcomes = _BarCard("outcomes", (TEAL,), horizontal=True)
        self.share = _ShareCard("share")
        self.sectors = _BarCard("sectors", (BLUE,), horizontal=True)
        self.programmes = _BarCard("programmes", (TEAL,), horizontal=True)
        # The results and the share side by side: five charts in four cells, so that two rows
        # of two fit a landscape screen and four rows a portrait one, none shorter than 360 px.
        visitors = QWidget()
        visitors.setObjectName("chart-visitors")
        row = QHBoxLayout(visitors)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACING)
        row.addWidget(self.outcomes, 4)
        row.addWidget(self.share, 3)
        self._cells: list[QWidget] = [self.hourly, visitors, self.sectors, self.programmes]
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(SPACING)
        self._columns = 0
        self._watched: QWidget | None = None
        self._relayout()

    # the charts, for the screen and tests ----------------------------------------------------
    @property
    def hourly_chart(self) -> QChart:
        return self.hourly.chart

    @property
    def outcomes_chart(self) -> QChart:
        return self.outcomes.chart

    @property
    def sectors_chart(self) -> QChart:
        return self.sectors.chart

    @property
    def programmes_chart(self) -> QChart:
        return self.programmes.chart

    @property
    def share_chart(self) -> QChart:
        return self.share.chart

    def charts(self) -> dict[str, QChart]:
        return {name: card.chart for name, card in self.cards().items()}

    def cards(self) -> dict[str, _BarCard | _ShareCard]:
        return {
            "hourly": self.hourly,
            "outcomes": self.outcomes,
            "sectors": self.sectors,
            "programmes": self.programmes,
            "share": self.share,
        }

    def shown(self) -> dict[str, Shown]:
        """What each chart draws, read from its series: hourly, outcomes, sectors, programmes,
        share."""
        return {name: card.shown() for name, card in self.cards().items()}

    def columns(self) -> int:
        return self._columns

    # filling ----------------------------------------------------------------------------------
    def show_statistics(self, stats: Statistics, texts: ChartTexts) -> None:
        sessions, leads = stats.sessions_per_hour, stats.leads_per_hour
        busy = [hour for hour in range(24) if sessions[hour] or leads[hour]]
        first = min([FIRST_HOUR, *busy[:1]])
        last = max([LAST_HOUR, *busy[-1:]])
        hours = range(first, last + 1)
        self.hourly.show_bars(
            texts.hourly_title,
            (texts.sessions, texts.leads),
            [str(hour) for hour in hours],
            ([sessions[hour] for hour in hours], [leads[hour] for hour in hours]),
            texts.no_data,
            axis_title=texts.hours_axis,
        )
        self.outcomes.show_bars(
            texts.outcomes_title,
            ("",),
            [texts.outcome_labels.get(code, code) for code, _ in stats.outcomes],
            ([count for _, count in stats.outcomes],),
            texts.no_data,
        )
        for card, title, names, top in (
            (self.sectors, texts.sectors_title, texts.sector_names, stats.top_sectors),
            (self.programmes, texts.programmes_title, texts.programme_names, stats.top_programmes),
        ):
            card.show_bars(
                title,
                ("",),
                [names.get(code, code) for code, _ in top],
                ([count for _, count in top],),
                texts.no_data,
            )
        self.share.show_share(
            texts.share_title,
            (texts.left_contact, texts.did_not),
            (stats.sessions_with_lead, stats.sessions_in_scope - stats.sessions_with_lead),
            texts.no_data,
        )

    # layout ------------------------------------------------------------------------------------
    def _wide(self) -> bool:
        """A landscape window. The widget's own shape when it is the window; inside a page that
        scrolls, the page's height is the content's, so the window's shape decides."""
        window = self.window()
        return window.width() > window.height()

    def _relayout(self) -> None:
        columns = 2 if self._wide() else 1
        if columns == self._columns:
            return
        self._columns = columns
        for cell in self._cells:
            self._grid.removeWidget(cell)
        for index, cell in enumerate(self._cells):
            self._grid.addWidget(cell, index // columns, index % columns)
        for column in range(2):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        rows = -(-len(self._cells) // columns)
        for row in range(len(self._cells)):
            # Equal shares; the rankings' minimum height (ten names) takes what it needs first.
            self._grid.setRowStretch(row, 1 if row < rows else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        window = self.window()
        if window is not self and window is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            window.installEventFilter(self)
            self._watched = window
        self._relayout()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.Resize:
            self._relayout()
        return super().eventFilter(watched, event)
