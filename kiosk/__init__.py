"""VPAS fair kiosk: the Qt-free core (catalog, search, sessions, analytics, command line)."""

__version__ = "0.1.0"
