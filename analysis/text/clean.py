"""Separate an article from the web page it was captured with, keeping an audit.

Captured text carries site menus, share bars, related-post lists, sign-up
prompts, captions and footers. :func:`clean_article` decides for every line of
the raw text whether it is part of the article, and records every line it takes
out with the rule that took it out. Nothing is edited inside a kept line, so the
clean text is the article's own words, paragraph by paragraph.

Rules, in the order they apply (each a function below):

1. **Line rules** (:func:`match_line_rule`): a line that is page furniture by
   its own form: phrases of many sites (``wordlists/boilerplate_lines.tsv``:
   sign-up prompts, "Related Posts", "Source link", bylines, credits, captions
   with photo-agency credits, reading times), dates and relative timestamps
   ("6 hours ago"), share bars (``wordlists/share_words.txt``), breadcrumbs
   ("Home » World » …"), short bullet menu items, truncated title-case teaser
   links ("… Officials Say ...").
2. **Headline** (:func:`find_headline`): the given headline, else the last short
   line without a final period before the first paragraph of prose. It is kept
   as a field; lines before it are page header (``before_headline``); later
   copies of it are ``repeated_headline``.
3. **Article end** (:func:`find_article_end`): the first end marker (a related-
   posts heading, "Source link", a sign-up prompt, a credit line) after which
   little prose remains (at most a quarter of the prose before it) ends the
   article; every later line is ``after_article_end`` unless a line rule names
   it. A related-posts heading with much prose after it only takes the short
   lines that follow it (``related_block``).
4. **Caption repeats** (:func:`find_caption_repeats`): a line near a removed
   caption that repeats most of its words.
5. **Embedded promos** (:func:`find_promo_blocks`): two or more short title
   lines inside the body followed, within three paragraphs, by a promotional
   cue ("in the forthcoming issue of …"), with the paragraphs that name the
   promoted author.

Credit lines and bylines leave the text but are kept in the article's
``credits``; the headline is kept in ``headline``. Blank lines separate
paragraphs and are not audited.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from analysis.resources.lists import read_wordlist
from analysis.text.segment import count_words, find_words, list_words, sentence_starters

KEPT_AS = {
    "headline": "headline",
    "credit_line": "credit",
    "byline": "byline",
    "reading_meta": "byline",
}
"""Rules whose lines leave the text but are kept as article metadata."""

END_RULES = frozenset({"related_heading", "end_of_article", "subscription", "credit_line"})
"""Rules whose lines can mark the end of the article."""

PROSE_MIN_WORDS = 8
HEADING_MAX_WORDS = 20
END_PROSE_SHARE = 0.25
MENU_MAX_WORDS = 4
PROMO_LOOKAHEAD = 3

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DATE_RE = re.compile(
    rf"^(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})(?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?$",
    re.IGNORECASE,
)
_BULLET_RE = re.compile(r"^[•·▪►‣◦*\-–]\s*")
_BYLINE_RE = re.compile(r"^By\s+(?:(?:[A-Z][\w.'’\-]*|and|&|,)\s*){1,10}$")
_MENU_BAR_RE = re.compile(r"\s+\|\s+")
_BREADCRUMB_RE = re.compile(r"\s*(?:»|›|>|/)\s*")
_PROSE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
_PROMO_CUE_RE = re.compile(
    r"\b(?:forthcoming|latest|current|new|upcoming|next) issue of\b|\bin (?:his|her|their|a) "
    r"(?:new|forthcoming) (?:essay|book|article)\b"
    r"|\bread the (?:full )?(?:essay|article|story)\b|\bexcerpted from\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Line:
    """One raw line: its 1-based number and its text without outer white space."""

    number: int
    text: str


@dataclass
class CleanArticle:
    """The result of cleaning one article.

    ``text`` holds the kept paragraphs joined by blank lines; ``paragraphs``
    gives each as ``(start, end, raw_line, kind)`` with ``text[start:end]`` the
    paragraph and ``kind`` "body" or "heading"; ``removed`` has one dict per
    removed line (``line``, ``text``, ``rule``, ``kept_as``).
    """

    headline: str = ""
    text: str = ""
    paragraphs: list[tuple[int, int, int, str]] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _line_rules() -> tuple[tuple[str, str, re.Pattern], ...]:
    rows = read_wordlist("boilerplate_lines.tsv")[1:]
    rules = []
    for row in rows:
        rule, scope, pattern = row.split("\t")
        anchored = {"line": rf"^(?:{pattern})$", "start": rf"^(?:{pattern})", "contains": pattern}[
            scope
        ]
        rules.append((rule, scope, re.compile(anchored, re.IGNORECASE)))
    return tuple(rules)


@lru_cache(maxsize=1)
def _share_words() -> frozenset[str]:
    return frozenset(read_wordlist("share_words.txt"))


def is_prose(text: str) -> bool:
    """A line of running prose: at least eight words, ending like a sentence."""
    return count_words(text) >= PROSE_MIN_WORDS and bool(_PROSE_END_RE.search(text))


def is_title_case(text: str) -> bool:
    """Most words of four letters or more start with a capital ("Officials Say")."""
    long_words = [w for _, _, w in find_words(text) if len(w) >= 4]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.6


@lru_cache(maxsize=1)
def _line_rule_screens() -> dict[bool, re.Pattern | None]:
    """One pattern matching wherever some rule of :func:`_line_rules` matches, keyed by whether
    the ``contains`` rules count (None if the rules cannot be joined into one): a line none
    matches is passed over without trying the rules one by one."""
    screens: dict[bool, re.Pattern | None] = {}
    for contains in (True, False):
        patterns = [p.pattern for _, scope, p in _line_rules() if contains or scope != "contains"]
        try:
            screens[contains] = re.compile(
                "|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE
            )
        except re.error:
            screens[contains] = None
    return screens


def match_line_rule(text: str) -> str:
    """The rule that makes ``text`` page furniture by its own form, or ``""``."""
    n_words = count_words(text)
    screen = _line_rule_screens()[n_words <= 40]
    for rule, scope, pattern in _line_rules() if screen is None or screen.search(text) else ():
        if scope == "contains" and n_words > 40:
            continue
        if pattern.search(text):
            return rule
    if _DATE_RE.match(text):
        return "date_line"
    if _BYLINE_RE.match(text):
        return "byline"
    tokens = [t.strip(".,:;|").lower() for t in text.split()]
    if tokens and all(t in _share_words() for t in tokens if t):
        return "share_bar"
    parts = [p for p in _BREADCRUMB_RE.split(text) if p]
    if (
        ("»" in text or "›" in text)
        and len(parts) >= 2
        and all(count_words(p) <= 12 for p in parts)
    ):
        return "breadcrumb"
    items = _MENU_BAR_RE.split(text)
    if len(items) >= 3 and all(1 <= count_words(item) <= 3 for item in items):
        return "menu_item"
    if _BULLET_RE.match(text) and n_words <= MENU_MAX_WORDS and not _PROSE_END_RE.search(text):
        return "menu_item"
    if re.search(r"(?:\.\.\.|…)$", text) and is_title_case(text) and n_words <= 25:
        return "teaser_link"
    return ""


def find_first_prose(lines: list[Line], rules: dict[int, str]) -> int:
    """Index of the first line of prose that no rule removed; ``len(lines)`` if none."""
    return next(
        (i for i, line in enumerate(lines) if is_prose(line.text) and not rules.get(i)), len(lines)
    )


def find_headline(lines: list[Line], rules: dict[int, str], hint: str = "") -> int | None:
    """Index in ``lines`` of the headline, or None when none is found."""
    if hint.strip():
        wanted = _normalise(hint)
        for i, line in enumerate(lines):
            if _normalise(line.text) == wanted:
                return i
        return None
    first_prose = find_first_prose(lines, rules)
    candidates = [
        i
        for i in range(first_prose)
        if not rules.get(i)
        and 3 <= count_words(lines[i].text) <= HEADING_MAX_WORDS
        and not _BULLET_RE.match(lines[i].text)
        and not lines[i].text.rstrip("\"'”’").endswith(".")
    ]
    if not candidates:
        return None
    wanted = _normalise(lines[candidates[-1]].text)
    return next(i for i in candidates if _normalise(lines[i].text) == wanted)


def find_article_end(lines: list[Line], rules: dict[int, str], body_start: int) -> int | None:
    """Index of the line that ends the article (see rule 3), or None."""
    prose = [is_prose(line.text) and not rules.get(i) for i, line in enumerate(lines)]
    for i in range(body_start, len(lines)):
        if rules.get(i) not in END_RULES:
            continue
        before = sum(prose[body_start:i])
        after = sum(prose[i + 1 :])
        if before and after <= before * END_PROSE_SHARE:
            return i
    return None


def find_related_blocks(
    lines: list[Line], rules: dict[int, str], start: int, stop: int
) -> dict[int, str]:
    """Short lines after a related-posts heading inside the body, up to the next prose."""
    found = {}
    i = start
    while i < stop:
        if rules.get(i) == "related_heading":
            j = i + 1
            while j < stop and not is_prose(lines[j].text):
                if not rules.get(j):
                    found[j] = "related_block"
                j += 1
            i = j
        else:
            i += 1
    return found


def find_caption_repeats(
    lines: list[Line], rules: dict[int, str], window: int = 3
) -> dict[int, str]:
    """Lines near a removed caption that repeat most of its words."""
    found = {}
    for i, rule in list(rules.items()):
        if rule != "photo_caption":
            continue
        caption = [w.lower() for _, _, w in find_words(lines[i].text)]
        for j in range(max(0, i - window), min(len(lines), i + window + 1)):
            if j == i or rules.get(j):
                continue
            words = [w.lower() for _, _, w in find_words(lines[j].text)]
            matcher = difflib.SequenceMatcher(None, caption, words, autojunk=False)
            shared = sum(block.size for block in matcher.get_matching_blocks())
            if words and shared >= 0.6 * min(len(caption), len(words)) and shared >= 6:
                found[j] = "caption_repeat"
    return found


def find_promo_blocks(
    lines: list[Line], rules: dict[int, str], start: int, stop: int
) -> dict[int, str]:
    """Embedded promotion cards inside the body (see rule 5)."""
    found: dict[int, str] = {}
    i = start
    while i < stop:
        run = []
        while i < stop and not rules.get(i) and _is_heading(lines[i].text):
            run.append(i)
            i += 1
        if len(run) < 2:
            i += 1 if not run else 0
            continue
        window = [j for j in range(i, min(stop, i + PROMO_LOOKAHEAD)) if not rules.get(j)]
        cue = next((j for j in window if _PROMO_CUE_RE.search(lines[j].text)), None)
        if cue is None:
            continue
        block = run + [j for j in window if j <= cue]
        known = _capitalised_words(lines[k].text for k in range(start, run[0]) if not rules.get(k))
        names = _capitalised_words([lines[cue].text]) - known
        j = cue + 1
        while j < stop and not rules.get(j) and names & _capitalised_words([lines[j].text]):
            block.append(j)
            j += 1
        found.update({k: "promo_block" for k in block})
        i = j
    return found


def clean_article(raw_text: str, headline_hint: str = "") -> CleanArticle:
    """Clean one article's raw text (see the module docstring for the rules)."""
    lines = [Line(n, t.strip()) for n, t in enumerate(raw_text.split("\n"), start=1)]
    lines = [line for line in lines if line.text]
    rules = {i: r for i, line in enumerate(lines) if (r := match_line_rule(line.text))}

    headline_at = find_headline(lines, rules, headline_hint)
    if headline_at is not None:
        wanted = _normalise(lines[headline_at].text)
        for i in range(headline_at):
            rules.setdefault(i, "before_headline")
        rules[headline_at] = "headline"
        for i in range(headline_at + 1, len(lines)):
            if _normalise(lines[i].text) == wanted:
                rules[i] = "repeated_headline"
        body_start = headline_at + 1
    else:
        first_prose = find_first_prose(lines, rules)
        body_start = (
            first_prose if first_prose < len(lines) else 0
        )  # no prose: the body is every line

    end_at = find_article_end(lines, rules, body_start)
    stop = len(lines) if end_at is None else end_at
    if end_at is not None:
        for i in range(end_at + 1, len(lines)):
            rules.setdefault(i, "after_article_end")
    rules.update(find_related_blocks(lines, rules, body_start, stop))
    rules.update(find_caption_repeats(lines, rules))
    rules.update(find_promo_blocks(lines, rules, body_start, stop))
    return _assemble(lines, rules)


