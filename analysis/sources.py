"""Source choice: who is quoted or cited, with which verb, and which media are cited.

An *attribution* ties a content (a direct quotation, a partial or scare quote, or
indirect speech) to a source through a cue (an attribution verb of
``wordlists/attribution_verbs.tsv``, "according to", or a dash before a name).
One strategy per function:

- :func:`find_cues`: attribution verbs in the author's voice, not the nouns
  ("a post on X") nor infinitives ("declined to say").
- :func:`find_source_phrase`: the speaker's words next to the cue: before it
  ("Kremlin spokesman Dmitry Peskov said", auxiliaries and adverbs skipped: "Trump
  later said", "has said"), after it when the cue opens its clause ("…,” said
  Peskov", "according to ABC News"), skipping a relative clause ("Peskov, who
  …, said").
- :func:`find_content`: the quotations of the sentence (a quotation running on
  over later sentences or paragraphs is one content); else the clause after the
  cue (after "that" when it follows) or, for a cue at the end, the clause before it.
- continuations: a quoted sentence without a cue, right after an attribution in
  the same or the next paragraph, continues that source; a quotation followed by
  a dash and a name is attributed to the name.
- :func:`resolve_speaker`: a person of the actor table when the phrase names
  one; a pronoun (he, she) is the last named person speaker, else the last
  person mentioned; other names are grouped by surname with an earlier full
  name ("Mr. Peskov" with "Dmitry Peskov"); unnamed sources keep their
  description ("people briefed on the call").
- :func:`classify_source`: the source's type and country, from
  ``actor_sources.tsv`` for the actor table's persons, else from the words of
  the description (``source_types.tsv``); unnamed officials and people are
  ``anonymous``.

Blind spots: the rules read English news syntax; a source split from its verb
by a long clause, nested attributions ("X said Y told him"), quotes introduced
only by a colon after a noun ("His message: “…”") and paraphrases without an
attribution verb are missed; "they" and "it" are not resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis import config
from analysis.actors import Actor, compile_actor_pattern
from analysis.errors import InputProblem
from analysis.quotes import Quotation
from analysis.segment import Span
from analysis.wordlists import (
    collect_forms,
    compile_phrase_pattern,
    normalise_phrase,
    read_tsv_records,
    read_wordlist,
)

CUE_CLASSES = ("neutral", "endorsing", "distancing", "emotive")
SOURCE_TYPES = ("official", "politician", "international_organisation", "expert", "media", "anonymous", "social_media", "other")
TYPE_PRIORITY = ("international_organisation", "media", "expert", "official", "politician", "social_media", "anonymous", "other")
"""When a description holds words of several types, the first of this order wins."""

QUOTE_COLUMNS = [
    "article_id",
    "quote_id",
    "start",
    "end",
    "text",
    "kind",
    "speaker",
    "speaker_type",
    "country",
    "cue",
    "cue_class",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "medium",
]

_MARKS = "“”\"«»„‘’' \n"
_WORD = re.compile(r"[^\W_][\w’'.&-]*")
_CLAUSE_MARKS = ",;:—–()“”\"«»"
_AUXILIARIES = frozenset(
    "has have had was were is are be been being would will could can may might did does do also later earlier then again since "
    "once previously repeatedly recently further still already never not just even first last quickly publicly privately "
    "separately reportedly".split()
)
_NOUN_BEFORE = frozenset("a an the another his her their its this that these those in of to my our your first second last only most widely newly".split())
_PASSIVE_BEFORE = frozenset("when if once was were been being is are be get got".split())
_LEADING_PREPOSITIONS = frozenset("with by from for of among".split())
_PHRASE_STOPS = frozenset("that which who whom whose when while because as if but after before since so where what how and or though although including".split())
_AMBIGUOUS_FORMS = frozenset("post posts tweet tweets comment comments remark remarks claim claims note notes reports answer answers".split())
"""Forms that are nouns as often as verbs: cues only right after a name, a pronoun or an auxiliary."""
_AFTER_STOPS = frozenset("on in at during to who that adding saying while when after before as according".split())
_PERSON_PRONOUNS = frozenset("he she him her".split())
_SENTENCE_OPENERS = frozenset(
    "when but and as after before while if in on at last earlier later the a an back meanwhile however since throughout despite also "
    "still yet then now today yesterday this that these those it there here with for from by to of under over during monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december".split()
)

_TELL_FORMS = frozenset("tell tells told telling".split())
_NAMING_FORMS = frozenset("called calling".split())
_PARTICLES = frozenset("for on off up in out back upon into it".split())
_CLAUSE_OPENERS = frozenset("he she they it we i the a an his her their its there this".split())
_PRONOUNS = _PERSON_PRONOUNS | frozenset("they it we i you".split())
_DETERMINERS = ("the ", "a ", "an ")


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
    """The words that say who the source is: the phrase, and an apposition after an inverted one ("said Farhan Haq, Deputy Spokesperson for UN …")."""


@dataclass(frozen=True)
class SourceLexicons:
    """Everything the attribution rules read, loaded once."""

    cue_pattern: re.Pattern
    cue_classes: dict[str, str]
    titles: frozenset[str]
    actor_pattern: re.Pattern
    actor_owner: dict[str, Actor]
    countries: dict[str, str]
    type_pattern: re.Pattern
    types: dict[str, tuple[str, str]]
    actor_types: dict[str, tuple[str, str]]
    media_pattern: re.Pattern
    media: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    descriptor_pattern: re.Pattern | None = None
    descriptors: dict[str, str] = field(default_factory=dict)
    organisations: frozenset[str] = frozenset()


# ---------------------------------------------------------------- word lists


def read_attribution_verbs(path: Path | None = None) -> dict[str, str]:
    """Form (normalised) → cue class, from ``attribution_verbs.tsv`` (``entry``, ``class``, ``forms``)."""
    path = path or config.wordlist_path("attribution_verbs.tsv")
    forms: dict[str, str] = {}
    where: dict[str, int] = {}
    records, problems = read_tsv_records(path, ["entry", "class", "forms"])
    for number, line, fields in records:
        if len(fields) != 3 or not all(fields) or fields[1] not in CUE_CLASSES:
            problems.append(f"{path}, line {number}: expected entry, a class of {', '.join(CUE_CLASSES)} and forms: {line!r}")
            continue
        collect_forms(forms, where, fields[1], fields[2], path, number, problems)
    if problems:
        raise InputProblem(problems)
    return forms


def _read_typed_table(path: Path, columns: list[str]) -> dict[str, tuple[str, str]]:
    """Key (first column) → (type, country) from a table whose last two columns are type and country."""
    table: dict[str, tuple[str, str]] = {}
    records, problems = read_tsv_records(path, columns)
    for number, line, fields in records:
        if len(fields) != len(columns) or not all(fields) or fields[-2] not in SOURCE_TYPES:
            problems.append(f"{path}, line {number}: expected {', '.join(columns)} with a type of {', '.join(SOURCE_TYPES)}: {line!r}")
            continue
        key = fields[0] if columns[0] == "actor" else normalise_phrase(fields[0])
        table[key] = (fields[-2], "" if fields[-1] == "-" else fields[-1])
    if problems:
        raise InputProblem(problems)
    return table


def read_media(path: Path | None = None) -> dict[str, tuple[str, str, str]]:
    """Form (as written) → (medium, kind, country), from ``media_outlets.tsv``."""
    path = path or config.wordlist_path("media_outlets.tsv")
    forms: dict[str, tuple[str, str, str]] = {}
    records, problems = read_tsv_records(path, ["medium", "kind", "country", "forms"])
    for number, line, fields in records:
        if len(fields) != 4 or not all(fields) or fields[1] not in ("media", "agency", "platform"):
            problems.append(f"{path}, line {number}: expected medium, kind (media, agency, platform), country and forms: {line!r}")
            continue
        for form in (f.strip() for f in fields[3].split("|") if f.strip()):
            forms[form] = (fields[0], fields[1], "" if fields[2] == "-" else fields[2])
    if problems:
        raise InputProblem(problems)
    return forms


def load_source_lexicons(actors: list[Actor], corpus: str | Path | None = None) -> SourceLexicons:
    """The attribution verbs, titles, source types and media, with the actor table's persons and countries.

    A corpus folder's ``actor_sources.tsv`` adds to (or replaces rows of) the kit's.
    """
    cues = read_attribution_verbs()
    actor_pattern, owner = compile_actor_pattern(actors)
    countries = {alias: a.name for a in actors if a.kind == "country" for alias in a.aliases}
    types = _read_typed_table(config.wordlist_path("source_types.tsv"), ["phrase", "type", "country"])
    actor_types = _read_typed_table(config.wordlist_path("actor_sources.tsv"), ["actor", "type", "country"])
    folder = Path(corpus) if corpus is not None and Path(corpus).is_dir() else None
    if folder is not None and (folder / "actor_sources.tsv").exists():
        actor_types.update(_read_typed_table(folder / "actor_sources.tsv", ["actor", "type", "country"]))
    media = read_media()
    from analysis.labels import load_label_tables

    descriptors, _ = load_label_tables(corpus)
    media_pattern = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(f) for f in sorted(media, key=lambda f: (-len(f), f))) + r")(?![\w])")
    return SourceLexicons(
        cue_pattern=compile_phrase_pattern(set(cues)),
        cue_classes=cues,
        titles=frozenset(read_wordlist("actor_titles.txt")),
        actor_pattern=actor_pattern,
        actor_owner=owner,
        countries=countries,
        type_pattern=compile_phrase_pattern(set(types)),
        types=types,
        actor_types=actor_types,
        media_pattern=media_pattern,
        media=media,
        descriptor_pattern=compile_phrase_pattern(set(descriptors)) if descriptors else None,
        descriptors=descriptors,
        organisations=frozenset(alias for a in actors if a.kind == "organisation" for alias in a.aliases),
    )


@lru_cache(maxsize=1)
def _default_lexicons() -> SourceLexicons:
    from analysis.actors import load_actors

    return load_source_lexicons(load_actors())


# ---------------------------------------------------------------- strategies


def _words(text: str, start: int, end: int) -> list[re.Match]:
    return list(_WORD.finditer(text, start, end))


def _bare(word: str) -> str:
    return word.lower().rstrip(".").replace("’", "'")


def find_cues(text: str, start: int, end: int, quoted: list[tuple[int, int]], lexicons: SourceLexicons) -> list[tuple[int, int, str]]:
    """Attribution cues of ``text[start:end]`` outside quotations: ``(start, end, class)``."""
    cues = []
    for match in lexicons.cue_pattern.finditer(text, start, end):
        if any(s <= match.start() < e for s, e in quoted):
            continue
        before = _words(text, max(start, match.start() - 40), match.start())
        previous = _bare(before[-1].group()) if before else ""
        form = normalise_phrase(match.group())
        if form != "according to" and (previous in _NOUN_BEFORE or previous.endswith("'s")):
            continue  # a noun: "a post on X", "Trump's claims"
        if form in _AMBIGUOUS_FORMS and not (before and (before[-1].group()[:1].isupper() or previous in _PRONOUNS or previous in _AUXILIARIES)):
            continue  # "his social media post", "admiring remarks"
        if form in _AMBIGUOUS_FORMS and any(m.end() == before[-1].end() for m in lexicons.media_pattern.finditer(text, max(start, match.start() - 30), match.start())):
            continue  # "his Truth Social post"
        if previous in ("not", "never") or previous.endswith("n't"):
            continue  # "did not say": nothing is attributed
        if form in _NAMING_FORMS and _bare(next(iter(_words(text, match.end(), end)), match).group()) in _PARTICLES:
            continue  # "called for", "called on": a request, not words attributed
        if form in _NAMING_FORMS and before and before[-1].group().islower() and previous not in _PRONOUNS and previous not in _AUXILIARIES:
            continue  # "a play called “…”": a name, not words attributed
        if match.group()[:1].isupper() and before and text[before[-1].end() : match.start()].strip() == "":
            continue  # "The Washington Post": part of a name, not a verb
        if previous in _PASSIVE_BEFORE and (form.endswith("ed") or form in ("told", "said", "asked")):
            continue  # a passive: "when asked", "was told"
        cues.append((match.start(), match.end(), lexicons.cue_classes[normalise_phrase(match.group())]))
    return cues


def _clause_start(text: str, lo: int, pos: int) -> int:
    return max([lo] + [text.rfind(mark, lo, pos) + 1 for mark in _CLAUSE_MARKS])


def find_source_phrase(
    text: str,
    lo: int,
    hi: int,
    cue_start: int,
    cue_end: int,
    according: bool,
    quoted: list[tuple[int, int]] = (),
    titles: frozenset[str] = frozenset(),
) -> tuple[int, int, bool] | None:
    """The speaker's words for a cue: ``(start, end, after_cue)``, or None. Quoted words are never the speaker."""
    lo = max([lo] + [e for s, e in quoted if e <= cue_start])
    hi = min([hi] + [s for s, e in quoted if s >= cue_end])
    if not according:
        stop = cue_start
        before = text[lo:cue_start].rstrip()
        if before.endswith(")") and "(" in before:
            stop = lo + before.rindex("(")  # "Rep. Earl Blumenauer (D-Ore.) said": the parenthesis is not the clause
        clause = _clause_start(text, lo, stop)
        words = _words(text, clause, stop)
        while words and (_bare(words[-1].group()) in _AUXILIARIES or _bare(words[-1].group()).endswith("ly")):
            words.pop()
        if not words and clause > lo and text[clause - 1] == ",":
            previous = _clause_start(text, lo, clause - 1)
            inner = _words(text, previous, clause - 1)
            if text[cue_start:cue_end].lower().endswith("ing"):
                subject = find_subject(text, lo, clause - 1, titles)
                return subject
            elif inner and (_bare(inner[0].group()) in ("who", "which") or inner[0].group().endswith("ing")):
                # "Peskov, who spoke to reporters, said": skip back over a relative clause
                words = _words(text, _clause_start(text, lo, previous - 1), previous - 1) if previous > lo else []
            elif previous > lo and text[previous - 1] == "," and 0 < len(inner) <= 6:
                if inner[0].group()[:1].islower():
                    # "Patrick F. Kennedy, the undersecretary for management, wrote": the name before the apposition speaks
                    words = _words(text, _clause_start(text, lo, previous - 1), previous - 1)
                else:
                    # "The Kremlin's spokesman, Dmitri S. Peskov, told reporters": the apposition names the speaker
                    words = inner
            else:
                words = inner
        while words and (_bare(words[-1].group()) in _AUXILIARIES or _bare(words[-1].group()).endswith("ly")):
            words.pop()
        if words and _bare(words[-1].group()) == "who" and clause > lo and text[clause - 1] == ",":
            # "former Gov. Martin O’Malley, who noted": the antecedent of "who" speaks
            words = _words(text, _clause_start(text, lo, clause - 1), clause - 1)
        kept = []
        for word in reversed(words[-10:]):
            if _bare(word.group()) in _PHRASE_STOPS:
                break
            kept.insert(0, word)
        while kept and _bare(kept[0].group()) in _LEADING_PREPOSITIONS:
            kept.pop(0)
        if kept:
            return kept[0].start(), kept[-1].end(), False
    after = []
    for word in _words(text, cue_end, min(hi, cue_end + 120)):
        gap = text[(after[-1].end() if after else cue_end) : word.start()]
        if any(mark in gap for mark in ",;:!?()“”\"") or (not according and _bare(word.group()) in _AFTER_STOPS):
            break
        if according and _bare(word.group()) in ("that", "which", "who"):
            break
        after.append(word)
        if word.group().endswith(".") and not _is_abbreviation(word.group()):
            break
    if after:
        last = after[-1]
        end = last.end() - (1 if last.group().endswith(".") and not _is_abbreviation(last.group()) else 0)
        return after[0].start(), end, True
    return None


