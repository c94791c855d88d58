#!/usr/bin/env python3
"""`make bench`: throughput and peak memory of factcheck's stages, measured, not asserted.

Each benchmark runs in its own process so its peak resident memory is its own.
    python bench/bench.py [parse ...]
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_CHARS = 10_000_000


def seed_corpus() -> list[str]:
    """The seed articles repeated until they hold at least 10 million characters."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    corpus: list[str] = []
    total = 0
    while total < TARGET_CHARS:
        for text in seeds:
            corpus.append(text)
            total += len(text)
    return corpus


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_parse() -> str:
    from factcheck.api import document_quantities

    corpus = seed_corpus()
    chars = sum(len(t) for t in corpus)
    document_quantities(corpus[0])  # warm caches (registry, OpenCC, regexes)
    start = time.perf_counter()
    quantities = sum(len(document_quantities(text)) for text in corpus)
    seconds = time.perf_counter() - start
    return (
        f"parse (normalize + quantities): {chars / 1e6:.1f} Mchar in {len(corpus)} articles, "
        f"{seconds:.2f} s -> {chars / seconds / 1e6:.2f} Mchar/s, {quantities / seconds:,.0f} "
        f"quantities/s; peak RSS {peak_rss_mb():.0f} MB"
    )


def bench_extract() -> str:
    from factcheck.api import extract_claims, load_document

    corpus = seed_corpus()
    chars = sum(len(t) for t in corpus)
    extract_claims(load_document("warm.txt", corpus[0].encode()))
    start = time.perf_counter()
    claims = 0
    for number, text in enumerate(corpus):
        document = load_document(f"article-{number}.txt", text.encode())
        claims += len(extract_claims(document))
    seconds = time.perf_counter() - start
    return (
        f"extract (decode + normalize + claims): {chars / 1e6:.1f} Mchar in {len(corpus)} "
        f"articles, {seconds:.2f} s -> {chars / seconds / 1e6:.2f} Mchar/s, "
        f"{claims / seconds:,.0f} claims/s; peak RSS {peak_rss_mb():.0f} MB"
    )


def bench_audit() -> str:
    from factcheck.api import check_document, load_document
    from factcheck.rules.registry import default_pack

    corpus = seed_corpus()
    chars = sum(len(t) for t in corpus)
    pack = default_pack()
    check_document(load_document("warm.txt", corpus[0].encode()), pack)
    start = time.perf_counter()
    findings = 0
    for number, text in enumerate(corpus):
        document = load_document(f"article-{number}.txt", text.encode())
        findings += len(check_document(document, pack)[1])
    seconds = time.perf_counter() - start
    return (
        f"audit (decode + normalize + claims + internal rules): {chars / 1e6:.1f} Mchar in "
        f"{len(corpus)} articles, {seconds:.2f} s -> {chars / seconds / 1e6:.2f} Mchar/s, "
        f"{len(corpus) / seconds:,.0f} articles/s, {findings:,} findings; "
        f"peak RSS {peak_rss_mb():.0f} MB"
    )


CROSS_CLAIMS = int(os.environ.get("FACTCHECK_BENCH_CLAIMS", 1_000_000))


