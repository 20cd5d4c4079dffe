"""The parts of an attribution in a sentence: its source phrase, the subject it names, the content
attributed and the medium, one rule per function."""

from __future__ import annotations

import re

from analysis.resources.lists import normalise_phrase
from analysis.sources.lexicons import SourceLexicons
from analysis.text.clauses import (
    AUXILIARIES,
    CLAUSE_MARKS,
    PERSON_PRONOUNS,
    PRONOUNS,
    SENTENCE_OPENERS,
    VERB_OR_PREPOSITION,
    bare_word,
    is_tag,
    words_between,
)
from analysis.text.quotes import Quotation
from analysis.text.segment import abbreviations

_MARKS = "“”\"«»„‘’' \n"
_LEADING_PREPOSITIONS = frozenset("with by from for of among".split())
_PHRASE_STOPS = frozenset(
    "that which who whom whose when while because as if but after before since so where what how "
    "and or though although including".split()
)
_AFTER_STOPS = frozenset(
    "on in at during to who that adding saying while when after before as according".split()
)

_TELL_FORMS = frozenset("tell tells told telling".split())
_CLAUSE_OPENERS = frozenset("he she they it we i the a an his her their its there this".split())


def _clause_start(text: str, lo: int, pos: int) -> int:
    return max([lo] + [text.rfind(mark, lo, pos) + 1 for mark in CLAUSE_MARKS])


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
    """The speaker's words for a cue: ``(start, end, after_cue)``, or None. Quoted words are never
    the speaker."""
    lo = max([lo] + [e for s, e in quoted if e <= cue_start])
    hi = min([hi] + [s for s, e in quoted if s >= cue_end])
    if not according:
        stop = cue_start
        before = text[lo:cue_start].rstrip()
        if before.endswith(")") and "(" in before:
            stop = lo + before.rindex(
                "("
            )  # "Rep. Earl Blumenauer (D-Ore.) said": the parenthesis is not the clause
        clause = _clause_start(text, lo, stop)
        words = words_between(text, clause, stop)
        while words and (
            bare_word(words[-1].group()) in AUXILIARIES
            or bare_word(words[-1].group()).endswith("ly")
        ):
            words.pop()
        if not words and clause > lo and text[clause - 1] == ",":
            previous = _clause_start(text, lo, clause - 1)
            inner = words_between(text, previous, clause - 1)
            if text[cue_start:cue_end].lower().endswith("ing"):
                return find_subject(text, lo, clause - 1, titles)
            if previous == lo and len(inner) > 6 and _names_after(text, cue_end, hi):
                # "The Internet has … such misinformation, said Angie Drobnic Holan": the source
                # follows the cue
                words = []
            elif inner and (
                bare_word(inner[0].group()) in ("who", "which") or inner[0].group().endswith("ing")
            ):
                # "Peskov, who spoke to reporters, said": skip back over a relative clause
                words = (
                    words_between(text, _clause_start(text, lo, previous - 1), previous - 1)
                    if previous > lo
                    else []
                )
            elif (
                previous > lo
                and text[previous - 1] == ","
                and (is_tag(text[previous : clause - 1]) or _relative_apposition(inner))
            ):
                # "Mattis, 68, had said", "Sen. Chris Murphy, D-Conn., said", "Rick Hasen, a
                # professor who specializes in election law, said": a tag or a description stands
                # beside the name, which speaks
                words = words_between(text, _clause_start(text, lo, previous - 1), previous - 1)
            elif previous > lo and text[previous - 1] == "," and 0 < len(inner) <= 6:
                if inner[0].group()[:1].islower():
                    # "Patrick F. Kennedy, the undersecretary for management, wrote": the name
                    # before the apposition speaks
                    words = words_between(
                        text, _clause_start(text, lo, previous - 1), previous - 1
                    )
                else:
                    # "The Kremlin's spokesman, Dmitri S. Peskov, told reporters": the apposition
                    # names the speaker
                    words = inner
            else:
                words = inner
        while words and (
            bare_word(words[-1].group()) in AUXILIARIES
            or bare_word(words[-1].group()).endswith("ly")
        ):
            words.pop()
        if (
            words
            and bare_word(words[-1].group()) == "who"
            and clause > lo
            and text[clause - 1] == ","
        ):
            # "former Gov. Martin O’Malley, who noted": the antecedent of "who" speaks
            words = words_between(text, _clause_start(text, lo, clause - 1), clause - 1)
        kept = []
        for k in range(len(words) - 1, max(-1, len(words) - 11), -1):
            word = words[k]
            if bare_word(word.group()) in _PHRASE_STOPS:
                if (
                    bare_word(word.group()) in _RELATIVES
                    and kept
                    and kept[0].group()[:1].islower()
                    and bare_word(kept[0].group()) not in PRONOUNS
                ):
                    # "a professor who specializes in election law": the antecedent speaks;
                    # "McConnell, …, who in 2010 said": the name before the comma
                    antecedent = _antecedent(words[max(0, k - 6) : k])
                    end, steps = clause, 0
                    while (
                        not (antecedent and antecedent[0].group()[:1].isupper())
                        and end > lo
                        and text[end - 1] in ",—–―"
                        and steps < 3
                    ):
                        steps += 1
                        start = _clause_start(
                            text, lo, end - 1
                        )  # back over an apposition to the name it describes
                        antecedent = words_between(text, start, end - 1)[-6:] or antecedent
                        end = start
                    kept = antecedent or kept
                break
            kept.insert(0, word)
        while kept and bare_word(kept[0].group()) in _LEADING_PREPOSITIONS:
            kept.pop(0)
        if kept:
            return kept[0].start(), kept[-1].end(), False
    after = []
    for word in words_between(text, cue_end, min(hi, cue_end + 120)):
        gap = text[(after[-1].end() if after else cue_end) : word.start()]
        if any(mark in gap for mark in ',;:!?()“”"') or (
            not according and bare_word(word.group()) in _AFTER_STOPS
        ):
            break
        if according and bare_word(word.group()) in ("that", "which", "who"):
            break
        after.append(word)
        if word.group().endswith(".") and not _is_abbreviation(word.group()):
            break
    if after:
        last = after[-1]
        end = last.end() - (
            1 if last.group().endswith(".") and not _is_abbreviation(last.group()) else 0
        )
        return after[0].start(), end, True
    return None


