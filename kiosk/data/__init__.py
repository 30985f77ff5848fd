"""Databases: the read-only content database and the per-machine leads database."""