def find_subject(text: str, lo: int, hi: int, titles: frozenset[str]) -> tuple[int, int, bool] | None:
    """The subject of a sentence for a cue that shares it ("Fiorina was upfront about Trump, saying …").

    The first person pronoun, or the first capitalised word that is not a title,
    a possessive or a sentence opener, with the capitalised words right after it
    ("United Nations", "Mr. Trump" read from "Trump").
    """
    words = _words(text, lo, hi)
    for k, word in enumerate(words):
        bare = _bare(word.group())
        if bare in _PERSON_PRONOUNS | {"she", "they"}:
            return word.start(), word.end(), False
        if word.group()[:1].isupper() and not word.group().endswith(("'s", "’s")) and bare not in _SENTENCE_OPENERS and word.group() not in titles:
            end = word.end()
            for following in words[k + 1 :]:
                if not following.group()[:1].isupper() or text[end : following.start()].strip():
                    break
                end = following.end()
            return word.start(), end, False
    return None


def _is_abbreviation(word: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\.)+|Mr\.|Mrs\.|Ms\.|Dr\.|Sen\.|Rep\.|Gov\.|Gen\.|Lt\.|Jr\.|St\.", word))


def find_content(
    text: str,
    lo: int,
    hi: int,
    cue_start: int,
    cue_end: int,
    source: tuple[int, int, bool],
    quotations: list[Quotation],
    according: bool,
    window_lo: int | None = None,
) -> tuple[int, int, str] | None:
    """The content of a cue: ``(start, end, kind)``, or None.

    ``direct``: quotations that stand as the reported clause by themselves
    (fewer than three of the author's words beside them, the source and cue
    aside, from ``window_lo`` on) or are whole sentences; ``partial``: indirect
    speech holding a quoted fragment ("he had a “lengthy” call": the content is
    the clause, quotation included); ``indirect``: a clause without quotation marks.
    """
    inside = [q for q in quotations if q.start < hi and q.end > lo and not (q.start <= cue_start < q.end)]
    indirect = find_indirect_span(text, lo, hi, cue_start, cue_end, source, according)
    if inside:
        start, end = min(q.start for q in inside), max(q.end for q in inside)
        skip = [(q.start, q.end) for q in inside] + [(cue_start, cue_end), source[:2]]
        earlier_cue = window_lo is not None and window_lo > lo
        region = start if end <= cue_start and earlier_cue else (window_lo if earlier_cue else lo)  # after an earlier cue, a quotation before its own cue starts the clause
        beside = [w for w in _words(text, region, hi) if not any(s <= w.start() < e for s, e in skip)]
        whole = len(beside) < 3 or all(_is_whole_sentence(text, q) for q in inside)
        if whole:
            return start, end, "direct"
        if indirect is not None:
            return min(start, indirect[0]), max(end, indirect[1]), "partial"
        return start, end, "partial"
    return (*indirect, "indirect") if indirect is not None else None


