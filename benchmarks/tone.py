"""What the tone step costs, part by part, in units of VADER alone on the same sentences.

Usage: python benchmarks/tone.py [--articles 100] [--seed 20250212]

Issue 9's speed target is relative: the whole pipeline at half of VADER alone's
throughput or better. This script shows how much of that budget the tone step
takes before any other measure runs. On a synthetic corpus
(:func:`pipeline.build_corpus`, distinct sentences), after cleaning,
segmenting and finding quotations, it times on one core:

- VADER alone on the sentences (``polarity_scores`` after straightening the
  quotation marks): the unit;
- VADER on every distinct text the tone step scores (each sentence and its
  authorial and quoted parts), by ``vaderSentiment`` and by the kit's faster
  :func:`analysis.text.vader.score_polarity`, which the pipeline uses (the same numbers);
- the tone model's parts on the same distinct texts: the TF-IDF blocks (word
  and character n-grams, :func:`analysis.stats.textfeatures.weigh_blocks`),
  Pattern's polarity and subjectivity (by ``textblob`` and by the kit's faithful
  :mod:`analysis.tone.pattern`, which the model uses), and the negation features
  (:func:`analysis.tone.cues.compute_negation_features`);
- :func:`analysis.tone.score.score_sentences` as the pipeline calls it (VADER's
  cache emptied first);
- the TF-IDF blocks of a second batch of articles (the next seed), as the stream
  engine's next chunk: with fresh counters, and with the counters the model kept from
  the first batch (:class:`analysis.stats.textfeatures.VocabularyCounter`).

Each part's share of the target budget is its time over twice VADER alone's:
what the rest of the pipeline may spend is what is left.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from pipeline import build_corpus, time_vader


def measure(articles: int, seed: int) -> list[tuple[str, float]]:
    """Seconds of each part of the tone step on ``articles`` synthetic articles, VADER alone
    first."""
    from textblob.en import sentiment as pattern_sentiment

    from analysis.engine.pipeline import prepare_articles
    from analysis.stats.textfeatures import weigh_blocks
    from analysis.text.corpus import load_corpus
    from analysis.text.segment import normalise_quotes
    from analysis.text.vader import _polarity_of_straight, _vader, score_polarity, vader_lexicon
    from analysis.tone.cues import compute_negation_features
    from analysis.tone.model import load_tone_model, prepare_text, score_pattern
    from analysis.tone.score import list_voice_parts, score_sentences

    batches = []
    for batch_seed in (seed, seed + 1):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "corpus.parquet"
            build_corpus(articles, batch_seed).to_parquet(path, index=False)
            batches.append(prepare_articles(load_corpus(path)))
    base, second = batches
    sentences, cleaned, voice = base["sentences"], base["articles"], base["voice"]
    authorial, quoted = list_voice_parts(sentences, cleaned, voice)
    scored = list(
        dict.fromkeys(t for t in [*sentences["text"], *authorial, *quoted] if t is not None)
    )
    analyser, model = _vader(), load_tone_model()
    prepared = [prepare_text(t) for t in scored]
    times = [
        ("VADER alone on the sentences (the unit)", time_vader(sentences["text"].tolist())[1])
    ]

    def timed(name, function):
        start = time.perf_counter()
        function()
        times.append((name, time.perf_counter() - start))

    timed(
        "VADER on the sentences and their voice parts",
        lambda: [analyser.polarity_scores(normalise_quotes(t)) for t in scored],
    )
    timed(
        "the same, by the kit's score_polarity",
        lambda: [score_polarity(normalise_quotes(t)) for t in scored],
    )
    timed(
        "tone model: TF-IDF blocks",
        lambda: weigh_blocks(
            {"word": prepared, "char": prepared}, model.recipe, model.vocabularies, model.idf
        ),
    )
    timed("tone model: Pattern, by textblob", lambda: [pattern_sentiment(t) for t in prepared])
    score_pattern.cache_clear()
    timed("tone model: Pattern, by the kit", lambda: [score_pattern(t) for t in prepared])
    timed(
        "tone model: negation features",
        lambda: compute_negation_features(prepared, vader_lexicon()),
    )
    _polarity_of_straight.cache_clear()
    score_pattern.cache_clear()
    model.counters.clear()
    timed(
        "score_sentences, as the pipeline calls it",
        lambda: score_sentences(sentences, cleaned, voice, model),
    )
    # a second batch, as the stream engine's next chunk: the model's counters keep the n-gram
    # columns of the words the first batch met
    later = [prepare_text(t) for t in dict.fromkeys(second["sentences"]["text"])]
    blocks = {"word": later, "char": later}
    timed(
        "second batch: TF-IDF blocks, fresh counters",
        lambda: weigh_blocks(blocks, model.recipe, model.vocabularies, model.idf),
    )
    timed(
        "second batch: TF-IDF blocks, counters kept",
        lambda: weigh_blocks(blocks, model.recipe, model.vocabularies, model.idf, model.counters),
    )
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20250212)
    args = parser.parse_args()
    times = measure(args.articles, args.seed)
    unit = times[0][1]
    print(
        f"{args.articles} synthetic articles, one core; budget of the whole pipeline at half of "
        f"VADER alone: {2 * unit:.2f} s"
    )
    for name, seconds in times:
        print(
            f"{name:48s} {seconds:7.2f} s  x{seconds / unit:5.2f} VADER alone  "
            f"{seconds / (2 * unit):6.1%} of the budget"
        )


if __name__ == "__main__":
    main()
