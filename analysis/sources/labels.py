"""Actor labels: how each article names and titles each person it mentions.

A label is the name form of a mention (:func:`analysis.sources.actors.find_actor_mentions`)
with the title or descriptor words written right before it ("former U.S.
President Donald Trump", "Mr. Trump", "Kremlin spokesman Dmitry Peskov",
"Russia's Putin") and an "of <country>" right after it ("President Vladimir V.
Putin of Russia"). Title words are those of ``wordlists/actor_titles.txt``, read
backwards from the name until the first word that is not one. Descriptions that
do not name the person ("the Russian leader") come from the corpus's
``actor_descriptors.tsv`` (:mod:`analysis.resources.corpus_lists`).

A label is flagged when the corpus contradicts it: "former <role>" where other
labels of the same person (in any article, this one included) give the role
without "former", or where the article's date falls in a term of that role
(the corpus's ``actor_roles.tsv``); and a sitting role on a date outside all
its terms.

Blind spots: pronouns are not resolved; titles written after the name ("Trump, the president,") are
not read; descriptors and roles are the corpus's own, so a corpus without them gets neither; only
persons are labelled (countries' metonyms are in ``actor_mentions.csv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.errors import InputProblem
from analysis.resources.corpus_lists import resource_path
from analysis.resources.lists import (
    compile_phrase_pattern,
    normalise_phrase,
    read_form_table,
    read_tsv_records,
    read_wordlist,
)
from analysis.resources.rows import iter_columns
from analysis.sources.actors import Actor
from analysis.text.quotes import index_voice_ranges, voice_at

LABEL_COLUMNS = ["article_id", "actor", "label", "voice", "count", "first_offset", "flag"]
_FORMER = ("former", "ex-", "then-")


@dataclass(frozen=True)
class Role:
    actor: str
    role: str
    start: str
    end: str | None


def read_descriptors(path: Path) -> dict[str, str]:
    """Descriptor phrase (normalised) → actor, from a tab-separated file (``actor``,
    ``descriptors``)."""
    return read_form_table(path, ["actor", "descriptors"], "actor", "descriptors")


def read_roles(path: Path) -> list[Role]:
    """Offices and their terms from a tab-separated file (``actor``, ``role``, ``start``,
    ``end``)."""
    roles = []
    records, problems = read_tsv_records(path, ["actor", "role", "start", "end"])
    for number, line, fields in records:
        dates_ok = len(fields) == 4 and all(
            re.fullmatch(r"\d{4}-\d\d-\d\d", d)
            for d in fields[2:3] + ([] if fields[3] == "-" else fields[3:])
        )
        if not dates_ok or not all(fields):
            problems.append(
                f"{path}, line {number}: expected actor, role, start date and end date "
                f"(YYYY-MM-DD or -): {line!r}"
            )
            continue
        roles.append(
            Role(fields[0], fields[1], fields[2], None if fields[3] == "-" else fields[3])
        )
    if problems:
        raise InputProblem(problems)
    return roles


def load_label_tables(corpus: str | Path | None = None) -> tuple[dict[str, str], list[Role]]:
    """The corpus's descriptors and sitting roles (``actor_descriptors.tsv``, ``actor_roles.tsv``);
    empty without them."""
    descriptors = resource_path(corpus, "actor_descriptors.tsv")
    roles = resource_path(corpus, "actor_roles.tsv")
    return (read_descriptors(descriptors) if descriptors else {}), (
        read_roles(roles) if roles else []
    )


_TOKEN_RE = re.compile(r"\S+")


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """The words of ``actor_titles.txt``, as written."""
    return frozenset(read_wordlist("actor_titles.txt"))


def read_title_before(text: str, lo: int, start: int, countries: set[str]) -> int:
    """The offset where the title words right before ``start`` begin (``start`` when there are
    none)."""
    titles = title_words()
    begin = start
    for token in reversed(list(_TOKEN_RE.finditer(text, lo, start))):
        word = token.group()
        possessive = re.fullmatch(r"(.+)['’]s", word)
        if word in titles or (possessive and possessive.group(1) in countries):
            begin = token.start()
            continue
        break
    return begin


def read_country_after(text: str, end: int, hi: int, countries: set[str]) -> int:
    """The end of an "of <country>" right after a name ("Putin of Russia"), or ``end``."""
    for country in sorted(countries, key=len, reverse=True):
        stop = end + len(" of ") + len(country)
        if (
            stop <= hi
            and text.startswith(f" of {country}", end)
            and not text[stop : stop + 1].isalnum()
        ):
            return stop
    return end


def find_actor_labels(
    sentences: pd.DataFrame,
    articles: pd.DataFrame,
    voice: pd.DataFrame,
    mentions: pd.DataFrame,
    actors: list[Actor],
    descriptors: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Every label of every person, one row per mention.

    Returns
    -------
    A new DataFrame, one row per person mention and descriptor:

    - ``article_id``, ``sentence_id``: the sentence
    - ``actor``: the person
    - ``start``, ``end``: the offsets of the whole label
    - ``label``: as written, spaces collapsed, a leading "The" lower-cased
    - ``source``: ``name`` or ``descriptor``
    - ``voice``: the voice of the label

    A descriptor counts only in an article that names its actor: no label goes to a person the
    article does not name.
    """
    descriptors = descriptors or {}
    countries = {alias for a in actors if a.kind == "country" for alias in a.aliases}
    texts = dict(zip(articles["article_id"], articles["clean_text"]))
    bounds = {
        (a, s): (lo, hi)
        for a, s, lo, hi in iter_columns(sentences, "article_id", "sentence_id", "start", "end")
    }
    rows = []
    people = mentions[mentions["kind"] == "person"]
    for article_id, sentence_id, actor, start, end, where in iter_columns(
        people, "article_id", "sentence_id", "actor", "start", "end", "voice"
    ):
        text = texts[article_id]
        lo, hi = bounds[(article_id, sentence_id)]
        begin, finish = (
            read_title_before(text, lo, start, countries),
            read_country_after(text, end, hi, countries),
        )
        rows.append(
            (
                article_id,
                sentence_id,
                actor,
                begin,
                finish,
                _tidy(text[begin:finish]),
                "name",
                where,
            )
        )
    if descriptors:
        pattern = compile_phrase_pattern(set(descriptors))
        index = index_voice_ranges(voice)
        named = set(zip(people["article_id"], people["actor"]))
        for (article_id, sentence_id), (lo, hi) in bounds.items():
            for match in pattern.finditer(texts[article_id], lo, hi):
                actor = descriptors[normalise_phrase(match.group())]
                if (article_id, actor) not in named:
                    # "the Russian leader" in an article that never names Putin is nobody the
                    # article names
                    continue
                where = voice_at(index.get(article_id, ([], [], [])), match.start())
                rows.append(
                    (
                        article_id,
                        sentence_id,
                        actor,
                        match.start(),
                        match.end(),
                        _tidy(match.group()),
                        "descriptor",
                        where,
                    )
                )
    return pd.DataFrame(
        rows,
        columns=["article_id", "sentence_id", "actor", "start", "end", "label", "source", "voice"],
    )


