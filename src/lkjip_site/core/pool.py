"""The one helper that runs independent, pure jobs (a chart, a PDF) in worker processes, here or on a Dask cluster.

Why one helper: every stage that fans out must make the same choices (fresh processes, so no state leaks from the
parent: spawned, or forked from a server process of their own, :func:`keep_workers_warm`; results in input order,
so the output is deterministic; serial when there is too little work to pay for starting workers). Jobs and results
must be picklable.

Why Dask is chosen here only: a province portal that builds many sites can lend the build the machines
of a Dask cluster (``lkjip build --pelaksana tcp://host:8786``). The jobs are pure (bytes in, bytes out: they carry
the files they read), so a worker on another machine gives the same bytes as a local process. ``build()`` opens
:func:`distributed_executor` around a build; :func:`map_in_processes` then sends its batches to the cluster through
Dask's ``concurrent.futures`` interface (``Client.get_executor()``) instead of a local process pool.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from importlib import metadata
from multiprocessing import get_context
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Seconds to wait for the scheduler before giving up (a typo in the address should not hang a build for long).
CONNECT_TIMEOUT = 10.0


class PoolError(Exception):
    """The Dask cluster cannot be used (not installed, unreachable, workers that differ); message in Indonesian."""


class _Cluster:
    """A connected Dask client and how many jobs its workers run at once."""

    def __init__(self, client: Any):
        self.client = client

    @property
    def slots(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def executor(self) -> Executor:
        # pure=False: every job is run (Dask would otherwise dedupe jobs by hashing their arguments, which costs
        # time on large jobs and buys nothing: a build never submits the same job twice).
        return self.client.get_executor(pure=False)


_CLUSTER: ContextVar[_Cluster | None] = ContextVar("lkjip_dask_cluster", default=None)


@contextmanager
def distributed_executor(address: str | None, same_packages: Sequence[str] = ()) -> Iterator[None]:
    """Within this block, :func:`map_in_processes` runs its jobs on the Dask scheduler at ``address`` (None: here).

    Connects before anything is built, so a wrong address fails at once, and checks that every worker has the same
    versions of ``same_packages`` (the distributions whose versions change output bytes) as this machine.
    """
    if not address:
        yield
        return
    client = _connect(address)
    try:
        _check_workers(client, address, same_packages)
        token = _CLUSTER.set(_Cluster(client))
        try:
            yield
        finally:
            _CLUSTER.reset(token)
    finally:
        client.close()


def _connect(address: str) -> Any:
    import distributed  # a dependency, imported only here: half a second that a build without --pelaksana never pays

    try:
        return distributed.Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as exc:
        raise PoolError(f"penjadwal Dask di '{address}' tidak dapat dihubungi dalam {CONNECT_TIMEOUT:g} detik "
                        f"({type(exc).__name__}: {exc}); periksa alamatnya (mis. tcp://10.0.0.5:8786) dan bahwa "
                        "'dask scheduler' berjalan dan portnya terbuka") from exc


def package_versions(names: Sequence[str]) -> dict[str, str]:
    """``{distribution: version}`` on this machine (or on a worker: Dask runs it there); missing ones as "-"."""
    found = {}
    for name in names:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "-"
    return found


def _check_workers(client: Any, address: str, names: Sequence[str]) -> None:
    """Every worker must exist and run the same package versions as here, or its bytes could differ."""
    if not client.nthreads():
        raise PoolError(f"penjadwal Dask di '{address}' belum punya worker; jalankan 'dask worker {address}' di "
                        "mesin pekerja")
    here = package_versions(names)
    differ = []
    try:
        remote = client.run(package_versions, list(names))
    except Exception as exc:  # noqa: BLE001 - e.g. lkjip-site not installed on a worker: say so, no traceback
        raise PoolError(f"worker Dask tidak dapat menjalankan lkjip-site ({type(exc).__name__}: {exc}); pasang "
                        f"'lkjip-site=={here.get('lkjip-site', '')}' di setiap worker") from exc
    for worker, versions in sorted(remote.items()):
        for name in names:
            if versions.get(name) != here[name]:
                differ.append(f"{worker}: {name} {versions.get(name, '-')} (di sini {here[name]})")
    if differ:
        raise PoolError("worker Dask memakai versi paket yang berbeda dari mesin ini, sehingga hasil build bisa "
                        "berbeda; samakan versinya: " + "; ".join(differ))


def on_cluster() -> bool:
    """Whether jobs go to a Dask cluster (inside :func:`distributed_executor` with an address): a stage whose units
    are cheap here (a report's pages) sends them only then, when another machine's cores are worth the transfer."""
    return _CLUSTER.get() is not None


def map_in_processes(fn: Callable[[T], R], items: Iterable[T], *, min_items: int = 2,
                     batches_per_worker: int = 0) -> list[R]:
    """``[fn(x) for x in items]``, in worker processes when there are at least ``min_items`` jobs.

    ``batches_per_worker`` > 0 sends jobs in batches (about that many per worker), for many small jobs; a batch is
    one task, pickled once, so data its jobs share (e.g. the same font bytes) travels once per batch. Inside
    :func:`distributed_executor` every job goes to the Dask cluster (the caller asked for it), whatever its count.
    """
    return list(iter_in_processes(fn, items, min_items=min_items, batches_per_worker=batches_per_worker))


def iter_in_processes(fn: Callable[[T], R], items: Iterable[T], *, min_items: int = 2,
                      batches_per_worker: int = 0, here: bool = True) -> Iterator[R]:
    """:func:`map_in_processes` yielding each result in order as it comes, so a caller that stores results one by
    one (the chart cache, thousands of SVGs on a cold build of an archive) never holds them all.

    ``here=False``: never in this process, however few the jobs: a fresh worker starts from nothing, where this
    process may hold state the jobs must not see (fonts another build registered with vl-convert)."""
    jobs = list(items)
    cluster = _CLUSTER.get()
    workers = cluster.slots if cluster else min(len(jobs), os.cpu_count() or 1)
    if not jobs or (cluster is None and here and (workers <= 1 or len(jobs) < min_items)):
        yield from (fn(job) for job in jobs)
        return
    size = max(1, len(jobs) // (workers * batches_per_worker)) if batches_per_worker else 1
    batches = [_Batch(fn, jobs[i:i + size]) for i in range(0, len(jobs), size)]
    with _executor(cluster, min(workers, len(batches))) as pool:
        for batch in pool.map(_run_batch, batches):
            yield from batch


@dataclass(frozen=True)
class CarriedFolder:
    """A folder's files as bytes, for a job that needs the folder on disk where it runs (vl-convert's fonts).

    Why: a Dask worker on another machine does not see this machine's files; a job that carries the bytes needs no
    shared filesystem and cannot silently read a different file of the same name there.
    """

    files: tuple[tuple[str, bytes], ...]  # (path relative to the folder, POSIX; bytes), sorted

    @classmethod
    def of(cls, folder: Path, under: str = "") -> CarriedFolder:
        """The folder's files, or only those in its subfolder ``under`` (kept at the same relative paths)."""
        top = folder / under if under else folder
        files = sorted(p for p in top.rglob("*") if p.is_file())
        return cls(tuple((p.relative_to(folder).as_posix(), p.read_bytes()) for p in files))

    def materialise(self) -> Path:
        """The folder, written once per machine under the temporary folder, named by its contents' hash."""
        h = hashlib.sha256()
        for name, data in self.files:
            h.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
        target = Path(tempfile.gettempdir()) / f"lkjip-{h.hexdigest()[:24]}"
        if not target.is_dir():
            staging = Path(tempfile.mkdtemp(prefix=".lkjip-", dir=target.parent))
            for name, data in self.files:
                (staging / name).parent.mkdir(parents=True, exist_ok=True)
                (staging / name).write_bytes(data)
            try:
                staging.rename(target)
            except OSError:  # another worker process wrote the same folder first
                shutil.rmtree(staging, ignore_errors=True)
        return target


