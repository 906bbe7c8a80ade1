"""The one helper that runs independent, pure jobs (a chart, a PDF) in worker processes.

Why one helper: every stage that fans out must make the same choices (spawned processes, so no state leaks from the
parent; results in input order, so the output is deterministic; serial when there is too little work to pay for
starting workers). Jobs and results must be picklable.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def map_in_processes(fn: Callable[[T], R], items: Iterable[T], *, min_items: int = 2,
                     batches_per_worker: int = 0) -> list[R]:
    """``[fn(x) for x in items]``, in worker processes when there are at least ``min_items`` jobs.

    ``batches_per_worker`` > 0 sends jobs in chunks (about that many per worker), for many small jobs.
    """
    jobs = list(items)
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers <= 1 or len(jobs) < min_items:
        return [fn(job) for job in jobs]
    chunksize = max(1, len(jobs) // (workers * batches_per_worker)) if batches_per_worker else 1
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        return list(pool.map(fn, jobs, chunksize=chunksize))
