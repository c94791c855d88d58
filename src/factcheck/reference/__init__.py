"""Curated reference data: chip specs and dated exchange rates, kept as claims."""