_RELATIVES = frozenset({"who"})
"""A relative pronoun that is the subject of its clause ("a professor who specializes in …");
"which advocates say" is not."""


def _antecedent(words: list[re.Match]) -> list[re.Match]:
    """The words of a noun phrase before a relative pronoun, from the last phrase stop on."""
    kept: list[re.Match] = []
    for word in reversed(words):
        if bare_word(word.group()) in _PHRASE_STOPS:
            break
        kept.insert(0, word)
    return kept


def _relative_apposition(inner: list[re.Match]) -> bool:
    """An apposition that describes a person with a relative clause ("a professor who specializes
    in election law")."""
    return (
        len(inner) > 1
        and inner[0].group()[:1].islower()
        and any(bare_word(w.group()) in _RELATIVES for w in inner[1:8])
    )


def _names_after(text: str, cue_end: int, hi: int) -> bool:
    """Whether a capitalised name comes right after the cue, before any comma ("said Angie Drobnic
    Holan, …")."""
    following = words_between(text, cue_end, hi)[:6]
    for word in following:
        if word.group()[:1].isupper():
            return True
        if text[word.end() : word.end() + 1] in ",.;:" or bare_word(word.group()) in (
            "that",
            "it",
            "in",
            "on",
            "at",
            "during",
            "to",
        ):
            return False
    return False


def find_subject(
    text: str, lo: int, hi: int, titles: frozenset[str]
) -> tuple[int, int, bool] | None:
    """The subject of a sentence for a cue that shares it ("Fiorina was upfront about Trump, saying
    …").

    The first person pronoun, or the first capitalised word that is not a title,
    a possessive or a sentence opener, with the capitalised words right after it
    ("United Nations", "Carly Fiorina"); else the words before the first verb, when they are
    five at most ("The billionaire businessman began …").
    """
    words = words_between(text, lo, hi)
    for k, word in enumerate(words):
        bare = bare_word(word.group())
        if bare in PERSON_PRONOUNS | {"she", "they"}:
            return word.start(), word.end(), False
        if (
            word.group()[:1].isupper()
            and not word.group().endswith(("'s", "’s"))
            and bare not in SENTENCE_OPENERS
            and word.group() not in titles
        ):
            end = word.end()
            for following in words[k + 1 :]:
                if not following.group()[:1].isupper() or text[end : following.start()].strip():
                    break
                end = following.end()
            return word.start(), end, False
    # "The billionaire businessman began by talking …, saying": the words before the first verb
    head = []
    for word in words[:6]:
        bare = bare_word(word.group())
        if bare in AUXILIARIES or (
            head
            and word.group().islower()
            and (bare.endswith(("ed", "s")) or bare in VERB_OR_PREPOSITION)
        ):
            break
        head.append(word)
    return (head[0].start(), head[-1].end(), False) if head and len(head) <= 5 else None


