"""Stored objects read in two steps (core/deferred.py): what is left for later is never seen missing or replaced."""

from __future__ import annotations

import gc
import io
import pickle
import weakref
from dataclasses import dataclass, field, fields
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lkjip_site.build import STATE_LATER, ReportState
from lkjip_site.compute.capaian import Result
from lkjip_site.compute.report import COMPUTED_LATER, ComputedReport
from lkjip_site.core.compact import Compact, _names
from lkjip_site.core.deferred import HOLE, Deferrable, Deferred, Unreadable, dumps, loads
from lkjip_site.core.model import DATA_LATER, Loc, Missing, ReportData


@dataclass(slots=True)
class Inner(Deferrable):
    name: str
    rows: list[int] = field(default_factory=list)
    note: str | None = None
    deferred: Deferred | None = field(default=None, repr=False, compare=False)


@dataclass(slots=True)
class Outer(Deferrable):
    inner: Inner
    chapters: list[str] | None = None
    shared: list[int] = field(default_factory=list)
    deferred: Deferred | None = field(default=None, repr=False, compare=False)


def _stored() -> Outer:
    rows = [1, 2, 3]
    return Outer(Inner("laporan-a", rows, None), ["bab-1", "bab-2"], rows)


def test_fields_left_for_later_are_read_when_asked_and_equal_the_stored_ones() -> None:
    before = _stored()
    after, deferred = loads(dumps(before, [(before, ("chapters",)), (before.inner, ("rows", "note"))]))
    assert not deferred.loaded
    assert after.inner.name == "laporan-a"  # read at once
    assert not deferred.loaded
    assert after.chapters == ["bab-1", "bab-2"]  # the first field asked for reads them all
    assert deferred.loaded and after.deferred is None and after.inner.deferred is None
    assert after.inner.note is None  # a None left for later is None again, not a default in its place
    assert after == before


def test_an_object_in_both_parts_is_one_object_again() -> None:
    before = _stored()
    after, _ = loads(dumps(before, [(before.inner, ("rows",))]))
    assert after.shared is after.inner.rows  # read at once in the first part, named again by the second


def test_the_objects_being_stored_are_left_as_they_were() -> None:
    before = _stored()
    dumps(before, [(before, ("chapters",)), (before.inner, ("rows",))])
    assert before.chapters == ["bab-1", "bab-2"] and before.inner.rows == [1, 2, 3]


def test_a_missing_attribute_stays_missing() -> None:
    before = _stored()
    after, _ = loads(dumps(before, [(before, ("chapters",))]))
    with pytest.raises(AttributeError):
        after.not_a_field  # noqa: B018 - the attribute access is the test
    assert getattr(after, "not_a_field", "none") == "none"
    assert after.chapters == ["bab-1", "bab-2"]


def test_pickling_an_object_not_yet_read_stores_every_field() -> None:
    before = _stored()
    after, _ = loads(dumps(before, [(before, ("chapters",)), (before.inner, ("rows",))]))
    again = pickle.loads(pickle.dumps(after))
    assert again == before and again.deferred is None


def test_actions_run_once_after_the_fields_are_set() -> None:
    before = _stored()
    after, deferred = loads(dumps(before, [(before, ("chapters",))]))
    seen: list[list[str] | None] = []
    deferred.then.append(lambda: seen.append(after.chapters))
    assert seen == []
    assert after.chapters == ["bab-1", "bab-2"]
    assert after.chapters
    assert seen == [["bab-1", "bab-2"]]


def test_a_cut_or_foreign_entry_is_refused_before_anything_is_used() -> None:
    before = _stored()
    data = dumps(before, [(before, ("chapters",))])
    with pytest.raises(ValueError):
        loads(data[:-1])
    with pytest.raises(ValueError):
        loads(pickle.dumps(before))  # a state stored whole, by an earlier version