def find_indirect_span(text: str, lo: int, hi: int, cue_start: int, cue_end: int, source: tuple[int, int, bool], according: bool) -> tuple[int, int] | None:
    """The clause a cue reports: after it (after "that" when it follows), or before it when the cue closes the sentence."""
    source_start, source_end, after_cue = source
    tail = _trim(text, max(cue_end, source_end if after_cue else cue_end), hi)
    head = _trim(text, lo, min(cue_start, source_start))
    if not according and not after_cue and text[lo:source_start].rstrip().endswith(",") and text[cue_end:hi].lstrip().startswith(","):
        # "This campaign, he says, is different.": the sentence around the parenthesis
        whole = _trim(text, lo, hi)
        return whole if _enough(text, whole) else None
    if according:
        # "X is true, according to Y." or "According to Y, X."
        span = head if head[1] - head[0] >= tail[1] - tail[0] else tail
        return span if _enough(text, span) else None
    if after_cue or not _enough(text, tail):
        # content before the cue only when the cue closes the sentence: "X, Trump said."
        rest = _trim(text, max(cue_end, source_end), hi)
        comma = text.find(",", rest[0], rest[1])
        rest = (rest[0], comma if comma >= 0 else rest[1])  # "…, Cruz explained, recalling …" closes the clause too
        return head if _enough(text, head) and len(_words(text, *rest)) < 3 else None
    words = _words(text, tail[0], min(tail[1], tail[0] + 60))
    that = next((w for w in words[:6] if _bare(w.group()) == "that"), None)
    if that is not None:
        tail = (that.end() + 1, tail[1])
    elif normalise_phrase(text[cue_start:cue_end]) in _TELL_FORMS:
        # "told reporters he agreed": the addressee is not the content
        start = next((w.start() for w in words[1:5] if _bare(w.group()) in _CLAUSE_OPENERS), None)
        if start is not None:
            tail = (start, tail[1])
    tail = _trim(text, tail[0], _clause_end(text, *tail))
    return tail if _enough(text, tail) else None


