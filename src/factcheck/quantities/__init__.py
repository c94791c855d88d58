"""Stage 2: normalized text -> quantity mentions (numbers with units and intervals)."""

from factcheck.quantities.extract import find_quantities
from factcheck.quantities.intervals import Interval, point_interval, range_interval
from factcheck.quantities.units import compatible, conversion_factor, unit_registry

__all__ = [
    "Interval",
    "compatible",
    "conversion_factor",
    "find_quantities",
    "point_interval",
    "range_interval",
    "unit_registry",
]
