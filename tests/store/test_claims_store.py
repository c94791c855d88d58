"""The DuckDB claim store: a new article checked against stored ones, re-audits replacing,
loads all or nothing, and `factcheck db` reading it without changing it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from factcheck.api import AuditOptions, load_document
from factcheck.errors import ConfigError
from factcheck.store import claims_store
from factcheck.store.audit import audit_with_store
from factcheck.store.claims_store import ClaimStore
from tests.cli_runner import ROOT, run_factcheck

HBM3 = "英伟达H20芯片拥有96GB的HBM3内存。\n"
GDDR6X = "据报道,H20(4TB/s GDDR6X)已经降价。\n"


def _audit(store: ClaimStore, name: str, text: str) -> list[str]:
    document = load_document(name, text.encode("utf-8"))
    audited = audit_with_store([document], store, AuditOptions())
    store.add(audited.documents, audited.claims)
    return [f.rule for f in audited.result.report.findings if f.is_problem]


def _counts(store: ClaimStore) -> tuple[int, int]:
    documents = store.query("SELECT count(*) FROM documents")[1][0][0]
    claims = store.query("SELECT count(*) FROM claims")[1][0][0]
    return documents, claims


def test_a_new_article_is_checked_against_the_stored_ones(tmp_path: Path) -> None:
    with ClaimStore(tmp_path / "claims.duckdb") as store:
        assert _audit(store, "a.txt", HBM3) == []
        assert "FC201" in _audit(store, "b.txt", GDDR6X)


def test_re_auditing_an_article_replaces_its_claims(tmp_path: Path) -> None:
    with ClaimStore(tmp_path / "claims.duckdb") as store:
        _audit(store, "a.txt", HBM3)
        first = _counts(store)
        _audit(store, "a.txt", HBM3)
        _audit(store, "renamed/a2.txt", HBM3)  # the same text under another name
        assert _counts(store) == first


def test_a_failed_load_leaves_the_store_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Re-adding an article deletes its old rows first; when the insert then fails, the
    transaction rolls back and the old rows are still there."""
    with ClaimStore(tmp_path / "claims.duckdb") as store:
        _audit(store, "a.txt", HBM3)
        before = _counts(store)
        document = load_document("a.txt", HBM3.encode("utf-8"))
        audited = audit_with_store([document], store, AuditOptions())
        monkeypatch.setattr(claims_store, "_CLAIM_TYPES", "{document: 'NO_SUCH_TYPE'}")
        with pytest.raises(duckdb.Error):
            store.add(audited.documents, audited.claims)
        assert _counts(store) == before


def test_killing_a_load_leaves_a_usable_store(tmp_path: Path) -> None:
    path = tmp_path / "claims.duckdb"
    with ClaimStore(path) as store:
        _audit(store, "a.txt", HBM3)
    script = (
        "import sys; from pathlib import Path\n"
        "from factcheck.api import AuditOptions, load_document\n"
        "from factcheck.store.audit import audit_with_store\n"
        "from factcheck.store.claims_store import ClaimStore\n"
        f"text = {GDDR6X!r} * 2000\n"
        "docs = [load_document(f'n{i}.txt', (str(i) + text).encode()) for i in range(40)]\n"
        "with ClaimStore(Path(sys.argv[1])) as store:\n"
        "    a = audit_with_store(docs, store, AuditOptions())\n"
        "    print('loading', flush=True)\n"
        "    while True: store.add(a.documents, a.claims)\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "loading"
    time.sleep(1.0)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with ClaimStore(path) as store:  # opens, replays or drops the interrupted load
        documents, claims = _counts(store)
        orphans = store.query(
            "SELECT count(*) FROM claims WHERE document NOT IN (SELECT document FROM documents)"
        )[1][0][0]
        assert documents >= 1 and claims >= 1 and orphans == 0
        assert "FC201" in _audit(store, "b.txt", GDDR6X)


def test_the_cli_stores_then_inspects_without_writing(tmp_path: Path) -> None:
    db = tmp_path / "claims.duckdb"
    (tmp_path / "a.txt").write_text(HBM3, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GDDR6X, encoding="utf-8")
    first = run_factcheck(["audit", str(tmp_path / "a.txt"), "--db", str(db)])
    assert first.returncode == 0, first.stderr
    second = run_factcheck(["audit", str(tmp_path / "b.txt"), "--db", str(db), "-f", "json"])
    assert second.returncode == 1
    assert "FC201" in {f["rule"] for f in json.loads(second.stdout)["findings"]}
    stats = run_factcheck(["db", "stats", str(db)])
    assert "2 documents" in stats.stdout
    rows = run_factcheck(["db", "query", str(db), "SELECT attribute, word FROM claims ORDER BY 2"])
    assert "memory_type\tGDDR6X" in rows.stdout and "memory_type\tHBM3" in rows.stdout
    refused = run_factcheck(["db", "query", str(db), "DELETE FROM claims"])
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    exported = run_factcheck(["db", "export", str(db)])
    assert len(exported.stdout.splitlines()) == int(
        run_factcheck(["db", "query", str(db), "SELECT count(*) FROM claims"]).stdout.split()[1]
    )


def test_a_folder_is_no_store(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not a regular file"):
        ClaimStore(tmp_path)
