"""The staff statistics charts show what the leads database holds, read from the QtCharts series
themselves; no data, refreshes, and landscape or portrait layouts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import shiboken6
from PySide6.QtCharts import QBarSeries, QChart, QHorizontalBarSeries, QPieSeries
from PySide6.QtCore import QObject
from PySide6.QtGui import QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.analytics import EventKind
from kiosk.catalog import Catalog
from kiosk.l10n import Language
from kiosk.services import Services
from kiosk.statistics import Scope, Statistics, collect_statistics
from kiosk.ui.widgets.charts import ChartTexts, StatisticsCharts, fit_label
from kiosk.ui.widgets.touch_scroll import TouchScrollArea
from tests.unit.test_statistics import SHANGHAI, Seeder, local

NOW = local(22, 21)  # 21:00 in Shanghai, the evening of the fair's day
OUTCOME_LABELS = {
    "likely_eligible": "Likely eligible",
    "eligible_with_conditions": "Eligible with conditions",
    "not_eligible": "Not eligible",
    "not_applicable": "Local student",
    "talk_to_staff": "Talk to staff",
}
# The three longest programme names, and two short ones.
PROGRAMMES = {
    "architecture-interior-landscape-design": 5,
    "ai-mobile-app-development": 4,
    "ai-smart-technology": 4,
    "surveying": 2,
    "culinary-arts": 1,
}


def chart_texts(catalog: Catalog, language: Language = "en") -> ChartTexts:
    """As the staff panel builds them: its tr() texts and the catalog's names."""
    return ChartTexts(
        hourly_title="Visitors and leads per hour, today",
        sessions="Visitors",
        leads="Leads",
        outcomes_title="Eligibility check results",
        outcome_labels=OUTCOME_LABELS,
        sectors_title="Most viewed sectors",
        sector_names={s.code: s.name.get(language) for s in catalog.sectors},
        programmes_title="Most viewed programmes",
        programme_names={p.code: p.name.get(language) for p in catalog.programmes},
        share_title="Visitors who left contact details",
        left_contact="Left contact details",
        did_not="Did not",
        no_data="No data yet",
    )


def seed_a_day(services: Services) -> Statistics:
    """Six visitors, three of whom left details; views of sectors and programmes."""
    seeder = Seeder(services.leads_engine)
    visits = [
        ("a", local(22, 9, 5), "likely_eligible", True),
        ("b", local(22, 9, 30), "likely_eligible", False),
        ("c", local(22, 9, 50), "talk_to_staff", None),
        ("d", local(22, 10, 15), None, None),
        ("e", local(22, 14, 40), "not_applicable", True),  # its lead at 14:45
        ("f", local(22, 20, 10), None, None),  # after the usual closing time
    ]
    for session, start, outcome, lead in visits:
        seeder.visit(session, start, outcome=outcome, lead=lead)
    seeder.views(local(22, 9, 6), EventKind.SECTOR_VIEW, "construction", 3)
    seeder.views(local(22, 9, 31), EventKind.SECTOR_VIEW, "healthcare", 2)
    seeder.views(local(22, 9, 32), EventKind.SECTOR_VIEW, "maritime", 2)
    for code, views in PROGRAMMES.items():
        seeder.views(local(22, 10, 0), EventKind.PROGRAMME_VIEW, code, views)
    # Yesterday's visitor: in the totals, not in today's charts.
    seeder.visit("y", local(21, 11) - timedelta(minutes=1), outcome="not_eligible", lead=True)
    return collect_statistics(services.leads_engine, NOW, Scope.TODAY, tz=SHANGHAI)


@pytest.fixture
def charts(themed_app: QApplication, qtbot: QtBot) -> Iterator[StatisticsCharts]:
    widget = StatisticsCharts()
    qtbot.addWidget(widget)
    widget.resize(1920, 1000)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    delete_window(widget, qtbot)


def delete_window(window: QWidget, qtbot: QtBot) -> None:
    """Gone before the next test: a closed chart window left alive made the on-screen
    keyboard's candidate bar miss taps in later tests."""
    window.close()
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))


def settle() -> None:
    QApplication.processEvents()  # the layout requests a change of content posts


