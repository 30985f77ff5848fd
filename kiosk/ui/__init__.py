"""The PySide6 kiosk: application, shell, one module per screen, widgets."""
