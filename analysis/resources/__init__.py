"""Data the kit reads and its readers: word lists, fitted models, HTML templates, a corpus's own
resources, the gold data sets."""
