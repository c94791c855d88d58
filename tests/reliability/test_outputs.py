"""Outputs go only to regular files, all of them or none (issue: reliability)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from factcheck.cli import main, output
from factcheck.errors import ConfigError
from factcheck.report.formats import FORMAT_NAMES
from tests.cli_runner import run_factcheck as run

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "英伟达H200的显存为141GB,是H100(80GB)的1.76倍。\n"


def run_here(
    args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """The command in this process (the matrix is 36 runs): exit code and stderr."""
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "argv", ["factcheck", *args])
    with pytest.raises(SystemExit) as exited:
        main()
        sys.exit(0)
    return int(exited.value.code or 0), capsys.readouterr().err


def snapshot(folder: Path) -> dict[str, tuple[int, int, float]]:
    """Every entry below `folder` (links not followed): kind, size, modification time."""
    found = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        found[str(path.relative_to(folder))] = (
            stat.S_IFMT(info.st_mode),
            info.st_size,
            info.st_mtime,
        )
    return found


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "target.txt").write_text("keep me", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "target.txt")
    (tmp_path / "dirlink").symlink_to(tmp_path)
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "fifo")
    return tmp_path


REFUSED = {
    "link": "symbolic link",
    "dirlink": "symbolic link",
    "fifo": "device, FIFO or socket",
    "/dev/null": "device, FIFO or socket",
    "folder": "is a folder",
    "missing/r.out": "folder does not exist",
}


@pytest.mark.parametrize("name", FORMAT_NAMES)
@pytest.mark.parametrize("target", sorted(REFUSED))
def test_a_target_that_is_not_a_regular_file_is_refused_and_nothing_changes(
    workdir: Path,
    name: str,
    target: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = snapshot(workdir)
    null_before = Path("/dev/null").stat()
    code, stderr = run_here(
        ["audit", "a.txt", "--format", name, "-o", target], workdir, monkeypatch, capsys
    )
    assert code == 2
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and REFUSED[target] in lines[0] and lines[0].startswith("factcheck:")
    assert snapshot(workdir) == before
    after = Path("/dev/null").stat()
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == null_before.st_ino


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_a_regular_file_is_written_whole(
    workdir: Path, name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stderr = run_here(
        ["audit", "a.txt", "--format", f"{name}:out.{name}"], workdir, monkeypatch, capsys
    )
    assert code == 0, stderr
    written = workdir / f"out.{name}"
    assert written.is_file() and not written.is_symlink() and written.stat().st_size > 0
    assert (workdir / "target.txt").read_text(encoding="utf-8") == "keep me"
    assert not list(workdir.glob(".*.tmp"))


def test_one_bad_target_writes_none_of_the_others(workdir: Path) -> None:
    before = snapshot(workdir)
    result = run(
        ["audit", "a.txt", "--format", "json:a.json", "--format", "html:missing/r.html"],
        workdir,
    )
    assert result.returncode == 2 and "folder does not exist" in result.stderr
    assert snapshot(workdir) == before


def test_dash_means_stdout(workdir: Path) -> None:
    result = run(["audit", "a.txt", "--format", "json", "-o", "-"], workdir)
    assert result.returncode == 0 and result.stdout.startswith("{")
    extracted = run(["extract", "a.txt", "--format", "jsonl", "-o", "-"], workdir)
    assert extracted.returncode == 0 and extracted.stdout.startswith("{")


def test_two_formats_to_one_file_are_refused(workdir: Path) -> None:
    result = run(["audit", "a.txt", "--format", "json:x", "--format", "sarif:x"], workdir)
    assert result.returncode == 2 and "same file" in result.stderr
    assert not (workdir / "x").exists()


def test_stale_temporaries_of_a_killed_run_are_removed(workdir: Path) -> None:
    # A pid that cannot be alive (beyond pid_max): left by a run killed with SIGKILL.
    stale = workdir / ".r.json.99999999.abc123.factcheck.tmp"
    stale.write_text("half", encoding="utf-8")
    foreign = workdir / ".r.json.notours.tmp"
    foreign.write_text("someone else's", encoding="utf-8")
    result = run(["audit", "a.txt", "--format", "json:r.json"], workdir)
    assert result.returncode == 0
    assert not stale.exists() and foreign.exists() and (workdir / "r.json").is_file()


def test_extract_to_a_folder_creates_it_and_keeps_relative_paths(tmp_path: Path) -> None:
    for part in ("a", "b"):
        (tmp_path / part).mkdir()
        (tmp_path / part / "x.txt").write_text(ARTICLE, encoding="utf-8")
    result = run(["extract", "a/x.txt", "b/x.txt", "--format", "yaml", "-o", "out/"], tmp_path)
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "out").rglob("*"))
    assert written == ["out/a", "out/a/x.yaml", "out/b", "out/b/x.yaml"]


def test_an_input_given_twice_is_audited_once(workdir: Path) -> None:
    (workdir / "folder" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run(["audit", "folder/a.txt", "folder", "--format", "json"], workdir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count('"path": "folder/a.txt"') == 1


def test_permission_errors_name_the_target_not_a_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output.tempfile, "mkstemp", refuse)
    target = tmp_path / "r.json"
    with pytest.raises(ConfigError) as raised:
        output.write_outputs([(target, "{}")])
    assert raised.value.one_line() == f"{target}: cannot write: Permission denied"
    assert not list(tmp_path.iterdir())
