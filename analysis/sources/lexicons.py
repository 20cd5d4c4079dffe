"""The word lists that attribution reads, loaded once into :class:`SourceLexicons`.

``attribution_verbs.tsv`` (cue forms and their class), ``stance_verbs.tsv`` and
``evidence_nouns.txt`` (cues of beliefs, intentions, positions and findings), ``actor_titles.txt``,
``source_types.tsv`` (words that say what kind of source a speaker is),
``countries.tsv`` (countries' names and demonyms),
``media_outlets.tsv`` (media, agencies, platforms), and the corpus's resources
(:mod:`analysis.resources.corpus_lists`): its ``actor_sources.tsv`` (type and country of its
actors), ``actor_descriptors.tsv`` and its actor table's persons, countries and
organisations. Each reader raises
InputProblem naming the file and line of every malformed row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from analysis import config
from analysis.errors import InputProblem
from analysis.resources.corpus_lists import resource_path
from analysis.resources.lists import (
    collect_forms,
    compile_phrase_pattern,
    expand_braces,
    normalise_phrase,
    read_form_table,
    read_tsv_records,
    read_wordlist,
)
from analysis.sources.actors import Actor, compile_actor_pattern

CUE_CLASSES = ("neutral", "endorsing", "distancing", "emotive")
STANCE_CLASSES = ("belief", "intention", "position", "evidence")
"""The classes of ``stance_verbs.tsv``: cues that attribute a stance, not words (see
:func:`analysis.sources.attribution.find_attributions_and_stances`)."""
SOURCE_TYPES = (
    "official",
    "politician",
    "international_organisation",
    "expert",
    "media",
    "anonymous",
    "social_media",
    "other",
)


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
    persons: frozenset[str] = frozenset()
    """Canonical names of the actor table's persons."""
    person_forms: dict[str, str] = field(default_factory=dict)
    """Each form of a person of the actor table → its canonical name."""
    name_stops: frozenset[str] = frozenset()
    """Countries' names and demonyms: never a person's name, and a one-word one never part of
    one."""
    stance_pattern: re.Pattern | None = None
    """The forms of ``stance_verbs.tsv``, longest first."""
    stance_classes: dict[str, str] = field(default_factory=dict)
    """Each stance form → its class (:data:`STANCE_CLASSES`)."""
    stance_nouns: frozenset[str] = frozenset()
    """The stance forms that are also common nouns ("plans", "support")."""
    evidence_nouns: frozenset[str] = frozenset()
    """Nouns of records and studies that report findings ("poll", "study"):
    ``evidence_nouns.txt``."""


def read_stance_verbs(path: Path | None = None) -> tuple[dict[str, str], frozenset[str]]:
    """Each stance form → its class, and the forms that are also nouns, from ``stance_verbs.tsv``.

    Raises InputProblem naming the file and line of every malformed row, every class outside
    :data:`STANCE_CLASSES`, every form given twice and every noun form that is not one of its row's
    forms.
    """
    path = path or config.wordlist_path("stance_verbs.tsv")
    columns = ["entry", "class", "forms", "noun_forms"]
    forms: dict[str, str] = {}
    where: dict[str, int] = {}
    nouns: set[str] = set()
    records, problems = read_tsv_records(path, columns)
    for number, line, fields in records:
        if len(fields) != len(columns) or not all(fields) or fields[1] not in STANCE_CLASSES:
            problems.append(
                f"{path}, line {number}: expected {', '.join(columns)} separated by tabs (class "
                f"one of {', '.join(STANCE_CLASSES)}; noun_forms - for none): {line!r}"
            )
            continue
        row: dict[str, str] = {}
        collect_forms(row, {}, fields[1], fields[2], path, number, problems)
        for form in row:
            if form in forms:
                problems.append(
                    f"{path}, line {number}: form {form!r} is already given on line {where[form]}"
                )
            forms[form], where[form] = row[form], number
        if fields[3] != "-":
            listed = {
                normalise_phrase(f) for part in fields[3].split("|") for f in expand_braces(part)
            }
            problems += [
                f"{path}, line {number}: noun form {form!r} is not one of the row's forms"
                for form in sorted(listed - set(row))
            ]
            nouns |= listed & set(row)
    if problems:
        raise InputProblem(problems)
    return forms, frozenset(nouns)


def read_attribution_verbs(path: Path | None = None) -> dict[str, str]:
    """Form (normalised) → cue class, from ``attribution_verbs.tsv`` (``entry``, ``class``,
    ``forms``)."""
    return read_form_table(
        path or config.wordlist_path("attribution_verbs.tsv"),
        ["entry", "class", "forms"],
        "class",
        "forms",
        CUE_CLASSES,
    )