_NEW_CLAUSE = re.compile(r",\s+(?:and|but|which|while|though|although|whereas|adding|saying|as)\s|;\s|\s[—–]\s")


def _clause_end(text: str, start: int, end: int) -> int:
    """Where the reported clause ends: before ", and …", ", but …", ", which …", "; " or a dash."""
    match = _NEW_CLAUSE.search(text, start, end)
    return match.start() if match else end


def _enough(text: str, span: tuple[int, int]) -> bool:
    """Indirect content needs three words at least ("evasively" or "on X" is not a content)."""
    return len(_words(text, *span)) >= 3


def _is_whole_sentence(text: str, quotation: Quotation) -> bool:
    """A quotation that is a sentence of its own: it opens with a capital and ends with . , ! ? before its closing mark."""
    inner = text[quotation.start : quotation.end].strip(_MARKS)
    return bool(inner) and inner[0].isupper() and inner[-1] in ".,!?"


def _quoted_share(text: str, lo: int, hi: int, quotations: list[Quotation]) -> float:
    letters = sum(1 for c in text[lo:hi] if c.isalnum())
    quoted = sum(1 for q in quotations for c in text[max(q.start, lo) : min(q.end, hi)] if c.isalnum())
    return quoted / letters if letters else 0.0


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",:;—–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:—–"):
        end -= 1
    return start, end


