"""People an article names in its own text, for any corpus, with or without an actor table.

:func:`find_people` reads every run of capitalised words, splits off the
titles written before a name ("Sen.", "Defense Secretary", "former President")
and the words that are never part of a person's name (institutions, places,
days, parties: ``wordlists/name_stopwords.txt``; countries and demonyms:
``wordlists/countries.tsv``; sentence openers), and keeps what is left as a
person when it is:

- two name words or more ("Mark Warner", "J.D. Vance", "Beto O'Rourke");
- one name word after a title ("Sen. Warner", "Mr. Smith", "President Obama");
- one name word that is the surname of a person the article names in full
  ("Warner" after "Sen. Mark Warner").

Mentions of one person are grouped per article: full names by surname and
first name, a bare surname with the nearest full name that ends with it. Each
group is named by its fullest form (or by the actor table's name when the
corpus's table knows the person). A mention keeps the office of its title
("senator", "defense secretary"), so that "the senator" can be read as the last
senator named, and the gender of a courtesy title (Mr., Mrs., Ms.).

Blind spots: a capitalised run of two words that is neither a person nor in the
stop lists is taken for a person ("Crimson Tide"); first names alone ("Hillary")
are not linked to their person; two people of one surname and first name are
one; a name written in lower case is missed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.resources.lists import read_wordlist

PARTICLES = frozenset("de van von der den da di du le la bin ibn al dos das del ter".split())
SUFFIXES = frozenset("Jr. Jr Sr. Sr II III IV".split())
COURTESY = {
    "Mr.": "male",
    "Mr": "male",
    "Mrs.": "female",
    "Mrs": "female",
    "Ms.": "female",
    "Ms": "female",
}
ROLE_WORDS = {
    "sen.": "senator",
    "sens.": "senator",
    "rep.": "representative",
    "reps.": "representative",
    "gov.": "governor",
    "gen.": "general",
    "adm.": "admiral",
    "lt.": "lieutenant",
    "col.": "colonel",
    "maj.": "major",
    "capt.": "captain",
    "sgt.": "sergeant",
    "prof.": "professor",
    "dr.": "doctor",
    "rev.": "reverend",
}
"""Abbreviated titles and the office noun a description uses for them ("Sen." → "the senator")."""
ROLE_SYNONYMS = {
    "congressman": "representative",
    "congresswoman": "representative",
    "lawmaker": "representative",
    "rep": "representative",
    "chairwoman": "chairman",
    "chair": "chairman",
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
    "senators": "senator",
}
"""Office nouns that name the same office, by the one they are read as ("the congressman" is the
representative)."""
_NOT_ROLES = frozenset(
    "former then incoming outgoing sitting current newly elected re-elected late de facto "
    "self-declared acting mr. mrs. ms. mr mrs ms".split()
)


@dataclass(frozen=True)
class PersonMention:
    """A person named in a text: ``text[start:end]`` is the name as written (its title left
    out)."""

    start: int
    end: int
    written: str
    name: str
    """The name of the person's group: its fullest form in the article, or the actor table's
    name."""
    role: str = ""
    """The office of the title written before it, lower case ("senator", "defense secretary"), or
    ""."""
    gender: str = ""
    """"male" or "female" from a courtesy title of any mention of the person, else ""."""
    title_start: int = -1
    """Where the title begins (``start`` when there is none)."""


@lru_cache(maxsize=1)
def name_stopwords() -> frozenset[str]:
    """The words of ``name_stopwords.txt`` and ``sentence_starters.txt``: never part of a person's
    name."""
    return frozenset(read_wordlist("name_stopwords.txt")) | frozenset(
        read_wordlist("sentence_starters.txt")
    )


_DIGIT = re.compile(r"\d")
_INITIALS = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]?\.")


def _is_name_word(word: str) -> bool:
    core = word.rstrip(".")
    if not core or not core[0].isupper() or _DIGIT.search(core):
        return False
    if len(core) > 1 and core.isupper() and "." not in word:
        return False  # an acronym: FBI, GOP, NATO
    return True


def _strip_possessive(word: str) -> tuple[str, bool]:
    match = re.fullmatch(r"(.+?)['’]s?", word) if word.endswith(("'s", "’s", "s'", "s’")) else None
    if match is None:
        return word, False
    return (word[:-2] if word.endswith(("'s", "’s")) else word[:-1]), True


@lru_cache(maxsize=4)
def _candidate_pattern(titles: frozenset[str]) -> re.Pattern:
    """A word that may stand in a run: capitalised, or a lower-case title word or particle
    ("former", "spokesman", "de")."""
    lower = sorted({w for w in titles | PARTICLES if not w[:1].isupper()}, key=len, reverse=True)
    return re.compile(
        r"(?<![\w’'.-])(?:[A-Z][\w’'.-]*|(?:"
        + "|".join(re.escape(w) for w in lower)
        + r")(?![\w’'-]))"
    )


def _runs(
    text: str, start: int, end: int, titles: frozenset[str]
) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised words, particles and title words separated by single spaces; a
    possessive ends a run."""
    runs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    for match in _candidate_pattern(titles).finditer(text, start, end):
        word, possessive = _strip_possessive(match.group())
        if (
            word.endswith(".")
            and word not in titles
            and word not in SUFFIXES
            and not _INITIALS.fullmatch(word)
        ):
            word = word[:-1]  # a sentence's last word: "said Mark Warner."
        fits = word[:1].isupper() or word in titles or word in PARTICLES
        joined = current and text[current[-1][1] : match.start()] == " "
        if not fits or not joined:
            if current:
                runs.append(current)
            current = []
        if fits:
            current.append((match.start(), match.start() + len(word), word))
            if possessive:
                runs.append(current)
                current = []
    if current:
        runs.append(current)
    return runs


