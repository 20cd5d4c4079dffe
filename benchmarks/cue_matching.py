"""Words per second of hedge and booster matching (one trie-regex pass plus context rules).

Usage: python benchmarks/cue_matching.py [--words 1000000]

The text is the clean text of the default corpus's sentences, resampled with a
fixed seed until it holds the requested number of words; the script reports the
words per second of :func:`analysis.hedging.find_cues` on one core, next to a
bare regex tokeniser over the same text as the floor of any per-word pass.
"""

from __future__ import annotations

import argparse
import random
import time

from analysis import config
from analysis.hedging import find_cues, load_cue_lexicon
from analysis.pipeline import load_outputs
from analysis.segment import count_words, find_words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    args = parser.parse_args()
    sentences = list(load_outputs(config.processed_dir())["sentences"]["text"])
    rng = random.Random(20250212)
    picked, words = [], 0
    while words < args.words:
        sentence = rng.choice(sentences)
        picked.append(sentence)
        words += count_words(sentence)
    lexicon = load_cue_lexicon()
    print(f"{len(picked):,} sentences, {words:,} words, {len(lexicon.forms):,} lexicon forms")
    start = time.perf_counter()
    cues = sum(len(find_cues(s, lexicon=lexicon)) for s in picked)
    matching = time.perf_counter() - start
    start = time.perf_counter()
    for s in picked:
        find_words(s)
    tokenising = time.perf_counter() - start
    print(f"find_cues: {words / matching:,.0f} words/s ({cues:,} cues)")
    print(f"regex word tokeniser alone: {words / tokenising:,.0f} words/s")


if __name__ == "__main__":
    main()
