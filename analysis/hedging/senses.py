"""Context rules of the hedge and booster cues: when a form is read as a hedge or booster in its
sentence ("may" the modal, not the month), and negation."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from analysis.resources.lists import normalise_phrase, read_wordlist

_WORD_RE = re.compile(r"[$€£]?[^\W_]+(?:[.,’'-][^\W_]+)*%?")
_WINDOW = 120
_CLAUSE_MARKS = (",", ";", ":", "—", "–", "(", ")")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty sixty seventy "
    "eighty ninety hundred hundreds thousand thousands million millions billion billions trillion "
    "dozen dozens half "
    "several".split()
)
_UNIT_AFTER_ARTICLE = frozenset(
    "dozen third quarter half hour minute week month year day decade hundred thousand million "
    "billion mile percent".split()
)
_MIGHT_NOUN_BEFORE = frozenset(
    "the his her its their our my your all military economic naval industrial full sheer russian "
    "american western "
    "chinese nuclear financial".split()
)
_APPEAR_NEXT = frozenset("to that as likely unlikely set poised ready headed close".split())
_PREDICATIVE_BEFORE = frozenset(
    "is are was were be been being am seems seemed seem became become becomes remains remained "
    "made make makes "
    "making it quite absolutely very not entirely fully it's that's he's she's i'm we're they're "
    "you're".split()
)
_NEGATIONS = frozenset("not never no nor neither hardly cannot without".split())
_ENSURE_BEFORE = frozenset("make makes made making".split())
_OFFICE_NOUNS = frozenset(
    "majority minority office offices title titles chairmanship chairmanships presidency "
    "speakership governorship leadership "
    "control command power powers responsibility responsibilities duty duties role roles post "
    "posts position positions "
    "helm mantle throne reins seat job debt debts risk risks liability liabilities ownership "
    "custody authority".split()
)
_SKIPPED_BEFORE_NOUN = frozenset(
    "the a an his her their its our my your full sole greater more new interim temporary".split()
)
_SUSPECT_SUBJECTS = frozenset(
    "i we you they he she who which also do does did don't doesn't didn't may might could would "
    "will still "
    "police officials investigators authorities prosecutors detectives experts analysts "
    "scientists researchers "
    "critics many some others people".split()
)
_BE_FORMS = frozenset(
    "is are was were be been being newly unanimously narrowly quickly finally".split()
)
_NOMINATION = re.compile(
    r"\b(?:senate|senators?|nominee|nominees|nomination|nominated|confirmation)\b", re.IGNORECASE
)
_OBJECT_PRONOUNS = frozenset("him her them me us each".split())
_DISBELIEF_BEFORE = frozenset("hard difficult impossible".split())
_MODAL_ADVERBS = frozenset(
    "not n't never also surely certainly probably still only already all".split()
)
_IRREGULAR_PARTICIPLES = frozenset(
    "been done gone made known seen said told thought brought bought won lost left put set run "
    "become come got "
    "felt heard held kept led meant met paid sent spent stood understood found built caught "
    "taught fought sold "
    "let cut hit hurt shut struck begun sung swum drunk sunk read".split()
)
_THOUGHT_NOUN_BEFORE = frozenset(
    "the a an first second final last any some much no little considerable careful serious more "
    "of "
    "his her my our their its this that your".split()
)


def _words_before(text: str, lo: int, pos: int, n: int) -> list[str]:
    """The last ``n`` words before ``pos`` in the same clause (after the last , ; : dash or
    bracket)."""
    window = max(lo, pos - _WINDOW)
    clause = max(text.rfind(mark, window, pos) for mark in _CLAUSE_MARKS) + 1
    return [normalise_phrase(w) for w in _WORD_RE.findall(text, max(window, clause), pos)][-n:]


def _words_after(text: str, pos: int, hi: int, n: int) -> list[str]:
    return [normalise_phrase(w) for w in _WORD_RE.findall(text, pos, min(hi, pos + _WINDOW))][:n]


def _is_quantity(words: list[str]) -> bool:
    if not words:
        return False
    first = words[0].lstrip("$€£")
    if first[:1].isdigit() or first in _NUMBER_WORDS:
        return True
    return first in ("a", "an") and len(words) > 1 and words[1].rstrip("s") in _UNIT_AFTER_ARTICLE


def _opens_sentence(text: str, lo: int, pos: int) -> bool:
    return not any(ch.isalnum() for ch in text[lo:pos])


def keep_modal_may(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``month_may``: "may" in lower case, or sentence-initial "May" not before a number."""
    written = text[start:end]
    if written == "may":
        return True
    if written.isupper() or _opens_sentence(text, lo, start):
        return not _is_quantity(_words_after(text, end, hi, 2))
    return False


