"""Text: loading a corpus, cleaning, language, paragraphs, sentences, words, quotations and voice,
figures in text, VADER."""
