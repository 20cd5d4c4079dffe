"""Figures in text: amounts, counts and durations, with their value and unit.

A figure is a number written in digits (``90``, ``3.5``, ``1,000``, ``$200``,
``25%``), optionally with a scale word (``$200 billion``), or a quantity in
words (``a dozen``, ``hundreds``, ``tens of millions``, ``several hundred
thousand``, ``an hour``). Its *unit* is the word after it, singular and lower
case (``90 minutes`` and ``90-minute`` are both minute); a currency sign is the
unit of an amount. Quantities in words that name no number (``hundreds``,
``several hundred thousand``) have no value.

Blind spots: years (``2022``, any plain integer from 1900 to 2100) and day
numbers after a month name are not figures, so a count written ``2000`` is
missed; small number words (``two leaders``) are not figures; ranges (``80 to
90``) are two figures.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_DIGITS = (
    r"(?P<currency>[$€£]\s?)?(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?P<decimal>\.\d+)?"
    r"(?P<percent>\s?(?:%|percent\b|per\s+cent\b))?"
    r"(?P<scale>(?:[\s-]+(?:hundred|thousand|million|billion|trillion)s?\b)*)"
)
_WORDS = (
    r"(?P<vague>(?:several|a\s+few|tens|hundreds|thousands|millions|billions|dozens)"
    r"(?:\s+of\s+(?:thousands|millions|billions)|(?:[\s-]+(?:hundred|thousand|million|billion)s?\b)*)"
    r"|(?P<single>an?|one)\s+(?P<single_unit>dozen|hour|minute|day|week|month|year|decade))"
)
_FIGURE_RE = re.compile(rf"(?<![\w.,$€£]){_DIGITS}(?![\w]|[.,]\d)|\b{_WORDS}\b", re.IGNORECASE)
_UNIT_RE = re.compile(r"[\s-]*(?:of\s+)?([A-Za-z]+)")


@dataclass(frozen=True)
class Figure:
    """A figure in a text: ``text[start:end]``; ``unit_end`` is the end of its unit word."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    unit_end: int


def _singular(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def _follows_month(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].rstrip().rstrip(".").lower().split()
    return bool(before) and before[-1] in _MONTHS


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Every figure in ``text[start:end]`` (see the module docstring)."""
    end = len(text) if end is None else end
    figures = []
    for match in _FIGURE_RE.finditer(text, start, end):
        groups = match.groupdict()
        if groups["number"] is not None:
            number = float(groups["number"].replace(",", "") + (groups["decimal"] or ""))
            plain = not (
                groups["currency"]
                or groups["decimal"]
                or groups["percent"]
                or groups["scale"]
                or "," in groups["number"]
            )
            if plain and (1900 <= number <= 2100 or _follows_month(text, match.start())):
                continue
            for word in re.findall(r"[a-z]+", (groups["scale"] or "").lower()):
                number *= _SCALES[word.rstrip("s")]
            value = number
        elif groups["single"] is not None:
            value = 12.0 if groups["single_unit"].lower() == "dozen" else 1.0
        else:
            value = math.nan
        unit, unit_end = _unit_after(text, match, end)
        figures.append(Figure(match.start(), match.end(), match.group(), value, unit, unit_end))
    return figures


def _unit_after(text: str, match: re.Match, end: int) -> tuple[str, int]:
    groups = match.groupdict()
    if groups.get("currency"):
        return groups["currency"].strip(), match.end()
    if groups.get("percent"):
        return "percent", match.end()
    if groups.get("single_unit"):
        return _singular(groups["single_unit"]), match.end()
    following = _UNIT_RE.match(text, match.end(), end)
    if following is None:
        return "", match.end()
    return _singular(following.group(1)), following.end()
