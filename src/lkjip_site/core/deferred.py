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
"""

from __future__ import annotations

import io
import pickle
import threading
from collections.abc import Sequence
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

    def __init__(self, unpickler: pickle.Unpickler, parts: Sequence[Part]):
        self._unpickler: pickle.Unpickler | None = unpickler
        self._parts = list(parts)
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
                values = unpickler.load()
                if not (isinstance(values, list) and len(values) == len(self._parts) and all(
                        isinstance(row, list) and len(row) == len(names)
                        for (_, names), row in zip(self._parts, values))):
                    raise ValueError("the stored state's later part is not what its first part names")
                for (obj, names), row in zip(self._parts, values):  # (checked whole first: nothing is set half)
                    for name, value in zip(names, row):
                        object.__setattr__(obj, name, value)
                    object.__setattr__(obj, "deferred", None)
            except Exception as exc:
                self._failed = Unreadable(f"bagian simpanan yang dibaca belakangan rusak ({type(exc).__name__}: {exc})")
                raise self._failed from exc
            except BaseException:  # a stop in the middle: where the stream stands is unknown, so never read on
                self._failed = Unreadable("pembacaan simpanan terhenti di tengah")
                raise
            then, self.then = self.then, []
            for action in then:
                action()


def dumps(root: Any, parts: Sequence[Part]) -> bytes:
    """``root`` with the fields named in ``parts`` left as holes, then those fields' values (see the module).

    Every object of ``parts`` must be reachable from ``root`` and have its fields set (a deferred one is read first).
    """
    values = [[getattr(obj, name) for name in names] for obj, names in parts]
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        for obj, names in parts:
            for name in names:
                object.__setattr__(obj, name, HOLE)
        pickler.dump((root, [(obj, tuple(names)) for obj, names in parts]))
    finally:
        for (obj, names), row in zip(parts, values):
            for name, value in zip(names, row):
                object.__setattr__(obj, name, value)
    pickler.dump(values)
    return buffer.getvalue()


def loads(data: bytes) -> tuple[Any, Deferred]:
    """The root :func:`dumps` wrote, its holes unset, and what reads them. Raises what unpickling raises, and
    ``ValueError`` when the bytes are not of this form."""
    if not data.endswith(pickle.STOP):  # (a cut file; entries are written whole, so only a damaged disk does this)
        raise ValueError("the second pickle is cut short")
    unpickler = pickle.Unpickler(io.BytesIO(data))
    first = unpickler.load()
    if not (isinstance(first, tuple) and len(first) == 2 and isinstance(first[1], list)):
        raise ValueError("not a two-part pickle")
    root, parts = first
    deferred = Deferred(unpickler, parts)
    for obj, names in parts:
        for name in names:
            if getattr(obj, name) is not HOLE:
                raise ValueError(f"field {name} was not left for later")
            object.__delattr__(obj, name)
        object.__setattr__(obj, "deferred", deferred)
    return root, deferred
