"""Attributions in one text: cue, source phrase, content and speaker, one rule per function.

An *attribution* ties a content (a direct quotation, a partial quote inside the
author's sentence, or indirect speech) to a source through a cue (an attribution
verb of ``wordlists/attribution_verbs.tsv``, "according to", or a dash before a
name). The strategies:

- :func:`find_cues`: attribution verbs outside quotations; not nouns ("a post on
  X", "Trump's claims"), passives ("when asked"), negations ("did not say") or
  names ("a play called …", "The Washington Post").
- :func:`find_source_phrase`: the speaker's words next to the cue: before it
  ("Kremlin spokesman Dmitry Peskov said"; auxiliaries and adverbs skipped:
  "Trump later said", "has since said"), stepping over a relative clause or a
  parenthesis ("Peskov, who …, said"; "Rep. Earl Blumenauer (D-Ore.) said"),
  reading an apposition ("The Kremlin's spokesman, Dmitri S. Peskov, told");
  after the cue when it opens its clause ("…,” said Peskov", "according to ABC
  News", "…such misinformation, said Angie Drobnic Holan"); :func:`find_subject` for a cue that shares the sentence's subject
  ("…, saying …", "says A but argues B").
- :func:`find_content` and :func:`find_indirect_span`: the quotations of the
  cue's part of the sentence (a quotation running over sentences or paragraphs
  is one content; one right before a later cue is that cue's); else the clause
  after the cue, or before a cue that closes the sentence, or the whole
  sentence around a cue set off by commas.
- continuations: a quoted sentence without a cue right after an attribution,
  in the same or the next paragraph, continues its source; a quotation followed
  by a dash and a name is that name's.
- :func:`resolve_speaker`: the rules of :data:`SPEAKER_RULES`, in order, each
  recorded with the speaker it chose: a party-and-state tag or an age is never
  a speaker; a person of the corpus's actor table named in the phrase; a
  person the article names (:func:`analysis.text.people.find_people`, for any
  corpus) named in the phrase; an organisation or medium by its canonical
  name; a description of the corpus's ``actor_descriptors.tsv`` for an actor
  the article names; "the paper" as the medium last quoted; an office ("the
  senator") as the last person named with that title; a bare surname as the
  fuller name written earlier ("Masala" → "Carlo Masala"); "he"/"she" as a
  person named earlier in the same sentence outside quotations, else the
  person source of the sentence before, else the first person named in the
  nearest earlier sentence, never one whose courtesy title says another
  gender; "they" as an unnamed group that just spoke; unnamed sources keep
  their description.
- stances (:func:`find_attributions_and_stances`): in sentences that attribute
  no words, a cue of ``wordlists/stance_verbs.tsv`` (believes, wants, opposes,
  called for, a poll shows) with its subject before it attributes a belief,
  intention, position or finding (the rules: :mod:`analysis.sources.stances`); sources,
  contents and speakers as above. Words and word classes shared with those
  rules: :mod:`analysis.text.clauses`.

Blind spots: the rules read English news syntax; nested attributions go to one
source; a source far from its verb, quotes introduced by a colon after a noun
and paraphrases without an attribution verb are missed; "it" is not resolved,
"they" only to a group that just spoke; gender is known only from courtesy
titles; a speaker named only after the statement is not found.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from analysis.resources.lists import normalise_phrase
from analysis.sources.lexicons import SourceLexicons, default_lexicons
from analysis.sources.stances import (
    NO_OBJECT,
    STANCE_PARTICIPLES,
    after_opening_phrase,
    before_adverbs,
    end_relative_clause,
    holds_stance,
    plural_group_before,
    stance_subject_before,
)
from analysis.text.clauses import (
    AUXILIARIES,
    CLAUSE_MARKS,
    PERSON_PRONOUNS,
    PRONOUNS,
    SENTENCE_OPENERS,
    VERB_OR_PREPOSITION,
    bare_word,
    is_adverb,
    is_tag,
    words_between,
)
from analysis.text.people import ROLE_SYNONYMS, PersonMention, find_people, name_stopwords
from analysis.text.quotes import Quotation
from analysis.text.segment import Span, abbreviations

_MARKS = "“”\"«»„‘’' \n"
_NOUN_BEFORE = frozenset("a an the another his her their its this that these those in of to my our your first second last only most widely newly".split())
_PASSIVE_BEFORE = frozenset("when if once was were been being is are be get got".split())
_LEADING_PREPOSITIONS = frozenset("with by from for of among".split())
_PHRASE_STOPS = frozenset("that which who whom whose when while because as if but after before since so where what how and or though although including".split())
_AMBIGUOUS_FORMS = frozenset("post posts tweet tweets comment comments remark remarks claim claims note notes reports answer answers".split())
"""Forms that are nouns as often as verbs: cues only right after a name, a pronoun or an auxiliary."""
_AFTER_STOPS = frozenset("on in at during to who that adding saying while when after before as according".split())

_TELL_FORMS = frozenset("tell tells told telling".split())
_NAMING_FORMS = frozenset("called calling".split())
_PARTICLES = frozenset("for on off up in out back upon into it".split())
_CLAUSE_OPENERS = frozenset("he she they it we i the a an his her their its there this".split())
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
    speaker_rule: str = ""
    """The rule of :data:`SPEAKER_RULES` that chose the speaker."""


def find_cues(text: str, start: int, end: int, quoted: list[tuple[int, int]], lexicons: SourceLexicons, stance: bool = False) -> list[tuple[int, int, str]]:
    """Attribution cues of ``text[start:end]`` outside quotations: ``(start, end, class)``.

    ``stance``: the cues of ``stance_verbs.tsv`` (beliefs, intentions, positions, findings) instead of the
    speech cues; a form that is also a noun counts only after a subject (:func:`stance_subject_before`).
    """
    pattern, classes = (lexicons.stance_pattern, lexicons.stance_classes) if stance else (lexicons.cue_pattern, lexicons.cue_classes)
    if pattern is None:
        return []
    cues = []
    for match in pattern.finditer(text, start, end):
        if any(s <= match.start() < e for s, e in quoted):
            continue
        if text.rfind("<", start, match.start()) > text.rfind(">", start, match.start()):
            continue  # inside markup left in the text ("<tweet tweet-author=…>")
        before = words_between(text, max(start, match.start() - 40), match.start())
        previous = bare_word(before[-1].group()) if before else ""
        form = normalise_phrase(match.group())
        if form != "according to" and (previous in _NOUN_BEFORE or previous.endswith("'s")):
            continue  # a noun: "a post on X", "Trump's claims"
        if stance and form in lexicons.stance_nouns and not stance_subject_before(before, form, lexicons):
            continue  # "new plans", "public support": nouns, not a subject's stance
        if form in _AMBIGUOUS_FORMS and not (before and (before[-1].group()[:1].isupper() or previous in PRONOUNS or previous in AUXILIARIES)):
            continue  # "his social media post", "admiring remarks"
        if form in _AMBIGUOUS_FORMS and any(
            m.end() == before[-1].end() and lexicons.media[m.group()][1] == "platform" for m in lexicons.media_pattern.finditer(text, max(start, match.start() - 30), match.start())
        ):
            continue  # "his Truth Social post" (but "The New York Post reports" is a cue)
        if previous in ("not", "never") or previous.endswith("n't"):
            continue  # "did not say": nothing is attributed
        if stance and any(bare_word(w.group()) in ("not", "never") or bare_word(w.group()).endswith("n't") for w in before_adverbs(before)):
            continue  # "does not specifically seek": a negated stance, over its adverbs
        if form in _NAMING_FORMS and bare_word(next(iter(words_between(text, match.end(), end)), match).group()) in _PARTICLES:
            continue  # "called for", "called on": a request, not words attributed
        if form in _NAMING_FORMS and before and before[-1].group().islower() and previous not in PRONOUNS | AUXILIARIES | {"and", "but", "or"}:
            continue  # "a play called “…”": a name, not words attributed
        if match.group()[:1].isupper() and before and text[before[-1].end() : match.start()].strip() == "":
            continue  # "The Washington Post": part of a name, not a verb
        verb_before = next((bare_word(w.group()) for w in reversed(before) if not is_adverb(bare_word(w.group()))), "")
        if (previous in _PASSIVE_BEFORE or verb_before in _PASSIVE_BEFORE) and (form.endswith("ed") or form in ("told", "said", "asked") or (stance and form in STANCE_PARTICIPLES)):
            continue  # a passive: "when asked", "was told", "is often described", "are thought to"
        cues.append((match.start(), match.end(), classes[form]))
    return cues


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
    """The speaker's words for a cue: ``(start, end, after_cue)``, or None. Quoted words are never the speaker."""
    lo = max([lo] + [e for s, e in quoted if e <= cue_start])
    hi = min([hi] + [s for s, e in quoted if s >= cue_end])
    if not according:
        stop = cue_start
        before = text[lo:cue_start].rstrip()
        if before.endswith(")") and "(" in before:
            stop = lo + before.rindex("(")  # "Rep. Earl Blumenauer (D-Ore.) said": the parenthesis is not the clause
        clause = _clause_start(text, lo, stop)
        words = words_between(text, clause, stop)
        while words and (bare_word(words[-1].group()) in AUXILIARIES or bare_word(words[-1].group()).endswith("ly")):
            words.pop()
        if not words and clause > lo and text[clause - 1] == ",":
            previous = _clause_start(text, lo, clause - 1)
            inner = words_between(text, previous, clause - 1)
            if text[cue_start:cue_end].lower().endswith("ing"):
                return find_subject(text, lo, clause - 1, titles)
            if previous == lo and len(inner) > 6 and _names_after(text, cue_end, hi):
                words = []  # "The Internet has … such misinformation, said Angie Drobnic Holan": the source follows the cue
            elif inner and (bare_word(inner[0].group()) in ("who", "which") or inner[0].group().endswith("ing")):
                # "Peskov, who spoke to reporters, said": skip back over a relative clause
                words = words_between(text, _clause_start(text, lo, previous - 1), previous - 1) if previous > lo else []
            elif previous > lo and text[previous - 1] == "," and (is_tag(text[previous : clause - 1]) or _relative_apposition(inner)):
                # "Mattis, 68, had said", "Sen. Chris Murphy, D-Conn., said", "Rick Hasen, a professor who specializes in
                # election law, said": a tag or a description stands beside the name, which speaks
                words = words_between(text, _clause_start(text, lo, previous - 1), previous - 1)
            elif previous > lo and text[previous - 1] == "," and 0 < len(inner) <= 6:
                if inner[0].group()[:1].islower():
                    # "Patrick F. Kennedy, the undersecretary for management, wrote": the name before the apposition speaks
                    words = words_between(text, _clause_start(text, lo, previous - 1), previous - 1)
                else:
                    # "The Kremlin's spokesman, Dmitri S. Peskov, told reporters": the apposition names the speaker
                    words = inner
            else:
                words = inner
        while words and (bare_word(words[-1].group()) in AUXILIARIES or bare_word(words[-1].group()).endswith("ly")):
            words.pop()
        if words and bare_word(words[-1].group()) == "who" and clause > lo and text[clause - 1] == ",":
            # "former Gov. Martin O’Malley, who noted": the antecedent of "who" speaks
            words = words_between(text, _clause_start(text, lo, clause - 1), clause - 1)
        kept = []
        for k in range(len(words) - 1, max(-1, len(words) - 11), -1):
            word = words[k]
            if bare_word(word.group()) in _PHRASE_STOPS:
                if bare_word(word.group()) in _RELATIVES and kept and kept[0].group()[:1].islower() and bare_word(kept[0].group()) not in PRONOUNS:
                    # "a professor who specializes in election law": the antecedent speaks; "McConnell, …, who in 2010
                    # said": the name before the comma
                    antecedent = _antecedent(words[max(0, k - 6) : k])
                    end, steps = clause, 0
                    while not (antecedent and antecedent[0].group()[:1].isupper()) and end > lo and text[end - 1] in ",—–―" and steps < 3:
                        steps += 1
                        start = _clause_start(text, lo, end - 1)  # back over an apposition to the name it describes
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
        if any(mark in gap for mark in ",;:!?()“”\"") or (not according and bare_word(word.group()) in _AFTER_STOPS):
            break
        if according and bare_word(word.group()) in ("that", "which", "who"):
            break
        after.append(word)
        if word.group().endswith(".") and not _is_abbreviation(word.group()):
            break
    if after:
        last = after[-1]
        end = last.end() - (1 if last.group().endswith(".") and not _is_abbreviation(last.group()) else 0)
        return after[0].start(), end, True
    return None


