"""`audit --jobs N`: each document's claims and internal findings computed in worker
processes, in the documents' order, so the report is byte-identical to a serial run.

Workers are forked after the rule pack is built, so they inherit it (compiled formulas do
not pickle); documents go to them and (claims, findings) come back. Where fork is not
available the run is serial. A progress bar is drawn on stderr when it is a terminal.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from rich.console import Console
from rich.progress import Progress

from factcheck.api import check_document
from factcheck.model.claim import Claim
from factcheck.model.document import Document
from factcheck.model.finding import Finding
from factcheck.rules.registry import Rule, RulePack

# Below this many documents a pool costs more than it saves.
PARALLEL_FROM = 8
_WORKER: tuple[RulePack, Sequence[Rule]] | None = None

Checked = tuple[list[Claim], list[Finding]]
Callback = Callable[[], None]


def default_jobs(documents: int) -> int:
    return (os.cpu_count() or 1) if documents >= PARALLEL_FROM else 1


def _check(document: Document) -> Checked:
    assert _WORKER is not None, "worker started without a rule pack"
    pack, rules = _WORKER
    return check_document(document, pack, rules)


def checked_documents(
    documents: Sequence[Document],
    pack: RulePack,
    rules: Sequence[Rule],
    jobs: int,
    *,
    progress: bool,
) -> Iterator[Checked]:
    """(claims, internal findings) of each document, in order."""
    global _WORKER
    with progress_bar(len(documents), progress) as advance:
        if jobs <= 1 or len(documents) < 2 or "fork" not in multiprocessing.get_all_start_methods():
            for document in documents:
                yield check_document(document, pack, rules)
                advance()
            return
        # The first document is checked here: the knowledge base, the claim builder and
        # the unit registry are then loaded once and inherited by every forked worker.
        yield check_document(documents[0], pack, rules)
        advance()
        _WORKER = (pack, rules)
        context = multiprocessing.get_context("fork")
        chunk = max(1, min(16, len(documents) // (jobs * 4)))
        with context.Pool(jobs) as pool:
            for result in pool.imap(_check, documents[1:], chunksize=chunk):
                yield result
                advance()
        _WORKER = None


@contextmanager
def progress_bar(total: int, shown: bool) -> Iterator[Callback]:
    if not shown or not sys.stderr.isatty() or total < 2:
        yield _nothing
        return
    with Progress(transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task("auditing", total=total)
        yield lambda: bar.advance(task)


def _nothing() -> None:
    return None