def _is_abbreviation(word: str) -> bool:
    """Initials ("U.S.") or a title of ``abbreviations.tsv`` ("Sen.", "Gov."): its period ends no
    name."""
    return (
        bool(re.fullmatch(r"(?:[A-Z]\.)+", word))
        or abbreviations().get(word[:-1].lower()) == "title"
    )


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
    inside = [
        q for q in quotations if q.start < hi and q.end > lo and not (q.start <= cue_start < q.end)
    ]
    indirect = find_indirect_span(text, lo, hi, cue_start, cue_end, source, according)
    if inside:
        start, end = min(q.start for q in inside), max(q.end for q in inside)
        skip = [(q.start, q.end) for q in inside] + [(cue_start, cue_end), source[:2]]
        earlier_cue = window_lo is not None and window_lo > lo
        region = (
            start if end <= cue_start and earlier_cue else (window_lo if earlier_cue else lo)
        )  # after an earlier cue, a quotation before its own cue starts the clause
        beside = [
            w
            for w in words_between(text, region, hi)
            if not any(s <= w.start() < e for s, e in skip)
        ]
        whole = len(beside) < 3 or all(_is_whole_sentence(text, q) for q in inside)
        if whole:
            return start, end, "direct"
        if indirect is not None:
            return min(start, indirect[0]), max(end, indirect[1]), "partial"
        return start, end, "partial"
    return (*indirect, "indirect") if indirect is not None else None


def find_indirect_span(
    text: str,
    lo: int,
    hi: int,
    cue_start: int,
    cue_end: int,
    source: tuple[int, int, bool],
    according: bool,
) -> tuple[int, int] | None:
    """The clause a cue reports: after it (after "that" when it follows), or before it when the cue
    closes the sentence."""
    source_start, source_end, after_cue = source
    tail = _trim(text, max(cue_end, source_end if after_cue else cue_end), hi)
    head = _trim(text, lo, min(cue_start, source_start))
    if (
        not according
        and not after_cue
        and text[lo:source_start].rstrip().endswith(",")
        and text[cue_end:hi].lstrip().startswith(",")
    ):
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
        rest = (
            rest[0],
            comma if comma >= 0 else rest[1],
        )  # "…, Cruz explained, recalling …" closes the clause too
        return head if _enough(text, head) and len(words_between(text, *rest)) < 3 else None
    words = words_between(text, tail[0], min(tail[1], tail[0] + 60))
    that = next((w for w in words[:6] if bare_word(w.group()) == "that"), None)
    if that is not None:
        tail = (that.end() + 1, tail[1])
    elif normalise_phrase(text[cue_start:cue_end]) in _TELL_FORMS:
        # "told reporters he agreed": the addressee is not the content
        start = next(
            (w.start() for w in words[1:5] if bare_word(w.group()) in _CLAUSE_OPENERS), None
        )
        if start is not None:
            tail = (start, tail[1])
    tail = _trim(text, tail[0], _clause_end(text, *tail))
    return tail if _enough(text, tail) else None


_NEW_CLAUSE = re.compile(
    r",\s+(?:and|but|which|while|though|although|whereas|adding|saying|as)\s|;\s|\s[—–]\s"
)


def _clause_end(text: str, start: int, end: int) -> int:
    """Where the reported clause ends: before ", and …", ", but …", ", which …", "; " or a dash."""
    match = _NEW_CLAUSE.search(text, start, end)
    return match.start() if match else end


def _enough(text: str, span: tuple[int, int]) -> bool:
    """Indirect content needs three words at least ("evasively" or "on X" is not a content)."""
    return len(words_between(text, *span)) >= 3


def _is_whole_sentence(text: str, quotation: Quotation) -> bool:
    """A quotation that is a sentence of its own: it opens with a capital and ends with . , ! ?
    before its closing mark."""
    inner = text[quotation.start : quotation.end].strip(_MARKS)
    return bool(inner) and inner[0].isupper() and inner[-1] in ".,!?"


def _quoted_share(text: str, lo: int, hi: int, quotations: list[Quotation]) -> float:
    letters = sum(1 for c in text[lo:hi] if c.isalnum())
    quoted = sum(
        1 for q in quotations for c in text[max(q.start, lo) : min(q.end, hi)] if c.isalnum()
    )
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
    match = re.match(
        r"\s+(?:in (?:a|another|his|her|their|its) (?:post|statement|message|video) )?on ", window
    )
    if match is None:
        return ""
    found = lexicons.media_pattern.match(
        text, cue_end + match.end() - (3 if window[match.end() - 3 : match.end()] == "on " else 0)
    )
    if found is None:
        found = lexicons.media_pattern.match(text, cue_end + match.end())
    if found is None:
        return ""
    medium, kind, _ = lexicons.media[found.group()]
    return medium if kind == "platform" else ""
