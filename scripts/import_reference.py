#!/usr/bin/env python3
"""Convert a curated chip-spec file (the project's research reference, chips.yaml) into
factcheck's reference format (claims/reference/chips.yaml). Run by hand when the research
file changes; the project never reads the research folder at run time.

    python scripts/import_reference.py PATH/TO/chips.yaml [PATH/TO/epoch_target_chips.csv \
        [PATH/TO/epoch_ml_hardware.csv]] > claims/reference/chips.yaml

With Epoch's target-chip table, a chip's TPP derived from its 8-bit and from its 16-bit
throughput (TPP = TOPS x bit length) are both kept where they differ from the readings
already there: articles print either derivation (910C: 12,032 from INT8, 12,800 from FP16).

With Epoch's full table, chips the research file does not cover are added from their Epoch
row, for single-SKU chips only (EPOCH_CHIPS): a name such as "A100" covers SKUs whose
memory and power differ, so no one row speaks for it.

Each value keeps its source, source kind, quote and note. `trusted` is false for values the
research notes flag (DISAGREES, ERRONEOUS, SUSPECT, ESTIMATE); see the header for the rules.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Any

import yaml

CHIPS = {
    "nvidia_h100_sxm": "nvidia-h100",
    "nvidia_h800_sxm": "nvidia-h800",
    "nvidia_h200_sxm": "nvidia-h200",
    "nvidia_h20": "nvidia-h20",
    "nvidia_b200": "nvidia-b200",
    "nvidia_b300": "nvidia-b300",
    "amd_mi300x": "amd-mi300x",
    "amd_mi308x": "amd-mi308x",
    "amd_mi325x": "amd-mi325x",
    "huawei_ascend_910b": "huawei-ascend-910b",
    "huawei_ascend_910c": "huawei-ascend-910c",
    "huawei_ascend_950": "huawei-ascend-950",
    "cambricon_mlu590": "cambricon-mlu590",
    "moorethreads_mtt_s4000": "moore-threads-mtt-s4000",
    "moorethreads_mtt_s5000": "moore-threads-mtt-s5000",
    "metax_c500": "metax-c500",
    "google_tpu_v5p": "google-tpu-v5p",
    "google_tpu_v7_ironwood": "google-tpu-ironwood",
}
SPECS = {
    "memory_capacity": "memory_capacity",
    "memory_type": "memory_type",
    "memory_bandwidth": "memory_bandwidth",
    "fp8_tflops": "compute_fp8",
    "fp16_tflops": "compute_fp16",
    "bf16_tflops": "compute_fp16",
    "int8_tops": "compute_int8",
    "tdp": "power",
    "tpp": "tpp",
}
FLAGS = ("DISAGREES", "ERRONEOUS", "SUSPECT", "ESTIMATE")
# Chips sold in bins with different specifications (910B1-B4): no single number is trusted.
BINNED = {"huawei-ascend-910b"}
UNITS = {"TPP": "dimensionless"}

HEADER = """\
# Reference values for factcheck's FC3xx rules: chip specifications with their sources.
#
# Converted by scripts/import_reference.py from the project's curated research file
# (retrieved 2026-11-22; every value was read from a public source, with the quote kept).
# Sources include vendor documentation, MLPerf submissions, and the Epoch AI "Machine
# Learning Hardware" dataset (CC-BY 4.0: Epoch AI, 'Data on Machine Learning Hardware',
# https://epoch.ai/data/machine-learning-hardware).
#
# Each value: entity (kb id), attribute, value, unit, precision (dense = without 2:4
# sparsity, sparse = with it, null = not stated), source, source_kind, quote, note and
# `trusted`. Where sources disagree all readings are kept; the checks use trusted values
# and mention untrusted ones. A value is untrusted when the research flagged it
# (DISAGREES, ERRONEOUS, SUSPECT, ESTIMATE) or, for the MI308X bandwidth, because its only
# reading (Epoch's row, taken from TechPowerUp) is the 10.3 TB/s that TechPowerUp also gives
# the MI300X, where AMD's own documentation says 5.3 TB/s. The Ascend 910B ships in bins
# (910B1-B4) whose memory, bandwidth, compute and power differ: none of its numbers is trusted.
# bf16 figures are filed as compute_fp16: tensor BF16 and FP16 run at the same rate on
# these chips. TPP (= TOPS x bit length) is also kept as Epoch's target-chip table derives it
# from the 8-bit and from the 16-bit throughput, where that differs from the readings above.
"""


TPP_DERIVATIONS = {
    "tpp_derived_from_max_8bit": "derived from the 8-bit throughput (TOPS x 8)",
    "tpp_derived_from_16bit": "derived from the 16-bit throughput (TFLOPS x 16)",
}
EPOCH_SOURCE = (
    "Epoch AI ML Hardware (CC-BY 4.0), target-chip table = epoch_ml_hardware_target_chips.csv"
)


def tpp_derivations(path: Path, values: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """TPP readings derived from each precision's throughput that differ from those kept."""
    added: list[dict[str, Any]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            entity = CHIPS.get(row["chip_key"])
            if entity is None:
                continue
            known = [
                float(v["value"])
                for v in values + added
                if v["entity"] == entity and v["attribute"] == "tpp"
            ]
            for column, how in TPP_DERIVATIONS.items():
                if not row.get(column):
                    continue
                tpp = float(row[column])
                if any(abs(tpp - k) <= 1 for k in known):
                    continue
                known.append(tpp)
                added.append(
                    {
                        "entity": entity,
                        "attribute": "tpp",
                        "value": int(tpp) if tpp.is_integer() else tpp,
                        "unit": "dimensionless",
                        "precision": None,
                        "trusted": entity not in BINNED,
                        "source": EPOCH_SOURCE,
                        "source_kind": "dataset",
                        "quote": f"{column}={row[column]}",
                        "note": f"TPP {how}; the rule takes the largest over precisions, "
                        "articles print either",
                    }
                )
    return added


# Epoch hardware name -> kb id: chips sold as one SKU that the research file does not cover.
EPOCH_CHIPS = {
    "Google TPU v6e Trillium": "google-tpu-v6e",
    "Google TPU v4": "google-tpu-v4",
    "Google TPU v5e": "google-tpu-v5e",
    "NVIDIA L20 PCle": "nvidia-l20",
}
# Epoch column -> (attribute, factor to our unit, unit). FP8 is left out: Epoch fills it for
# chips without FP8 units.
EPOCH_COLUMNS = {
    "Memory (bytes)": ("memory_capacity", 1e-9, "GB"),
    "Memory bandwidth (byte/s)": ("memory_bandwidth", 1e-12, "TB/s"),
    "TDP (W)": ("power", 1.0, "W"),
    "Tensor-FP16/BF16 performance (FLOP/s)": ("compute_fp16", 1e-12, "TFLOPS"),
    "INT8 performance (OP/s)": ("compute_int8", 1e-12, "TOPS"),
}
EPOCH_FULL_SOURCE = "Epoch AI ML Hardware (CC-BY 4.0) = epoch_ml_hardware.csv"


def epoch_rows(path: Path, known_entities: set[str], kb_ids: set[str]) -> list[dict[str, Any]]:
    """Values of the EPOCH_CHIPS rows, for chips the kb names and the research lacks."""
    added: list[dict[str, Any]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            entity = EPOCH_CHIPS.get(row["Hardware name"])
            if entity is None or entity in known_entities or entity not in kb_ids:
                continue
            for column, (attribute, factor, unit) in EPOCH_COLUMNS.items():
                if not row.get(column):
                    continue
                value = round(float(row[column]) * factor, 3)
                added.append(
                    {
                        "entity": entity,
                        "attribute": attribute,
                        "value": int(value) if value.is_integer() else value,
                        "unit": unit,
                        "precision": "dense" if attribute.startswith("compute") else None,
                        # Epoch estimates TPU power from efficiency ratios: not a stated value
                        "trusted": not (attribute == "power" and "TDP" in row.get("Notes", "")),
                        "source": EPOCH_FULL_SOURCE,
                        "source_kind": "dataset",
                        "quote": f"Hardware name={row['Hardware name']}; {column}={row[column]}",
                        "note": f"Epoch's notes: {row['Notes'][:200]}"
                        if row.get("Notes")
                        else None,
                    }
                )
    return added


def _kb_ids() -> set[str]:
    kb = yaml.safe_load((Path(__file__).parents[1] / "kb" / "entities.yaml").read_text("utf-8"))
    return {e["id"] for e in kb["entities"]}


def main(path: Path, epoch_targets: Path | None = None, epoch_full: Path | None = None) -> int:
    research = yaml.safe_load(path.read_text(encoding="utf-8"))
    values: list[dict[str, Any]] = []
    for key, chip in research["chips"].items():
        entity = CHIPS.get(key)
        if entity is None:
            continue
        for spec, readings in chip["specs"].items():
            attribute = SPECS.get(spec)
            if attribute is None:
                continue
            for reading in readings:
                note = str(reading.get("note") or "")
                precision = str(reading.get("precision") or "") or None
                if precision and precision not in ("dense", "sparse"):
                    precision = "dense" if precision.startswith("dense") else None
                trusted = not any(flag in note.upper() for flag in FLAGS)
                if entity == "amd-mi308x" and spec == "memory_bandwidth":
                    trusted = False
                if entity in BINNED and spec != "memory_type":
                    trusted = False
                    note = "BINNED: sold in bins with different specifications. " + note
                values.append(
                    {
                        "entity": entity,
                        "attribute": attribute,
                        "value": reading["value"],
                        "unit": UNITS.get(reading.get("unit"), reading.get("unit")),
                        "precision": precision,
                        "trusted": trusted,
                        "source": reading.get("source"),
                        "source_kind": reading.get("source_kind"),
                        "quote": reading.get("quote"),
                        "note": note or None,
                    }
                )
    if epoch_targets is not None:
        values.extend(tpp_derivations(epoch_targets, values))
    if epoch_full is not None:
        values.extend(epoch_rows(epoch_full, {v["entity"] for v in values}, _kb_ids()))
    body = yaml.safe_dump(
        {"schema_version": 1, "values": values}, allow_unicode=True, sort_keys=False, width=100
    )
    sys.stdout.write(HEADER + body)
    return 0


if __name__ == "__main__":
    paths = [Path(p) for p in sys.argv[1:4]]
    sys.exit(main(paths[0], *paths[1:]))