def test_a_later_part_that_cannot_be_read_fails_every_time_never_as_missing() -> None:
    before = _stored()
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    before.chapters = HOLE  # type: ignore[assignment]  # as dumps leaves it
    pickler.dump((before, [(before, ("chapters",))]))
    pickler.dump("not the values")  # a second pickle of another shape
    after, _ = loads(buffer.getvalue())
    for _ in range(2):  # and again: not an AttributeError, which getattr(..., None) would take for "none"
        with pytest.raises(Unreadable):
            after.chapters  # noqa: B018 - the attribute access is the test
    assert getattr(after, "note", "ada") == "ada"  # (an attribute that is no field stays missing, as before)


@settings(max_examples=60, deadline=None)
@given(name=st.text(max_size=8), rows=st.lists(st.integers(), max_size=5), note=st.one_of(st.none(), st.text()),
       chapters=st.one_of(st.none(), st.lists(st.text(max_size=6), max_size=4)),
       later_inner=st.sets(st.sampled_from(["rows", "note"])), later_outer=st.booleans(), share=st.booleans(),
       first=st.sampled_from(["chapters", "rows", "note", "name", "shared"]))
def test_any_split_reads_back_equal_whatever_is_asked_first(name: str, rows: list[int], note: str | None,
                                                             chapters: list[str] | None,
                                                             later_inner: set[str], later_outer: bool, share: bool,
                                                             first: str) -> None:
    """Round trip: whichever fields are left for later and whichever is read first, the object read back equals the
    one stored, and an object both parts hold is one object again."""
    inner = Inner(name, rows, note)
    before = Outer(inner, chapters, rows if share else [len(rows)])
    parts = [(obj, names) for obj, names in ((before, ("chapters",) if later_outer else ()),
                                             (before.inner, tuple(sorted(later_inner)))) if names]
    after, _ = loads(dumps(before, parts))
    target = after.inner if first in ("rows", "note", "name") else after
    getattr(target, first)
    assert after == before
    assert (after.shared is after.inner.rows) == share


def _in_three_parts() -> tuple[Outer, list[Inner]]:
    """An object whose second part holds objects with fields left for a third (a state's chapters' tokens)."""
    chapters = [Inner("bab-1", [1, 2], "a"), Inner("bab-2", [3], None)]
    return Outer(Inner("laporan-a"), chapters, [9]), chapters  # type: ignore[arg-type]


def test_a_third_part_is_read_only_when_one_of_its_fields_is_asked_for() -> None:
    """The parsed chapters' tokens: reading a report's chapters back (the pages around them) does not read them."""
    before, chapters = _in_three_parts()
    after, deferred = loads(dumps(before, [(before, ("chapters",))], [(c, ("rows", "note")) for c in chapters]))
    assert [c.name for c in after.chapters] == ["bab-1", "bab-2"]  # the second part, read at once
    third = after.chapters[0].deferred
    assert deferred.loaded and third is not None and not third.loaded and after.chapters[1].deferred is third
    assert after.chapters[1].note is None  # a None left for the third part is None again
    assert third.loaded and after.chapters[0].deferred is None
    assert after == before
    assert before.chapters[0].rows == [1, 2] and before.chapters[1].note is None  # the stored ones as they were


def test_an_object_of_the_third_part_pickled_before_it_is_read_stores_every_field() -> None:
    """A report's parsed chapters sent to a Dask worker, or stored again: every field, the reader not."""
    before, chapters = _in_three_parts()
    after, _ = loads(dumps(before, [(before, ("chapters",))], [(c, ("rows",)) for c in chapters]))
    assert after.chapters[0].deferred is not None
    again = pickle.loads(pickle.dumps(after.chapters))
    assert again == chapters and all(c.deferred is None for c in again)


def test_a_third_part_that_cannot_be_read_fails_every_time_never_as_missing() -> None:
    before, chapters = _in_three_parts()
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    for c in chapters:
        c.rows = HOLE  # type: ignore[assignment]  # as dumps leaves them
    before.chapters = HOLE  # type: ignore[assignment]
    pickler.dump((before, [(before, ("chapters",))]))
    pickler.dump([[chapters]])
    pickler.dump([(c, ("rows",)) for c in chapters])
    buffer.write(pickle.dumps("not the values", protocol=pickle.HIGHEST_PROTOCOL))  # a third part of another shape
    after, _ = loads(buffer.getvalue())
    assert after.chapters[1].name == "bab-2"
    for _ in range(2):  # and again: not an AttributeError, which getattr(..., None) would take for "none"
        with pytest.raises(Unreadable):
            after.chapters[0].rows  # noqa: B018 - the attribute access is the test


