"""Exporting the leads for the admissions office: a format and a drive chosen by touch, the
staff passphrase once a day, a progress bar, and where the file went."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QStorageInfo
from PySide6.QtWidgets import QFileDialog, QProgressBar

from kiosk import resources
from kiosk.export import (
    ExportFormat,
    ExportResult,
    ExportSource,
    export_file_name,
    export_kiosk_leads,
)
from kiosk.lead_vault import WrongPassphrase
from kiosk.ui.background import BackgroundTask
from kiosk.ui.screen_ids import ScreenId
from kiosk.ui.screens.staff_base import StaffScreen, text_field
from kiosk.ui.widgets.choice_grid import ChoiceGrid
from kiosk.ui.widgets.common import button, label

# Where Linux desktops and kiosk sessions mount USB sticks.
REMOVABLE_ROOTS = ("/media", "/run/media", "/mnt")


def removable_folders() -> list[Path]:
    """Writable drives staff plugged in (USB sticks, cards); never the system drive."""
    found = []
    system_drive = os.environ.get("SYSTEMDRIVE", "C:").upper()
    for volume in QStorageInfo.mountedVolumes():
        if not (volume.isValid() and volume.isReady()) or volume.isReadOnly():
            continue
        root = volume.rootPath()
        if sys.platform == "win32":
            if root.upper().startswith(system_drive):
                continue
        elif not root.startswith(REMOVABLE_ROOTS):
            continue
        found.append(Path(root))
    return found


def exports_folder() -> Path:
    """The kiosk's own folder for exports, when no drive is at hand."""
    return resources.data_dir() / "exports"


class StaffExportScreen(StaffScreen):
    screen_id = ScreenId.STAFF_EXPORT

    def __init__(self, shell):  # type: ignore[no-untyped-def]
        super().__init__(shell)
        body = self.staff_page()
        self._task: BackgroundTask | None = None
        self.format_caption = label("", "fieldLabel")
        self.formats = ChoiceGrid(3)
        self.formats.setObjectName("exportFormats")
        self.formats.set_choices([(choice, "") for choice in ExportFormat])
        self.destination_caption = label("", "fieldLabel")
        self.destinations = ChoiceGrid(2)
        self.destinations.setObjectName("exportDestinations")
        self.other_folder = button("", "secondary")
        self.other_folder.setObjectName("otherFolder")
        self.other_folder.clicked.connect(self._choose_folder)
        self.passphrase_caption = label("", "fieldLabel")
        self.passphrase = text_field("export-passphrase", secret=True)
        self.export = button("", "primary")
        self.export.setObjectName("startExport")
        self.export.clicked.connect(self.start_export)
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setMinimumHeight(48)
        self.progress.hide()
        self.message = label("", "body")
        self.message.setObjectName("exportMessage")
        for widget in (
            self.format_caption,
            self.formats,
            self.destination_caption,
            self.destinations,
            self.other_folder,
            self.passphrase_caption,
            self.passphrase,
            self.export,
            self.progress,
            self.message,
        ):
            body.addWidget(widget)
        body.addStretch(1)
        self._folders: list[Path] = []

    def retranslate(self) -> None:
        self.retranslate_header(self.tr("Export leads"))
        self.format_caption.setText(self.tr("Format"))
        self.formats.set_texts(
            {
                ExportFormat.CSV: self.tr("CSV (Excel)"),
                ExportFormat.XLSX: self.tr("Excel workbook (XLSX)"),
                ExportFormat.JSONL: self.tr("Bundle for HQ import (JSONL)"),
            }
        )
        self.destination_caption.setText(self.tr("Save to"))
        self.other_folder.setText(self.tr("Another folder…"))
        self.passphrase_caption.setText(
            self.tr("Staff passphrase (asked once a day: it opens visitors' contact details)")
        )
        self.export.setText(self.tr("Export"))
        self._show_destinations()

    def enter(self, **params: str) -> None:
        self._folders = [*removable_folders(), exports_folder()]
        self._show_destinations()
        if not self.formats.checked():
            self.formats.set_checked([ExportFormat.CSV])
        unlocked = self.shell.lead_opener() is not None
        self.passphrase_caption.setVisible(not unlocked)
        self.passphrase.setVisible(not unlocked)
        self.passphrase.clear()
        if self._task is None:
            self.message.setText("")
            self.progress.hide()

    def _show_destinations(self) -> None:
        kept = self.destinations.checked()
        exports = exports_folder()
        self.destinations.set_choices(
            [
                (
                    folder,
                    self.tr("This kiosk (%1)").replace("%1", str(folder))
                    if folder == exports
                    else str(folder),
                )
                for folder in self._folders
            ]
        )
        first = self._folders[:1]
        self.destinations.set_checked(kept if kept and kept[0] in self._folders else first)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Save to"), str(Path.home()), QFileDialog.Option.DontUseNativeDialog
        )
        if chosen:
            self.add_folder(Path(chosen))

    def add_folder(self, folder: Path) -> None:
        if folder not in self._folders:
            self._folders.insert(0, folder)
        self._show_destinations()
        self.destinations.set_checked([folder])

    def start_export(self) -> None:
        if self._task is not None:
            return
        opener = self.shell.lead_opener()
        if opener is None:
            try:
                opener = self.shell.unlock_leads(self.passphrase.text())
            except WrongPassphrase:
                self.message.setText(self.tr("The staff passphrase is not right."))
                return
            self.passphrase.clear()
            self.passphrase.hide()
            self.passphrase_caption.hide()
        [chosen] = self.formats.checked()
        export_format = ExportFormat(str(chosen))
        [folder] = self.destinations.checked()
        services = self.shell.services
        local_time = services.clock.now().astimezone()
        assert isinstance(folder, Path)
        path = folder / export_file_name(export_format, services.kiosk_id, local_time)
        source = ExportSource(services.kiosk_id, services.device_id, services.event)
        engine = services.leads_engine
        task = BackgroundTask(
            lambda: export_kiosk_leads(
                engine,
                opener,
                export_format,
                path,
                source,
                task.progressed.emit,
                services.clock.now(),
            ),
            self,
        )
        task.progressed.connect(self._progressed)
        task.done.connect(self._done)
        task.failed.connect(self._failed)
        self._task = task
        self.export.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.message.setText(self.tr("Exporting…"))
        if folder == exports_folder():
            folder.mkdir(parents=True, exist_ok=True)
        task.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finish(self) -> None:
        self._task = None
        self.export.setEnabled(True)

    def _done(self, result: object) -> None:
        assert isinstance(result, ExportResult)
        self._finish()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.message.setText(
            self.tr("%n lead(s) saved to %1", "", result.count).replace("%1", str(result.path))
        )

    def _failed(self, problem: str) -> None:
        self._finish()
        self.progress.hide()
        self.message.setText(self.tr("The export failed: %1").replace("%1", problem))
