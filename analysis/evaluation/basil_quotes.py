"""Quotes and speakers against a hand-coded set of BASIL development articles (news outside
PolNeAR).

The gold set (``data/raw/gold/basil_quotes/quotes.tsv``, how it was coded in
the README beside it) marks every reported statement of 14 BASIL articles
(Fox News, The New York Times and HuffPost, 2010–2019, 14 events): its content
as offsets into the article as the kit reads it
(:func:`analysis.resources.news_sets.basil_article_text`), its kind and its speaker as a
reader names them. The articles' text stays in the data home; each row keeps a
hash of its content, and a row whose hash does not match the text read is an
error naming the file and line.

The kit reads the articles as a corpus that brings no resources would be read:
with the general lexicons (no actor table, no descriptors). Every attribution
the kit finds is scored (nothing is filtered to what the kit can find), each
quotation on its own (a continuation is its own unit, as in the gold set).
Contents are matched one to one under the rules of
:data:`analysis.evaluation.spans.RULES`; the target is judged under "gold
covered > 30%". A speaker is right when it names the gold speaker: the same
surname (the last capitalised word, "Jr." and the like left out) for a named
one ("Trump" for "Donald J. Trump"), a content word in common for an unnamed
one ("prosecutors" for "federal prosecutors"). Gold speakers coded "?" (the
article does not say who) count for quotes, not for speakers.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from analysis import config
from analysis.errors import InputProblem
from analysis.evaluation.spans import RULES, pair_contents
from analysis.resources.datasets import locate_dataset
from analysis.resources.lists import read_tsv_records
from analysis.resources.news_sets import basil_article_text, read_basil
from analysis.sources.attribution import find_attributions
from analysis.sources.lexicons import SourceLexicons, default_lexicons
from analysis.text.quotes import find_quotations
from analysis.text.segment import split_paragraphs, split_sentences

GOLD_PATH = config.GOLD_DIR / "basil_quotes" / "quotes.tsv"
COLUMNS = ["article_id", "start", "end", "kind", "speaker", "content_sha1"]
KINDS = ("direct", "partial", "indirect")
TARGETS = {"quote_f1_cover30": 0.85, "speaker_accuracy_cover30": 0.87}
"""The issue's targets on news from outside PolNeAR (held-out checks use the same rule: one to one,
gold covered > 30%)."""

_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
_FUNCTION = frozenset(
    "the a an of on in for to and with who that this their his her its by at from "
    "about over".split()
)


def content_hash(content: str) -> str:
    """The first 10 hex digits of the SHA-1 of a content's UTF-8 text: what a gold row keeps
    instead of the text."""
    return hashlib.sha1(content.encode("utf-8")).hexdigest()[:10]


def read_gold(path: Path = GOLD_PATH) -> list[dict]:
    """The gold rows of a tab-separated file of :data:`COLUMNS`; InputProblem names the file and
    line of every malformed row."""
    rows = []
    records, problems = read_tsv_records(path, COLUMNS)
    for number, line, fields in records:
        if (
            len(fields) != len(COLUMNS)
            or not fields[1].isdigit()
            or not fields[2].isdigit()
            or fields[3] not in KINDS
            or not fields[4]
        ):
            problems.append(
                f"{path}, line {number}: expected {', '.join(COLUMNS)} (offsets as digits, kind "
                f"one of {', '.join(KINDS)}): {line!r}"
            )
            continue
        rows.append(
            {
                "line": number,
                "article_id": fields[0],
                "start": int(fields[1]),
                "end": int(fields[2]),
                "kind": fields[3],
                "speaker": fields[4],
                "sha1": fields[5],
            }
        )
    if problems:
        raise InputProblem(problems)
    return rows


def check_gold(rows: list[dict], texts: dict[str, str], path: Path = GOLD_PATH) -> None:
    """Raise InputProblem for every row whose article is missing or whose content's hash does not
    match the text read."""
    problems = []
    for row in rows:
        text = texts.get(row["article_id"])
        if text is None:
            problems.append(
                f"{path}, line {row['line']}: article {row['article_id']!r} is not in the data "
                "home's basil"
            )
        elif content_hash(text[row["start"] : row["end"]]) != row["sha1"]:
            problems.append(
                f"{path}, line {row['line']}: the content at {row['start']}-{row['end']} of "
                f"{row['article_id']} does not match its hash (the article was read differently)"
            )
    if problems:
        raise InputProblem(problems)


def _letters(text: str, start: int, end: int) -> set[int]:
    return {i for i in range(start, min(end, len(text))) if text[i].isalnum()}


def _surname(name: str) -> str:
    words = [w for w in re.findall(r"[A-Z][\w’'.-]*", name) if w.lower() not in _SUFFIXES]
    return words[-1].strip(".").lower() if words else ""


def same_speaker(kit: str, gold: str) -> bool:
    """Whether the kit's speaker names the gold speaker (see the module docstring)."""
    surname = _surname(gold)
    if surname:
        return surname == _surname(kit) or surname in {
            w.lower() for w in re.findall(r"[\w’'-]+", kit) if w[:1].isupper()
        }
    words = {
        w for w in re.findall(r"[a-z’'-]+", gold.lower()) if w not in _FUNCTION and len(w) > 3
    }
    return bool(words & set(re.findall(r"[a-z’'-]+", kit.lower())))