_RELATIVES = frozenset({"who"})
"""A relative pronoun that is the subject of its clause ("a professor who specializes in …"); "which advocates say" is not."""


def _antecedent(words: list[re.Match]) -> list[re.Match]:
    """The words of a noun phrase before a relative pronoun, from the last phrase stop on."""
    kept: list[re.Match] = []
    for word in reversed(words):
        if bare_word(word.group()) in _PHRASE_STOPS:
            break
        kept.insert(0, word)
    return kept


def _relative_apposition(inner: list[re.Match]) -> bool:
    """An apposition that describes a person with a relative clause ("a professor who specializes in election law")."""
    return len(inner) > 1 and inner[0].group()[:1].islower() and any(bare_word(w.group()) in _RELATIVES for w in inner[1:8])


def _names_after(text: str, cue_end: int, hi: int) -> bool:
    """Whether a capitalised name comes right after the cue, before any comma ("said Angie Drobnic Holan, …")."""
    following = words_between(text, cue_end, hi)[:6]
    for word in following:
        if word.group()[:1].isupper():
            return True
        if text[word.end() : word.end() + 1] in ",.;:" or bare_word(word.group()) in ("that", "it", "in", "on", "at", "during", "to"):
            return False
    return False


def find_subject(text: str, lo: int, hi: int, titles: frozenset[str]) -> tuple[int, int, bool] | None:
    """The subject of a sentence for a cue that shares it ("Fiorina was upfront about Trump, saying …").

    The first person pronoun, or the first capitalised word that is not a title,
    a possessive or a sentence opener, with the capitalised words right after it
    ("United Nations", "Carly Fiorina").
    """
    words = words_between(text, lo, hi)
    for k, word in enumerate(words):
        bare = bare_word(word.group())
        if bare in PERSON_PRONOUNS | {"she", "they"}:
            return word.start(), word.end(), False
        if word.group()[:1].isupper() and not word.group().endswith(("'s", "’s")) and bare not in SENTENCE_OPENERS and word.group() not in titles:
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
        if bare in AUXILIARIES or (head and word.group().islower() and (bare.endswith(("ed", "s")) or bare in VERB_OR_PREPOSITION)):
            break
        head.append(word)
    return (head[0].start(), head[-1].end(), False) if head and len(head) <= 5 else None


