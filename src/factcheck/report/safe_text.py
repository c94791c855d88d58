"""Article text made safe to show: control characters as visible escapes, Markdown syntax
inert.

An article may hold ESC (`\\x1b[8m` hides the rest of a terminal), a form feed (not allowed
in XML 1.0) or C1 controls. Tab and newline stay; every other C0/C1 control, DEL, and the
Unicode line and paragraph separators are written as `\\xNN` / `\\uNNNN`.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_\[\]<>|#!~])")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible_controls(text: str) -> str:
    return _CONTROL.sub(_escape, text) if _CONTROL.search(text) else text


def markdown_inline(text: str) -> str:
    """Text inside a Markdown line, table cell or heading: controls shown, newlines folded,
    and every character Markdown or GitHub would read as syntax (code, links, emphasis,
    HTML, tables) backslash-escaped."""
    flat = visible_controls(text).replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return _MARKDOWN_SYNTAX.sub(r"\\\1", flat)
