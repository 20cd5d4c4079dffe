"""What an attribution's neighbours tell it: a quotation after a colon, a source phrase continued
across a cue, the subjects of earlier sentences, the paragraph, the memory of earlier attributions,
and credits after a dash."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from analysis.sources.lexicons import SourceLexicons
from analysis.sources.phrases import (
    _MARKS,
    _quoted_share,
)
from analysis.sources.records import Attribution
from analysis.sources.speakers import PERSON_RULES, _Memory, resolve_speaker
from analysis.text.clauses import (
    bare_word,
    words_between,
)
from analysis.text.people import PersonMention
from analysis.text.quotes import Quotation
from analysis.text.segment import Span


def _quotation_after_colon(
    text: str, pos: int, hi: int, outer: list[Quotation]
) -> tuple[int, int, str] | None:
    """A quotation opening the next paragraph after a cue that ends its sentence with a colon ("Dr.
    Ward stated:")."""
    if text[pos:hi].strip() != ":":
        return None
    following = next((q for q in outer if q.start >= hi), None)
    return (
        (following.start, following.end, "direct")
        if following is not None and not text[hi : following.start].strip()
        else None
    )


def _joins_source(text: str, lo: int, cue: tuple[int, int, str]) -> bool:
    """A cue that shares the source of the cue before it: after "and"/"but", or a participle after
    a comma ("…, saying")."""
    before = words_between(text, lo, cue[0])
    if not before:
        return False
    participle = text[cue[0] : cue[1]].lower().endswith("ing") and text[
        lo : cue[0]
    ].rstrip().endswith(",")
    return participle or bare_word(before[-1].group()) in ("and", "but")


def _owned_by_later_cue(
    text: str, quotation: Quotation, later: list[tuple[int, int, str]]
) -> bool:
    """A quotation right before a later cue of its sentence belongs to that cue ("… told Mr. Trump
    of “…,” Mr. Peskov said")."""
    return any(
        quotation.end <= start and len(words_between(text, quotation.end, start)) <= 6
        for start, _, _ in later
    )


def _find_subjects(
    text: str,
    sentences: list[Span],
    quoted: list[tuple[int, int]],
    lexicons: SourceLexicons,
    people: list[PersonMention] = (),
) -> list[tuple[int, str]]:
    """Per sentence that names one, the first person it names in the author's voice (an actor of
    the table or a person of the text)."""
    subjects = []
    starts = [p.start for p in people]
    for lo, hi in sentences:
        found = []
        for match in lexicons.actor_pattern.finditer(text, lo, hi):
            actor = lexicons.actor_owner[match.group()]
            if actor.kind == "person":
                found.append((match.start(), match.end(), actor.name))
        found += [
            (p.start, p.end, p.name)
            for p in people[bisect_left(starts, lo) : bisect_left(starts, hi)]
        ]
        for start, end, name in sorted(found):
            possessive = text[end : end + 2] in ("'s", "’s")
            if not possessive and not any(s <= start < e for s, e in quoted):
                subjects.append((lo, name))
                break
    return subjects


def _paragraph_index(paragraphs: list[Span]):
    starts = [s for s, _ in paragraphs]

    def index(offset: int) -> int:
        return bisect_right(starts, offset) - 1

    return index


def _remember(attribution: Attribution, memory: _Memory, lexicons: SourceLexicons) -> None:
    memory.last = attribution
    memory.last_sentence = memory.sentence_index
    speaker = attribution.speaker
    if speaker.startswith("unresolved"):
        return
    rule = attribution.speaker_rule
    if rule == "medium":
        memory.media_sources.append(speaker)
    is_person = (
        speaker in lexicons.persons
        or any(p.name == speaker for p in memory.people)
        or rule in PERSON_RULES
        or rule.startswith("pronoun")
        or (rule == "continuation" and speaker == memory.last_person_speaker)
    )
    if is_person:
        memory.last_person_speaker = speaker
        if speaker not in memory.names:
            memory.names.append(speaker)


_DASH_NAME = re.compile(r"\s*[—–]\s*((?:[A-Z][\w.’'-]*\s?){1,4})")


def _continue_or_dash(
    text, lo, hi, outer, memory: _Memory, paragraph_of, lexicons
) -> Attribution | None:
    inside = [q for q in outer if q.start < hi and q.end > lo and q.start >= lo - 1]
    if not inside:
        return None
    if _quoted_share(text, lo, hi, inside) < 0.8:
        return None
    start, end = min(q.start for q in inside), max(q.end for q in inside)
    inner = text[start:end].strip(_MARKS)
    line_end = text.find("\n", end)
    after = " ".join(
        w.group()
        for w in words_between(text, end, min(len(text) if line_end < 0 else line_end, end + 80))[
            :6
        ]
    )
    if inner[-1:] in ",—–" or (inner[-1:] in "!?" and lexicons.cue_pattern.search(after)):
        return None  # the quotation's own sentence attributes it: "…,” he added."
    dash = _DASH_NAME.match(text, end, hi)
    if dash:
        phrase = dash.group(1).strip()
        speaker, rule = resolve_speaker(phrase, lo, memory, lexicons, dash.start(1))
        return Attribution(
            start,
            end,
            "direct",
            "—",
            "neutral",
            phrase,
            dash.start(1),
            dash.start(1) + len(phrase),
            speaker,
            speaker_rule=rule,
        )
    last = memory.last
    if last is None or paragraph_of(start) - paragraph_of(last.end) > 1:
        return None
    return Attribution(
        start,
        end,
        "direct",
        "",
        "",
        "",
        -1,
        -1,
        last.speaker,
        last.medium,
        speaker_rule="continuation",
    )
