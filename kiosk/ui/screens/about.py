"""About VPAS: the path to permanent residence as a picture, the rules and their footnotes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import card, clear_layout, label
from kiosk.ui.widgets.path_diagram import PathDiagram

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
PART_NUMERALS = ("i", "ii", "iii", "iv", "v")


class AboutScreen(Screen):
    screen_id = ScreenId.ABOUT

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        body = self.scrolling_body()
        self.heading = label("", "title")
        self.intro = label("", "body")
        body.addWidget(self.heading)
        body.addWidget(self.intro)
        self.aims = label("", "body")
        body.addWidget(self.aims)
        self.path_heading = label("", "section")
        body.addWidget(self.path_heading)
        path_card, path_layout = card()
        self.path = PathDiagram()
        path_layout.addWidget(self.path)
        body.addWidget(path_card)
        self.footnotes_heading = label("", "section")
        body.addWidget(self.footnotes_heading)
        notes_card, self.notes = card()
        body.addWidget(notes_card)
        self.link = label("", "body")
        body.addWidget(self.link)
        self.disclaimer_heading = label("", "section")
        self.disclaimer = label("", "small")
        self.data_date = label("", "small")
        for widget in (self.disclaimer_heading, self.disclaimer, self.data_date):
            body.addWidget(widget)

    def title(self) -> str:
        return self.tr("About VPAS")

    def retranslate(self) -> None:
        catalog, lang = self.catalog, self.language
        self.heading.setText(catalog.text("scheme_name").get(lang) + " (VPAS)")
        self.intro.setText(catalog.text("intro").get(lang))
        self.aims.setText(
            "\n".join(f"•  {aim.get(lang)}" for aim in catalog.texts_with_prefix("aims"))
        )
        self.path_heading.setText(catalog.text("headings.key_points").get(lang))
        self.path.set_steps(
            [
                point.text.get(lang)
                + "".join(str(n) for n in point.footnotes).translate(SUPERSCRIPTS)
                for point in catalog.key_points
            ]
        )
        self.footnotes_heading.setText(self.tr("Notes"))
        clear_layout(self.notes)
        for footnote in catalog.footnotes:
            parts = footnote.parts
            if len(parts) == 1:
                text = f"{footnote.number}.  {parts[0].get(lang)}"
            else:
                text = f"{footnote.number}.\n" + "\n".join(
                    f"    {PART_NUMERALS[i]}.  {part.get(lang)}" for i, part in enumerate(parts)
                )
            note = label(text, "body")
            note.setObjectName(f"footnote-{footnote.number}")
            self.notes.addWidget(note)
        self.link.setText(
            "\n".join(
                f"{link.title.get(lang)}:  {link.url}" for link in self.shell.official_links()
            )
        )
        self.disclaimer_heading.setText(catalog.text("headings.disclaimer").get(lang))
        self.disclaimer.setText(catalog.text("disclaimer").get(lang))
        self.data_date.setText(
            "  ·  ".join(
                catalog.text(key).get(lang)
                for key in ("data_date", "data_change_note", "copyright")
            )
        )
