"""Counts in words: `1 article`, `2 articles`."""

from __future__ import annotations


def counted(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else (plural or noun + 's')}"
