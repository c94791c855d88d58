"""The DuckDB claim store (`audit --db`, `factcheck db`): the corpus index."""