def test_every_chart_shows_the_seeded_numbers_and_names(
    charts: StatisticsCharts, services: Services, catalog: Catalog
) -> None:
    charts.show_statistics(seed_a_day(services), chart_texts(catalog))
    settle()
    shown = charts.shown()
    assert not [name for name, chart in shown.items() if chart.no_data]

    hourly = shown["hourly"]
    assert hourly.title == "Visitors and leads per hour, today"
    assert hourly.categories == tuple(str(hour) for hour in range(8, 21))  # 8:00 to 20:00
    #                         8  9  10 11 12 13 14 15 16 17 18 19 20
    assert hourly.values == {
        "Visitors": (0, 3, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1),
        "Leads": (0, 2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0),
    }
    # Straight from QtCharts: the 9 o'clock bars of the grouped series.
    [series] = charts.hourly_chart.series()
    assert isinstance(series, QBarSeries)
    visitors, leads = series.barSets()
    assert (visitors.label(), visitors.at(1), leads.label(), leads.at(1)) == (
        "Visitors",
        3,
        "Leads",
        2,
    )

    outcomes = shown["outcomes"]
    assert outcomes.categories == tuple(OUTCOME_LABELS.values())  # every one, in order
    assert outcomes.values == {"": (2, 0, 0, 1, 1)}

    sectors = shown["sectors"]
    english = ("construction", "healthcare", "maritime")
    assert sectors.categories == tuple(catalog.sector(code).name.en for code in english)
    assert sectors.values == {"": (3, 2, 2)}

    programmes = shown["programmes"]
    names = tuple(catalog.programme(code).name.en for code in PROGRAMMES)
    assert programmes.full_names == names
    assert programmes.values == {"": (5, 4, 4, 2, 1)}
    for drawn, name in zip(programmes.categories, names, strict=True):
        # Whole, or wrapped and elided by us (never cut to "..." by QtCharts).
        assert drawn == name or (drawn.endswith("…") and name.startswith(drawn[:-1].rstrip()))
    assert programmes.categories[-2:] == ("Surveying", "Culinary Arts")

    share = shown["share"]
    assert share.categories == ("Left contact details", "Did not")
    assert share.values == {"": (3, 3)}
    assert share.centre == "50%\n3 / 6"
    [pie] = charts.share_chart.series()
    assert isinstance(pie, QPieSeries)
    assert [piece.value() for piece in pie.slices()] == [3, 3]


def test_names_show_in_chinese(
    charts: StatisticsCharts, services: Services, catalog: Catalog
) -> None:
    charts.show_statistics(seed_a_day(services), chart_texts(catalog, "zh-Hans"))
    settle()
    shown = charts.shown()
    assert shown["sectors"].categories[0] == catalog.sector("construction").name.zh_hans
    assert shown["programmes"].categories == tuple(
        catalog.programme(code).name.zh_hans for code in PROGRAMMES
    )


def test_the_ranking_reads_top_first(
    charts: StatisticsCharts, services: Services, catalog: Catalog
) -> None:
    """QtCharts draws horizontal bars from the bottom up: the most viewed must be on top."""
    charts.show_statistics(seed_a_day(services), chart_texts(catalog))
    settle()
    [series] = charts.sectors_chart.series()
    assert isinstance(series, QHorizontalBarSeries)
    [views] = series.barSets()
    axis = charts.sectors.categories
    # Category 0 is the bottom row; the last one the top row.
    assert [views.at(i) for i in range(views.count())] == [2, 2, 3]
    top = axis.categories()[-1].replace("<br>", " ")  # wrapped: there is room for two lines
    assert top == catalog.sector("construction").name.en


def test_an_empty_database_says_no_data_yet(
    charts: StatisticsCharts, services: Services, catalog: Catalog
) -> None:
    stats = collect_statistics(services.leads_engine, NOW, tz=SHANGHAI)
    charts.show_statistics(stats, chart_texts(catalog))
    settle()
    for name, shown in charts.shown().items():
        assert shown.no_data, name
    for card in charts.cards().values():
        assert card.note.isVisible()
        assert card.note.text() == "No data yet"
        chart = card.chart
        # No empty axes, legend or series left on show: only the title and the note.
        assert not [axis for axis in chart.axes() if axis.isVisible()]
        assert not [series for series in chart.series() if series.isVisible()]
        assert not chart.legend().isVisible()
        assert chart.title()
    assert charts.shown()["share"].centre == ""


def test_data_arriving_replaces_the_note(
    charts: StatisticsCharts, services: Services, catalog: Catalog
) -> None:
    texts = chart_texts(catalog)
    charts.show_statistics(collect_statistics(services.leads_engine, NOW, tz=SHANGHAI), texts)
    charts.show_statistics(seed_a_day(services), texts)
    settle()
    for card in charts.cards().values():
        assert not card.note.isVisible()
        assert [series.isVisible() for series in card.chart.series()] == [True]
    assert charts.hourly.values.isVisible() and charts.hourly.categories.isVisible()
    # The counts are at the ends of the horizontal bars: their value axis stays hidden.
    assert charts.sectors.categories.isVisible() and not charts.sectors.values.isVisible()
    assert charts.hourly_chart.legend().isVisible()


def population(charts: StatisticsCharts) -> tuple[int, dict[str, tuple[int, int, int]]]:
    """Every QObject under the widget, and per chart its series, axes and scene items."""
    charts_now = {
        name: (len(chart.series()), len(chart.axes()), len(chart.scene().items()))
        for name, chart in charts.charts().items()
    }
    return len(charts.findChildren(QObject)), charts_now


