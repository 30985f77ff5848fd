"""The baseline: a bare PySide6 window that shows itself and exits once the event loop is idle.

With --print-rss it prints its resident memory at that moment (the VmRSS line of Linux's
/proc/self/status): make bench's memory baseline.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel


def print_resident_memory() -> None:
    with open("/proc/self/status") as status:
        print(next(line for line in status if line.startswith("VmRSS:")), end="")


app = QApplication(sys.argv)
window = QLabel("bare")
window.resize(1920, 1080)
window.show()
if "--print-rss" in sys.argv:
    QTimer.singleShot(0, print_resident_memory)
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
