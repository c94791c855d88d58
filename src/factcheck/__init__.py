"""factcheck: check the numbers in news articles."""

__version__ = "0.1.0"
