"""Describe a corpus at a glance: size, boilerplate removed, quoted and authorial words."""

from __future__ import annotations

import pandas as pd

from analysis.text.segment import find_words


def count_voice_words(articles: pd.DataFrame, voice: pd.DataFrame) -> pd.DataFrame:
    """Words per article in each voice; a word counts in the voice of its first character.

    Parameters
    ----------
    articles : DataFrame with ``article_id`` and ``clean_text``.
    voice : DataFrame of voice ranges (``article_id``, ``start``, ``end``, ``voice``).

    Returns
    -------
    A new DataFrame, one row per article:

    - ``article_id``: the article
    - ``authorial_words``: its words in the author's voice
    - ``quoted_words``: its words inside quotations
    """
    rows = []
    ranges = {a: g.sort_values("start") for a, g in voice.groupby("article_id", sort=False)}
    empty = voice.iloc[0:0]
    for article_id, text in zip(articles["article_id"], articles["clean_text"]):
        article_ranges = ranges.get(article_id, empty)
        counts = {"authorial": 0, "quoted": 0}
        bounds = list(zip(article_ranges["start"], article_ranges["end"], article_ranges["voice"]))
        k = 0
        for start, _, _ in find_words(text):
            while k < len(bounds) and bounds[k][1] <= start:
                k += 1
            counts[bounds[k][2] if k < len(bounds) else "authorial"] += 1
        rows.append((article_id, counts["authorial"], counts["quoted"]))
    return pd.DataFrame(rows, columns=["article_id", "authorial_words", "quoted_words"])


def summarise_articles(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per article: size, what cleaning removed, and words by voice.

    Parameters
    ----------
    tables : the tables of :func:`analysis.engine.pipeline.analyse_articles` or
        :func:`analysis.engine.outputs.load_outputs` (articles with ``clean_text``,
        removed, paragraphs, sentences, voice).

    Returns
    -------
    A new DataFrame, one row per article:

    - ``article_id``, ``outlet``: the article
    - ``raw_lines``, ``removed_lines``: non-blank lines read, and those cleaning removed
    - ``clean_chars``: characters of the clean text
    - ``removed_chars``: characters of removed lines, headline and credits included
    - ``removed_share``: their share of the characters of non-blank raw lines
    - ``paragraphs``, ``sentences``, ``words``: the clean text's
    - ``authorial_words``, ``quoted_words``: words in the author's voice and inside quotations
    - ``quoted_share``: the quoted words' share of its words
    - ``sentences_authorial``, ``sentences_mixed``, ``sentences_quoted``: sentences by voice
    """
    articles, removed = tables["articles"], tables["removed"]
    out = articles[["article_id", "outlet", "raw_lines", "removed_lines"]].copy()
    paragraph_chars = (
        tables["paragraphs"]
        .assign(chars=lambda d: d["end"] - d["start"])
        .groupby("article_id")["chars"]
        .sum()
    )
    removed_chars = (
        removed.assign(chars=removed["text"].str.len()).groupby("article_id")["chars"].sum()
    )
    out["clean_chars"] = out["article_id"].map(paragraph_chars).fillna(0).astype(int)
    out["removed_chars"] = out["article_id"].map(removed_chars).fillna(0).astype(int)
    out["removed_share"] = (
        out["removed_chars"] / (out["clean_chars"] + out["removed_chars"])
    ).round(4)
    out["paragraphs"] = (
        out["article_id"]
        .map(tables["paragraphs"].groupby("article_id").size())
        .fillna(0)
        .astype(int)
    )
    sentences = tables["sentences"]
    out["sentences"] = (
        out["article_id"].map(sentences.groupby("article_id").size()).fillna(0).astype(int)
    )
    out = out.merge(count_voice_words(articles, tables["voice"]), on="article_id", how="left")
    out["words"] = out["authorial_words"] + out["quoted_words"]
    out["quoted_share"] = (out["quoted_words"] / out["words"].where(out["words"] > 0)).round(4)
    by_voice = sentences.groupby(["article_id", "voice"]).size().unstack(fill_value=0)
    for voice in ("authorial", "mixed", "quoted"):
        column = by_voice[voice] if voice in by_voice.columns else pd.Series(dtype=int)
        out[f"sentences_{voice}"] = out["article_id"].map(column).fillna(0).astype(int)
    return out


def summarise_removals(removed: pd.DataFrame) -> pd.DataFrame:
    """Removed lines and characters per article and rule.

    Returns
    -------
    A new DataFrame, one row per article and rule, sorted by article and then by lines removed
    (most first):

    - ``article_id``: the article
    - ``rule``: the cleaning rule
    - ``lines``, ``chars``: the lines it removed and their characters
    """
    table = (
        removed.assign(chars=removed["text"].str.len())
        .groupby(["article_id", "rule"], as_index=False)
        .agg(lines=("line", "size"), chars=("chars", "sum"))
    )
    return table.sort_values(
        ["article_id", "lines", "rule"], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)
