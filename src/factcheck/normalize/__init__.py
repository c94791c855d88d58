"""Stage 1: original article text -> normalized text with an offset map back."""

from factcheck.normalize.decode import decode_bytes
from factcheck.normalize.offsets import Edit, OffsetMap
from factcheck.normalize.pipeline import NormalizedText, normalize, normalize_chars

__all__ = ["Edit", "NormalizedText", "OffsetMap", "decode_bytes", "normalize", "normalize_chars"]
