"""Attributions in one text: cue, source phrase, content and speaker, one rule per function.

An *attribution* ties a content (a direct quotation, a partial quote inside the
author's sentence, or indirect speech) to a source through a cue (an attribution
verb of ``wordlists/attribution_verbs.tsv``, "according to", or a dash before a
name). The strategies:

- :func:`find_cues`: attribution verbs outside quotations; not nouns ("a post on
  X", "Trump's claims"), passives ("when asked"), negations ("did not say") or
  names ("a play called …", "The Washington Post").
- :func:`find_source_phrase`: the speaker's words next to the cue: before it
  ("Kremlin spokesman Dmitry Peskov said"; auxiliaries and adverbs skipped: "Trump later said",
  "has since said"), stepping over a relative clause or a parenthesis ("Peskov, who …, said"; "Rep.
  Earl Blumenauer (D-Ore.) said"), reading an apposition ("The Kremlin's spokesman, Dmitri S.
  Peskov, told"); after the cue when it opens its clause ("…,” said Peskov", "according to ABC
  News", "…such misinformation, said Angie Drobnic Holan"); :func:`find_subject` for a cue that
  shares the sentence's subject ("…, saying …", "says A but argues B").
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

The parts of an attribution (source phrase, subject, content, medium) are found by
:mod:`analysis.sources.phrases`, its speaker by :mod:`analysis.sources.speakers`, what neighbouring
sentences tell it by :mod:`analysis.sources.context`; the record of one is
:class:`analysis.sources.records.Attribution`.
"""

from __future__ import annotations

from analysis.resources.lists import normalise_phrase
from analysis.sources.context import (
    _continue_or_dash,
    _find_subjects,
    _joins_source,
    _owned_by_later_cue,
    _paragraph_index,
    _quotation_after_colon,
    _remember,
)
from analysis.sources.lexicons import SourceLexicons, default_lexicons
from analysis.sources.phrases import (
    _trim,
    find_content,
    find_medium,
    find_source_phrase,
    find_subject,
)
from analysis.sources.records import Attribution
from analysis.sources.speakers import _Memory, resolve_speaker
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
    PRONOUNS,
    bare_word,
    is_adverb,
    words_between,
)
from analysis.text.people import find_people
from analysis.text.quotes import Quotation
from analysis.text.segment import Span

_NOUN_BEFORE = frozenset(
    "a an the another his her their its this that these those in of to my our your first second "
    "last only most widely newly".split()
)
_PASSIVE_BEFORE = frozenset("when if once was were been being is are be get got".split())
_AMBIGUOUS_FORMS = frozenset(
    "post posts tweet tweets comment comments remark remarks claim claims note notes reports "
    "answer answers".split()
)
"""Forms that are nouns as often as verbs: cues only right after a name, a pronoun or an
auxiliary."""
_NAMING_FORMS = frozenset("called calling".split())
_PARTICLES = frozenset("for on off up in out back upon into it".split())


