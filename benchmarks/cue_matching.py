"""Words per second of lexicon matching: hedges and boosters, and loaded terms.

Usage: python benchmarks/cue_matching.py [--words 1000000]

The text is the clean text of the default corpus's sentences, resampled with a
fixed seed until it holds the requested number of words; the script reports the
words per second on one core of :func:`analysis.hedging.cues.find_cues` (one
trie-regex pass plus context rules) and of
:func:`analysis.loaded.terms.find_loaded_terms` (one trie-regex pass plus the VADER
layer's word lookup), next to a bare regex tokeniser over the same text as the
floor of any per-word pass.
"""

from __future__ import annotations

import argparse
import random
import time

from analysis import config
from analysis.engine.outputs import load_outputs
from analysis.hedging.cues import find_cues, load_cue_lexicon
from analysis.loaded.terms import find_loaded_terms, load_loaded_lexicon
from analysis.text.segment import count_words, find_words


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
    lexicon, loaded_lexicon = load_cue_lexicon(), load_loaded_lexicon()
    print(
        f"{len(picked):,} sentences, {words:,} words, {len(lexicon.forms):,} cue forms, "
        f"{len(loaded_lexicon.forms):,} loaded-term forms"
    )
    start = time.perf_counter()
    cues = sum(len(find_cues(s, lexicon=lexicon)) for s in picked)
    matching = time.perf_counter() - start
    start = time.perf_counter()
    terms = sum(len(find_loaded_terms(s, lexicon=loaded_lexicon)) for s in picked)
    loaded_matching = time.perf_counter() - start
    start = time.perf_counter()
    for s in picked:
        find_words(s)
    tokenising = time.perf_counter() - start
    print(f"find_cues: {words / matching:,.0f} words/s ({cues:,} cues)")
    print(
        f"find_loaded_terms: {words / loaded_matching:,.0f} words/s ({terms:,} terms, both layers)"
    )
    print(f"regex word tokeniser alone: {words / tokenising:,.0f} words/s")


if __name__ == "__main__":
    main()