def keep_modal_might(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``noun_might``: not after a determiner or adjective of power, not before "of"."""
    before = _words_before(text, lo, start, 1)
    after = _words_after(text, end, hi, 1)
    return not ((before and before[0] in _MIGHT_NOUN_BEFORE) or after == ["of"])


def keep_before_number(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``before_number``: an approximator only when a quantity follows."""
    return _is_quantity(_words_after(text, end, hi, 2))


@lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset[str]:
    return frozenset(read_wordlist("speech_verbs.txt")) | frozenset(
        read_wordlist("reporting_verbs.txt")
    )


def _sentence_words_before(text: str, lo: int, pos: int) -> list[str]:
    """Every word of the sentence before ``pos``, across clause marks."""
    return [normalise_phrase(w) for w in _WORD_RE.findall(text, max(lo, pos - 4 * _WINDOW), pos)]


def _is_participle(word: str) -> bool:
    return word.endswith(("ed", "en")) or word in _IRREGULAR_PARTICIPLES


def keep_would_sense(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``would_sense``: not the future of reported speech or thought, not a counterfactual
    past.

    Reported future: a reporting verb among the eight words before ("said he would meet", "hoping
    he would come"), or a coordinated predicate ("said she has signed … and would plead") with a
    reporting verb anywhere before it in the sentence. Counterfactual past: "would have" + a
    participle after "which", "that" or "who" ("a bill which would have reopened the government"),
    and "would never have" + a participle ("I would never have wanted"): what did not happen, not
    doubt. "Would have been" stays a cue: it often weighs a claim not yet established ("he had
    spoken to Putin, which would have been their first call since 2022"). Other counterfactuals
    stay cues: SFU's annotators mark "would have" as speculation, and the rule is kept to the forms
    that are plainly past and unreal.
    """
    if any(w in _reporting_verbs() for w in _words_before(text, lo, start, 8)):
        return False
    if _words_before(text, lo, start, 1) in (["and"], ["but"]) and any(
        w in _reporting_verbs() for w in _sentence_words_before(text, lo, start)
    ):
        return False
    after = _words_after(text, end, hi, 4)
    perfect = [w for w in after if w not in _MODAL_ADVERBS]
    counterfactual = (
        len(perfect) >= 2
        and perfect[0] in ("have", "'ve")
        and perfect[1] != "been"
        and _is_participle(perfect[1])
    )
    before = _words_before(text, lo, start, 2)
    relative = before[-1:] in (["which"], ["who"]) or (
        len(before) == 2 and before[1] == "that"
    )  # not "That would have …"
    return not (counterfactual and (relative or after[:1] == ["never"]))


def keep_epistemic_must(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``epistemic_must``: "must" is a booster only as a conclusion, not as an obligation.

    It counts before "have" + a participle ("he must have known") and before "be" not followed by a
    participle ("there must be a reason", "they must be joking"); "we must make America great",
    "every bill must cite its source", "the issue must be decided by the states" are duties, not
    certainty.
    """
    after = [w for w in _words_after(text, end, hi, 4) if w not in _MODAL_ADVERBS]
    if len(after) < 2:
        return False
    if after[0] in ("have", "'ve"):
        return _is_participle(after[1])
    return after[0] == "be" and not _is_participle(after[1])


def keep_epistemic_appear(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``epistemic_appear``: before "to", "that", "as", "likely"… only."""
    after = _words_after(text, end, hi, 1)
    return bool(after) and after[0] in _APPEAR_NEXT


def keep_predicative(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``predicative``: right after a form of "be", "made", "it", "quite"…, or before "that";
    never "make sure"."""
    before = _words_before(text, lo, start, 1)
    if (
        before
        and before[0] in _ENSURE_BEFORE
        and normalise_phrase(text[start:end]) in ("sure", "certain")
    ):
        return False  # "make sure they don't", "made certain that": to ensure, not certainty
    return (bool(before) and before[0] in _PREDICATIVE_BEFORE) or _words_after(
        text, end, hi, 1
    ) == ["that"]


def keep_epistemic_assume(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``epistemic_assume``: not before an office, power or duty ("assume the chairmanship",
    "assume control")."""
    after = [w for w in _words_after(text, end, hi, 4) if w not in _SKIPPED_BEFORE_NOUN]
    return not (after and after[0] in _OFFICE_NOUNS)


def keep_epistemic_believe(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``epistemic_believe``: not "believe in" (except "believe in my heart"), "believe me",
    "hard to believe", nor "believe him/her/them" (to trust)."""
    after = _words_after(text, end, hi, 3)
    if after[:1] == ["in"] and after[2:3] != ["heart"]:
        return False  # "we believe in freedom of assembly"
    if after[:1] in (["me"], ["us"], ["him"], ["her"], ["them"]):
        return False  # "believe me, it worked": an emphatic; "voters believe him": trust
    before = _words_before(text, lo, start, 2)
    return not (len(before) == 2 and before[1] == "to" and before[0] in _DISBELIEF_BEFORE)


def keep_epistemic_think(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``epistemic_think``: not the noun "thought", not "thought out" (see the module
    docstring)."""
    if normalise_phrase(text[start:end]) != "thought":
        return True
    before = _words_before(text, lo, start, 1)
    if before and before[0] in _THOUGHT_NOUN_BEFORE:
        return False  # "my first thought", "given any thought", "the thought of"
    return _words_after(text, end, hi, 1) != ["out"]


def keep_verb_suspect(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``verb_suspect``: "suspect(s)" after a subject pronoun, auxiliary, adverb or reporting
    subject, or before "that"; "suspected" always."""
    if normalise_phrase(text[start:end]) not in ("suspect", "suspects"):
        return True
    if _words_after(text, end, hi, 1) == ["that"]:
        return True
    before = _words_before(text, lo, start, 1)
    return bool(before) and (before[0] in _SUSPECT_SUBJECTS or before[0].endswith("ly"))


def keep_factive_sense(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``factive_sense``: not a nominee's confirmation, not "know" a person (see the module
    docstring)."""
    form = normalise_phrase(text[start:end])
    after = _words_after(text, end, hi, 1)
    if form.startswith("confirm"):
        if after == ["that"]:
            return True
        if after == ["as"]:
            return False  # "confirmed as the new secretary"
        before = _words_before(text, lo, start, 6)
        passive = bool(before) and before[-1] in _BE_FORMS
        by_senate = "senate" in before or (
            len(before) >= 2 and before[-2:] == ["nominated", "and"]
        )
        return not (
            (passive or by_senate or before[-2:] == ["vote", "to"])
            and _NOMINATION.search(text, lo, hi)
        )
    if form in ("know", "knows", "knew"):
        written = _WORD_RE.search(text, end, min(hi, end + _WINDOW))
        if after and after[0] in _OBJECT_PRONOUNS:
            return False  # "I do not know him", "they know each other"
        if (
            _words_before(text, lo, start, 1) == ["you"]
            and text[end : end + 1] in (",", "…")
            and form == "know"
        ):
            return False  # "You know, I look forward …": a discourse marker
        if (
            written is not None
            and written.group()[:1].isupper()
            and not text[end : written.start()].strip()
            and after[0] not in ("i",)
        ):
            return False  # "he knows Christie well"
    return True


def is_negated(text: str, start: int, lo: int) -> bool:
    """A negation ("not", "n't", "never", "no", "neither"…) among the three words before
    ``start``."""
    return any(w in _NEGATIONS or w.endswith("n't") for w in _words_before(text, lo, start, 3))


CONTEXT_RULES: dict[str, Callable[[str, int, int, int, int], bool]] = {
    "month_may": keep_modal_may,
    "noun_might": keep_modal_might,
    "before_number": keep_before_number,
    "would_sense": keep_would_sense,
    "epistemic_must": keep_epistemic_must,
    "epistemic_appear": keep_epistemic_appear,
    "predicative": keep_predicative,
    "epistemic_assume": keep_epistemic_assume,
    "epistemic_believe": keep_epistemic_believe,
    "epistemic_think": keep_epistemic_think,
    "verb_suspect": keep_verb_suspect,
    "factive_sense": keep_factive_sense,
}
"""Rule name (the lexicon's ``rule`` column) → test of ``(text, start, end, sentence_start,
sentence_end)``."""
