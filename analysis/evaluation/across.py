"""Validation of the across-outlet measures (``python -m analysis validate across``).

**Planted changes.** From every article of a base corpus (the corpus under
study, at most :data:`PLANTED_ARTICLES` of its articles, and BASIL's articles
when the data home has them) four altered copies are made, each run through
the kit beside its original, two articles at a time:

- ``boilerplate``: the article with site furniture added before and after
  (:data:`BOILERPLATE`). Found when the kit says the copy copies the original
  (:func:`analysis.across.copying.summarise_shared`). False alarm: a base article called a copy of
  another base article (each base article is an opportunity; on BASIL, among the articles on the
  same event, the ones most alike that are not copies).
- ``reordered``: its paragraphs in another order (a fixed random shuffle).
  Found and false alarms as for ``boilerplate``.
- ``reworded``: one word inside its longest quotation (of eight words or more)
  replaced. Found when the two quotations are grouped and the copy's is
  ``reworded`` with exactly that change. False alarm: any other quotation of
  the copy reported as reworded (every other grouped quotation is an
  opportunity).
- ``dropped``: one paragraph (of a sentence of four words or more) left out.
  Found, per sentence, when each sentence of the paragraph is in a claim only
  the original carries. False alarm: a kept sentence in a claim only one of the
  two carries (every kept sentence is an opportunity).

Recall is over planted changes (a dropped paragraph counts once, found when all
its sentences are); false alarms over opportunities. Target: recall ≥ 0.95 with
≤ 5% false alarms.

**BASIL.** BASIL (Fan et al. 2019) annotates, in triplets of articles on one event (Fox News, New
York Times, HuffPost), *informational* bias: spans that carry content one outlet chose to add. Per
triplet the kit's coverage is run on the three articles; reported is the share of informational
spans whose sentence is in a claim unique to its outlet, beside the share of all sentences that are
(the base rate: the spans are informative only as far as they beat it). There is no target: an
added detail often sits in a sentence about a shared fact, so the figure measures how far
sentence-level coverage reaches, not an error rate.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from analysis import config
from analysis.across.copying import find_shared_passages, summarise_shared
from analysis.across.coverage import find_coverage
from analysis.across.variants import group_quote_variants
from analysis.engine.pipeline import prepare_articles
from analysis.resources.datasets import locate_dataset
from analysis.resources.news_sets import read_basil
from analysis.stats.sampling import sample_by_hash
from analysis.text.corpus import load_corpus
from analysis.text.segment import find_words

TARGETS = {"recall": 0.95, "false_alarm_rate": 0.05}

PLANTED_ARTICLES = 30
"""Articles of the corpus under study that get planted changes at most: each takes four runs of the
kit beside its original, and the copy false alarms compare every pair, so a large corpus is sampled
(by a hash of the ids)."""

BOILERPLATE = (
    "Subscribe to our newsletter for the latest updates",
    "Share this article on Facebook Share on X Share via email",
    "Advertisement",
    "Related posts",
    "© 2025 All rights reserved. Privacy Policy | Terms of Use | Contact Us",
)

REPLACEMENT = "remarkably"
"""The word put in place of another inside a quotation (never a word of the seed quotations)."""


def analyse_pair(texts: dict[str, str]) -> dict[str, pd.DataFrame]:
    """Clean, segment and run the three across-outlet measures on a few raw texts (one outlet
    each).

    Returns
    -------
    A dict of new DataFrames:

    - ``articles``, ``quote_spans``, ``paragraphs``, ``sentences``: as
      :func:`analysis.engine.pipeline.prepare_articles` gives them (each text its own outlet)
    - ``shared``: :func:`analysis.across.copying.summarise_shared`
    - ``variants``: :func:`analysis.across.variants.group_quote_variants`
    - ``coverage``: :func:`analysis.across.coverage.find_coverage`
    """
    frame = pd.DataFrame(
        {
            "article_id": list(texts),
            "outlet": list(texts),
            "raw_text": list(texts.values()),
            "headline": [""] * len(texts),
        }
    )
    base = prepare_articles(frame)
    cleaned, quote_spans, voice, sentences = (
        base["articles"],
        base["quote_spans"],
        base["voice"],
        base["sentences"],
    )
    passages = find_shared_passages(cleaned, voice)
    return {
        "articles": cleaned,
        "quote_spans": quote_spans,
        "paragraphs": base["paragraphs"],
        "sentences": sentences,
        "shared": summarise_shared(passages, cleaned, voice),
        "variants": group_quote_variants(quote_spans, cleaned),
        "coverage": find_coverage(sentences, cleaned),
    }


def is_copy(shared: pd.DataFrame, copy_id: str, original_id: str) -> bool:
    """Whether the kit says ``copy_id`` copies ``original_id``
    (:func:`analysis.across.copying.summarise_shared`)."""
    row = shared[shared["article_id"] == copy_id].iloc[0]
    return bool(row["copies"]) and row["partner"] == original_id


def _paragraphs(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def plant_boilerplate(text: str) -> str:
    """The text with site furniture around it."""
    return "\n".join([*BOILERPLATE[:2], text, *BOILERPLATE[2:]])


def plant_reorder(text: str, seed: int = 0) -> str:
    """The text's paragraphs in a fixed random order (never the original order when there are two
    or more)."""
    lines = _paragraphs(text)
    order = list(range(len(lines)))
    rng = random.Random(seed)
    while len(order) > 1 and order == sorted(order):
        rng.shuffle(order)
    return "\n".join(lines[k] for k in order)


def plant_reword(text: str, quotations: pd.DataFrame) -> tuple[str, str, str] | None:
    """The text with the longest word of its longest quotation (eight words or more) replaced.

    Returns ``(text, old word, new word)``, or None when no quotation is long enough.
    """
    best = None
    for start, end in zip(quotations["start"], quotations["end"]):
        words = find_words(text[start:end])
        if len(words) >= 8 and (best is None or len(words) > len(best[1])):
            best = (start, words)
    if best is None:
        return None
    start, words = best
    inner = [w for w in words[1:-1] if w[2].isalpha()] or words
    word_start, word_end, word = max(inner, key=lambda w: (len(w[2]), -w[0]))
    at = start + word_start
    return text[:at] + REPLACEMENT + text[start + word_end :], word.lower(), REPLACEMENT


def plant_drop(
    text: str, sentences: pd.DataFrame, paragraphs: pd.DataFrame
) -> tuple[str, list[str]] | None:
    """The clean text without its middle body paragraph that has a sentence of four words or more.

    Returns ``(text, the dropped paragraph's sentences of four words or more)``, or None.
    """
    body = paragraphs[paragraphs["kind"] == "body"]
    candidates = []
    for paragraph_id, start, end in zip(body["paragraph_id"], body["start"], body["end"]):
        inside = [
            t
            for t, p in zip(sentences["text"], sentences["paragraph_id"])
            if p == paragraph_id and len(t.split()) >= 4
        ]
        if inside:
            candidates.append((start, end, inside))
    if len(candidates) < 3:
        return None
    start, end, inside = candidates[len(candidates) // 2]
    return text[:start] + text[end:].lstrip("\n"), inside


def run_planted(texts: dict[str, str]) -> pd.DataFrame:
    """Every planted change of every base text, found or not, and its false alarms (``texts``: raw
    texts by article id).

    Returns
    -------
    A new DataFrame, one row per planted change:

    - ``article_id``: the base text
    - ``change``: the change planted
    - ``found``: whether the kit found it (bool)
    - ``false_alarms``, ``opportunities``: what the kit reported that was not planted, out of how
      many places it could have
    - ``detail``: the change planted or what the kit measured of it, in words
    """
    rows = []
    for number, (article_id, raw) in enumerate(texts.items()):
        base = analyse_pair({article_id: raw})
        clean = base["articles"]["clean_text"].iloc[0]
        copy_id = f"{article_id}~copy"
        for change, altered in (
            ("boilerplate", plant_boilerplate(clean)),
            ("reordered", plant_reorder(clean, number)),
        ):
            result = analyse_pair({article_id: clean, copy_id: altered})
            found = is_copy(result["shared"], copy_id, article_id)
            share = (
                result["shared"]
                .loc[result["shared"]["article_id"] == copy_id, "partner_share"]
                .iloc[0]
            )
            rows.append(
                (
                    article_id,
                    change,
                    found,
                    0,
                    0,
                    f"authorial words shared with the original {share:.3f}",
                )
            )
        quotations = base["quote_spans"]
        reworded = plant_reword(clean, quotations[quotations["depth"] == 1])
        if reworded is not None:
            altered, old, new = reworded
            result = analyse_pair({article_id: clean, copy_id: altered})
            variants = result["variants"]
            copies = variants[
                (variants["article_id"] == copy_id) & (variants["wording"] != "full")
            ]
            originals = variants[
                (variants["article_id"] == article_id) & (variants["wording"] != "full")
            ]
            members = pd.concat([copies, originals])
            hit = members[
                members["changed"].str.contains(
                    re.escape(f"{old} → {new}") + "|" + re.escape(f"{new} → {old}"), regex=True
                )
            ]
            alarms = int((members["wording"] == "reworded").sum()) - (1 if len(hit) else 0)
            rows.append(
                (
                    article_id,
                    "reworded",
                    bool(len(hit)),
                    alarms,
                    max(len(members) - 1, 0),
                    f"{old} → {new}",
                )
            )
        dropped = plant_drop(clean, base["sentences"], base["paragraphs"])
        if dropped is not None:
            altered, lost = dropped
            result = analyse_pair({article_id: clean, copy_id: altered})
            coverage = result["coverage"]
            mine = coverage[coverage["article_id"] == article_id]
            unique = mine["outlets"] == 1
            lost_rows = mine["text"].isin(lost)
            found = bool(lost_rows.any()) and bool(unique[lost_rows].all())
            kept = coverage[~(coverage["article_id"].eq(article_id) & coverage["text"].isin(lost))]
            alarms = int((kept["outlets"] == 1).sum())
            rows.append(
                (article_id, "dropped", found, alarms, len(kept), f"{len(lost)} sentences dropped")
            )
    return pd.DataFrame(
        rows, columns=["article_id", "change", "found", "false_alarms", "opportunities", "detail"]
    )


def count_copy_false_alarms(texts: dict[str, str]) -> tuple[int, int]:
    """Base articles (all different) the kit calls a copy of another, and the articles examined."""
    shared = analyse_pair(texts)["shared"]
    alarms = int(shared["copies"].sum())
    return alarms, len(texts)


def summarise_planted(planted: pd.DataFrame, copy_alarms: tuple[int, int]) -> dict:
    """Recall and false-alarm rate over planted changes, by change and overall."""
    record: dict = {}
    for change, group in planted.groupby("change", sort=True):
        alarms, chances = int(group["false_alarms"].sum()), int(group["opportunities"].sum())
        if change in ("boilerplate", "reordered"):
            alarms, chances = copy_alarms
        record[change] = {
            "planted": len(group),
            "found": int(group["found"].sum()),
            "recall": float(group["found"].mean()),
            "false_alarms": alarms,
            "opportunities": chances,
        }
    found = sum(r["found"] for r in record.values())
    planted_total = sum(r["planted"] for r in record.values())
    alarms = sum(
        r["false_alarms"] for k, r in record.items() if k != "reordered"
    )  # the copy pairs are the same for both copy changes
    chances = sum(r["opportunities"] for k, r in record.items() if k != "reordered")
    record["all"] = {
        "planted": planted_total,
        "found": found,
        "recall": found / planted_total if planted_total else float("nan"),
        "false_alarms": alarms,
        "opportunities": chances,
    }
    for value in record.values():
        value["false_alarm_rate"] = (
            value["false_alarms"] / value["opportunities"] if value["opportunities"] else 0.0
        )
    return record


def basil_triplets(articles: list[dict]) -> dict[str, list[dict]]:
    """BASIL's articles by event (the file stem before its last ``_``), three outlets each."""
    triplets: dict[str, list[dict]] = {}
    for article in articles:
        triplets.setdefault(article["article"].rsplit("_", 1)[0], []).append(article)
    return {key: value for key, value in sorted(triplets.items()) if len(value) >= 2}


def basil_text(article: dict) -> str:
    """A BASIL article's body as one paragraph per sentence."""
    return "\n".join(" ".join(s.split()) for s in article["sentences"] if s.strip())


def score_basil(articles: list[dict]) -> dict:
    """The share of informational-bias spans whose sentence is in a claim unique to its outlet."""
    spans = unique = sentences_all = sentences_unique = 0
    for triplet in basil_triplets(articles).values():
        texts = {a["article"]: basil_text(a) for a in triplet}
        frame = pd.DataFrame(
            {
                "article_id": list(texts),
                "outlet": [a["source"] for a in triplet],
                "clean_text": list(texts.values()),
            }
        )
        sentences = []
        for article in triplet:
            offset = 0
            for k, sentence in enumerate(s for s in article["sentences"] if s.strip()):
                text = " ".join(sentence.split())
                sentences.append(
                    {
                        "article_id": article["article"],
                        "sentence_id": k,
                        "start": offset,
                        "end": offset + len(text),
                        "text": text,
                    }
                )
                offset += len(text) + 1
        coverage = find_coverage(pd.DataFrame(sentences), frame)
        claims = {
            (a, s): n
            for a, s, n in zip(
                coverage["article_id"], coverage["sentence_id"], coverage["outlets"]
            )
        }
        sentences_all += len(coverage)
        sentences_unique += int((coverage["outlets"] == 1).sum())
        for article in triplet:
            # BASIL's sentence index → the kit's sentence_id (blank sentences are skipped)
            index = {
                n: k
                for k, n in enumerate(n for n, s in enumerate(article["sentences"]) if s.strip())
            }
            for span in article["spans"]:
                if span["bias"] != "inf":
                    continue
                spans += 1
                number = claims.get((article["article"], index.get(span["sentence"], -1)))
                unique += number == 1
    return {
        "triplets": len(basil_triplets(articles)),
        "spans": spans,
        "unique": unique,
        "share_unique": unique / spans if spans else float("nan"),
        "sentences": sentences_all,
        "sentences_share_unique": sentences_unique / sentences_all
        if sentences_all
        else float("nan"),
    }


def validate(
    data_home: str | Path | None,
    report: Callable[[str], None] = print,
    corpus: str | Path | None = None,
) -> list[dict]:
    """Planted changes on the corpus under study (at most :data:`PLANTED_ARTICLES` of its articles,
    a sample fixed by a hash of their ids) and on BASIL's texts when present, and the BASIL
    coverage check."""
    results = []
    bases: dict[str, dict[str, str]] = {}
    frame = load_corpus(corpus or config.corpus_path())
    texts = dict(zip(frame["article_id"], frame["raw_text"]))
    bases["corpus"] = {a: texts[a] for a in sample_by_hash(texts, PLANTED_ARTICLES)}
    folder = locate_dataset("basil", data_home)
    basil = read_basil(folder) if folder is not None else []
    if basil:
        bases["basil"] = {a["article"]: basil_text(a) for a in basil}
    for name, texts in bases.items():
        planted = run_planted(texts)
        copy_alarms = (
            count_copy_false_alarms(texts) if name == "corpus" else _copy_alarms_by_event(basil)
        )
        summary = summarise_planted(planted, copy_alarms)
        for change, figures in summary.items():
            record = {"dataset": name, "check": "planted", "change": change, **figures}
            results.append(record)
            report(
                f"planted on {name}, {change}: found {figures['found']}/{figures['planted']} "
                f"(recall {figures['recall']:.4f}); "
                f"false alarms {figures['false_alarms']}/{figures['opportunities']} "
                f"({figures['false_alarm_rate']:.4f})"
            )
    if basil:
        figures = score_basil(basil)
        results.append({"dataset": "basil", "check": "informational", "change": "", **figures})
        report(
            f"basil informational bias ({figures['triplets']} events): "
            f"{figures['unique']}/{figures['spans']} spans "
            f"in a sentence whose claim only its outlet carries ({figures['share_unique']:.4f}); "
            f"of all {figures['sentences']:,} sentences, {figures['sentences_share_unique']:.4f} "
            "are in such a claim"
        )
    return results


def _copy_alarms_by_event(basil: list[dict]) -> tuple[int, int]:
    """Copy false alarms among BASIL's articles on the same event (the pairs most alike that are
    not copies)."""
    alarms = chances = 0
    for triplet in basil_triplets(basil).values():
        found, examined = count_copy_false_alarms({a["article"]: basil_text(a) for a in triplet})
        alarms += found
        chances += examined
    return alarms, chances
