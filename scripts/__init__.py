"""Build glue for the book: snippet runs, figures, notebooks, checks."""
