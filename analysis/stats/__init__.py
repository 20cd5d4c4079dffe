"""Statistics and keys shared by the measures: intervals, tests, designs, rates, joins, stable
hashes and samples, classifiers."""