def _is_abbreviation(word: str) -> bool:
    """Initials ("U.S.") or a title of ``abbreviations.tsv`` ("Sen.", "Gov."): its period ends no name."""
    return bool(re.fullmatch(r"(?:[A-Z]\.)+", word)) or abbreviations().get(word[:-1].lower()) == "title"


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
        beside = [w for w in words_between(text, region, hi) if not any(s <= w.start() < e for s, e in skip)]
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
        return head if _enough(text, head) and len(words_between(text, *rest)) < 3 else None
    words = words_between(text, tail[0], min(tail[1], tail[0] + 60))
    that = next((w for w in words[:6] if bare_word(w.group()) == "that"), None)
    if that is not None:
        tail = (that.end() + 1, tail[1])
    elif normalise_phrase(text[cue_start:cue_end]) in _TELL_FORMS:
        # "told reporters he agreed": the addressee is not the content
        start = next((w.start() for w in words[1:5] if bare_word(w.group()) in _CLAUSE_OPENERS), None)
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
    return len(words_between(text, *span)) >= 3


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
    people: list[PersonMention] = field(default_factory=list)
    """The people the article names (:func:`analysis.text.people.find_people`), in order."""
    named_actors: frozenset[str] = frozenset()
    """The actors of the corpus's table that the article names."""
    quoted: list[tuple[int, int]] = field(default_factory=list)
    """The spans of the article's outer quotations: a person named inside one is not the one a pronoun outside it means."""
    media_sources: list[str] = field(default_factory=list)
    """The media quoted as sources so far, in order ("The Wall Street Journal reported")."""

    people_starts: list[int] = field(default_factory=list)
    """Where each of ``people`` starts, for :meth:`people_in`."""

    def people_in(self, start: int, end: int) -> list[PersonMention]:
        """The people named in ``text[start:end]``, in order."""
        return self.people[bisect_left(self.people_starts, start) : bisect_left(self.people_starts, end)]

    def gender(self, name: str) -> str:
        return next((p.gender for p in self.people if p.name == name and p.gender), "")


