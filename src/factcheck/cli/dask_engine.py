"""`audit --engine dask`: the per-document map of `--jobs` on a Dask cluster.

Each document's claims and internal findings are computed on a Dask worker; the cross-source
rules, the store and the reports stay here, so the report is byte-identical to a serial run.
The rule pack goes to each worker once (scattered, pickled by cloudpickle); documents go
out a window at a time and results come back in the documents' order, so memory here holds
one window, not the corpus. Without `--scheduler` a local cluster of `--jobs` worker
processes is started for the run; with it, the workers must have the same factcheck
installed (`pip install 'factcheck[dask]'`).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from factcheck.api import check_document
from factcheck.cli.parallel import Checked, progress_bar
from factcheck.errors import ConfigError
from factcheck.model.document import Document
from factcheck.rules.registry import Rule, RulePack

_IN_FLIGHT_PER_WORKER = 8
"""Documents sent ahead per worker: enough to keep it busy, few enough to stream."""
_CONNECT_TIMEOUT = "10s"


def _check(document: Document, setup: tuple[RulePack, Sequence[Rule]]) -> Checked:
    pack, rules = setup
    return check_document(document, pack, rules)


def dask_checked(
    documents: Sequence[Document],
    pack: RulePack,
    rules: Sequence[Rule],
    *,
    scheduler: str | None,
    workers: int,
    progress: bool,
) -> Iterator[Checked]:
    """(claims, internal findings) of each document, in order, computed on Dask."""
    with _client(scheduler, workers) as client, progress_bar(len(documents), progress) as advance:
        # one future for the pair (a bare tuple would be scattered element by element)
        [setup] = client.scatter([(pack, list(rules))], broadcast=True)
        window = max(1, _IN_FLIGHT_PER_WORKER * max(1, _worker_count(client)))
        pending: deque[Any] = deque()
        upcoming = iter(documents)
        for document in upcoming:
            pending.append(client.submit(_check, document, setup, pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
                advance()
        while pending:
            yield pending.popleft().result()
            advance()


def _worker_count(client: Any) -> int:
    return len(client.scheduler_info().get("workers", {}))


@contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise ConfigError("--engine dask needs Dask: pip install 'factcheck[dask]'") from error
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=max(1, workers),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        with cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout=_CONNECT_TIMEOUT)
    except OSError as error:
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    with client:
        yield client
