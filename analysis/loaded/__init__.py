"""Loaded terms: emotive, pejorative or partisan word choice, naming choices, the distinctive
vocabulary."""