SPEAKER_RULES = {
    "actor_table": "a person of the corpus's actor table named in the source phrase",
    "name_in_text": "a person the article names, named in the source phrase (its fullest form in the article)",
    "surname": "a bare surname, read as the fuller name the article gave before",
    "name_in_phrase": "the capitalised name at the end of the source phrase, titles and countries left out",
    "pronoun_in_sentence": "he or she: a person named earlier in the same sentence",
    "pronoun_previous_source": "he, she or they: the source of the same or the sentence before goes on speaking (they: an unnamed group or organisation)",
    "pronoun_subject": "he or she: the first person named in the author's voice in the nearest earlier sentence that names one",
    "pronoun_last_speaker": "he or she: the last person who spoke",
    "role": "a description by office (\"the senator\"): the last person the article named with that title",
    "descriptor": "a description of the corpus's actor_descriptors.tsv, for an actor the article names",
    "organisation": "an organisation of the corpus's actor table",
    "medium": "a medium, agency or platform of media_outlets.tsv; \"the paper\", \"the network\": the medium last quoted as a source, else the last one named",
    "group_subject": "they, of a stance: the last plural source word (\"Democrats\", \"officials\", \"critics\") earlier in its sentence, else, when nobody else is resolved, in the sentence before",
    "description": "an unnamed source, kept as described (\"officials\", \"a spokesman\")",
    "continuation": "a quotation without a cue of its own, continuing the previous source",
    "unresolved": "a pronoun with nobody named before it, or a phrase that names nobody (a party tag, an age)",
}
"""Every rule that can decide a speaker (the ``speaker_rule`` of ``quotes.csv``), and what it does."""

PERSON_RULES = frozenset({"actor_table", "name_in_text", "surname", "name_in_phrase", "role"})
"""Rules whose speaker is a person (a pronoun's too); a description, an organisation or a medium is not."""

_DEFINITE = ("the ", "a ", "an ", "another ")
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ ,-]{2,}\s+(?:--|—|–|―)\s*")


