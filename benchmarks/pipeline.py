"""Throughput, stage by stage, and peak memory of the whole in-memory pipeline, beside VADER alone.

Usage: python benchmarks/pipeline.py [--articles 50 100 200] [--seed 20250212]

Synthetic corpus (composition): each article is built from the body sentences of
the default corpus (run ``make data`` first), resampled with replacement with a
fixed seed. An article takes the number of paragraphs of a seed article drawn at
random, each paragraph one to four sentences drawn from the pool of all seed
sentences (quotation marks and attributions as written), a headline line, an
outlet drawn from the seed outlets, and an event: articles are numbered and
every :data:`EVENT_ARTICLES` consecutive ones are one event (coverage groups
claims within an event). Articles go through the table loader (a Parquet
file), as a user's corpus would.

Each drawn sentence has :data:`SUBSTITUTIONS` of its lower-case words (three
letters or more, chosen at random) replaced by words drawn from all the seed
sentences' lower-case words. Without that, the corpus would hold only the
seed's 161 sentences, and the pipeline scores each distinct text once (VADER's
cache, the tone model's distinct texts): the tone step would be nearly free in
the pipeline while VADER alone scores every sentence, flattering the share of
VADER. Capitalised words (names, the start of a sentence) and quotation marks
and punctuation are left as written, so quotations and attributions keep their
shape.

The corpus is a hard case for the steps that compare articles: every article
repeats sentences of the same five, so every pair of articles shares text and
quotations (in real coverage most pairs share nothing).

Each size runs in a fresh process, so that its peak resident memory (``ru_maxrss``)
is its own. The child times every function ``analysis.pipeline.analyse_articles``
calls (each wrapped in a timer) and, on the same sentences, VADER alone
(``SentimentIntensityAnalyzer.polarity_scores``), the floor of any pipeline that
scores tone. Words per second are per core: everything runs in one process.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

EVENT_ARTICLES = 100
"""Consecutive articles of one event in the synthetic corpus."""

SUBSTITUTIONS = 2
"""Lower-case words of each drawn sentence replaced by words of the seed's vocabulary, so that texts repeat rarely."""

_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")


def build_corpus(articles: int, seed: int) -> pd.DataFrame:
    """A synthetic corpus of ``articles`` articles resampled from the default corpus's sentences (see the module docstring)."""
    from analysis import config
    from analysis.pipeline import load_outputs

    tables = load_outputs(config.processed_dir(config.DEFAULT_CORPUS))
    pool = tables["sentences"]["text"].tolist()
    slots = [[m.span() for m in _LOWER_WORD.finditer(text)] for text in pool]
    vocabulary = sorted({m.group() for text in pool for m in _LOWER_WORD.finditer(text)})
    paragraph_counts = tables["paragraphs"].groupby("article_id").size().to_numpy()
    outlets = sorted(tables["articles"]["outlet"].unique())
    rng = np.random.default_rng(seed)

    def draw() -> str:
        j = int(rng.integers(0, len(pool)))
        text, spans = pool[j], slots[j]
        chosen = rng.choice(len(spans), min(SUBSTITUTIONS, len(spans)), replace=False) if spans else []
        for start, end in sorted((spans[k] for k in chosen), reverse=True):
            text = text[:start] + vocabulary[int(rng.integers(0, len(vocabulary)))] + text[end:]
        return text

    rows = []
    for i in range(articles):
        paragraphs = [" ".join(draw() for _ in range(int(rng.integers(1, 5)))) for _ in range(int(rng.choice(paragraph_counts)))]
        headline = pool[int(rng.integers(0, len(pool)))][:90]
        rows.append((f"a{i:07d}", outlets[int(rng.integers(0, len(outlets)))], f"e{i // EVENT_ARTICLES:05d}", headline + "\n\n" + "\n\n".join(paragraphs)))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "event", "text"])


def time_vader(sentences: list[str]) -> tuple[int, float]:
    """The sentences' words and the seconds VADER alone takes to score them (quotation marks straightened)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.segment import count_words
    from analysis.tone import normalise_quotes

    analyser = SentimentIntensityAnalyzer()
    start = time.perf_counter()
    for sentence in sentences:
        analyser.polarity_scores(normalise_quotes(sentence))
    return sum(count_words(s) for s in sentences), time.perf_counter() - start


def measure(articles: int, seed: int) -> dict:
    """Run the pipeline on a synthetic corpus in this process; return times, words and peak memory."""
    from analysis import pipeline
    from analysis.corpus import load_corpus

    stages: dict[str, float] = defaultdict(float)

    def timed(name, function):
        @functools.wraps(function)
        def run(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                stages[name] += time.perf_counter() - start

        return run

    for name, value in list(vars(pipeline).items()):
        if callable(value) and getattr(value, "__module__", "").startswith("analysis.") and value.__module__ != "analysis.pipeline":
            setattr(pipeline, name, timed(name, value))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.parquet"
        build_corpus(articles, seed).to_parquet(path, index=False)
        start = time.perf_counter()
        corpus = load_corpus(path)
        stages["load_corpus"] = time.perf_counter() - start
    start = time.perf_counter()
    tables = pipeline.analyse_articles(corpus)
    total = time.perf_counter() - start + stages["load_corpus"]
    words, vader = time_vader(tables["sentences"]["text"].tolist())
    return {
        "articles": articles,
        "sentences": len(tables["sentences"]),
        "words": words,
        "seconds": total,
        "vader_seconds": vader,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "stages": dict(stages),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[50, 100, 200])
    parser.add_argument("--seed", type=int, default=20250212)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.articles[0], args.seed)))
        return
    results = []
    for n in args.articles:
        done = subprocess.run([sys.executable, __file__, "--child", "--articles", str(n), "--seed", str(args.seed)],
                              check=True, capture_output=True, text=True)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    rows = []
    for r in results:
        rows.append({
            "articles": r["articles"], "sentences": r["sentences"], "words": r["words"], "seconds": round(r["seconds"], 2),
            "words_per_s": round(r["words"] / r["seconds"]), "vader_words_per_s": round(r["words"] / r["vader_seconds"]),
            "share_of_vader": round(r["vader_seconds"] / r["seconds"], 3), "ms_per_article": round(1000 * r["seconds"] / r["articles"], 1),
            "peak_mb": round(r["peak_mb"]),
        })
    print("whole pipeline, one process (words per second per core):")
    print(pd.DataFrame(rows).to_string(index=False))
    largest = results[-1]
    stages = pd.Series(largest["stages"]).sort_values(ascending=False)
    table = pd.DataFrame({
        "seconds": stages.round(3), "share": (stages / largest["seconds"]).round(3),
        "words_per_s": (largest["words"] / stages.clip(lower=1e-9)).round(0).astype(int),
    })
    print(f"\nstages at {largest['articles']} articles (each function analyse_articles calls; nested calls counted once):")
    print(table.head(20).to_string())
    if len(results) > 1:
        first = results[0]
        growth = (largest["seconds"] / largest["articles"]) / (first["seconds"] / first["articles"])
        print(f"\ntime per article, {largest['articles']} against {first['articles']} articles: x{growth:.2f}")
        for name in stages.index[:8]:
            a, b = first["stages"].get(name, 0), largest["stages"].get(name, 0)
            if a > 0:
                print(f"  {name}: per article x{(b / largest['articles']) / (a / first['articles']):.2f}")


if __name__ == "__main__":
    main()
