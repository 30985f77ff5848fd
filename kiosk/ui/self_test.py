"""`kiosk --self-test`: the core checks (kiosk.self_test) and the Qt ones, offscreen.

Qt's parts are checked the way the kiosk uses them: the bundled font through Qt's font database,
the summary through QtPdf into QPrinter, the on-screen keyboard from its QML with the input
method plugins Chinese visitors type with. A bundle missing one of them fails here, not at a fair.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from kiosk.self_test import Check, CoreChecks, run_checks

# Both scripts and English, as the screens show them.
FONT_SAMPLE = "职业专才计划软件工程職業專才計劃軟體工程VPAS Higher Diploma"
PINYIN_DICTIONARY = (
    ":/qt-project.org/imports/QtQuick/VirtualKeyboard/3rdparty/pinyin/data/dict_pinyin.dat"
)
INPUT_METHODS = {  # QML module: the type it registers (Simplified; Cangjie and Zhuyin)
    "QtQuick.VirtualKeyboard.Plugins.Pinyin": "PinyinInputMethod",
    "QtQuick.VirtualKeyboard.Plugins.TCIme": "TCInputMethod",
}


class QtChecks:
    def __init__(self, core: CoreChecks) -> None:
        self.core = core

    def fonts(self) -> str:
        from PySide6.QtGui import QFont, QFontMetrics

        from kiosk.ui.theme import load_fonts

        family = load_fonts()
        metrics = QFontMetrics(QFont(family))
        missing = [char for char in FONT_SAMPLE if not metrics.inFontUcs4(ord(char))]
        if missing:
            raise ValueError(f"{family} lacks {''.join(missing)}")
        return f"{family}, every character of {FONT_SAMPLE!r}"

    def print_job(self) -> str:
        from kiosk.ui.printing import QtPrinter, pdf_document

        if self.core.summary_pdf is None:
            raise ValueError("no summary PDF to print (see the summary check)")
        output = self.core.workdir / "printed.pdf"
        pages: list[int] = []
        QtPrinter(output_file=output).print_pdf(
            self.core.summary_pdf, lambda done, _total: pages.append(done)
        )
        printed = pdf_document(output.read_bytes())
        expected = pdf_document(self.core.summary_pdf)
        try:
            if printed.pageCount() != expected.pageCount() or not pages:
                raise ValueError(f"printed {printed.pageCount()} page(s) of {expected.pageCount()}")
            pages_printed = f"{printed.pageCount()} page{'s' if printed.pageCount() > 1 else ''}"
            return (
                f"{pages_printed} through QtPdf and QPrinter into {output.name} "
                f"({output.stat().st_size // 1024} KB)"
            )
        finally:
            printed.close()
            expected.close()

    def keyboard(self) -> str:
        from PySide6.QtCore import QFile, QUrl
        from PySide6.QtQml import QQmlComponent
        from PySide6.QtWidgets import QWidget

        from kiosk.ui.keyboard import OnScreenKeyboard

        host = QWidget()
        keyboard = OnScreenKeyboard(host)
        try:
            if keyboard.rootObject() is None:
                errors = "; ".join(error.toString() for error in keyboard.errors())
                raise ValueError(f"the keyboard's QML did not load: {errors}")
            loaded = []
            for module, type_name in INPUT_METHODS.items():
                component = QQmlComponent(keyboard.engine())
                component.setData(f"import {module}\n{type_name} {{}}\n".encode(), QUrl())
                method = component.create()
                if method is None:
                    raise ValueError(f"{module} did not load: {component.errorString().strip()}")
                method.deleteLater()
                loaded.append(module.rsplit(".", 1)[-1])
            if not QFile.exists(PINYIN_DICTIONARY):
                raise ValueError("the Pinyin dictionary is missing")
            return f"the kiosk's keyboard and its {', '.join(loaded)} input methods loaded"
        finally:
            host.deleteLater()


class QtMessages:
    """What Qt says during the checks, kept for a failed check's report instead of stderr."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def keep(self, _kind: object, _context: object, message: str) -> None:
        self.messages.append(message)

    def drain(self) -> list[str]:
        drained, self.messages = self.messages, []
        return drained


def run_self_test(out: TextIO = sys.stdout) -> int:
    """Every check, offscreen (no display needed); 0 only if all passed."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.keyboard import configure_input_method

    configure_input_method()  # as the kiosk does, before the application exists
    qt_messages = QtMessages()
    previous_handler = qInstallMessageHandler(qt_messages.keep)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory(prefix="vpas-kiosk-self-test-") as workdir:
        core = CoreChecks(Path(workdir))
        qt = QtChecks(core)
        checks: list[Check] = [
            ("content", core.content),
            ("fonts", qt.fonts),
            ("summary PDF", core.summary),
            ("print", qt.print_job),
            ("lead", core.lead),
            ("keyboard", qt.keyboard),
        ]
        passed = run_checks(checks, out, qt_messages.drain)
        app.processEvents()  # the keyboard's deferred deletions, before the directory goes
    qInstallMessageHandler(previous_handler)
    print(
        f"Self-test {'passed' if passed else 'FAILED'}: {len(checks)} checks.",
        file=out,
        flush=True,
    )
    return 0 if passed else 1
