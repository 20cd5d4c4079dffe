"""Text strategies of the property tests (hypothesis)."""

from __future__ import annotations

from hypothesis import strategies as st

PIECES = [
    "we",
    "Firm",
    "talks",
    "9",
    " ",
    " ",
    ", ",
    ". ",
    "!",
    "—",
    "(",
    ")",
    "\n",
    "\n\n",
    '"',
    "'",
    "''",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "‹",
    "›",
]
MARK_PAIRS = [('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"), ("''", "''")]


def quote_words(inner):
    """Words and quotations of ``inner`` inside a pair of marks."""
    return st.tuples(st.sampled_from(MARK_PAIRS), st.lists(inner, min_size=1, max_size=4)).map(
        lambda t: t[0][0] + " ".join(t[1]) + t[0][1]
    )


NESTED_TEXT = st.lists(
    st.recursive(
        st.sampled_from(["we", "Firm", "talks", "Trump’s", "U.S."]), quote_words, max_leaves=12
    ),
    max_size=6,
).map(" ".join)
"""Words and quotations nested in each other with every kind of mark (``'we will hold "firm"
talks'``)."""

QUOTED_TEXT = NESTED_TEXT | st.lists(st.sampled_from(PIECES) | st.characters(), max_size=40).map(
    "".join
)
"""Nested quotations, or text made of words, spaces, punctuation, paragraph breaks and every kind
of quotation mark and apostrophe, with any Unicode character mixed in."""
