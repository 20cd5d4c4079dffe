"""The flag on text that is probably not English."""

from __future__ import annotations

import pytest

from analysis.text.language import flag_language, measure_english_share

ENGLISH = (
    "The president said that the talks would begin in Riyadh and that both sides were ready to "
    "meet in the coming weeks. " * 2
)
GERMAN = (
    "Der Präsident sagte, dass die Gespräche in Riad beginnen würden und dass beide Seiten bereit "
    "seien, sich in den "
    "kommenden Wochen zu treffen. "
) * 2  # 46 words, about 9% of them English function words ("in" among them)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (ENGLISH, False),
        (GERMAN, True),
        (GERMAN[:120], False),  # under 40 words: too short to judge
        ("", False),
    ],
)
def test_flag_language(text, flagged):
    flag = flag_language(text)
    assert bool(flag) is flagged
    if flagged:
        assert flag.startswith("probably not English: ")


def test_english_share_counts_function_words():
    words, share = measure_english_share("the war and the peace")
    assert words == 5 and share == pytest.approx(3 / 5)
    assert measure_english_share("") == (0, 0.0)
