"""`make fuzz`: a long fuzzing run over generated hostile article text.

Every input goes through parse and audit (claims, rules, quotes); every JSON_EVERY-th also
through the JSON report (strict), every RENDER_EVERY-th through every renderer (XML, HTML,
text, Markdown). Reports inputs per second, the slowest input per kB, crashes and invalid
outputs; each crashing input is appended to tests/reliability/crashes.jsonl, which
`make test` replays.

    python scripts/fuzz.py [--inputs N] [--jobs J] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reliability.checks import check_audit, check_parse, check_strict_audit  # noqa: E402
from tests.reliability.fragments import ALL, HOSTILE, NUMBERS  # noqa: E402

CRASHES = ROOT / "tests" / "reliability" / "crashes.jsonl"
RENDER_EVERY = 25
JSON_EVERY = 5
CHUNK = 500
SLOW_SECONDS = 1.0


def generate(rng: random.Random) -> str:
    shape = rng.random()
    if shape < 0.6:
        return "".join(rng.choice(ALL) for _ in range(rng.randint(1, 40)))
    if shape < 0.75:
        return "".join(chr(rng.randint(0, 0x10FFFF)) for _ in range(rng.randint(0, 60)))
    if shape < 0.9:
        pieces = [rng.choice(HOSTILE + NUMBERS) for _ in range(rng.randint(1, 20))]
        return "".join(pieces)
    # Mostly short runs; one in twenty past the work budget (FC004).
    longest = 1500 if rng.random() < 0.05 else 200
    run = rng.choice([" ", ",", ".", "，", "、", "~", "-", "万", "%"]).join(
        ["1"] * rng.randint(1, longest)
    )
    return run + rng.choice(["", "GB", "亿元", "倍"])


def run_chunk(task: tuple[int, int]) -> dict[str, object]:
    seed, count = task
    rng = random.Random(seed)
    check_audit("英伟达H200的显存为141GB。")  # loads the knowledge base: not an input's time
    crashes: list[dict[str, str]] = []
    slowest = (0.0, "")
    for index in range(count):
        text = generate(rng)
        started = time.perf_counter()
        try:
            check_parse(text)
            if index % RENDER_EVERY == 0:
                check_audit(text)
            else:
                check_strict_audit(text, render_json=index % JSON_EVERY == 0)
        except Exception as error:  # a crash or an invalid output: kept, reported
            crashes.append({"text": text, "found": f"{type(error).__name__}: {error}"[:300]})
            traceback.print_exc(limit=3, file=sys.stderr)
        elapsed = time.perf_counter() - started
        per_kb = elapsed / max(len(text.encode("utf-8", "surrogatepass")) / 1024, 1)
        if per_kb > slowest[0]:
            slowest = (per_kb, text)
    return {"count": count, "crashes": crashes, "slowest": slowest}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=1_000_000)
    parser.add_argument("--jobs", type=int, default=multiprocessing.cpu_count())
    parser.add_argument("--seed", type=int, default=20261201)
    options = parser.parse_args()
    tasks = [
        (options.seed + n, min(CHUNK, options.inputs - n * CHUNK))
        for n in range((options.inputs + CHUNK - 1) // CHUNK)
    ]
    started = time.perf_counter()
    done, crashes, slowest = 0, [], (0.0, "")
    with multiprocessing.Pool(options.jobs) as pool:
        for result in pool.imap_unordered(run_chunk, tasks):
            done += int(result["count"])  # type: ignore[call-overload]
            crashes.extend(result["crashes"])  # type: ignore[arg-type]
            slowest = max(slowest, result["slowest"])  # type: ignore[type-var]
            if done % 20_000 < CHUNK:
                rate = done / (time.perf_counter() - started)
                print(f"{done:,} inputs, {len(crashes)} crashes, {rate:,.0f}/s", flush=True)
    elapsed = time.perf_counter() - started
    with CRASHES.open("a", encoding="utf-8") as kept:
        for crash in crashes:
            kept.write(json.dumps(crash, ensure_ascii=True) + "\n")
    print(
        f"fuzz: {done:,} inputs in {elapsed:,.0f} s ({done / elapsed:,.0f} inputs/s, "
        f"{options.jobs} jobs); {len(crashes)} crashes or invalid outputs; slowest "
        f"{slowest[0]:.3f} s per kB ({len(slowest[1])} characters)"
    )
    return 1 if crashes or slowest[0] > SLOW_SECONDS else 0


if __name__ == "__main__":
    sys.exit(main())
