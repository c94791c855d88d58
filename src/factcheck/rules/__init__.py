"""Stage 4: claims -> findings, driven by rule packs (YAML)."""
