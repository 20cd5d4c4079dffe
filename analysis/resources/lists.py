"""Read the word lists that ship with the package as data files."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from analysis import config


@lru_cache(maxsize=None)
def read_wordlist(name: str) -> tuple[str, ...]:
    """The entries of ``analysis/resources/wordlists/<name>``, one a line.

    Lines starting with ``#`` are comments; blank lines are skipped; entries keep
    their case and inner tabs (the ``.tsv`` lists have columns).
    """
    path = config.wordlist_path(name)
    lines = path.read_text(encoding="utf-8").split("\n")
    return tuple(
        line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")
    )


_BRACES = re.compile(r"\{([^{}]*)\}")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def expand_braces(form: str) -> list[str]:
    """Every phrase a lexicon form stands for: ``"{is,was} said to"`` → two phrases.

    Braces do not nest; several braces multiply (``"{a,b} {c,d}"`` → four).
    """
    match = _BRACES.search(form)
    if match is None:
        return [form]
    head, tail = form[: match.start()], form[match.end() :]
    return [
        phrase
        for option in match.group(1).split(",")
        for phrase in expand_braces(head + option.strip() + tail)
    ]


def normalise_phrase(text: str) -> str:
    """The key a phrase is looked up by: lower case, curly apostrophes straight, single spaces."""
    return " ".join((text if text.isascii() else text.translate(_APOSTROPHES)).lower().split())


def compile_phrase_pattern(phrases: list[str] | set[str]) -> re.Pattern:
    """One regular expression matching every phrase as whole words, longest first.

    The phrases (already :func:`normalise_phrase` d) are merged into a character
    trie, written out as nested alternations, so a text is scanned once whatever
    the number of phrases; at each position the longest phrase that ends at a
    word boundary wins. Matching ignores case, a space in a phrase matches any
    run of whitespace and an apostrophe matches a straight or curly one. Look a
    match up with ``normalise_phrase(match.group())``.
    """
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    body = _trie_to_regex(trie)
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w-]|['’]\w)", re.IGNORECASE)


def _trie_to_regex(node: dict) -> str:
    ends_here = "" in node
    branches = [
        _char_regex(char) + _trie_to_regex(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    if len(branches) == 1 and not ends_here:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends_here else "")


def _char_regex(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char == "'":
        return "['’]"
    return re.escape(char)


def read_tsv_records(
    path: Path, columns: list[str]
) -> tuple[list[tuple[int, str, list[str]]], list[str]]:
    """The data lines of a tab-separated word-list table, after its header.

    Blank lines and ``#`` comments are skipped; the first other line must be the
    header ``columns``. Returns ``(line number, line, stripped fields)`` per data
    line, and the problems found (each naming the file and line); the caller
    checks the fields.
    """
    records: list[tuple[int, str, list[str]]] = []
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if not header_seen:
            if fields != columns:
                return [], [
                    f"{path}, line {number}: the header must be {'<TAB>'.join(columns)!r}, not "
                    f"{line!r}"
                ]
            header_seen = True
            continue
        records.append((number, line, fields))
    return records, ([] if header_seen else [f"{path}: no header line ({'<TAB>'.join(columns)})"])


def collect_forms(
    forms: dict,
    where: dict[str, int],
    value,
    form_field: str,
    path: Path,
    number: int,
    problems: list[str],
) -> None:
    """Add every form of a ``|``-separated field (``{a,b}`` expanded, normalised) to ``forms`` as
    ``value``.

    ``where`` remembers the line of each form; a form already given to another
    value is a problem naming both lines.
    """
    for form in (
        normalise_phrase(f) for part in form_field.split("|") for f in expand_braces(part)
    ):
        if form in forms and forms[form] != value:
            problems.append(
                f"{path}, line {number}: form {form!r} is already given on line {where[form]}"
            )
        forms[form], where[form] = value, number


def read_form_table(
    path: Path,
    columns: list[str],
    value_column: str,
    forms_column: str,
    allowed: tuple[str, ...] | None = None,
) -> dict[str, str]:
    """Form (normalised) → the value of ``value_column``, from a table whose ``forms_column`` lists
    forms.

    Forms are ``|``-separated with ``{a,b}`` alternatives (:func:`collect_forms`).
    Raises InputProblem naming the file and line of every malformed row, every
    value outside ``allowed`` (when given) and every form given twice.
    """
    from analysis.errors import InputProblem

    forms: dict[str, str] = {}
    where: dict[str, int] = {}
    records, problems = read_tsv_records(path, columns)
    value_at, forms_at = columns.index(value_column), columns.index(forms_column)
    for number, line, fields in records:
        if (
            len(fields) != len(columns)
            or not all(fields)
            or (allowed is not None and fields[value_at] not in allowed)
        ):
            rule = f" ({value_column} one of {', '.join(allowed)})" if allowed is not None else ""
            problems.append(
                f"{path}, line {number}: expected {', '.join(columns)} separated by tabs{rule}: "
                f"{line!r}"
            )
            continue
        collect_forms(forms, where, fields[value_at], fields[forms_at], path, number, problems)
    if problems:
        raise InputProblem(problems)
    return forms
