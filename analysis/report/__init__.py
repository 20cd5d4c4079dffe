"""The study report: notebooks to HTML, annotated articles, findings, the framing profile,
explorers."""