def find_cues(
    text: str,
    start: int,
    end: int,
    quoted: list[tuple[int, int]],
    lexicons: SourceLexicons,
    stance: bool = False,
) -> list[tuple[int, int, str]]:
    """Attribution cues of ``text[start:end]`` outside quotations: ``(start, end, class)``.

    ``stance``: the cues of ``stance_verbs.tsv`` (beliefs, intentions, positions, findings) instead
    of the speech cues; a form that is also a noun counts only after a subject
    (:func:`stance_subject_before`).
    """
    pattern, classes = (
        (lexicons.stance_pattern, lexicons.stance_classes)
        if stance
        else (lexicons.cue_pattern, lexicons.cue_classes)
    )
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
        if (
            stance
            and form in lexicons.stance_nouns
            and not stance_subject_before(before, form, lexicons)
        ):
            continue  # "new plans", "public support": nouns, not a subject's stance
        if form in _AMBIGUOUS_FORMS and not (
            before
            and (
                before[-1].group()[:1].isupper() or previous in PRONOUNS or previous in AUXILIARIES
            )
        ):
            continue  # "his social media post", "admiring remarks"
        if form in _AMBIGUOUS_FORMS and any(
            m.end() == before[-1].end() and lexicons.media[m.group()][1] == "platform"
            for m in lexicons.media_pattern.finditer(
                text, max(start, match.start() - 30), match.start()
            )
        ):
            continue  # "his Truth Social post" (but "The New York Post reports" is a cue)
        if previous in ("not", "never") or previous.endswith("n't"):
            continue  # "did not say": nothing is attributed
        if stance and any(
            bare_word(w.group()) in ("not", "never") or bare_word(w.group()).endswith("n't")
            for w in before_adverbs(before)
        ):
            continue  # "does not specifically seek": a negated stance, over its adverbs
        if (
            form in _NAMING_FORMS
            and bare_word(next(iter(words_between(text, match.end(), end)), match).group())
            in _PARTICLES
        ):
            continue  # "called for", "called on": a request, not words attributed
        if (
            form in _NAMING_FORMS
            and before
            and before[-1].group().islower()
            and previous not in PRONOUNS | AUXILIARIES | {"and", "but", "or"}
        ):
            continue  # "a play called “…”": a name, not words attributed
        if (
            match.group()[:1].isupper()
            and before
            and text[before[-1].end() : match.start()].strip() == ""
        ):
            continue  # "The Washington Post": part of a name, not a verb
        verb_before = next(
            (
                bare_word(w.group())
                for w in reversed(before)
                if not is_adverb(bare_word(w.group()))
            ),
            "",
        )
        if (previous in _PASSIVE_BEFORE or verb_before in _PASSIVE_BEFORE) and (
            form.endswith("ed")
            or form in ("told", "said", "asked")
            or (stance and form in STANCE_PARTICIPLES)
        ):
            continue  # a passive: "when asked", "was told", "is often described", "are thought to"
        cues.append((match.start(), match.end(), classes[form]))
    return cues


# ---------------------------------------------------------------- one article


def find_attributions(
    text: str,
    sentences: list[Span],
    paragraphs: list[Span],
    quotations: list[Quotation],
    lexicons: SourceLexicons | None = None,
) -> list[Attribution]:
    """Every attribution of words (speech and writing) of one article's clean text, in order of its
    content."""
    return find_attributions_and_stances(
        text, sentences, paragraphs, quotations, lexicons, stances=False
    )[0]