def _read_typed_table(path: Path, columns: list[str]) -> dict[str, tuple[str, str]]:
    """Key (first column) → (type, country) from a table whose last two columns are type and
    country."""
    table: dict[str, tuple[str, str]] = {}
    records, problems = read_tsv_records(path, columns)
    for number, line, fields in records:
        if len(fields) != len(columns) or not all(fields) or fields[-2] not in SOURCE_TYPES:
            problems.append(
                f"{path}, line {number}: expected {', '.join(columns)} with a type of "
                f"{', '.join(SOURCE_TYPES)}: {line!r}"
            )
            continue
        key = fields[0] if columns[0] == "actor" else normalise_phrase(fields[0])
        table[key] = (fields[-2], "" if fields[-1] == "-" else fields[-1])
    if problems:
        raise InputProblem(problems)
    return table


def read_countries(path: Path | None = None) -> dict[str, str]:
    """Form or demonym (as written) → country, from ``countries.tsv`` (``country``, ``forms``,
    ``demonyms``)."""
    path = path or config.wordlist_path("countries.tsv")
    countries: dict[str, str] = {}
    records, problems = read_tsv_records(path, ["country", "forms", "demonyms"])
    for number, line, fields in records:
        if len(fields) != 3 or not all(fields):
            problems.append(
                f"{path}, line {number}: expected country, forms and demonyms separated by tabs "
                f"(- for none): {line!r}"
            )
            continue
        for form in (
            f.strip()
            for column in fields[1:]
            if column != "-"
            for f in column.split("|")
            if f.strip()
        ):
            if countries.get(form, fields[0]) != fields[0]:
                problems.append(
                    f"{path}, line {number}: {form!r} is already a form of {countries[form]}"
                )
            countries[form] = fields[0]
    if problems:
        raise InputProblem(problems)
    return countries


def read_media(path: Path | None = None) -> dict[str, tuple[str, str, str]]:
    """Form (as written) → (medium, kind, country), from ``media_outlets.tsv``."""
    path = path or config.wordlist_path("media_outlets.tsv")
    forms: dict[str, tuple[str, str, str]] = {}
    records, problems = read_tsv_records(path, ["medium", "kind", "country", "forms"])
    for number, line, fields in records:
        if len(fields) != 4 or not all(fields) or fields[1] not in ("media", "agency", "platform"):
            problems.append(
                f"{path}, line {number}: expected medium, kind (media, agency, platform), country "
                f"and forms: {line!r}"
            )
            continue
        for form in (f.strip() for f in fields[3].split("|") if f.strip()):
            forms[form] = (fields[0], fields[1], "" if fields[2] == "-" else fields[2])
    if problems:
        raise InputProblem(problems)
    return forms


def load_source_lexicons(actors: list[Actor], corpus: str | Path | None = None) -> SourceLexicons:
    """The attribution verbs, titles, source types, countries and media, with the actor table's
    persons and countries.

    The source type and country of the actors come from the corpus's ``actor_sources.tsv``, where
    it has one.
    """
    cues = read_attribution_verbs()
    actor_pattern, owner = compile_actor_pattern(actors)
    countries = {
        **read_countries(),
        **{alias: a.name for a in actors if a.kind == "country" for alias in a.aliases},
    }
    types = _read_typed_table(
        config.wordlist_path("source_types.tsv"), ["phrase", "type", "country"]
    )
    actor_sources = resource_path(corpus, "actor_sources.tsv")
    actor_types = (
        _read_typed_table(actor_sources, ["actor", "type", "country"]) if actor_sources else {}
    )
    media = read_media()
    from analysis.sources.labels import load_label_tables, title_words

    descriptors, _ = load_label_tables(corpus)
    media_pattern = re.compile(
        r"(?<![\w.])(?:"
        + "|".join(re.escape(f) for f in sorted(media, key=lambda f: (-len(f), f)))
        + r")(?![\w])"
    )
    stances, stance_nouns = read_stance_verbs()
    return SourceLexicons(
        cue_pattern=compile_phrase_pattern(set(cues)),
        cue_classes=cues,
        titles=title_words(),
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
        organisations=frozenset(
            alias for a in actors if a.kind == "organisation" for alias in a.aliases
        ),
        persons=frozenset(a.name for a in actors if a.kind == "person"),
        person_forms={alias: a.name for a in actors if a.kind == "person" for alias in a.aliases},
        name_stops=frozenset(countries),
        stance_pattern=compile_phrase_pattern(set(stances)),
        stance_classes=stances,
        stance_nouns=stance_nouns,
        evidence_nouns=frozenset(read_wordlist("evidence_nouns.txt")),
    )


@lru_cache(maxsize=4)
def corpus_lexicons(corpus: str) -> SourceLexicons:
    """The lexicons with a corpus's resources (its actor table, descriptors and actor sources),
    read once per corpus."""
    from analysis.sources.actors import load_actors

    return load_source_lexicons(load_actors(corpus), corpus)


@lru_cache(maxsize=1)
def default_lexicons() -> SourceLexicons:
    """The general lexicons, with no corpus's actors: what a corpus that brings no resources is
    read with."""
    return load_source_lexicons([])
