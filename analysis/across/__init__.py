"""Across outlets: copied and syndicated text, quotation variants, coverage and omissions."""
