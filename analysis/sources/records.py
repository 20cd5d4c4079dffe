"""The record of one attribution found in a text: its content's offsets and kind, the cue, the
source phrase and the speaker."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Attribution:
    """One attributed content: ``text[start:end]`` is the content, quotation marks included."""

    start: int
    end: int
    kind: str
    cue: str
    cue_class: str
    speaker_text: str
    speaker_start: int
    speaker_end: int
    speaker: str
    medium: str = ""
    description: str = ""
    """The words that say who the source is: the phrase, and an apposition after an inverted one
    ("said Farhan Haq, Deputy Spokesperson for UN …")."""
    speaker_rule: str = ""
    """The rule of :data:`analysis.sources.speakers.SPEAKER_RULES` that chose the speaker."""