def find_medium(text: str, cue_end: int, hi: int, lexicons: SourceLexicons) -> str:
    """A platform named right after a cue ("wrote on Truth Social", "said in a post on X")."""
    window = text[cue_end : min(hi, cue_end + 45)]
    match = re.match(r"\s+(?:in (?:a|another|his|her|their|its) (?:post|statement|message|video) )?on ", window)
    if match is None:
        return ""
    found = lexicons.media_pattern.match(text, cue_end + match.end() - (3 if window[match.end() - 3 : match.end()] == "on " else 0))
    if found is None:
        found = lexicons.media_pattern.match(text, cue_end + match.end())
    if found is None:
        return ""
    medium, kind, _ = lexicons.media[found.group()]
    return medium if kind == "platform" else ""


@dataclass
class _Memory:
    """What earlier attributions and mentions of an article tell later ones."""

    names: list[str] = field(default_factory=list)
    text: str = ""
    subjects: list[tuple[int, str]] = field(default_factory=list)
    """(sentence start, the first person the sentence names in the author's voice), in order."""
    last: Attribution | None = None
    last_person_speaker: str = ""
    last_sentence: int = -10
    """Index of the sentence of the last attribution."""
    sentence_index: int = 0


def resolve_speaker(phrase: str, sentence_start: int, memory: _Memory, lexicons: SourceLexicons, position: int | None = None) -> str:
    """The canonical speaker of a source phrase at ``position`` in the sentence starting at ``sentence_start`` (see the module docstring).

    A person pronoun is a person named earlier in its own sentence ("Mr. Trump
    …, whom he called"), else the person source of the sentence before, else
    the first person named in the author's voice in the nearest earlier
    sentence that names one, else the last named person speaker.
    """
    bare = phrase.strip()
    lowered = re.sub(r"['’](?:s|d|ll|ve)$", "", bare.lower())  # "he’s predicted", "she’d said"
    if lowered in _PRONOUNS:
        if lowered in _PERSON_PRONOUNS:
            if position is not None and memory.text:
                for match in lexicons.actor_pattern.finditer(memory.text, sentence_start, position):
                    actor = lexicons.actor_owner[match.group()]
                    if actor.kind == "person" and memory.text[match.end() : match.end() + 2] not in ("'s", "’s"):
                        return actor.name
            last = memory.last
            if last is not None and memory.last_sentence >= memory.sentence_index - 1 and last.speaker == memory.last_person_speaker:
                return last.speaker  # the source of the sentence before goes on speaking
            earlier = [name for start, name in memory.subjects if start < sentence_start]
            if earlier:
                return earlier[-1]
            return memory.last_person_speaker or f"unresolved: {lowered}"
        return f"unresolved: {lowered}"
    persons = [lexicons.actor_owner[m.group()] for m in lexicons.actor_pattern.finditer(bare)]
    persons = [a for a in persons if a.kind == "person"]
    if persons:
        return persons[-1].name
    head = re.sub(r"^(?:the|a|an)\s+", "", bare, flags=re.IGNORECASE)
    if head in lexicons.organisations:
        return lexicons.actor_owner[head].name  # "The UN" and "the United Nations" are one source
    medium = lexicons.media_pattern.fullmatch(head)
    if medium is not None:
        return lexicons.media[medium.group()][0]  # "RT.com" is RT
    described = lexicons.descriptor_pattern.search(bare) if lexicons.descriptor_pattern is not None else None
    if described is not None and described.end() == len(bare):
        return lexicons.descriptors[normalise_phrase(described.group())]
    name = _name_of(bare, lexicons)
    if name:
        surname = name.split()[-1]
        for known in reversed(memory.names):
            if known.split()[-1] == surname and len(known) >= len(name):
                return known
        if " " not in name and memory.text:
            # "Masala" after "Carlo Masala, a professor …": the fuller form named earlier in the article
            fuller = re.search(rf"((?:[A-Z][\w’'-]+\.? ){{1,2}}){re.escape(surname)}\b", memory.text[: max(sentence_start, 0)])
            if fuller and not any(w.strip(".") in lexicons.titles or w in lexicons.titles for w in fuller.group(1).split()):
                return fuller.group(0)
        return name
    for article in _DETERMINERS:
        if lowered.startswith(article):
            return bare[len(article) :]
    return bare