class _Dropped:
    """An object of the second part that the object read back lets go of."""


def test_a_third_part_waiting_keeps_nothing_of_the_first_two_alive() -> None:
    """A report whose tokens no build asks for kept the whole stored state's bytes and its reader's memo (every
    object of the first two parts) alive: about 0,4 GB in a preview at N = 500. What waits for the third part now is
    its own bytes and the objects it names."""
    before, chapters = _in_three_parts()
    before.chapters = [*chapters, _Dropped()]  # type: ignore[list-item]
    after, _ = loads(dumps(before, [(before, ("chapters",))], [(c, ("rows",)) for c in chapters]))
    dropped = weakref.ref(after.chapters.pop())
    gc.collect()
    assert dropped() is None and after.chapters[0].deferred is not None  # gone, the third part still to be read
    assert [c.rows for c in after.chapters] == [[1, 2], [3]]


def test_what_a_stored_state_leaves_for_later_names_fields_of_its_classes() -> None:
    """The lists are names: a field renamed without them would leave that report to be loaded again on every build
    (its state could not be stored), silently slow rather than wrong."""
    for cls, names in ((ReportState, STATE_LATER), (ReportData, DATA_LATER), (ComputedReport, COMPUTED_LATER)):
        known = {f.name for f in fields(cls)}
        assert set(names) <= known - {"deferred"}, (cls.__name__, set(names) - known)
        assert "deferred" in known and issubclass(cls, Deferrable)



class _Seen:
    """Records whether the garbage collector was on when it was read back."""

    def __init__(self) -> None:
        self.collecting = True

    def __setstate__(self, state: dict[str, bool]) -> None:
        self.collecting = gc.isenabled()


def test_the_parts_read_later_are_unpickled_without_garbage_collection() -> None:
    """Reading a report's second part back (its chapters, data and numbers, to render its pages) makes thousands of
    objects and no garbage, and the collections that set off took a third of the time, as they did for the first
    part (read with the collector paused since the sixth pass). The third part alike; the collector on again after."""
    before, chapters = _in_three_parts()
    before.inner.note, chapters[0].note = _Seen(), _Seen()  # type: ignore[assignment]
    after, _ = loads(dumps(before, [(before, ("chapters",)), (before.inner, ("note",))],
                           [(c, ("note",)) for c in chapters]))
    assert after.inner.note.collecting is False  # type: ignore[union-attr]
    assert gc.isenabled()
    assert after.chapters[0].note.collecting is False  # type: ignore[union-attr]
    assert gc.isenabled()


def test_every_compact_value_class_is_read_back_by_its_class_alone() -> None:
    """The model's small value classes pickle as their class and fields (``core/compact.py``). One that its
    ``__init__`` could not rebuild would make every stored state unsavable, which a build takes silently (the reports
    are then loaded again every time): each must be rebuildable from its fields, in order, and read back equal."""

    def subclasses(cls: type) -> list[type]:
        return [c for s in cls.__subclasses__() for c in [s, *subclasses(s)]]

    found = subclasses(Compact)
    assert {"Loc", "Missing", "Result", "YearPoint", "Figure"} <= {c.__name__ for c in found}
    for cls in found:
        _names(cls)  # raises for a class its __init__ cannot rebuild
    for value in (Result(Decimal("98.5"), "lebih_tinggi"), Loc("content/laporan/a/data.yaml", 3), Missing("")):
        again = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        assert again == value and type(again) is type(value)


def test_a_compact_class_that_its_init_cannot_rebuild_is_refused() -> None:
    @dataclass(frozen=True, slots=True)
    class Checked(Compact):
        value: int

        def __post_init__(self) -> None:
            pass

    @dataclass(frozen=True, slots=True)
    class Derived(Compact):
        value: int
        twice: int = field(init=False, default=0)

    for cls in (Checked, Derived):
        with pytest.raises(TypeError):
            pickle.dumps(cls(1))