def _tidy(label: str) -> str:
    label = " ".join(label.replace("’", "'").split())
    return "the" + label[3:] if label.startswith("The ") else label


def read_role(label: str, role: str) -> tuple[bool, bool]:
    """(the label names ``role``, it says "former"/"ex-"/"then-" before it)."""
    match = re.search(rf"(?<![\w-])((?:\w+-)?){re.escape(role)}\b", label, re.IGNORECASE)
    if match is None or (
        role.lower() == "president"
        and re.search(r"vice[ -]$", label[: match.start()], re.IGNORECASE)
    ):
        return False, False
    before = label[: match.end(1)].lower()
    former = any(mark in before.split() or before.endswith(mark) for mark in _FORMER)
    return True, former


LISTED_ARTICLES = 10
"""A contradiction flag names at most this many other articles (then how many more)."""


def summarise_actor_labels(
    labels: pd.DataFrame, articles: pd.DataFrame, roles: list[Role]
) -> pd.DataFrame:
    """Labels per article, actor and voice, with counts and contradiction flags.

    The steps are those the stream engine runs chunk by chunk
    (:func:`count_actor_labels`, :func:`list_sitting_roles`, :func:`flag_actor_labels`).

    Returns
    -------
    A new DataFrame, one row per article, actor, label and voice:

    - ``article_id``, ``actor``, ``label``, ``voice``: the row
    - ``count``: how often the article writes the label
    - ``first_offset``: where first, in the clean text
    - ``flag``: "", or the contradiction in words (see the module docstring)
    """
    counts = count_actor_labels(labels)
    return flag_actor_labels(counts, articles, roles, list_sitting_roles(counts, roles))


def count_actor_labels(labels: pd.DataFrame) -> pd.DataFrame:
    """Each article's labels counted.

    Returns
    -------
    A new DataFrame, one row per article, actor, label and voice, sorted by them:

    - ``article_id``, ``actor``, ``label``, ``voice``: the row
    - ``count``: how often the article writes the label
    - ``first_offset``: where first, in the clean text
    """
    columns = LABEL_COLUMNS[:-1]
    if labels.empty:
        return pd.DataFrame(columns=columns)
    table = labels.groupby(["article_id", "actor", "label", "voice"], sort=True).agg(
        count=("start", "size"), first_offset=("start", "min")
    )
    return table.reset_index()[columns]


def list_sitting_roles(
    counts: pd.DataFrame, roles: list[Role]
) -> dict[tuple[str, str], tuple[int, list[str]]]:
    """Per actor and role, the articles that give the role without "former": how many, and the
    first :data:`LISTED_ARTICLES` ids.

    ``counts``: :func:`count_actor_labels` of some articles; the lists of two
    sets of articles add up with :func:`add_sitting_roles`.
    """
    roles_of = _roles_of(roles, set(counts["actor"]))
    sitting: dict[tuple[str, str], set[str]] = {}
    for article_id, actor, label in set(
        zip(counts["article_id"], counts["actor"], counts["label"])
    ):
        for role in roles_of[actor]:
            if read_role(label, role) == (True, False):
                sitting.setdefault((actor, role), set()).add(article_id)
    return {key: (len(ids), sorted(ids)[:LISTED_ARTICLES]) for key, ids in sitting.items()}