def _name_of(phrase: str, lexicons: SourceLexicons) -> str:
    """The capitalised words at the end of a phrase that are neither titles nor countries ("Farhan Haq")."""
    tokens = phrase.split()
    name: list[str] = []
    for token in reversed(tokens):
        clean = token.strip(",;:")
        if clean in lexicons.titles or clean in lexicons.countries or not clean[:1].isupper() or clean.lower() in ("the", "a", "an"):
            break
        name.insert(0, clean)
    if name and name[0].endswith(("'s", "’s")):
        name = name[1:]
    return " ".join(name)


def classify_source(speaker: str, phrase: str, lexicons: SourceLexicons) -> tuple[str, str]:
    """The type and country of a source (see the module docstring)."""
    if speaker in lexicons.actor_types:
        return lexicons.actor_types[speaker]
    medium = lexicons.media_pattern.search(phrase)
    if medium is not None and len(medium.group()) > 2:
        _, kind, country = lexicons.media[medium.group()]
        return ("social_media" if kind == "platform" else "media"), country
    found = [lexicons.types[normalise_phrase(m.group())] for m in lexicons.type_pattern.finditer(phrase)]
    found += [("international_organisation", "") for m in re.finditer(r"[\w.’']+", phrase) if m.group() in lexicons.organisations]
    country = next((c for _, c in found if c), "")
    if not country:
        country = next((lexicons.countries[m.group()] for m in re.finditer(r"[\w.’']+", phrase) if m.group() in lexicons.countries), "")
    named = bool(_name_of(phrase, lexicons)) or speaker in lexicons.actor_types
    kinds = {t for t, _ in found}
    if not named and ("anonymous" in kinds or not kinds):
        return ("anonymous" if "anonymous" in kinds else "other"), country
    for kind in TYPE_PRIORITY:
        if kind in kinds - {"anonymous"}:
            return kind, country
    return "other", country


def find_apposition(text: str, name: str) -> str:
    """The description after the first "<name>, …" in a text ("Carlo Masala, a professor at …"), or ""."""
    match = re.search(re.escape(name) + r",\s+((?:a|an|the)\s[^,.;:“”\"]{3,80})", text)
    return match.group(1) if match else ""


# ---------------------------------------------------------------- one article


def find_attributions(
    text: str, sentences: list[Span], paragraphs: list[Span], quotations: list[Quotation], lexicons: SourceLexicons | None = None
) -> list[Attribution]:
    """Every attribution of one article's clean text, in order of its content."""
    lexicons = lexicons or _default_lexicons()
    outer = [q for q in quotations if q.depth == 1]
    quoted = [(q.start, q.end) for q in outer]
    memory = _Memory(text=text, subjects=_find_subjects(text, sentences, quoted, lexicons))
    paragraph_of = _paragraph_index(paragraphs)
    found: list[Attribution] = []
    covered_until = -1
    for number, (lo, hi) in enumerate(sentences):
        memory.sentence_index = number
        if hi <= covered_until:
            continue
        made = False
        cues = [c for c in find_cues(text, lo, hi, quoted, lexicons) if c[0] >= covered_until]
        for k, (cue_start, cue_end, cue_class) in enumerate(cues):
            window_lo = cues[k - 1][1] if k else lo
            window_hi = cues[k + 1][0] if k + 1 < len(cues) else hi
            according = normalise_phrase(text[cue_start:cue_end]) == "according to"
            source = find_source_phrase(text, lo, hi, cue_start, cue_end, according, quoted, lexicons.titles)
            if _joins_source(text, lo, (cue_start, cue_end, cue_class)):
                if made and normalise_phrase(found[-1].cue) != "according to":
                    source = (found[-1].speaker_start, found[-1].speaker_end, False)  # "Trump confirmed …, saying …", "says A but argues B"
                else:
                    source = find_subject(text, lo, cue_start, lexicons.titles) or source  # "Putin commended Trump and expressed …"
            if source is None:
                continue
            window = [q for q in outer if q.end > max(window_lo, covered_until) and q.start < window_hi]
            candidates = [q for q in window if not _owned_by_later_cue(text, q, cues[k + 1 :])]
            joined = next((c for c in cues[k + 1 :] if _joins_source(text, lo, c)), None)
            content_hi = _words(text, lo, joined[0])[-1].start() if joined else hi  # "says A but argues B", "responded, saying …": two contents
            owned = [q.start for q in window if q not in candidates and q.start > cue_end]
            content_hi = min([content_hi] + owned)  # a later cue's quotation is not this cue's content
            content = find_content(text, lo, content_hi, cue_start, cue_end, source, candidates, according, window_lo)
            if content is None or content[0] < covered_until:
                continue
            phrase = text[source[0] : source[1]]
            speaker = resolve_speaker(phrase, lo, memory, lexicons, source[0])
            description = phrase + (text[source[1] : _trim(text, source[1], hi)[1]] if source[2] else "")
            attribution = Attribution(
                content[0],
                content[1],
                content[2],
                text[cue_start:cue_end],
                cue_class,
                phrase,
                source[0],
                source[1],
                speaker,
                find_medium(text, cue_end, hi, lexicons),
                description,
            )
            _remember(attribution, memory, lexicons)
            found.append(attribution)
            covered_until = max(covered_until, content[1], cue_end)
            made = True
        if not made:
            attribution = _continue_or_dash(text, lo, hi, outer, memory, paragraph_of, lexicons)
            if attribution is not None:
                _remember(attribution, memory, lexicons)
                found.append(attribution)
                covered_until = max(covered_until, attribution.end)
    return sorted(found, key=lambda a: (a.start, a.end))


