"""Charts and notebook views; each chart returns the figure and exactly the data it plots."""