def resolve_speaker(phrase: str, sentence_start: int, memory: _Memory, lexicons: SourceLexicons, position: int | None = None) -> tuple[str, str]:
    """The canonical speaker of a source phrase at ``position`` in the sentence starting at ``sentence_start``, and the rule that chose it.

    The rules, tried in this order, are those of :data:`SPEAKER_RULES` (see the
    module docstring). A speaker is always someone the article names, or an
    unnamed description, or "unresolved: ..."; never a person the article does not name.
    """
    bare = _DATELINE.sub("", phrase.strip())  # "WASHINGTON -- The nation's leading advocate": the dateline names nobody
    lowered = re.sub(r"['’](?:s|d|ll|ve)$", "", bare.lower())  # "he’s predicted", "she’d said"
    if is_tag(bare):
        return f"unresolved: {bare}", "unresolved"
    words = lowered.split()
    if words and words[0] in PERSON_PRONOUNS and len(words) > 1 and bare[len(words[0]) :].strip()[:1].islower():
        lowered = words[0]  # "he won the presidency": a clause whose subject speaks
    if lowered in PRONOUNS:
        if lowered in PERSON_PRONOUNS:
            return _resolve_pronoun(lowered, sentence_start, memory, lexicons, position)
        last = memory.last
        if lowered == "they" and last is not None and memory.last_sentence >= memory.sentence_index - 1 and not last.speaker.startswith("unresolved"):
            if last.speaker != memory.last_person_speaker and last.speaker_rule in ("description", "organisation", "pronoun_previous_source"):
                return last.speaker, "pronoun_previous_source"  # "officials said that …, and they acknowledged …"
        return f"unresolved: {lowered}", "unresolved"
    persons = [lexicons.actor_owner[m.group()] for m in lexicons.actor_pattern.finditer(bare)]
    persons = [a for a in persons if a.kind == "person"]
    if persons:
        return persons[-1].name, "actor_table"
    if position is not None:
        named = [p for p in memory.people_in(position, position + len(phrase)) if not _before_person(memory.text[position : p.title_start if p.title_start >= 0 else p.start])]
        if named:
            return named[0].name, "name_in_text"
    head = re.sub(r"^(?:the|a|an)\s+", "", bare, flags=re.IGNORECASE)
    if head in lexicons.organisations:
        return lexicons.actor_owner[head].name, "organisation"  # "The UN" and "the United Nations" are one source
    medium = lexicons.media_pattern.fullmatch(head)
    if medium is not None:
        return lexicons.media[medium.group()][0], "medium"  # "RT.com" is RT
    described = lexicons.descriptor_pattern.search(bare) if lexicons.descriptor_pattern is not None else None
    if described is not None and described.end() == len(bare):
        actor = lexicons.descriptors[normalise_phrase(described.group())]
        if actor in memory.named_actors or not memory.text:
            return actor, "descriptor"
    where = position if position is not None else sentence_start
    medium = _resolve_medium_description(lowered, memory, where, lexicons)
    if medium:
        return medium, "medium"
    role = _resolve_role(lowered, memory, where)
    if role:
        return role, "role"
    institution = re.fullmatch(r"(?:the|The)\s+((?:[A-Z][\w’'.&-]*\s*)+)", bare)
    if institution is not None and institution.group(1).split()[0] not in lexicons.titles:
        return institution.group(1).strip(), "description"  # "The Hill", "the Pentagon": people take no article
    name = find_name(bare, lexicons)
    if name:
        surname = name.split()[-1]
        for known in reversed(memory.names):
            if known.split()[-1] == surname and len(known) >= len(name):
                return known, "surname"
        if " " not in name and memory.text:
            # "Masala" after "Carlo Masala, a professor …": the fuller form named earlier in the article
            fuller = re.search(rf"((?:[A-Z][\w’'-]+\.? ){{1,2}}){re.escape(surname)}\b", memory.text[: max(sentence_start, 0)])
            if fuller and not any(w.strip(".") in lexicons.titles or w in lexicons.titles for w in fuller.group(1).split()):
                return fuller.group(0), "surname"
        return name, "name_in_phrase"
    for article in _DETERMINERS:
        if lowered.startswith(article):
            return bare[len(article) :], "description"
    return bare, "description"


def _before_person(words: str) -> bool:
    """Whether the words of a phrase before a name make someone else the speaker ("a spokesman for Sen. Warner")."""
    return bool(re.search(r"\b(?:for|of|to|with|from|at|by|under|and|'s|’s)\s*$", words.strip(), re.IGNORECASE))


