"""The baseline: a bare PySide6 window that shows itself and exits once the event loop is idle."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
window = QLabel("bare")
window.resize(1920, 1080)
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
