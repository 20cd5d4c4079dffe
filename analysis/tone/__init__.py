"""Tone: sentence tone by voice (VADER and the calibrated model), per article and outlet."""