def clean_corpus(articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Clean every article of a corpus (as given by :func:`analysis.text.corpus.load_corpus`).

    Returns
    -------
    ``(articles, paragraphs, removed)``, three new DataFrames (``articles`` is not changed).
    ``articles`` has the corpus's columns and

    - ``headline``: found, or as given
    - ``clean_text``: the article's text
    - ``credits``: credit lines and bylines, " | "-separated
    - ``raw_lines``, ``removed_lines``: non-blank lines read, and those removed

    ``paragraphs`` has one row per paragraph:

    - ``article_id``, ``paragraph_id``: the paragraph (numbered from 0 within the article)
    - ``start``, ``end``: its offsets in ``clean_text``
    - ``raw_line``: its 1-based line in the raw text
    - ``kind``: "body" or "heading"

    ``removed``, the audit, has one row per removed line:

    - ``article_id``, ``line``: the article and the line's 1-based number in the raw text
    - ``text``: the line as read
    - ``rule``: the rule that removed it (the codebook lists them, with examples)
    - ``kept_as``: "headline", "credit" or "byline" when the line is kept in a column of
      ``articles``, else ""
    """
    out = articles.copy()
    paragraphs, removed = [], []
    headlines, texts, credits, raw_counts, removed_counts = [], [], [], [], []
    for row in articles.itertuples(index=False):
        result = clean_article(row.raw_text, getattr(row, "headline", "") or "")
        headlines.append(result.headline or getattr(row, "headline", "") or "")
        texts.append(result.text)
        credits.append(" | ".join(result.credits))
        raw_counts.append(len(result.paragraphs) + len(result.removed))
        removed_counts.append(len(result.removed))
        paragraphs.extend(
            {
                "article_id": row.article_id,
                "paragraph_id": k,
                "start": s,
                "end": e,
                "raw_line": n,
                "kind": kind,
            }
            for k, (s, e, n, kind) in enumerate(result.paragraphs)
        )
        removed.extend({"article_id": row.article_id, **r} for r in result.removed)
    out["headline"] = headlines
    out["clean_text"] = texts
    out["credits"] = credits
    out["raw_lines"] = raw_counts
    out["removed_lines"] = removed_counts
    paragraph_columns = ["article_id", "paragraph_id", "start", "end", "raw_line", "kind"]
    removed_columns = ["article_id", "line", "text", "rule", "kept_as"]
    return (
        out,
        pd.DataFrame(paragraphs, columns=paragraph_columns),
        pd.DataFrame(removed, columns=removed_columns),
    )


def _assemble(lines: list[Line], rules: dict[int, str]) -> CleanArticle:
    result = CleanArticle()
    pieces = []
    pos = 0
    for i, line in enumerate(lines):
        rule = rules.get(i)
        if rule:
            kept_as = KEPT_AS.get(rule, "")
            result.removed.append(
                {"line": line.number, "text": line.text, "rule": rule, "kept_as": kept_as}
            )
            if kept_as == "headline":
                result.headline = line.text
            elif kept_as:
                result.credits.append(line.text)
            continue
        if pieces:
            pos += 2  # the blank line between paragraphs
        kind = "heading" if _is_heading(line.text) else "body"
        result.paragraphs.append((pos, pos + len(line.text), line.number, kind))
        pieces.append(line.text)
        pos += len(line.text)
    result.text = "\n\n".join(pieces)
    return result


def _is_heading(text: str) -> bool:
    return count_words(text) <= HEADING_MAX_WORDS and not _PROSE_END_RE.search(text)


def _normalise(text: str) -> str:
    return " ".join(w.lower() for w in list_words(text))


def _capitalised_words(texts) -> set[str]:
    """Capitalised words that are likely names: not a line's first word, not a sentence opener."""
    return {
        w
        for text in texts
        for k, (_, _, w) in enumerate(find_words(text))
        if k > 0 and w[0].isupper() and len(w) > 3 and w not in sentence_starters()
    }