#: The modules every local worker starts with (:func:`warm_workers`); this one runs every job.
_WARM: set[str] = {__name__}
#: Whether this process's local workers fork from the warm server (:func:`keep_workers_warm`).
_KEPT_WARM: list[bool] = [False]


def warm_workers(*modules: str) -> None:
    """Name modules a local worker needs before its first job (called by the modules whose functions run in
    workers, when they are imported: before a process's first pool). They are imported once for every worker of a
    process that keeps its workers warm (:func:`keep_workers_warm`); a spawned worker imports them itself.

    A module named here must start no thread when it is imported (vl-convert does, and stays out): a fork copies
    only the thread that forks, and a library whose threads are gone hangs. ``tests/test_architecture.py`` imports
    each one alone and counts the threads.
    """
    _WARM.update(modules)


def keep_workers_warm() -> None:
    """From now on, start this process's local workers warm (Linux; elsewhere they are spawned, as always).

    Why: a spawned worker is a new interpreter that imports, before its first job, the job's module and the libraries
    the job loads: Altair for a chart, WeasyPrint for a PDF, about a second in each worker of each pool; measured
    with py-spy in ``tests/test_incremental.py``, a third of all the processor time of those builds. Kept warm, the
    workers fork from multiprocessing's ``forkserver``: one process, started from a fresh interpreter at the first
    pool (no copy of this process, so a job sees none of its state, as in a spawned worker), that imports the
    modules of :func:`warm_workers` once and stays until this process ends.
    For a process that runs many pools: the test suite, hundreds of builds in each test process (its time 17,4 ->
    14,4 min on two cores). Not for a one-shot ``lkjip build``, whose chart and PDF pools start once each: there the
    server is one more process held through the build (a cold build at N = 100 took 0,87 x the wall time, but its
    peak memory grew from 488 to 570 MB, summed as PSS over the process tree, and N = 500 stood at the 1 GB line).
    ``serve`` runs few pools (a preview draws up to 24 new charts in its own process) and does not use it either.
    """
    _KEPT_WARM[0] = True


def _context() -> BaseContext:
    """Forked from the warm server when the process keeps its workers warm (Linux), else spawned. The server takes
    the modules named when it starts, and serves this process until it ends."""
    if not _KEPT_WARM[0] or sys.platform != "linux":
        return get_context("spawn")
    context = get_context("forkserver")
    context.set_forkserver_preload(sorted(_WARM))
    return context


def warm_modules() -> list[str]:
    """The modules a warm server imports for every worker (for the test that they start no thread)."""
    return sorted(_WARM)


def _executor(cluster: _Cluster | None, workers: int) -> Executor:
    if cluster is not None:
        return cluster.executor()
    return ProcessPoolExecutor(max_workers=workers, mp_context=_context())


@dataclass(frozen=True)
class _Batch:
    """One task: a few jobs in a row, in one worker.

    A class, not a tuple: Dask reads a tuple that starts with a function as a task of its own graph and would call
    it; an object is passed to the worker as it is.
    """

    fn: Callable[[Any], Any]
    jobs: list[Any]


def _run_batch(batch: _Batch) -> list[Any]:
    return [batch.fn(job) for job in batch.jobs]
