"""Text a touchscreen, a paste, a terminal or a file could deliver, for the fuzzing tests."""

from __future__ import annotations

from typing import Final

from hypothesis import strategies as st

# Text from the UI is never a lone surrogate; everything else can arrive (pasted, IME, keyboard).
ANY_CHARACTER: Final = st.characters(exclude_categories=["Cs"])
CATEGORIES: Final = (
    *("Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No"),
    *("Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So"),
    *("Zs", "Zl", "Zp", "Cc", "Cf", "Co", "Cn"),
)
EMOJI: Final = ("😀", "👨‍👩‍👧", "👍🏽", "🇭🇰", "❤️", "🧑‍🎓", "\U0001fae0")
# Characters that look like nothing or like something else: right-to-left marks and overrides,
# zero-width joiners and spaces, the byte order mark, full-width digits and letters, line and
# paragraph separators, NUL, an ideographic space, a combining accent with nothing to sit on.
INVISIBLE_OR_LOOK_ALIKE: Final = (
    *("\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069"),
    *("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"),
    *("０", "１", "８", "９", "Ａ", "ｚ", "＠", "．", "－"),
    *("\u2028", "\u2029", "\x00", "\x1b", "\x7f", "\u3000", "\u0301"),
)


def any_text(max_pieces: int = 40, long_length: int = 10_000) -> st.SearchStrategy[str]:
    """Short text from every Unicode category, emoji and look-alikes, or ``long_length``
    characters of it."""
    one_of_each_category = st.sampled_from(CATEGORIES).flatmap(
        lambda category: st.characters(categories=[category])
    )
    piece = st.one_of(
        ANY_CHARACTER,
        one_of_each_category,
        st.sampled_from(EMOJI),
        st.sampled_from(INVISIBLE_OR_LOOK_ALIKE),
    )
    short = st.lists(piece, max_size=max_pieces).map("".join)
    return st.one_of(
        short,
        one_of_each_category,
        short.map(lambda text: ((text or "x") * long_length)[:long_length]),
    )