def _resolve_pronoun(pronoun: str, sentence_start: int, memory: _Memory, lexicons: SourceLexicons, position: int | None) -> tuple[str, str]:
    """He or she (see :func:`resolve_speaker`): never a person whose courtesy title says another gender."""
    unfit = {"he": "female", "she": "male"}.get(pronoun, "")

    def fits(name: str) -> bool:
        return not unfit or memory.gender(name) != unfit

    if position is not None and memory.text:
        candidates = []
        for match in lexicons.actor_pattern.finditer(memory.text, sentence_start, position):
            actor = lexicons.actor_owner[match.group()]
            if actor.kind == "person" and memory.text[match.end() : match.end() + 2] not in ("'s", "’s"):
                candidates.append((match.start(), actor.name))
        for person in memory.people_in(sentence_start, position):
            if memory.text[person.end : person.end + 2] not in ("'s", "’s"):
                candidates.append((person.start, person.name))
        candidates = [(start, name) for start, name in candidates if not any(s <= start < e for s, e in memory.quoted)]
        opening = re.search(r"\b(?:he|she|He|She)\b", memory.text[sentence_start : min(c[0] for c in candidates)]) if candidates else None
        for _, name in sorted(candidates) if opening is None else []:  # "He also took aim at Harry Reid, who he said …": the sentence's own he
            if fits(name):
                return name, "pronoun_in_sentence"
    last = memory.last
    if last is not None and memory.last_sentence >= memory.sentence_index - 1 and last.speaker == memory.last_person_speaker and fits(last.speaker):
        return last.speaker, "pronoun_previous_source"  # the source of the sentence before goes on speaking
    earlier = [name for start, name in memory.subjects if start < sentence_start and fits(name)]
    if earlier:
        return earlier[-1], "pronoun_subject"
    if memory.last_person_speaker and fits(memory.last_person_speaker):
        return memory.last_person_speaker, "pronoun_last_speaker"
    return f"unresolved: {pronoun}", "unresolved"


_MEDIA_DESCRIPTIONS = frozenset("paper newspaper outlet network station broadcaster magazine publication".split())


def _description_words(lowered: str) -> list[str]:
    """The words after "the" of a short definite description ("the senator" → ["senator"]), else none."""
    if not lowered.startswith(_DEFINITE[:1]) or len(lowered.split()) > 4:
        return []
    return lowered.split()[1:]


def _resolve_medium_description(lowered: str, memory: _Memory, position: int, lexicons: SourceLexicons) -> str:
    """"The paper", "the network"…: the medium last quoted as a source, else the last medium the article named."""
    words = _description_words(lowered)
    if not words or words[-1] not in _MEDIA_DESCRIPTIONS:
        return ""
    if memory.media_sources:
        return memory.media_sources[-1]  # "according to the paper": the medium last quoted as a source
    media = [m for m in lexicons.media_pattern.finditer(memory.text, 0, position) if lexicons.media[m.group()][1] != "platform"]
    return lexicons.media[media[-1].group()][0] if media else ""


_RANK_QUALIFIERS = frozenset("vice deputy assistant associate under lieutenant".split())
"""Words that make an office another one: "the president" is not the vice president, "the secretary" not a deputy secretary."""


def _resolve_role(lowered: str, memory: _Memory, position: int) -> str:
    """A description by office ("the senator", "the ex-congressman"): the last person the article named with that title.

    An office matches the office of a title written before a person's name, its synonyms included
    (congressman, representative); an office of lower rank ("vice president", "deputy secretary") matches only a
    description that says so ("the vice president").
    """
    words = _description_words(lowered)
    if not words:
        return ""
    head = re.sub(r"^(?:ex|former)-", "", words[-1])
    head = ROLE_SYNONYMS.get(head, head)
    titled = [p for p in memory.people if p.start < position and p.role and ROLE_SYNONYMS.get(p.role.split()[-1], p.role.split()[-1]) == head]
    titled = [p for p in titled if not (set(p.role.split()[:-1]) & _RANK_QUALIFIERS) or set(p.role.split()[:-1]) & set(words[:-1])]
    if not titled:
        return ""
    qualified = [p for p in titled if set(words[:-1]) & set(p.role.split()[:-1])]
    return (qualified or titled)[-1].name


def find_name(phrase: str, lexicons: SourceLexicons) -> str:
    """The capitalised words at the end of a phrase that are neither titles, countries nor words never in a name ("Farhan Haq"; not "Tuesday")."""
    tokens = phrase.split()
    name: list[str] = []
    stops = name_stopwords()
    for token in reversed(tokens):
        clean = token.strip(",;:")
        if clean in lexicons.titles or clean in lexicons.countries or not clean[:1].isupper() or clean.lower() in ("the", "a", "an") or clean.rstrip(".") in stops:
            break
        name.insert(0, clean)
    if name and name[0].endswith(("'s", "’s")):
        name = name[1:]
    return " ".join(name)


# ---------------------------------------------------------------- one article


def find_attributions(
    text: str, sentences: list[Span], paragraphs: list[Span], quotations: list[Quotation], lexicons: SourceLexicons | None = None
) -> list[Attribution]:
    """Every attribution of words (speech and writing) of one article's clean text, in order of its content."""
    return find_attributions_and_stances(text, sentences, paragraphs, quotations, lexicons, stances=False)[0]


