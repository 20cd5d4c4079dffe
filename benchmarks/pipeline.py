"""Throughput, stage by stage, and peak memory of the whole in-memory pipeline, beside VADER alone.

Usage: python benchmarks/pipeline.py [--articles 50 100 200] [--seed 20250212] [--actors]

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
quotations (in real coverage most pairs share nothing). With ``event_wording``
(``--event-wording`` of ``engines.py``) above 0, each event first rewrites the
seed sentences in a wording of its own (:func:`reword_sentences`): that share
of the lower-case words of three letters or more is replaced, a function word
by another function word and any other word by another such word of the seed,
the same replacement in every article of the event. Speech and reporting verbs
and a few pronouns (the kit's word lists, :data:`KEPT_WORDS`) are kept, so that
quotations and attributions keep their shape; capitalised words, numbers and
punctuation are kept too. Articles of one event then share text and
quotations as before; articles of two events share little, as coverage of
different events does, so the pairs of articles that share text grow with the
events rather than with the square of the corpus. Not nothing: names, numbers
and the kept words remain, and at a share of 1 a few quoted seed sentences
still share 70% of their words between two events' wordings, enough to link
quotations of different events.

Each size runs in a fresh process, so that its peak resident memory (``ru_maxrss``)
is its own. The child times every function ``analysis.engine.pipeline.analyse_articles``
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
"""Lower-case words of each drawn sentence replaced by words of the seed's vocabulary, so that
texts repeat rarely."""

KEPT_WORDS = frozenset({"she", "they", "you", "that", "who"})
"""Pronouns an event's wording keeps, with speech and reporting verbs, so that attributions keep
their shape."""

_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")


def build_corpus(articles: int, seed: int, event_wording: float = 0.0) -> pd.DataFrame:
    """A synthetic corpus of ``articles`` articles resampled from the default corpus's sentences
    (see the module docstring).

    ``event_wording`` is the share of words each event rewrites in the seed
    sentences (:func:`reword_sentences`; 0: every event quotes and repeats the
    same sentences).
    """
    from analysis import config
    from analysis.engine.outputs import load_outputs

    if not 0.0 <= event_wording <= 1.0:
        raise ValueError(f"event_wording must be between 0 and 1, not {event_wording}")
    tables = load_outputs(config.processed_dir(config.DEFAULT_CORPUS))
    seed_pool = tables["sentences"]["text"].tolist()
    vocabulary = sorted({m.group() for text in seed_pool for m in _LOWER_WORD.finditer(text)})
    paragraph_counts = tables["paragraphs"].groupby("article_id").size().to_numpy()
    outlets = sorted(tables["articles"]["outlet"].unique())
    rng = np.random.default_rng(seed)
    pool, slots, pool_event = (
        seed_pool,
        [[m.span() for m in _LOWER_WORD.finditer(text)] for text in seed_pool],
        None,
    )

    def draw() -> str:
        j = int(rng.integers(0, len(pool)))
        text, spans = pool[j], slots[j]
        chosen = (
            rng.choice(len(spans), min(SUBSTITUTIONS, len(spans)), replace=False) if spans else []
        )
        for start, end in sorted((spans[k] for k in chosen), reverse=True):
            text = text[:start] + vocabulary[int(rng.integers(0, len(vocabulary)))] + text[end:]
        return text

    rows = []
    for i in range(articles):
        if event_wording and pool_event != i // EVENT_ARTICLES:
            pool_event = i // EVENT_ARTICLES
            pool = reword_sentences(
                seed_pool, event_wording, np.random.default_rng([seed, pool_event])
            )
            slots = [[m.span() for m in _LOWER_WORD.finditer(text)] for text in pool]
        paragraphs = [
            " ".join(draw() for _ in range(int(rng.integers(1, 5))))
            for _ in range(int(rng.choice(paragraph_counts)))
        ]
        headline = pool[int(rng.integers(0, len(pool)))][:90]
        rows.append(
            (
                f"a{i:07d}",
                outlets[int(rng.integers(0, len(outlets)))],
                f"e{i // EVENT_ARTICLES:05d}",
                headline + "\n\n" + "\n\n".join(paragraphs),
            )
        )
    return pd.DataFrame(rows, columns=["article_id", "outlet", "event", "text"])


def reword_sentences(sentences: list[str], share: float, rng: np.random.Generator) -> list[str]:
    """The sentences with ``share`` of their words rewritten, one event's wording (see the module
    docstring).

    Lower-case words of three letters or more are rewritten, except speech and
    reporting verbs and the pronouns of :data:`KEPT_WORDS`: a function word by
    another function word, any other word by another such word of the sentences.
    """
    from analysis.resources.lists import read_wordlist

    kept = {
        w for name in ("speech_verbs.txt", "reporting_verbs.txt") for w in read_wordlist(name)
    } | KEPT_WORDS
    function = set(read_wordlist("english_function_words.txt"))
    words = {m.group() for text in sentences for m in _LOWER_WORD.finditer(text)} - kept
    replacements = {True: sorted(words & function), False: sorted(words - function)}
    reworded = []
    for text in sentences:
        spans = [
            (m.span(), m.group() in function)
            for m in _LOWER_WORD.finditer(text)
            if m.group() not in kept
        ]
        for (start, end), is_function in reversed(
            [span for span, draw in zip(spans, rng.random(len(spans))) if draw < share]
        ):
            choices = replacements[is_function]
            text = text[:start] + choices[int(rng.integers(0, len(choices)))] + text[end:]
        reworded.append(text)
    return reworded


def time_vader(sentences: list[str]) -> tuple[int, float]:
    """The sentences' words and the seconds VADER alone takes to score them (quotation marks
    straightened)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.text.segment import count_words, normalise_quotes

    analyser = SentimentIntensityAnalyzer()
    start = time.perf_counter()
    for sentence in sentences:
        analyser.polarity_scores(normalise_quotes(sentence))
    return sum(count_words(s) for s in sentences), time.perf_counter() - start