def bench_cross() -> str:
    """Cross-source checks (FC201 same fact, FC202 borrowed operands) over one million
    synthetic claims: 20,000 articles about 5,000 chips, five specifications each with one
    value in a thousand off, and ratio claims (one in fifty) that borrow both operands from
    other articles, one in a hundred of them wrong."""
    import random
    from decimal import Decimal

    from factcheck.api import locator
    from factcheck.model.claim import Claim, ClaimKind, Operand, Scope
    from factcheck.rules.engine import run_corpus
    from factcheck.rules.registry import default_pack

    rng = random.Random(7)
    specs = [
        ("memory_capacity", "GB", 80),
        ("memory_bandwidth", "TB/s", 3),
        ("power", "W", 700),
        ("process_node", "nm", 5),
        ("memory_type", None, None),
    ]

    def true_size(chip: int) -> int:
        return 1 + chip % 7  # each chip's specifications: its base figure times this

    claims: list[Claim] = []
    scope = Scope()
    for number in range(CROSS_CLAIMS):
        document = f"doc{number % 20_000}"
        chip = rng.randrange(5_000)
        if number % 50 == 0:
            # "about N× the other chip's memory", right but for one in a hundred
            base = rng.randrange(5_000)
            ratio = Decimal(true_size(chip)) / Decimal(true_size(base))
            ratio = ratio.quantize(Decimal("0.01")) * (Decimal("1.5") if rng.random() < 0.01 else 1)
            claims.append(
                Claim.model_construct(
                    id=f"{document}#r{number}",
                    document=document,
                    span=(0, 4),
                    quote=f"约{ratio}倍",
                    entity=f"chip-{chip}",
                    attribute="memory_capacity",
                    scope=scope,
                    kind=ClaimKind.ratio,
                    value=ratio,
                    low=ratio * Decimal("0.95"),
                    high=ratio * Decimal("1.05"),
                    unit="dimensionless",
                    qualifier="about",
                    operands=[
                        Operand(role="subject", entity=f"chip-{chip}", attribute="memory_capacity"),
                        Operand(role="base", entity=f"chip-{base}", attribute="memory_capacity"),
                    ],
                    confidence=0.9,
                )
            )
            continue
        attribute, unit, size = specs[number % len(specs)]
        if unit is None:
            value: Decimal | str = "HBM3" if rng.random() > 0.001 else "GDDR6X"
            low = high = None
        else:
            value = Decimal(size * true_size(chip)) * (
                Decimal("1.5") if rng.random() < 0.001 else 1
            )
            low, high = value - Decimal("0.5"), value + Decimal("0.5")
        claims.append(
            Claim.model_construct(
                id=f"{document}#c{number}",
                document=document,
                span=(0, 4),
                quote="x",
                entity=f"chip-{chip}",
                attribute=attribute,
                scope=scope,
                kind=ClaimKind.value,
                value=value,
                low=low,
                high=high,
                unit=unit,
                qualifier="exact",
                operands=[],
                confidence=0.9,
            )
        )
    pack = default_pack()
    rules = pack.selected(["FC201", "FC202"], [])
    start = time.perf_counter()
    findings = run_corpus(pack, rules, claims, locator({}), consistent=False)
    seconds = time.perf_counter() - start
    return (
        f"cross-source (FC201 + FC202, grouped by key in memory): {len(claims):,} claims, "
        f"{seconds:.2f} s -> {len(claims) / seconds:,.0f} claims/s, {len(findings):,} findings; "
        f"peak RSS {peak_rss_mb():,.0f} MB (claims included)"
    )


LARGE_CHARS = 5_000_000


def bench_large() -> str:
    """One 5 MB article against a thousand-odd small ones of the same text: claim building
    must be linear in one document (the target: within 1.3x the time per character)."""
    from factcheck.api import check_document, load_document
    from factcheck.rules.registry import default_pack

    pack = default_pack()
    small: list[str] = []
    while sum(map(len, small)) < LARGE_CHARS:
        small.extend(seed_corpus()[:5])
    large = "\n\n".join(small)
    check_document(load_document("warm.txt", small[0].encode()), pack)
    start = time.process_time()
    for number, text in enumerate(small):
        check_document(load_document(f"a{number}.txt", text.encode()), pack)
    per_small = (time.process_time() - start) / sum(map(len, small))
    start = time.process_time()
    claims, _ = check_document(load_document("large.txt", large.encode()), pack)
    per_large = (time.process_time() - start) / len(large)
    return (
        f"one large article: {len(large) / 1e6:.1f} Mchar, {len(claims):,} claims, "
        f"{1 / per_large / 1e6:.2f} Mchar/s vs {1 / per_small / 1e6:.2f} Mchar/s over "
        f"{len(small):,} small ones -> {per_large / per_small:.2f}x the time per character "
        f"(target 1.3x); peak RSS {peak_rss_mb():,.0f} MB"
    )


BENCHMARKS: dict[str, Callable[[], str]] = {
    "parse": bench_parse,
    "extract": bench_extract,
    "audit": bench_audit,
    "cross": bench_cross,
    "large": bench_large,
}


def main(argv: list[str]) -> int:
    if len(argv) == 1 and argv[0] in BENCHMARKS:
        print(BENCHMARKS[argv[0]](), flush=True)
        return 0
    names = argv or list(BENCHMARKS)
    for name in names:
        if name not in BENCHMARKS:
            print(
                f"unknown benchmark {name!r}; choose from {', '.join(BENCHMARKS)}", file=sys.stderr
            )
            return 2
        result = subprocess.run([sys.executable, __file__, name], check=False)
        if result.returncode:
            return result.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
