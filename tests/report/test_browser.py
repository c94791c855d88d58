"""The HTML report in a real browser (headless Chromium): highlights and findings are in the
DOM after scripts ran, the planted article's <script> and onerror did not run, and a
screenshot can be taken. Skips, saying so, only when no Chromium is installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from factcheck.model.report import AuditResult
from factcheck.report import html

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--hide-scrollbars",
]


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("SKIPPED: Chromium is not installed here (.ci/run installs Debian's chromium)")


def browse(page: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [chromium(), *FLAGS, *extra, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_report_in_headless_chromium(seeds_result: AuditResult, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(html.render(seeds_result), encoding="utf-8")
    dom = browse(page, "--virtual-time-budget=2000", "--dump-dom").stdout
    assert '<html lang="zh" class="js">' in dom, "the report's own script ran"
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]
    assert "<title>pwned" not in dom
    assert dom.count('<mark class="claim') > 100
    assert dom.count('class="finding ') == len(seeds_result.report.findings)
    assert "&lt;script&gt;document.title" in dom
    shot = tmp_path / "report.png"
    browse(page, "--window-size=1280,900", f"--screenshot={shot}")
    assert shot.exists() and shot.stat().st_size > 10_000