def timed(function, into: dict[str, float], name: str):
    """``function``, adding the seconds of each call to ``into[name]``."""

    @functools.wraps(function)
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            into[name] += time.perf_counter() - start

    return run


def time_stages(module, stages: dict[str, float]) -> None:
    """Time every function of the kit that ``module`` (``analysis.engine.pipeline``) calls, into
    ``stages`` by name (a nested call counts in both)."""
    for name, value in list(vars(module).items()):
        if (
            callable(value)
            and getattr(value, "__module__", "").startswith("analysis.")
            and value.__module__ != module.__name__
        ):
            setattr(module, name, timed(value, stages, name))


def measure(articles: int, seed: int, actors: bool = False) -> dict:
    """Run the pipeline on a synthetic corpus in this process; return times, words and peak
    memory. With ``actors``, the corpus brings the default corpus's resources (its actor table,
    descriptors and naming sets: the synthetic articles are made of its sentences), so that actor
    mentions, tone toward actors and labels are timed too."""
    from analysis import config
    from analysis.engine import pipeline
    from analysis.text.corpus import load_corpus

    stages: dict[str, float] = defaultdict(float)
    time_stages(pipeline, stages)
    steps: dict[str, float] = defaultdict(
        float
    )  # the map step of the stream engine, timed apart: its stages are in the table too
    pipeline.analyse_local = timed(pipeline.analyse_local, steps, "analyse_local")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.parquet"
        build_corpus(articles, seed).to_parquet(path, index=False)
        start = time.perf_counter()
        corpus = load_corpus(path)
        stages["load_corpus"] = time.perf_counter() - start
    start = time.perf_counter()
    resources = pipeline.load_resources(config.DEFAULT_CORPUS) if actors else None
    tables = pipeline.analyse_articles(corpus, resources)
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
        "map_step": steps["analyse_local"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[50, 100, 200])
    parser.add_argument("--seed", type=int, default=20250212)
    parser.add_argument(
        "--actors",
        action="store_true",
        help="the corpus brings the default corpus's actor table, descriptors and naming sets",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.articles[0], args.seed, args.actors)))
        return
    results = []
    for n in args.articles:
        done = subprocess.run(
            [sys.executable, __file__, "--child", "--articles", str(n), "--seed", str(args.seed)]
            + (["--actors"] if args.actors else []),
            check=True,
            capture_output=True,
            text=True,
        )
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    rows = []
    for r in results:
        rows.append(
            {
                "articles": r["articles"],
                "sentences": r["sentences"],
                "words": r["words"],
                "seconds": round(r["seconds"], 2),
                "words_per_s": round(r["words"] / r["seconds"]),
                "vader_words_per_s": round(r["words"] / r["vader_seconds"]),
                "share_of_vader": round(r["vader_seconds"] / r["seconds"], 3),
                "ms_per_article": round(1000 * r["seconds"] / r["articles"], 1),
                "peak_mb": round(r["peak_mb"]),
            }
        )
    print("whole pipeline, one process (words per second per core):")
    print(pd.DataFrame(rows).to_string(index=False))
    largest = results[-1]
    stages = pd.Series(largest["stages"]).sort_values(ascending=False)
    table = pd.DataFrame(
        {
            "seconds": stages.round(3),
            "share": (stages / largest["seconds"]).round(3),
            "words_per_s": (largest["words"] / stages.clip(lower=1e-9)).round(0).astype(int),
            "vader_units": (stages / largest["vader_seconds"]).round(2),
        }
    )
    print(
        f"\nstages at {largest['articles']} articles (each function analyse_articles calls; "
        "nested calls counted once; "
        "vader_units: the stage's time in units of VADER alone on all the sentences):"
    )
    print(table.head(30).to_string())
    units = largest["map_step"] / largest["vader_seconds"]
    tone = largest["stages"].get("score_sentences", 0.0) / largest["vader_seconds"]
    print(
        f"\nthe map step (analyse_local, what each chunk of the stream engine runs): x{units:.2f} "
        "VADER alone; "
        f"score_sentences x{tone:.2f}, the rest x{units - tone:.2f}"
    )
    if len(results) > 1:
        first = results[0]
        growth = (largest["seconds"] / largest["articles"]) / (
            first["seconds"] / first["articles"]
        )
        print(
            f"\ntime per article, {largest['articles']} against {first['articles']} articles: "
            f"x{growth:.2f}"
        )
        for name in stages.index[:8]:
            a, b = first["stages"].get(name, 0), largest["stages"].get(name, 0)
            if a > 0:
                print(
                    f"  {name}: per article "
                    f"x{(b / largest['articles']) / (a / first['articles']):.2f}"
                )


if __name__ == "__main__":
    main()
