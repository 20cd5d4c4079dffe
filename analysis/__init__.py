"""media-framing: measure and compare how news outlets frame the same event.

Modules are nouns, functions verbs: :mod:`analysis.text.corpus` loads articles,
:mod:`analysis.text.clean` separates them from page furniture with an audit,
:mod:`analysis.text.segment` finds paragraphs, sentences and words,
:mod:`analysis.text.quotes` finds quotations and the voice of every character,
:mod:`analysis.engine.pipeline` runs them all and writes the tables.
"""

__version__ = "0.1.0"