def find_attributions_and_stances(
    text: str,
    sentences: list[Span],
    paragraphs: list[Span],
    quotations: list[Quotation],
    lexicons: SourceLexicons | None = None,
    stances: bool = True,
) -> tuple[list[Attribution], list[Attribution]]:
    """The attributions of words of one article (:func:`find_attributions`) and, with ``stances``, of stances.

    A stance is what a source believes, intends or supports, or what a poll or study shows, attributed without
    its words: "Republicans oppose the bill", "a new poll shows Clinton ahead". Cues are the forms of
    ``stance_verbs.tsv`` (their class, ``cue_class``: belief, intention, position, evidence); sources, contents
    and speakers are found as for words, the source standing before the cue as its subject
    (:func:`analysis.sources.stances.holds_stance`). A sentence that holds a speech cue, or that the content of an attribution of words
    reaches, has no stance of its own: "Trump said he wants a wall" is one attribution of words. The speakers of
    the words are remembered in order, so "he" resolves as it does for quotes; stances never change the
    attributions of words.
    """
    lexicons = lexicons or default_lexicons()
    outer = [q for q in quotations if q.depth == 1]
    quoted = [(q.start, q.end) for q in outer]
    people = find_people(text, titles=lexicons.titles, stops=lexicons.name_stops, actors=lexicons.person_forms)
    named = frozenset(lexicons.actor_owner[m.group()].name for m in lexicons.actor_pattern.finditer(text))
    subjects = _find_subjects(text, sentences, quoted, lexicons, people)
    paragraph_of = _paragraph_index(paragraphs)

    def memory() -> _Memory:
        return _Memory(text=text, subjects=subjects, people=people, people_starts=[p.start for p in people], named_actors=named, quoted=quoted)

    cued: set[int] = set()
    words = _attribute(text, sentences, outer, memory(), paragraph_of, lexicons, cued=cued)
    return words, (_attribute(text, sentences, outer, memory(), paragraph_of, lexicons, stance=True, speech=words, cued=cued) if stances else [])


def _attribute(
    text: str,
    sentences: list[Span],
    outer: list[Quotation],
    memory: _Memory,
    paragraph_of,
    lexicons: SourceLexicons,
    stance: bool = False,
    speech: list[Attribution] = (),
    cued: set[int] | None = None,
) -> list[Attribution]:
    """The attributions of words (or, with ``stance``, of stances outside the sentences ``speech`` holds), in order.

    ``cued``: the numbers of the sentences that hold a speech cue, filled by the pass for words and read by the pass
    for stances (a sentence the words' contents cover is skipped by both without being read for cues).
    """
    quoted = memory.quoted
    found: list[Attribution] = []
    covered_until = -1
    replayed = 0
    for number, (lo, hi) in enumerate(sentences):
        memory.sentence_index = number
        if stance:
            while replayed < len(speech) and speech[replayed].start < hi:
                _remember(speech[replayed], memory, lexicons)  # the speakers of words said before this sentence
                replayed += 1
            if (cued is not None and number in cued) or any(a.start < hi and a.end > lo for a in speech):
                continue  # words are attributed here: a stance inside them is part of what was said
        if hi <= covered_until:
            continue
        made = False
        cues = find_cues(text, lo, hi, quoted, lexicons, stance)
        if cues and not stance and cued is not None:
            cued.add(number)
        cues = [c for c in cues if c[0] >= covered_until]
        for k, (cue_start, cue_end, cue_class) in enumerate(cues):
            window_lo = cues[k - 1][1] if k else lo
            window_hi = cues[k + 1][0] if k + 1 < len(cues) else hi
            according = normalise_phrase(text[cue_start:cue_end]) == "according to"
            source = find_source_phrase(text, lo, hi, cue_start, cue_end, according, quoted, lexicons.titles)
            if _joins_source(text, lo, (cue_start, cue_end, cue_class)):
                if made and normalise_phrase(found[-1].cue) != "according to":
                    source = (found[-1].speaker_start, found[-1].speaker_end, False)  # "Trump confirmed …, saying …", "says A but argues B"
                else:
                    subject_lo = after_opening_phrase(text, lo, cue_start) if stance else lo
                    source = find_subject(text, subject_lo, cue_start, lexicons.titles) or source  # "Putin commended Trump and expressed …"
            if source is None or (stance and not holds_stance(text, lo, hi, (cue_start, cue_end, cue_class), source, lexicons)):
                continue
            window = [q for q in outer if q.end > max(window_lo, covered_until) and q.start < window_hi]
            candidates = [q for q in window if not _owned_by_later_cue(text, q, cues[k + 1 :])]
            joined = next((c for c in cues[k + 1 :] if _joins_source(text, lo, c)), None)
            content_hi = words_between(text, lo, joined[0])[-1].start() if joined else hi  # "says A but argues B", "responded, saying …": two contents
            owned = [q.start for q in window if q not in candidates and q.start > cue_end]
            content_hi = min([content_hi] + owned)  # a later cue's quotation is not this cue's content
            content = find_content(text, lo, content_hi, cue_start, cue_end, source, candidates, according, window_lo)
            if content is None and not stance:
                content = _quotation_after_colon(text, max(cue_end, source[1]), hi, outer)
            if content is None or content[0] < covered_until:
                continue
            if stance:
                if content[0] < cue_end or any(mark in text[cue_end : content[0]] for mark in CLAUSE_MARKS + "―"):
                    continue  # a stance's content is the object after its verb: not the clause before or after a dash ("– as some Democrats want –")
                opening = words_between(text, content[0], content[1])[:1]
                if opening and bare_word(opening[0].group()) in NO_OBJECT:
                    continue  # "which the House endorsed in a vote", "the amount Mr. Trump has demanded for the wall": the object stands before
                content = end_relative_clause(text, lo, cue_start, content)
            phrase = text[source[0] : source[1]]
            speaker, rule = resolve_speaker(phrase, lo, memory, lexicons, source[0])
            if stance and bare_word(phrase.strip()) == "they":
                # a group named before "they" in its own sentence, else (nobody resolved) in the sentence before
                group = plural_group_before(text, lo, source[0], quoted, lexicons)
                if not group and rule == "unresolved":
                    group = plural_group_before(text, sentences[number - 1][0] if number else lo, source[0], quoted, lexicons)
                speaker, rule = (group, "group_subject") if group else (speaker, rule)
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
                rule,
            )
            _remember(attribution, memory, lexicons)
            found.append(attribution)
            covered_until = max(covered_until, content[1], cue_end)
            made = True
        if not made and not stance:
            attribution = _continue_or_dash(text, lo, hi, outer, memory, paragraph_of, lexicons)
            if attribution is not None:
                _remember(attribution, memory, lexicons)
                found.append(attribution)
                covered_until = max(covered_until, attribution.end)
    return sorted(found, key=lambda a: (a.start, a.end))


