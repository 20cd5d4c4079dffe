"""Hedging: hedges and boosters, cue by cue, and the uncertainty classifier."""
