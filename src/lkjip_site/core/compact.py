"""Small frozen value classes pickled as their class and a tuple of their fields.

Why: a report's stored state (``build.Session``) holds tens of thousands of small frozen dataclasses with slots (a
``Loc`` for every value, a ``Result`` for every capaian, a ``YearPoint`` for every year of every indicator: about 700
a report), and reading them back was a third of reading a report's chapters and numbers for a change around every
page (the portal's title: every page rendered again). Python pickles such a class by its slots' values and reads it
back through ``dataclasses``' generic ``__setstate__``, which asks for the class's fields again for every object;
pickled as ``(cls, values)`` the unpickler calls the class itself, its generated ``__init__``, at about a third of
the cost, and the pickle is smaller.

Only for classes whose every field is a positional ``__init__`` argument and whose ``__init__`` does nothing else (no
``__post_init__``): reading back must give the same object, not one checked or changed again. :func:`_names` refuses
a class with a field outside ``__init__`` or a ``__post_init__``.
"""

from __future__ import annotations

import functools
from dataclasses import fields
from typing import Any


class Compact:
    """Base of a frozen dataclass with slots that pickles as ``(cls, field values)`` (see the module)."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        cls = type(self)
        return cls, tuple([getattr(self, name) for name in _names(cls)])


@functools.cache
def _names(cls: type) -> tuple[str, ...]:
    """The fields of ``cls`` in ``__init__``'s order, once per class."""
    found = fields(cls)
    if any(not f.init or f.kw_only for f in found) or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} cannot be rebuilt by its __init__ alone")
    return tuple(f.name for f in found)