def _joins_source(text: str, lo: int, cue: tuple[int, int, str]) -> bool:
    """A cue that shares the source of the cue before it: after "and"/"but", or a participle after a comma ("…, saying")."""
    before = _words(text, lo, cue[0])
    if not before:
        return False
    participle = text[cue[0] : cue[1]].lower().endswith("ing") and text[lo : cue[0]].rstrip().endswith(",")
    return participle or _bare(before[-1].group()) in ("and", "but")


def _owned_by_later_cue(text: str, quotation: Quotation, later: list[tuple[int, int, str]]) -> bool:
    """A quotation right before a later cue of its sentence belongs to that cue ("… told Mr. Trump of “…,” Mr. Peskov said")."""
    return any(quotation.end <= start and len(_words(text, quotation.end, start)) <= 6 for start, _, _ in later)


def _find_subjects(text: str, sentences: list[Span], quoted: list[tuple[int, int]], lexicons: SourceLexicons) -> list[tuple[int, str]]:
    subjects = []
    for lo, hi in sentences:
        for match in lexicons.actor_pattern.finditer(text, lo, hi):
            actor = lexicons.actor_owner[match.group()]
            possessive = text[match.end() : match.end() + 2] in ("'s", "’s")
            if actor.kind == "person" and not possessive and not any(s <= match.start() < e for s, e in quoted):
                subjects.append((lo, actor.name))
                break
    return subjects


def _paragraph_index(paragraphs: list[Span]):
    starts = [s for s, _ in paragraphs]

    def index(offset: int) -> int:
        from bisect import bisect_right

        return bisect_right(starts, offset) - 1

    return index


def _remember(attribution: Attribution, memory: _Memory, lexicons: SourceLexicons) -> None:
    memory.last = attribution
    memory.last_sentence = memory.sentence_index
    speaker = attribution.speaker
    if speaker.startswith("unresolved"):
        return
    is_person = speaker in {a.name for a in lexicons.actor_owner.values() if a.kind == "person"} or bool(_name_of(attribution.speaker_text, lexicons))
    if is_person:
        memory.last_person_speaker = speaker
        if speaker not in memory.names:
            memory.names.append(speaker)


_DASH_NAME = re.compile(r"\s*[—–]\s*((?:[A-Z][\w.’'-]*\s?){1,4})")


def _continue_or_dash(text, lo, hi, outer, memory: _Memory, paragraph_of, lexicons) -> Attribution | None:
    inside = [q for q in outer if q.start < hi and q.end > lo and q.start >= lo - 1]
    if not inside:
        return None
    if _quoted_share(text, lo, hi, inside) < 0.8:
        return None
    start, end = min(q.start for q in inside), max(q.end for q in inside)
    inner = text[start:end].strip(_MARKS)
    line_end = text.find("\n", end)
    after = " ".join(w.group() for w in _words(text, end, min(len(text) if line_end < 0 else line_end, end + 80))[:6])
    if inner[-1:] in ",—–" or (inner[-1:] in "!?" and lexicons.cue_pattern.search(after)):
        return None  # the quotation's own sentence attributes it: "…,” he added."
    dash = _DASH_NAME.match(text, end, hi)
    if dash:
        phrase = dash.group(1).strip()
        speaker = resolve_speaker(phrase, lo, memory, lexicons)
        return Attribution(start, end, "direct", "—", "neutral", phrase, dash.start(1), dash.start(1) + len(phrase), speaker)
    last = memory.last
    if last is None or paragraph_of(start) - paragraph_of(last.end) > 1:
        return None
    return Attribution(start, end, "direct", "", "", "", -1, -1, last.speaker, last.medium)


# ---------------------------------------------------------------- tables


