"""`audit --engine dask`: the same report as the serial run, on a local Dask cluster and
on a scheduler given by address; a scheduler that cannot be reached is one line, exit 2."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import LocalCluster

from tests.cli_runner import run_factcheck

ARTICLES = ["seeds/", "rules/fixtures/FC201.md", "rules/fixtures/FC123.md"]


def _audit(tmp_path: Path, name: str, *extra: str) -> bytes:
    target = tmp_path / f"{name}.json"
    result = run_factcheck(
        ["audit", *ARTICLES, "--format", f"json:{target}", "--fail-on", "never", *extra]
    )
    assert result.returncode == 0, result.stderr
    return target.read_bytes()


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    # Worker threads in this process: a cluster up in a second, reached by address like
    # any remote one.
    with LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=False,
        protocol="tcp://",
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def serial(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return _audit(tmp_path_factory.mktemp("serial"), "serial", "--jobs", "1")


def test_a_scheduler_by_address_gives_the_serial_report(
    tmp_path: Path, scheduler: str, serial: bytes
) -> None:
    on_dask = _audit(tmp_path, "dask", "--engine", "dask", "--scheduler", scheduler)
    assert on_dask == serial
    assert b'"rule": "FC201"' in serial and b'"rule": "FC123"' in serial


def test_a_local_cluster_gives_the_serial_report(tmp_path: Path, serial: bytes) -> None:
    assert _audit(tmp_path, "local", "--engine", "dask", "--jobs", "2") == serial


def test_an_unreachable_scheduler_is_one_line_and_nothing_written(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    unreachable = ["--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]
    result = run_factcheck(["audit", "seeds/", *unreachable, "--format", f"json:{target}"])
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert not target.exists()


def test_a_scheduler_without_the_dask_engine_is_refused() -> None:
    result = run_factcheck(["audit", "seeds/", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.returncode == 2
    assert "add --engine dask" in result.stderr