def add_sitting_roles(parts) -> dict[tuple[str, str], tuple[int, list[str]]]:
    """:func:`list_sitting_roles` of disjoint sets of articles, added up."""
    total: dict[tuple[str, str], tuple[int, list[str]]] = {}
    for part in parts:
        for key, (count, ids) in part.items():
            before, listed = total.get(key, (0, []))
            total[key] = (before + count, sorted(listed + ids)[:LISTED_ARTICLES])
    return total


def flag_actor_labels(
    counts: pd.DataFrame,
    articles: pd.DataFrame,
    roles: list[Role],
    sitting: dict[tuple[str, str], tuple[int, list[str]]],
) -> pd.DataFrame:
    """``counts`` (:func:`count_actor_labels`) with ``flag``: each label's contradictions (see the
    module docstring).

    ``articles``: ``article_id`` and, when known, ``published``; ``sitting``:
    :func:`list_sitting_roles` of the whole corpus.

    Returns
    -------
    A new DataFrame: the rows of ``counts`` (:func:`count_actor_labels`) with

    - ``flag``: "", or the label's contradictions in words (see the module docstring)
    """
    if counts.empty:
        return pd.DataFrame(columns=LABEL_COLUMNS)
    dates = dict(
        zip(
            articles["article_id"],
            pd.to_datetime(
                articles.get("published", pd.Series(dtype=str)), errors="coerce", format="mixed"
            ),
        )
    )
    roles_of = _roles_of(roles, set(counts["actor"]))
    readings = {
        (actor, label, role): read_role(label, role)
        for actor, label in set(zip(counts["actor"], counts["label"]))
        for role in roles_of[actor]
    }
    flags = []
    for article_id, actor, label in zip(counts["article_id"], counts["actor"], counts["label"]):
        notes = []
        for role in roles_of[actor]:
            named, former = readings[(actor, label, role)]
            if not named:
                continue
            count, listed = sitting.get((actor, role), (0, []))
            held = _held_on(roles, actor, role, dates.get(article_id))
            if former and count:
                named_ids = ", ".join(listed) + (
                    f" and {count - LISTED_ARTICLES} more" if count > LISTED_ARTICLES else ""
                )
                notes.append(
                    f"'former {role}' but {count} article(s) give {role} without 'former': "
                    f"{named_ids}"
                )
            if former and held:
                notes.append(f"'former {role}' but {held}")
            if not former and held is False:
                notes.append(f"{role} on a date outside every term in actor_roles.tsv")
        flags.append("; ".join(notes))
    return counts.assign(flag=flags)[LABEL_COLUMNS]


def _roles_of(roles: list[Role], actors) -> dict[str, list[str]]:
    return {actor: sorted({r.role for r in roles if r.actor == actor}) for actor in actors}


def _held_on(roles: list[Role], actor: str, role: str, date) -> str | bool | None:
    """A sentence saying the role was held on ``date``, False when it was not, None without a
    date."""
    if date is None or pd.isna(date):
        return None
    day = date.strftime("%Y-%m-%d")
    for r in roles:
        if (
            r.actor == actor
            and r.role == role
            and r.start <= day
            and (r.end is None or day < r.end)
        ):
            return f"held {role} on {day} (term from {r.start}, actor_roles.tsv)"
    return False


def list_main_actors(labels: pd.DataFrame, n: int = 3, voice: str = "authorial") -> list[str]:
    """The ``n`` actors the corpus labels most often in ``voice`` (most labels first, ties by
    name); fewer when the corpus has fewer (none without an actor table)."""
    counts = labels[labels["voice"] == voice].groupby("actor")["count"].sum()
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [actor for actor, _ in ranked[:n]]


def tabulate_labels_by_outlet(
    labels: pd.DataFrame, articles: pd.DataFrame, actors: list[str], voice: str = "authorial"
) -> pd.DataFrame:
    """The labels of ``actors`` in one voice, one row per actor and label, one column per outlet.

    Returns
    -------
    A new DataFrame, one row per actor and label:

    - ``actor``, ``label``: the row
    - one column per outlet: how often its articles write the label
    - ``flag``: the label's contradictions, " | "-joined
    """
    data = labels[(labels["actor"].isin(actors)) & (labels["voice"] == voice)].merge(
        articles[["article_id", "outlet"]], on="article_id"
    )
    if data.empty:
        return pd.DataFrame(columns=["actor", "label", "flag"])
    table = data.pivot_table(
        index=["actor", "label"], columns="outlet", values="count", aggfunc="sum", fill_value=0
    )
    flags = data.groupby(["actor", "label"])["flag"].agg(
        lambda s: " | ".join(sorted({f for f in s if f}))
    )
    return table.join(flags).reset_index()