def find_attributions_and_stances(
    text: str,
    sentences: list[Span],
    paragraphs: list[Span],
    quotations: list[Quotation],
    lexicons: SourceLexicons | None = None,
    stances: bool = True,
) -> tuple[list[Attribution], list[Attribution]]:
    """The attributions of words of one article (:func:`find_attributions`) and, with ``stances``,
    of stances.

    A stance is what a source believes, intends or supports, or what a poll or study shows,
    attributed without its words: "Republicans oppose the bill", "a new poll shows Clinton ahead".
    Cues are the forms of ``stance_verbs.tsv`` (their class, ``cue_class``: belief, intention,
    position, evidence); sources, contents and speakers are found as for words, the source standing
    before the cue as its subject (:func:`analysis.sources.stances.holds_stance`). A sentence that
    holds a speech cue, or that the content of an attribution of words reaches, has no stance of
    its own: "Trump said he wants a wall" is one attribution of words. The speakers of the words
    are remembered in order, so "he" resolves as it does for quotes; stances never change the
    attributions of words.
    """
    lexicons = lexicons or default_lexicons()
    outer = [q for q in quotations if q.depth == 1]
    quoted = [(q.start, q.end) for q in outer]
    people = find_people(
        text, titles=lexicons.titles, stops=lexicons.name_stops, actors=lexicons.person_forms
    )
    named = frozenset(
        lexicons.actor_owner[m.group()].name for m in lexicons.actor_pattern.finditer(text)
    )
    subjects = _find_subjects(text, sentences, quoted, lexicons, people)
    paragraph_of = _paragraph_index(paragraphs)

    def memory() -> _Memory:
        return _Memory(
            text=text,
            subjects=subjects,
            people=people,
            people_starts=[p.start for p in people],
            named_actors=named,
            quoted=quoted,
        )

    cued: set[int] = set()
    words = _attribute(text, sentences, outer, memory(), paragraph_of, lexicons, cued=cued)
    return words, (
        _attribute(
            text,
            sentences,
            outer,
            memory(),
            paragraph_of,
            lexicons,
            stance=True,
            speech=words,
            cued=cued,
        )
        if stances
        else []
    )


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
    """The attributions of words (or, with ``stance``, of stances outside the sentences ``speech``
    holds), in order.

    ``cued``: the numbers of the sentences that hold a speech cue, filled by the pass for words and
    read by the pass for stances (a sentence the words' contents cover is skipped by both without
    being read for cues).
    """
    quoted = memory.quoted
    found: list[Attribution] = []
    covered_until = -1
    replayed = 0
    for number, (lo, hi) in enumerate(sentences):
        memory.sentence_index = number
        if stance:
            while replayed < len(speech) and speech[replayed].start < hi:
                _remember(
                    speech[replayed], memory, lexicons
                )  # the speakers of words said before this sentence
                replayed += 1
            if (cued is not None and number in cued) or any(
                a.start < hi and a.end > lo for a in speech
            ):
                # words are attributed here: a stance inside them is part of what was said
                continue
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
            source = find_source_phrase(
                text, lo, hi, cue_start, cue_end, according, quoted, lexicons.titles
            )
            if _joins_source(text, lo, (cue_start, cue_end, cue_class)):
                if made and normalise_phrase(found[-1].cue) != "according to":
                    source = (
                        found[-1].speaker_start,
                        found[-1].speaker_end,
                        False,
                    )  # "Trump confirmed …, saying …", "says A but argues B"
                else:
                    subject_lo = after_opening_phrase(text, lo, cue_start) if stance else lo
                    source = (
                        find_subject(text, subject_lo, cue_start, lexicons.titles) or source
                    )  # "Putin commended Trump and expressed …"
            if source is None or (
                stance
                and not holds_stance(
                    text, lo, hi, (cue_start, cue_end, cue_class), source, lexicons
                )
            ):
                continue
            window = [
                q for q in outer if q.end > max(window_lo, covered_until) and q.start < window_hi
            ]
            candidates = [q for q in window if not _owned_by_later_cue(text, q, cues[k + 1 :])]
            joined = next((c for c in cues[k + 1 :] if _joins_source(text, lo, c)), None)
            content_hi = (
                words_between(text, lo, joined[0])[-1].start() if joined else hi
            )  # "says A but argues B", "responded, saying …": two contents
            owned = [q.start for q in window if q not in candidates and q.start > cue_end]
            content_hi = min(
                [content_hi] + owned
            )  # a later cue's quotation is not this cue's content
            content = find_content(
                text, lo, content_hi, cue_start, cue_end, source, candidates, according, window_lo
            )
            if content is None and not stance:
                content = _quotation_after_colon(text, max(cue_end, source[1]), hi, outer)
            if content is None or content[0] < covered_until:
                continue
            if stance:
                if content[0] < cue_end or any(
                    mark in text[cue_end : content[0]] for mark in CLAUSE_MARKS + "―"
                ):
                    # a stance's content is the object after its verb: not the clause before or
                    # after a dash ("– as some Democrats want –")
                    continue
                opening = words_between(text, content[0], content[1])[:1]
                if opening and bare_word(opening[0].group()) in NO_OBJECT:
                    # "which the House endorsed in a vote", "the amount Mr. Trump has demanded for
                    # the wall": the object stands before
                    continue
                content = end_relative_clause(text, lo, cue_start, content)
            phrase = text[source[0] : source[1]]
            speaker, rule = resolve_speaker(phrase, lo, memory, lexicons, source[0])
            if stance and bare_word(phrase.strip()) == "they":
                # a group named before "they" in its own sentence, else (nobody resolved) in the
                # sentence before
                group = plural_group_before(text, lo, source[0], quoted, lexicons)
                if not group and rule == "unresolved":
                    group = plural_group_before(
                        text,
                        sentences[number - 1][0] if number else lo,
                        source[0],
                        quoted,
                        lexicons,
                    )
                speaker, rule = (group, "group_subject") if group else (speaker, rule)
            description = phrase + (
                text[source[1] : _trim(text, source[1], hi)[1]] if source[2] else ""
            )
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
