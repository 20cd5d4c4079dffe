"""Source choice: attributions, quotes and stances, speakers, cited media, actors and their
labels."""