def score_articles(
    rows: list[dict], texts: dict[str, str], lexicons: SourceLexicons | None = None
) -> dict:
    """Quote precision, recall, F1 and speaker accuracy under each rule, and recall by kind under
    the target's rule.

    Returns one record: ``dataset`` ("basil"), ``split`` ("hand-coded"), ``gold_filter`` ("none"),
    ``attributions`` ("words": the set codes statements, not beliefs or plans, so the kit's stances
    are not scored), ``articles``, ``predicted``, ``gold``, ``gold_all``, ``speakers_known`` (gold
    rows with a speaker), then per rule of :data:`RULES` ``matched``, ``quote_precision``,
    ``quote_recall``, ``quote_f1``, ``speaker_accuracy``, and ``recall_<kind>_cover30`` per kind.
    """
    lexicons = lexicons or default_lexicons()
    by_article: dict[str, list[dict]] = {}
    for row in rows:
        by_article.setdefault(row["article_id"], []).append(row)
    totals = {
        suffix: {"predicted": 0, "gold": 0, "matched": 0, "known": 0, "right": 0}
        for suffix in RULES
    }
    kinds = {kind: [0, 0] for kind in KINDS}
    for article_id, gold in sorted(by_article.items()):
        text = texts[article_id]
        found = find_attributions(
            text, split_sentences(text), split_paragraphs(text), find_quotations(text), lexicons
        )
        mine = [_letters(text, a.start, a.end) for a in found]
        theirs = [_letters(text, g["start"], g["end"]) for g in gold]
        for suffix, rule in RULES.items():
            pairs = pair_contents(mine, theirs, rule)
            counts = totals[suffix]
            counts["predicted"] += len(found)
            counts["gold"] += len(gold)
            counts["matched"] += len(pairs)
            known = [(i, j) for i, j in pairs if gold[j]["speaker"] != "?"]
            counts["known"] += len(known)
            counts["right"] += sum(
                same_speaker(found[i].speaker, gold[j]["speaker"]) for i, j in known
            )
            if suffix == "_cover30":
                matched_gold = {j for _, j in pairs}
                for j, g in enumerate(gold):
                    kinds[g["kind"]][0] += j in matched_gold
                    kinds[g["kind"]][1] += 1
    record: dict = {
        "dataset": "basil",
        "split": "hand-coded",
        "gold_filter": "none",
        "attributions": "words",
        "articles": len(by_article),
        "predicted": totals[""]["predicted"],
        "gold": totals[""]["gold"],
        "gold_all": totals[""]["gold"],
        "speakers_known": sum(1 for r in rows if r["speaker"] != "?"),
    }
    for suffix, counts in totals.items():
        precision = (
            counts["matched"] / counts["predicted"] if counts["predicted"] else float("nan")
        )
        recall = counts["matched"] / counts["gold"] if counts["gold"] else float("nan")
        record[f"matched{suffix}"] = counts["matched"]
        record[f"quote_precision{suffix}"] = precision
        record[f"quote_recall{suffix}"] = recall
        record[f"quote_f1{suffix}"] = (
            2 * precision * recall / (precision + recall) if counts["matched"] else 0.0
        )
        record[f"speaker_accuracy{suffix}"] = (
            counts["right"] / counts["known"] if counts["known"] else float("nan")
        )
    for kind, (hit, total) in kinds.items():
        record[f"recall_{kind}_cover30"] = hit / total if total else float("nan")
    return record


def score_hand_coded(
    data_home: str | Path | None, path: Path = GOLD_PATH, lexicons: SourceLexicons | None = None
) -> dict | None:
    """:func:`score_articles` on the hand-coded set, reading the articles from the data home's
    basil; None without basil."""
    folder = locate_dataset("basil", data_home)
    if folder is None or not path.exists():
        return None
    rows = read_gold(path)
    wanted = {r["article_id"] for r in rows}
    texts = {
        a["article"]: basil_article_text(a)
        for a in read_basil(folder, with_spans=False)
        if a["article"] in wanted
    }
    check_gold(rows, texts, path)
    return score_articles(rows, texts, lexicons)