def _quotation_after_colon(text: str, pos: int, hi: int, outer: list[Quotation]) -> tuple[int, int, str] | None:
    """A quotation opening the next paragraph after a cue that ends its sentence with a colon ("Dr. Ward stated:")."""
    if text[pos:hi].strip() != ":":
        return None
    following = next((q for q in outer if q.start >= hi), None)
    return (following.start, following.end, "direct") if following is not None and not text[hi : following.start].strip() else None


def _joins_source(text: str, lo: int, cue: tuple[int, int, str]) -> bool:
    """A cue that shares the source of the cue before it: after "and"/"but", or a participle after a comma ("…, saying")."""
    before = words_between(text, lo, cue[0])
    if not before:
        return False
    participle = text[cue[0] : cue[1]].lower().endswith("ing") and text[lo : cue[0]].rstrip().endswith(",")
    return participle or bare_word(before[-1].group()) in ("and", "but")


def _owned_by_later_cue(text: str, quotation: Quotation, later: list[tuple[int, int, str]]) -> bool:
    """A quotation right before a later cue of its sentence belongs to that cue ("… told Mr. Trump of “…,” Mr. Peskov said")."""
    return any(quotation.end <= start and len(words_between(text, quotation.end, start)) <= 6 for start, _, _ in later)


def _find_subjects(text: str, sentences: list[Span], quoted: list[tuple[int, int]], lexicons: SourceLexicons, people: list[PersonMention] = ()) -> list[tuple[int, str]]:
    """Per sentence that names one, the first person it names in the author's voice (an actor of the table or a person of the text)."""
    subjects = []
    starts = [p.start for p in people]
    for lo, hi in sentences:
        found = []
        for match in lexicons.actor_pattern.finditer(text, lo, hi):
            actor = lexicons.actor_owner[match.group()]
            if actor.kind == "person":
                found.append((match.start(), match.end(), actor.name))
        found += [(p.start, p.end, p.name) for p in people[bisect_left(starts, lo) : bisect_left(starts, hi)]]
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


def _continue_or_dash(text, lo, hi, outer, memory: _Memory, paragraph_of, lexicons) -> Attribution | None:
    inside = [q for q in outer if q.start < hi and q.end > lo and q.start >= lo - 1]
    if not inside:
        return None
    if _quoted_share(text, lo, hi, inside) < 0.8:
        return None
    start, end = min(q.start for q in inside), max(q.end for q in inside)
    inner = text[start:end].strip(_MARKS)
    line_end = text.find("\n", end)
    after = " ".join(w.group() for w in words_between(text, end, min(len(text) if line_end < 0 else line_end, end + 80))[:6])
    if inner[-1:] in ",—–" or (inner[-1:] in "!?" and lexicons.cue_pattern.search(after)):
        return None  # the quotation's own sentence attributes it: "…,” he added."
    dash = _DASH_NAME.match(text, end, hi)
    if dash:
        phrase = dash.group(1).strip()
        speaker, rule = resolve_speaker(phrase, lo, memory, lexicons, dash.start(1))
        return Attribution(start, end, "direct", "—", "neutral", phrase, dash.start(1), dash.start(1) + len(phrase), speaker, speaker_rule=rule)
    last = memory.last
    if last is None or paragraph_of(start) - paragraph_of(last.end) > 1:
        return None
    return Attribution(start, end, "direct", "", "", "", -1, -1, last.speaker, last.medium, speaker_rule="continuation")