def _split_run(
    run: list[tuple[int, int, str]], titles: frozenset[str], stops: frozenset[str]
) -> tuple[list, list] | None:
    """The title words before the last name of a run and its name words, or None when no name is
    left.

    Title words count as titles only before a name begins ("Sen. Mark Warner"; "Martin Luther King
    Jr." keeps "King"); a stop word ends any name before it ("Trump Tower").
    """
    while run and not _is_name_word(run[-1][2]):
        run = run[
            :-1
        ]  # "Sen. Mark Warner then left": a lower-case title word after a name is not part of it
    name_start = None
    for k, (_, _, word) in enumerate(run):
        if word in stops or (
            word in titles
            and (name_start is None or (word.endswith(".") and word not in SUFFIXES))
        ):
            name_start = (
                None  # "Independent Sen. Angus King": an abbreviated title is never inside a name
            )
        elif name_start is None:
            name_start = k
    if name_start is None:
        return None
    name = run[name_start:]
    while name and name[0][2] in PARTICLES:
        name = name[1:]
    while name and name[-1][2] in PARTICLES:
        name = name[:-1]
    if not name or not all(_is_name_word(w) or w in PARTICLES for _, _, w in name):
        return None
    title = []
    k = name_start - 1
    while k >= 0 and run[k][2] in titles:
        title.insert(0, run[k])
        k -= 1
    return title, name


def _role(title: list[tuple[int, int, str]]) -> str:
    words = [w for _, _, w in title if w.lower() not in _NOT_ROLES]
    if not words:
        return ""
    head = re.sub(r"^(?:then|ex|former)-", "", words[-1].lower())
    head = ROLE_WORDS.get(head, head.rstrip("."))
    qualifiers = [w.lower() for w in words[:-1] if w[:1].isupper() and w.lower() not in ROLE_WORDS]
    return " ".join(qualifiers[-1:] + [head])


