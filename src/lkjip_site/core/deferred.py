"""Objects read back from the cache in two steps: what every build needs at once, the rest when something asks.

Why: a CLI rebuild reads every unchanged report's stored state (``build.Session``), and unpickling them was the part
of a one-chapter rebuild that grew with the archive (0,35 s at N = 100, 1,6–2,9 s at N = 500), while such a rebuild
only looks at their names, named figures, scales, data files' paths and items' memo keys: their parsed chapters,
data and numbers are used only if the report must be rendered again. So a state is pickled as two pickles of one stream (one
``Pickler``, one memo): first the state with its heavy fields left as holes, then those fields' values. Reading it
back unpickles the first at once and keeps the second as bytes, with the unpickler whose memo the second refers to:
an object shared by both parts is one object again when the second is read.

A field left out is not set (a slot without a value), so reading it raises ``AttributeError`` inside Python, which
calls :meth:`Deferrable.__getattr__`: the second pickle is read then, every hole of the state filled, and the value
returned. Nothing can see a hole or a default in its place, so no code path can compute with a missing value: it
only pays for reading the rest.

What the second part holds may leave fields for a third in turn (``later`` of :func:`dumps`: the parsed chapters'
tokens, which only rendering their Markdown again reads, and which were a third of reading a report's chapters back
for a change around every page, such as the portal's title). After the second pickle come which fields of which of
its objects the third part fills, then the third part's values as a pickle of its own, so that what waits to be
read is its bytes alone. Why its own: read from the same stream, it kept the whole stream and its unpickler's memo
(every object of the first two parts) alive for each report whose tokens no build asked for, about 0,4 GB in a
preview at N = 500. So the third part's values must name no object of the first two: one would be read back as a
copy (a chapter's tokens name their directives by number, ``Directive`` ``meta["directive"]``; a test checks the
stored states').
"""

from __future__ import annotations

import gc
import io
import pickle
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Callable

from .files import CacheDamaged


class _Hole:
    """Stands for a field's value in the first pickle; never seen outside this module."""

    def __reduce__(self) -> str:
        return "HOLE"


HOLE = _Hole()

#: (object, names of its fields written in the second pickle)
Part = tuple[Any, tuple[str, ...]]


class Deferrable:
    """A dataclass with slots whose heavy fields may be read later (the class declares a ``deferred`` field)."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        """Called only for a slot without a value: a field left for later is read now; any other name is missing."""
        try:
            deferred = object.__getattribute__(self, "deferred")
        except AttributeError:
            deferred = None
        if deferred is None or not deferred.leaves(self, name):
            raise AttributeError(name)
        deferred.load()
        return object.__getattribute__(self, name)


class Unreadable(CacheDamaged):
    """The second part of a stored object cannot be read: the cache folder is damaged (the CLI says to delete it)."""


class Deferred:
    """The second pickle of one stored object, read once, when the first of its fields is asked for.

    A build reads its model from one thread; the lock only keeps a second reader from seeing fields set but not yet
    bound (``then``)."""

    def __init__(self, unpickler: pickle.Unpickler, parts: Sequence[Part], stream: io.BytesIO | None = None,
                 end: int = 0):
        self._unpickler: pickle.Unpickler | None = unpickler
        self._parts = list(parts)
        self._stream, self._end = stream, end  # where a part after this one may follow (``dumps``' ``later``)
        self._lock = threading.RLock()
        self._failed: Unreadable | None = None
        self.then: list[Callable[[], None]] = []  # run once the fields are set (e.g. bind them to this build)

    @property
    def loaded(self) -> bool:
        return self._unpickler is None and self._failed is None

    def leaves(self, obj: Any, name: str) -> bool:
        return not self.loaded and any(o is obj and name in names for o, names in self._parts)

    def load(self) -> None:
        with self._lock:
            if self._failed is not None:  # never a missing attribute, which a caller could take for "none"
                raise self._failed
            unpickler, self._unpickler = self._unpickler, None
            if unpickler is None:
                return
            try:
                with collection_paused():
                    values = unpickler.load()
                    if not (isinstance(values, list) and len(values) == len(self._parts) and all(
                            isinstance(row, list) and len(row) == len(names)
                            for (_, names), row in zip(self._parts, values))):
                        raise ValueError("the stored state's later part is not what its first part names")
                    later, reader = self._later(unpickler)  # (read and checked before anything is set)
                for (obj, names), row in zip(self._parts, values):
                    for name, value in zip(names, row):
                        object.__setattr__(obj, name, value)
                    object.__setattr__(obj, "deferred", None)
                if reader is not None:
                    _leave(later, Deferred(reader, later))
                self._stream = None
            except Exception as exc:
                self._failed = Unreadable(f"bagian simpanan yang dibaca belakangan rusak ({type(exc).__name__}: {exc})")
                raise self._failed from exc
            except BaseException:  # a stop in the middle: where the stream stands is unknown, so never read on
                self._failed = Unreadable("pembacaan simpanan terhenti di tengah")
                raise
            then, self.then = self.then, []
            for action in then:
                action()

    def _later(self, unpickler: pickle.Unpickler) -> tuple[list[Part], pickle.Unpickler | None]:
        """Which fields of the objects just read are left for a part after this one, and the reader of that part's
        own pickle, which holds its bytes only (none: the stream ends here)."""
        if self._stream is None or self._stream.tell() >= self._end:
            return [], None
        later = unpickler.load()
        if not (isinstance(later, list) and all(
                isinstance(part, tuple) and len(part) == 2 and isinstance(part[1], tuple) for part in later)):
            raise ValueError("what the stored state leaves for its next part is not a list of fields")
        for obj, names in later:
            if any(getattr(obj, name, None) is not HOLE for name in names):
                raise ValueError(f"fields {names} were not left for later")
        return later, pickle.Unpickler(io.BytesIO(self._stream.read()))


@contextmanager
def collection_paused() -> Iterator[None]:
    """No garbage collection while a stored object is unpickled: it creates objects by the hundred thousand and no
    garbage, and the collections this triggers took three quarters of the time of reading a stored state's first
    part (2,2 s instead of 0,5 s at N = 100) and a third of reading its second (a report's chapters, data and
    numbers read back to render its pages: 0,27 s instead of 0,17 s for 100 reports)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _leave(parts: Sequence[Part], deferred: Deferred) -> None:
    """Unset the holes of ``parts`` (so that asking for one reads ``deferred``), refusing fields not left as holes."""
    for obj, names in parts:
        for name in names:
            if getattr(obj, name) is not HOLE:
                raise ValueError(f"field {name} was not left for later")
    for obj, names in parts:
        for name in names:
            object.__delattr__(obj, name)
        object.__setattr__(obj, "deferred", deferred)