def test_refreshing_creates_nothing_new(
    charts: StatisticsCharts, services: Services, catalog: Catalog
) -> None:
    texts = chart_texts(catalog)
    empty = collect_statistics(services.leads_engine, NOW, tz=SHANGHAI)
    full = seed_a_day(services)
    # Once through every state first: QtCharts lays a hidden axis's items out on first use.
    for stats in (full, empty, full):
        charts.show_statistics(stats, texts)
        settle()
    before = population(charts)
    assert {counts[:2] for counts in before[1].values()} == {(1, 2), (1, 0)}  # the pie: no axes
    for _ in range(10):  # five minutes of refreshes, the data coming and going
        for stats in (empty, full, full):
            charts.show_statistics(stats, texts)
            settle()
    assert population(charts) == before
    assert charts.shown()["sectors"].values == {"": (3, 2, 2)}


def test_the_charts_are_drawn_for_reading_standing(
    charts: StatisticsCharts, services: Services, catalog: Catalog
) -> None:
    charts.show_statistics(seed_a_day(services), chart_texts(catalog))
    settle()
    app_family = QApplication.font().family()

    def pixels(font: QFont) -> int:
        assert font.family() == app_family  # the bundled CJK font, no other family
        return font.pixelSize()

    for name, card in charts.cards().items():
        chart: QChart = card.chart
        assert chart.animationOptions() == QChart.AnimationOption.NoAnimation
        assert card.view.renderHints() & QPainter.RenderHint.Antialiasing
        assert card.view.height() >= 360, name
        assert pixels(chart.titleFont()) >= 20
        assert pixels(chart.legend().font()) >= 18
        for axis in chart.axes():
            assert pixels(axis.labelsFont()) >= 18
        # QtCharts never had to cut a name to "...": ours fit the room it gives them.
        for axis in chart.axes():
            assert not axis.labelsTruncated(), name


@pytest.mark.parametrize(("width", "height"), [(1920, 1000), (1080, 1700)])
def test_long_names_fit_in_landscape_and_portrait(
    charts: StatisticsCharts,
    services: Services,
    catalog: Catalog,
    width: int,
    height: int,
) -> None:
    seeder = Seeder(services.leads_engine)
    longest = sorted(catalog.programmes, key=lambda p: -len(p.name.en))[:10]
    for views, programme in enumerate(longest, start=1):
        seeder.views(local(22, 10), EventKind.PROGRAMME_VIEW, programme.code, views)
    charts.resize(width, height)
    charts.show_statistics(
        collect_statistics(services.leads_engine, NOW, tz=SHANGHAI), chart_texts(catalog)
    )
    settle()
    shown = charts.shown()["programmes"]
    assert len(shown.categories) == 10
    assert not charts.programmes.categories.labelsTruncated()
    assert any(label.endswith("…") for label in shown.categories)  # these do need eliding
    assert shown.values == {"": tuple(float(n) for n in range(10, 0, -1))}


def test_two_columns_when_wide_one_when_narrow(charts: StatisticsCharts, qtbot: QtBot) -> None:
    hourly, visitors = charts.hourly, charts.outcomes.parentWidget()
    assert charts.columns() == 2
    assert hourly.y() == visitors.y() and hourly.x() < visitors.x()
    charts.resize(1080, 1800)
    qtbot.waitUntil(lambda: charts.columns() == 1)
    settle()
    assert hourly.x() == visitors.x() == charts.sectors.x() == charts.programmes.x() == 0
    assert hourly.y() < visitors.y() < charts.sectors.y() < charts.programmes.y()
    charts.resize(1920, 1000)
    qtbot.waitUntil(lambda: charts.columns() == 2)


def test_in_a_scrolling_page_the_windows_shape_decides(
    themed_app: QApplication, qtbot: QtBot
) -> None:
    """In the staff panel the page scrolls, so its height is the content's: the window rules."""
    window = QWidget()
    qtbot.addWidget(window)
    charts = StatisticsCharts()
    page = QWidget()
    QVBoxLayout(page).addWidget(charts)
    QVBoxLayout(window).addWidget(TouchScrollArea(page))
    window.resize(1080, 1920)
    window.show()
    qtbot.waitExposed(window)
    assert charts.columns() == 1
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: charts.columns() == 2)
    delete_window(window, qtbot)


def test_fit_label_wraps_then_elides_and_escapes(themed_app: QApplication) -> None:
    font = QFont(QApplication.font())
    font.setPixelSize(20)
    width = QFontMetricsF(font).horizontalAdvance("Architecture, Interior and")
    name = "Architecture, Interior and Landscape Design (Subject Group)"
    assert fit_label("Surveying & Mapping", font, width, 2) == "Surveying &amp; Mapping"
    one = fit_label(name, font, width, 1)
    assert one.endswith("…") and "<br>" not in one
    first, second = fit_label(name, font, width, 2).split("<br>")
    assert first == "Architecture, Interior and"
    assert second.startswith("Landscape") and second.endswith("…")
    cjk = fit_label("建筑、室内及园境设计(科目组)" * 2, font, 200, 2)
    assert cjk.count("<br>") == 1 and cjk.endswith("…")