def _surname(tokens: list[str]) -> str:
    core = [t for t in tokens if t not in SUFFIXES and t not in PARTICLES]
    return core[-1] if core else ""


@lru_cache(maxsize=8)
def _split_stops(stops: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The names of more than one word (never a whole name) and the single words never in a name,
    with :func:`name_stopwords`."""
    return frozenset(s for s in stops if " " in s), frozenset(
        s for s in stops if " " not in s
    ) | name_stopwords()


def find_people(
    text: str,
    start: int = 0,
    end: int | None = None,
    titles: frozenset[str] = frozenset(),
    stops: frozenset[str] = frozenset(),
    actors: dict[str, str] | None = None,
) -> list[PersonMention]:
    """Every person named in ``text[start:end]``, in order (see the module docstring).

    ``titles``: title words (``actor_titles.txt``); ``stops``: words and names
    that are never a person's (countries and demonyms): a one-word one is never
    part of a name, a longer one ("Sierra Leone") is never a whole name; with
    :func:`name_stopwords` always; ``actors``: the
    actor table's person forms → canonical name, so a person of the table keeps
    its name.
    """
    end = len(text) if end is None else end
    actors = actors or {}
    places, stops = _split_stops(stops)
    found = []
    for run in _runs(text, start, end, titles):
        split = _split_run(run, titles, stops)
        if split is None:
            continue
        title, name = split
        tokens = [w for _, _, w in name]
        if any(
            " ".join([w for _, _, w in title[k:]] + tokens) in places
            for k in range(len(title) + 1)
        ):
            # "Saudi Arabia", "Sierra Leone": a country, whatever title words stand before it
            continue
        courtesy = next((COURTESY[w] for _, _, w in title if w in COURTESY), "")
        found.append(
            (
                name[0][0],
                name[-1][1],
                tokens,
                _role(title),
                courtesy,
                title[0][0] if title else name[0][0],
                bool(title),
            )
        )
    full: dict[tuple[str, str], list[str]] = {}
    for _, _, tokens, _, _, _, _ in found:
        core = [t for t in tokens if t not in SUFFIXES]
        if len(core) >= 2:
            full.setdefault((_surname(tokens), core[0]), tokens)
            if len(tokens) > len(full[_surname(tokens), core[0]]):
                full[_surname(tokens), core[0]] = tokens
    by_surname: dict[str, list[tuple[int, tuple[str, str]]]] = {}
    for s, _, tokens, _, _, _, titled in found:
        core = [t for t in tokens if t not in SUFFIXES]
        if len(core) >= 2:
            by_surname.setdefault(_surname(tokens), []).append((s, (_surname(tokens), core[0])))
        elif titled and core:
            by_surname.setdefault(_surname(tokens), []).append(
                (s, (_surname(tokens), ""))
            )  # "President Trump": a person by title alone
    for surname, keys in by_surname.items():
        named = [(at, key) for at, key in keys if key[1]]
        by_surname[surname] = [
            (at, named[0][1] if not key[1] and named else key) for at, key in keys
        ]  # a title alone joins the full name
    mentions, genders = [], {}
    for s, e, tokens, role, courtesy, title_start, titled in found:
        core = [t for t in tokens if t not in SUFFIXES]
        surname = _surname(tokens)
        if len(core) >= 2:
            key = (surname, core[0])
        elif surname in by_surname:
            earlier = [k for at, k in by_surname[surname] if at <= s]
            key = earlier[-1] if earlier else by_surname[surname][0][1]
        else:
            continue
        name = " ".join(full.get(key, tokens))
        name = (
            actors.get(name) or (actors.get(surname) if len(name.split()) == 1 else None) or name
        )
        if courtesy:
            genders.setdefault(name, courtesy)
        mentions.append((s, e, text[s:e], name, role, title_start))
    return [
        PersonMention(s, e, written, name, role, genders.get(name, ""), title_start)
        for s, e, written, name, role, title_start in mentions
    ]