def find_quotes(
    articles: pd.DataFrame, sentences: pd.DataFrame, paragraphs: pd.DataFrame, quote_spans: pd.DataFrame, lexicons: SourceLexicons | None = None
) -> pd.DataFrame:
    """Every attributed content of every article.

    Parameters
    ----------
    articles : DataFrame with ``article_id`` and ``clean_text``.
    sentences, paragraphs : with ``article_id``, ``start``, ``end``.
    quote_spans : quotation spans (``article_id``, ``start``, ``end``, ``depth``, ``status``, marks).
    lexicons : :func:`load_source_lexicons`; the kit's with the kit's actor table when None.

    Returns
    -------
    One row per content (:data:`QUOTE_COLUMNS`): ``article_id``, ``quote_id``,
    ``start``, ``end`` (offsets in the clean text), ``text``, ``kind`` (direct,
    partial, indirect), ``speaker``, ``speaker_type``, ``country``, ``cue`` (as
    written; "" for a continuation, "—" for a dash), ``cue_class``,
    ``speaker_text``, ``speaker_start``, ``speaker_end`` (−1 for a
    continuation), ``medium`` (the platform of a post, else "").
    """
    lexicons = lexicons or _default_lexicons()
    rows = []
    spans = {a: g for a, g in quote_spans.groupby("article_id", sort=False)}
    sentence_groups = {a: g for a, g in sentences.groupby("article_id", sort=False)}
    paragraph_groups = {a: g for a, g in paragraphs.groupby("article_id", sort=False)}
    empty = quote_spans.iloc[0:0]
    for article_id, text in zip(articles["article_id"], articles["clean_text"]):
        group = spans.get(article_id, empty)
        quotations = [Quotation(s, e, o, c, st, d) for s, e, o, c, st, d in zip(group["start"], group["end"], group["open_mark"], group["close_mark"], group["status"], group["depth"])]
        sents = sentence_groups.get(article_id)
        paras = paragraph_groups.get(article_id)
        sentence_spans = list(zip(sents["start"], sents["end"])) if sents is not None else []
        paragraph_spans = list(zip(paras["start"], paras["end"])) if paras is not None else []
        for k, a in enumerate(find_attributions(text, sentence_spans, paragraph_spans, quotations, lexicons)):
            description = a.description or a.speaker_text or a.speaker
            source_type, country = classify_source(a.speaker, description, lexicons)
            if source_type == "other":
                source_type, country = classify_source(a.speaker, description + " " + find_apposition(text, a.speaker), lexicons)
            if a.medium and source_type in ("other", "anonymous"):
                source_type = "social_media"
            rows.append((article_id, k, a.start, a.end, text[a.start : a.end], a.kind, a.speaker, source_type, country, a.cue, a.cue_class, a.speaker_text, a.speaker_start, a.speaker_end, a.medium))
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


def summarise_sources(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Who speaks in each article, and how much.

    Returns
    -------
    One row per article and source: ``article_id``, ``source``,
    ``source_type``, ``country``, ``quotes`` (all contents), ``direct``,
    ``partial``, ``indirect`` (by kind), ``quoted_words`` (words of direct and
    partial quotes), ``cues`` (the cue verbs used, lower case, joined by "; ").
    """
    columns = ["article_id", "source", "source_type", "country", "quotes", "direct", "partial", "indirect", "quoted_words", "cues"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    data = quotes.assign(words=quotes["text"].str.count(r"[^\W_]+(?:['’-][^\W_]+)*").where(quotes["kind"] != "indirect", 0))
    rows = []
    for (article_id, source), frame in data.groupby(["article_id", "speaker"], sort=True):
        kinds = frame["kind"].value_counts()
        cues = sorted({c.lower() for c in frame["cue"] if c})
        rows.append(
            {
                "article_id": article_id,
                "source": source,
                "source_type": frame["speaker_type"].mode().iloc[0],
                "country": frame["country"].mode().iloc[0],
                "quotes": len(frame),
                "direct": int(kinds.get("direct", 0)),
                "partial": int(kinds.get("partial", 0)),
                "indirect": int(kinds.get("indirect", 0)),
                "quoted_words": int(frame["words"].sum()),
                "cues": "; ".join(cues),
            }
        )
    return pd.DataFrame(rows, columns=columns)


def find_cited_media(articles: pd.DataFrame, voice: pd.DataFrame, lexicons: SourceLexicons | None = None) -> pd.DataFrame:
    """Every medium and platform each article names.

    Returns
    -------
    One row per article, medium and voice: ``article_id``, ``medium``,
    ``kind`` (media, agency, platform), ``country``, ``voice``, ``mentions``,
    ``first_offset``.
    """
    from analysis.quotes import index_voice_ranges, voice_at

    lexicons = lexicons or _default_lexicons()
    index = index_voice_ranges(voice)
    rows = []
    for article_id, text in zip(articles["article_id"], articles["clean_text"]):
        ranges = index.get(article_id, ([], [], []))
        for match in lexicons.media_pattern.finditer(text):
            medium, kind, country = lexicons.media[match.group()]
            rows.append((article_id, medium, kind, country, voice_at(ranges, match.start()), match.start()))
    columns = ["article_id", "medium", "kind", "country", "voice", "mentions", "first_offset"]
    if not rows:
        return pd.DataFrame(columns=columns)
    data = pd.DataFrame(rows, columns=["article_id", "medium", "kind", "country", "voice", "offset"])
    table = data.groupby(["article_id", "medium", "kind", "country", "voice"], sort=True).agg(mentions=("offset", "size"), first_offset=("offset", "min"))
    return table.reset_index()[columns]


def tabulate_by_outlet(quotes: pd.DataFrame, articles: pd.DataFrame, column: str) -> pd.DataFrame:
    """Attributed contents per outlet and value of ``column`` (``speaker``, ``speaker_type``, ``country``, ``cue_class``).

    Returns
    -------
    One row per outlet and value: ``outlet``, ``column``, ``quotes``, ``share``
    (of the outlet's contents), ``quoted_words`` (words of its direct and
    partial quotes). Continuations count with their source; an empty value
    (no country, no cue) is kept as "".
    """
    columns = ["outlet", column, "quotes", "share", "quoted_words"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    data = quotes.merge(articles[["article_id", "outlet"]], on="article_id")
    data = data.assign(words=data["text"].str.count(r"[^\W_]+(?:['’-][^\W_]+)*").where(data["kind"] != "indirect", 0))
    table = data.groupby(["outlet", column], sort=True).agg(quotes=("text", "size"), quoted_words=("words", "sum")).reset_index()
    table["share"] = table["quotes"] / table.groupby("outlet")["quotes"].transform("sum")
    return table[columns]
