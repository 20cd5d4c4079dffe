"""Speakers: who an attribution's source phrase names, one rule per function, with what earlier
attributions of the article tell later ones."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from analysis.resources.lists import normalise_phrase
from analysis.sources.lexicons import SourceLexicons
from analysis.text.clauses import (
    PERSON_PRONOUNS,
    PRONOUNS,
    is_tag,
)
from analysis.text.people import ROLE_SYNONYMS, PersonMention, name_stopwords

if TYPE_CHECKING:  # the class is only named in annotations: no import cycle
    from analysis.sources.records import Attribution

_DETERMINERS = ("the ", "a ", "an ")


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
    """The spans of the article's outer quotations: a person named inside one is not the one a
    pronoun outside it means."""
    media_sources: list[str] = field(default_factory=list)
    """The media quoted as sources so far, in order ("The Wall Street Journal reported")."""

    people_starts: list[int] = field(default_factory=list)
    """Where each of ``people`` starts, for :meth:`people_in`."""

    def people_in(self, start: int, end: int) -> list[PersonMention]:
        """The people named in ``text[start:end]``, in order."""
        return self.people[
            bisect_left(self.people_starts, start) : bisect_left(self.people_starts, end)
        ]

    def gender(self, name: str) -> str:
        return next((p.gender for p in self.people if p.name == name and p.gender), "")


SPEAKER_RULES = {
    "actor_table": "a person of the corpus's actor table named in the source phrase",
    "name_in_text": "a person the article names, named in the source phrase (its fullest form in "
    "the article)",
    "surname": "a bare surname, read as the fuller name the article gave before",
    "name_in_phrase": "the capitalised name at the end of the source phrase, titles and countries "
    "left out",
    "pronoun_in_sentence": "he or she: a person named earlier in the same sentence",
    "pronoun_previous_source": "he, she or they: the source of the same or the sentence before "
    "goes on speaking (they: an unnamed group or organisation)",
    "pronoun_subject": "he or she: the first person named in the author's voice in the nearest "
    "earlier sentence that names one",
    "pronoun_last_speaker": "he or she: the last person who spoke",
    "role": 'a description by office ("the senator"): the last person the article named with that '
    "title",
    "descriptor": "a description of the corpus's actor_descriptors.tsv, for an actor the article "
    "names",
    "organisation": "an organisation of the corpus's actor table",
    "medium": 'a medium, agency or platform of media_outlets.tsv; "the paper", "the network": the '
    "medium last quoted as a source, else the last one named",
    "group_subject": 'they, of a stance: the last plural source word ("Democrats", "officials", '
    '"critics") earlier in its sentence, else, when nobody else is resolved, in the sentence '
    "before",
    "description": 'an unnamed source, kept as described ("officials", "a spokesman")',
    "continuation": "a quotation without a cue of its own, continuing the previous source",
    "unresolved": "a pronoun with nobody named before it, or a phrase that names nobody (a party "
    "tag, an age)",
}
"""Every rule that can decide a speaker (the ``speaker_rule`` of ``quotes.csv``), and what it
does."""

PERSON_RULES = frozenset({"actor_table", "name_in_text", "surname", "name_in_phrase", "role"})
"""Rules whose speaker is a person (a pronoun's too); a description, an organisation or a medium is
not."""

_DEFINITE = ("the ", "a ", "an ", "another ")
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ ,-]{2,}\s+(?:--|—|–|―)\s*")


def resolve_speaker(
    phrase: str,
    sentence_start: int,
    memory: _Memory,
    lexicons: SourceLexicons,
    position: int | None = None,
) -> tuple[str, str]:
    """The canonical speaker of a source phrase at ``position`` in the sentence starting at
    ``sentence_start``, and the rule that chose it.

    The rules, tried in this order, are those of :data:`SPEAKER_RULES` (see the
    module docstring). A speaker is always someone the article names, or an
    unnamed description, or "unresolved: ..."; never a person the article does not name.
    """
    bare = _DATELINE.sub(
        "", phrase.strip()
    )  # "WASHINGTON -- The nation's leading advocate": the dateline names nobody
    lowered = re.sub(r"['’](?:s|d|ll|ve)$", "", bare.lower())  # "he’s predicted", "she’d said"
    if is_tag(bare):
        return f"unresolved: {bare}", "unresolved"
    words = lowered.split()
    if (
        words
        and words[0] in PERSON_PRONOUNS
        and len(words) > 1
        and bare[len(words[0]) :].strip()[:1].islower()
    ):
        lowered = words[0]  # "he won the presidency": a clause whose subject speaks
    if lowered in PRONOUNS:
        if lowered in PERSON_PRONOUNS:
            return _resolve_pronoun(lowered, sentence_start, memory, lexicons, position)
        last = memory.last
        if (
            lowered == "they"
            and last is not None
            and memory.last_sentence >= memory.sentence_index - 1
            and not last.speaker.startswith("unresolved")
        ):
            if last.speaker != memory.last_person_speaker and last.speaker_rule in (
                "description",
                "organisation",
                "pronoun_previous_source",
            ):
                return (
                    last.speaker,
                    "pronoun_previous_source",
                )  # "officials said that …, and they acknowledged …"
        return f"unresolved: {lowered}", "unresolved"
    persons = [lexicons.actor_owner[m.group()] for m in lexicons.actor_pattern.finditer(bare)]
    persons = [a for a in persons if a.kind == "person"]
    if persons:
        return persons[-1].name, "actor_table"
    if position is not None:
        named = [
            p
            for p in memory.people_in(position, position + len(phrase))
            if not _before_person(
                memory.text[position : p.title_start if p.title_start >= 0 else p.start]
            )
        ]
        if named:
            return named[0].name, "name_in_text"
    head = re.sub(r"^(?:the|a|an)\s+", "", bare, flags=re.IGNORECASE)
    if head in lexicons.organisations:
        return lexicons.actor_owner[
            head
        ].name, "organisation"  # "The UN" and "the United Nations" are one source
    medium = lexicons.media_pattern.fullmatch(head)
    if medium is not None:
        return lexicons.media[medium.group()][0], "medium"  # "RT.com" is RT
    described = (
        lexicons.descriptor_pattern.search(bare)
        if lexicons.descriptor_pattern is not None
        else None
    )
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
        return institution.group(
            1
        ).strip(), "description"  # "The Hill", "the Pentagon": people take no article
    name = find_name(bare, lexicons)
    if name:
        surname = name.split()[-1]
        for known in reversed(memory.names):
            if known.split()[-1] == surname and len(known) >= len(name):
                return known, "surname"
        if " " not in name and memory.text:
            # "Masala" after "Carlo Masala, a professor …": the fuller form named earlier in the
            # article
            fuller = re.search(
                rf"((?:[A-Z][\w’'-]+\.? ){{1,2}}){re.escape(surname)}\b",
                memory.text[: max(sentence_start, 0)],
            )
            if fuller and not any(
                w.strip(".") in lexicons.titles or w in lexicons.titles
                for w in fuller.group(1).split()
            ):
                return fuller.group(0), "surname"
        return name, "name_in_phrase"
    for article in _DETERMINERS:
        if lowered.startswith(article):
            return bare[len(article) :], "description"
    return bare, "description"


def _before_person(words: str) -> bool:
    """Whether the words of a phrase before a name make someone else the speaker ("a spokesman for
    Sen. Warner")."""
    return bool(
        re.search(
            r"\b(?:for|of|to|with|from|at|by|under|and|'s|’s)\s*$", words.strip(), re.IGNORECASE
        )
    )


def _resolve_pronoun(
    pronoun: str,
    sentence_start: int,
    memory: _Memory,
    lexicons: SourceLexicons,
    position: int | None,
) -> tuple[str, str]:
    """He or she (see :func:`resolve_speaker`): never a person whose courtesy title says another
    gender."""
    unfit = {"he": "female", "she": "male"}.get(pronoun, "")

    def fits(name: str) -> bool:
        return not unfit or memory.gender(name) != unfit

    if position is not None and memory.text:
        candidates = []
        for match in lexicons.actor_pattern.finditer(memory.text, sentence_start, position):
            actor = lexicons.actor_owner[match.group()]
            if actor.kind == "person" and memory.text[match.end() : match.end() + 2] not in (
                "'s",
                "’s",
            ):
                candidates.append((match.start(), actor.name))
        for person in memory.people_in(sentence_start, position):
            if memory.text[person.end : person.end + 2] not in ("'s", "’s"):
                candidates.append((person.start, person.name))
        candidates = [
            (start, name)
            for start, name in candidates
            if not any(s <= start < e for s, e in memory.quoted)
        ]
        opening = (
            re.search(
                r"\b(?:he|she|He|She)\b",
                memory.text[sentence_start : min(c[0] for c in candidates)],
            )
            if candidates
            else None
        )
        for _, name in (
            sorted(candidates) if opening is None else []
        ):  # "He also took aim at Harry Reid, who he said …": the sentence's own he
            if fits(name):
                return name, "pronoun_in_sentence"
    last = memory.last
    if (
        last is not None
        and memory.last_sentence >= memory.sentence_index - 1
        and last.speaker == memory.last_person_speaker
        and fits(last.speaker)
    ):
        return (
            last.speaker,
            "pronoun_previous_source",
        )  # the source of the sentence before goes on speaking
    earlier = [name for start, name in memory.subjects if start < sentence_start and fits(name)]
    if earlier:
        return earlier[-1], "pronoun_subject"
    if memory.last_person_speaker and fits(memory.last_person_speaker):
        return memory.last_person_speaker, "pronoun_last_speaker"
    return f"unresolved: {pronoun}", "unresolved"


_MEDIA_DESCRIPTIONS = frozenset(
    "paper newspaper outlet network station broadcaster magazine publication".split()
)


def _description_words(lowered: str) -> list[str]:
    """The words after "the" of a short definite description ("the senator" → ["senator"]), else
    none."""
    if not lowered.startswith(_DEFINITE[:1]) or len(lowered.split()) > 4:
        return []
    return lowered.split()[1:]


def _resolve_medium_description(
    lowered: str, memory: _Memory, position: int, lexicons: SourceLexicons
) -> str:
    """ "The paper", "the network"…: the medium last quoted as a source, else the last medium the
    article named."""
    words = _description_words(lowered)
    if not words or words[-1] not in _MEDIA_DESCRIPTIONS:
        return ""
    if memory.media_sources:
        return memory.media_sources[
            -1
        ]  # "according to the paper": the medium last quoted as a source
    media = [
        m
        for m in lexicons.media_pattern.finditer(memory.text, 0, position)
        if lexicons.media[m.group()][1] != "platform"
    ]
    return lexicons.media[media[-1].group()][0] if media else ""


_RANK_QUALIFIERS = frozenset("vice deputy assistant associate under lieutenant".split())
"""Words that make an office another one: "the president" is not the vice president, "the
secretary" not a deputy secretary."""


def _resolve_role(lowered: str, memory: _Memory, position: int) -> str:
    """A description by office ("the senator", "the ex-congressman"): the last person the article
    named with that title.

    An office matches the office of a title written before a person's name, its synonyms included
    (congressman, representative); an office of lower rank ("vice president", "deputy secretary")
    matches only a description that says so ("the vice president").
    """
    words = _description_words(lowered)
    if not words:
        return ""
    head = re.sub(r"^(?:ex|former)-", "", words[-1])
    head = ROLE_SYNONYMS.get(head, head)
    titled = [
        p
        for p in memory.people
        if p.start < position
        and p.role
        and ROLE_SYNONYMS.get(p.role.split()[-1], p.role.split()[-1]) == head
    ]
    titled = [
        p
        for p in titled
        if not (set(p.role.split()[:-1]) & _RANK_QUALIFIERS)
        or set(p.role.split()[:-1]) & set(words[:-1])
    ]
    if not titled:
        return ""
    qualified = [p for p in titled if set(words[:-1]) & set(p.role.split()[:-1])]
    return (qualified or titled)[-1].name


def find_name(phrase: str, lexicons: SourceLexicons) -> str:
    """The capitalised words at the end of a phrase that are neither titles, countries nor words
    never in a name ("Farhan Haq"; not "Tuesday")."""
    tokens = phrase.split()
    name: list[str] = []
    stops = name_stopwords()
    for token in reversed(tokens):
        clean = token.strip(",;:")
        if (
            clean in lexicons.titles
            or clean in lexicons.countries
            or not clean[:1].isupper()
            or clean.lower() in ("the", "a", "an")
            or clean.rstrip(".") in stops
        ):
            break
        name.insert(0, clean)
    if name and name[0].endswith(("'s", "’s")):
        name = name[1:]
    return " ".join(name)
