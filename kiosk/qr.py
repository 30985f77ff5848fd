"""QR codes as a grid of dark modules, for the printed summary (vector) and the screen (pixels)."""

from __future__ import annotations

import qrcode
import qrcode.constants

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of ``payload`` (error correction M: a printed code survives a smudge),
    without its quiet zone: rows of modules, True for dark."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    return tuple(tuple(bool(module) for module in row) for row in code.get_matrix())


def dark_runs(row: tuple[bool, ...]) -> list[tuple[int, int]]:
    """(start, length) of each run of dark modules: one rectangle per run draws a row."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for index, dark in enumerate((*row, False)):
        if dark and start is None:
            start = index
        elif not dark and start is not None:
            runs.append((start, index - start))
            start = None
    return runs
