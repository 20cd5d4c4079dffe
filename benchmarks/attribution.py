"""Words per second of attribution (quotes, sources, speakers) on whole articles.

Usage: python benchmarks/attribution.py [--words 300000]

The articles are the default corpus's clean texts, repeated until they hold the
requested number of words; each copy is split into sentences and paragraphs and
its quotations paired before timing, so the figures are for
:func:`analysis.sources.attribution.find_attributions` alone and for
:func:`analysis.sources.attribution.find_attributions_and_stances` (what the pipeline
runs: words, then stances), on one core, in the same process.
"""

from __future__ import annotations

import argparse
import time

from analysis import config
from analysis.engine.outputs import load_outputs
from analysis.sources.attribution import find_attributions, find_attributions_and_stances
from analysis.sources.lexicons import default_lexicons
from analysis.text.quotes import find_quotations
from analysis.text.segment import count_words, split_paragraphs, split_sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=300_000)
    args = parser.parse_args()
    texts = list(load_outputs(config.processed_dir())["articles"]["clean_text"])
    prepared, words = [], 0
    while words < args.words:
        for text in texts:
            prepared.append(
                (text, split_sentences(text), split_paragraphs(text), find_quotations(text))
            )
            words += count_words(text)
    lexicons = default_lexicons()
    start = time.perf_counter()
    found = sum(
        len(find_attributions(text, sentences, paragraphs, quotations, lexicons))
        for text, sentences, paragraphs, quotations in prepared
    )
    elapsed = time.perf_counter() - start
    print(
        f"{len(prepared):,} articles, {words:,} words: find_attributions {words / elapsed:,.0f} "
        f"words/s ({found:,} attributions)"
    )
    start = time.perf_counter()
    both = [
        find_attributions_and_stances(text, sentences, paragraphs, quotations, lexicons)
        for text, sentences, paragraphs, quotations in prepared
    ]
    with_stances = time.perf_counter() - start
    print(
        f"find_attributions_and_stances {words / with_stances:,.0f} words/s "
        f"({sum(len(s) for _, s in both):,} stances): "
        f"×{with_stances / elapsed:.2f} the time of find_attributions"
    )


if __name__ == "__main__":
    main()
