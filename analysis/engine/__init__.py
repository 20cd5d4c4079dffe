"""Engines: the single run, the stream and Dask engines, their folders, tables and records."""