def dumps(root: Any, parts: Sequence[Part], later: Sequence[Part] = ()) -> bytes:
    """``root`` with the fields named in ``parts`` left as holes, then those fields' values (see the module); with
    ``later``, fields of objects those values hold left as holes in them, then which they are, then their values.

    Every object of ``parts`` must be reachable from ``root`` and have its fields set (a deferred one is read first);
    every object of ``later`` must be reachable from the values of ``parts``.
    """
    values = [[getattr(obj, name) for name in names] for obj, names in parts]
    later_values = [[getattr(obj, name) for name in names] for obj, names in later]
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        _holes(later)  # through the first two pickles, whichever of them reaches these objects
        try:
            _holes(parts)
            pickler.dump((root, [(obj, tuple(names)) for obj, names in parts]))
        finally:
            _refill(parts, values)
        pickler.dump(values)
    finally:
        _refill(later, later_values)
    if later:
        pickler.dump([(obj, tuple(names)) for obj, names in later])
        buffer.write(pickle.dumps(later_values, protocol=pickle.HIGHEST_PROTOCOL))  # a pickle of its own
    return buffer.getvalue()


def _holes(parts: Sequence[Part]) -> None:
    for obj, names in parts:
        for name in names:
            object.__setattr__(obj, name, HOLE)


def _refill(parts: Sequence[Part], values: Sequence[Sequence[Any]]) -> None:
    for (obj, names), row in zip(parts, values):
        for name, value in zip(names, row):
            object.__setattr__(obj, name, value)


def loads(data: bytes) -> tuple[Any, Deferred]:
    """The root :func:`dumps` wrote, its holes unset, and what reads them. Raises what unpickling raises, and
    ``ValueError`` when the bytes are not of this form."""
    if not data.endswith(pickle.STOP):  # (a cut file; entries are written whole, so only a damaged disk does this)
        raise ValueError("the second pickle is cut short")
    stream = io.BytesIO(data)
    unpickler = pickle.Unpickler(stream)
    first = unpickler.load()
    if not (isinstance(first, tuple) and len(first) == 2 and isinstance(first[1], list)):
        raise ValueError("not a two-part pickle")
    root, parts = first
    deferred = Deferred(unpickler, parts, stream, len(data))
    _leave(parts, deferred)
    return root, deferred
