"""A content-addressed memo of rendered outputs, so a rebuild renders only what its inputs changed.

Every output (page, chart, PDF) gets a key: the SHA-256 of everything that determines its bytes (its source text,
the computed values and tables it shows, the structure of its report, the templates, the package version). Same key,
same bytes: the output is taken from the memo instead of being rendered. Validation still runs on every build; only
rendering is skipped. The memo lives in ``.cache/`` (git-ignored) and is safe to delete at any time.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

from .. import __version__
from .files import (SEAL_SIZE, ArchiveFile, Held, Stored, checked, content, held_items, seal, size, unsealed,
                    write_whole)

T = TypeVar("T")

#: Every memo's namespace (its folder in the cache is ``<namespace>-v<FORMAT>``).
NAMESPACES = ("audit", "grafik", "halaman", "pagefind", "pdf", "sesi", "tabel", "templat", "yaml")

FORMAT = 26  # bump when the meaning of keys, the pickled classes or the entries' layout change (5: sealed entries;
#            6: new checks of what is kept: a YAML file's messages, a chapter's parse, tables' numbers and headers;
#            the build record's key holds it too, so no build replays a record of the code before; 7: verdicts
#            judged on the printed figure, so kept tables and states of the rule before are not taken; 8: the
#            scaffold's sample text is warned of (isian-contoh), so no kept report replays its messages without it;
#            9: a negative indicator's direction says what it means, a quarterly count has no Renstra progress;
#            10: the forty-third pass's checks (typed predikat and counts, "Tabel 3.15", same-year reports, a
#            later quarter, a period in the text) and printed forms (a change's decimals, "tidak dilaporkan", the
#            average's capaian.jumlah_indikator), so no kept report replays messages or numbers made without them;
#            11: the forty-fourth pass's checks (a count's running totals or below zero, the outline, a typed
#            direction or verdict, a capaian over 1.000 %, raw HTML, a site theme) and printed forms (an average
#            row's "di tabel ini", "s.d. TW" on comparison rows, a grade's rule, the efficiency's program serapan);
#            12: the forty-fifth pass: messages and change rows name a quarter "TW II", never "TW2"; a report
#            carried by ``lkjip new --dari`` (Report and Budget gain ``disalin_dari``, warned of as isian-salinan);
#            an efficiency chart with linked rows but no values says so; the PK's signatories, pihak_pertama/kedua;
#            a YAML file's kept messages: control characters in text, a name's TAB or line break, numbers of
#            more than 10 decimals or 100 digits are errors, so no kept file replays its messages without them; a report's
#            parse names the files of its folder terbitkan refuses as unread (an unused image, a folder of the
#            author's own), the raw HTML the page's CSP blocks (html_mentah) and a link to a javascript: address);
#            13: the forty-sixth pass: the PDF's running header fits one line (kept PDFs had the wrapped one); a
#            difference printed beside its two percentages is theirs as printed (the change page's "poin
#            persen", efficiency by difference, a change of two derived realisasi), so no kept page or table replays
#            the difference of unrounded values; a negative indicator's target 0 is not warned of for a missing
#            realisasi; a YAML file's kept messages: 1.000 in a value, a no-break space, YAML's yes/no in a text,
#            a file saved as Windows-1252 at its line, a Markdown table row's cells; a count typed 1.234);
#            14: the forty-seventh pass: a report's kept messages (typed "seluruh indikator tercapai", a direction
#            in any word order, "Rp 1,39 M", a capaian typed for one indicator, an unseen character in a reference)
#            and kept outputs (tables' lettered notes, a dataset table's units, the open data's jenis belanja);
#            15: the forty-eighth pass: a YAML file's kept messages (aliases that grow a document, text a spreadsheet
#            reads as a formula, a list item's missing key named by its kode), a report's (a folder named for
#            another year, "Rp 1.3 miliar", instansi-ejaan, lisensi-data, <meta>/<form>/<base>) and kept outputs
#            (efficiency in "poin", indikator.csv's target_tahunan and kode_program, triwulan.csv and anggaran.csv's
#            quarters and outputs, SiteConfig.lisensi_data); 16: the forty-ninth pass: Instansi gains nama_sebelumnya;
#            a chapter's kept parse (a skipped heading level, {...} attributes past the allow-list, a reference
#            definition to javascript:, footnotes' way back) and a report's kept messages (a predikat with a
#            no-break space, "1,29 miliar rupiah", "Rp 56,595,826", "19/22 indikator") and outputs
#            (indikator.persen_mencapai_target); a report folder's kept reading (names as the folder lists them,
#            names Windows cannot make, UTF-16 files); 17: the fiftieth pass: PerjanjianKinerja gains target_awal
#            and alasan_perubahan, Table gains signatories (the PK's block in the PDF), BudgetResult and
#            BudgetReport pagu_awal, Shown digits (a dataset table prints numbers as written, marked for the audit);
#            a chapter's kept parse (attribute braces printed after emphasis, raw HTML's style, <link>, <noscript>,
#            file:/data: addresses and open tags) and a report's kept messages (numbers in words, "terbilang",
#            sasaran counts, amounts without "Rp", the scaffold's NIP, foreword and numbers, target-awal, pagu-awal);
#            18: the fifty-first pass: BudgetRow gains pagu_awal, ValueChange a field; a YAML file's kept data drops
#            optional keys written empty; a chapter's kept parse (pasted tables' box, scope and 'angka' class, a
#            number kept with its unit, a typed "Tabel n" over a pasted table) and a report's kept messages (pasted
#            tables read, percentages in words with "koma", fractions and bounds, a PK awal after a quarter's
#            Perubahan) and outputs (the average's N/A reason, pk.anggaran's definition, target_awal and sasaran_id
#            in the open data); 19: the fifty-second pass: VersionData gains the values each version printed
#            (change pages), IKM, efficiency and dataset tables and charts carry audit marks, a report's kept
#            messages read pasted tables' typed totals (jumlah-tabel); the IKM table's SKM with four decimals,
#            marked; 20: the fifty-third pass: values taken from an earlier quarter (model.Carried) with their
#            notes (and CarriedMean, IndicatorResult.delta_note, ChartTable.notes), quarterly efficiency N/A
#            before TW IV, a target's unwritten quarter N/A, assets under NFC names, earlier targets compared
#            21: the same pass's second round (20 was used by builds before CarriedMean and the change's note)
#            22: the fifty-fourth pass: notes said once a paragraph, the change page's notes and N/A
#            (ValueChange.catatan_lama/baru), typed realisasi/targets and number forms read, grades compared
#            23: the same pass's third round (KeyFigure.definisi_bagian, marked quarterly and dataset figures)
#            24: the fifty-sixth pass: efficiency, trend-change and dataset sum/share figures marked; typed rupiah
#            read against their subject; ids differing only in capitals refused; the iku table of the indicators
#            marked jenis: iku; Figure.satuan (the budget's counts)
#            25: the fifty-seventh pass: typed figures of another year and lists of capaian read, satuan-campur
#            for any units but scores, donat-rasio, formula text in names, raw HTML from another host and the
#            theme's hiding classes refused, 'Perubahan sejak versi X' pages, instansi kinds (Figures.jenis) on
#            the portal, the templates' compiled code kept (namespace templat)
#            26: the fifty-eighth pass: karakter-tanpa-fon (Site.glyphs), hitungan-pecahan widened and
#            persen-pecahan, instansi kinds on the home page and in manifests, released sources checked


def digest(*parts: Any) -> str:
    """A stable hash of nested str/bytes/numbers/lists/dicts (dicts by sorted key)."""
    h = hashlib.sha256()
    _feed(h, parts)
    return h.hexdigest()


def _feed(h: Any, value: Any) -> None:
    # The exact types first, a list's strings inline: keys of thousands of (path, hash) pairs are made on every
    # build, and a call per string was most of their cost. The bytes fed are those of the general case below.
    kind = type(value)
    if kind is str:
        data = value.encode("utf-8")
        h.update(b"s%d:%s" % (len(data), data))
    elif kind is list or kind is tuple:
        update = h.update
        update(b"[")
        for item in value:
            if type(item) is str:
                data = item.encode("utf-8")
                update(b"s%d:%s" % (len(data), data))
            else:
                _feed(h, item)
        update(b"]")
    elif isinstance(value, bytes):
        h.update(b"b%d:" % len(value))
        h.update(value)
    elif isinstance(value, str):
        data = value.encode("utf-8")
        h.update(b"s%d:" % len(data))
        h.update(data)
    elif isinstance(value, dict):
        h.update(b"{")
        for k in sorted(value, key=str):
            _feed(h, str(k))
            _feed(h, value[k])
        h.update(b"}")
    elif isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        h.update(b"[")
        for item in items:
            _feed(h, item)
        h.update(b"]")
    else:
        _feed(h, repr(value))


def remove_older_formats(cache_root: Path) -> None:
    """The memo folders of earlier formats (``<namespace>-v<n>``, n < FORMAT) in ``cache_root``: an upgrade that
    changes the format leaves them, and nothing reads them again (a kabupaten archive's pages and charts: hundreds
    of megabytes)."""
    for namespace in NAMESPACES:
        for older in range(1, FORMAT):
            shutil.rmtree(cache_root / f"{namespace}-v{older}", ignore_errors=True)


def unpickled(data: bytes | None, expected: type[T]) -> T | None:
    """``data`` unpickled, if it is an ``expected``; else None. A memo entry damaged outside the build (a disk error,
    a copy cut short, a hand edit) is then a miss, made again and stored again, instead of an internal error on this
    and every later build. Why every exception: unpickling damaged bytes raises almost any of them (UnpicklingError,
    EOFError, ValueError, KeyError, AttributeError, ImportError, MemoryError, ...)."""
    if data is None:
        return None
    try:
        value = pickle.loads(data)
    except Exception:  # noqa: BLE001 - see above
        return None
    return value if isinstance(value, expected) else None


@dataclass
class MemoStats:
    hits: int = 0
    misses: int = 0
    rendered: list[str] = field(default_factory=list)  # output paths rendered in this build


class Memo:
    """Key -> bytes, stored as files named by key. Writes go to a temp name first, so a crash leaves no half entry.

    ``directory`` None keeps nothing (``--tanpa-cache``); ``writable=False`` reads what is stored but never writes
    (``lkjip check`` leaves the project as it was). Every key asked for or stored is remembered, so :meth:`prune`
    can remove what a build of the whole site no longer uses.
    """

    def __init__(self, directory: Path | None, namespace: str, writable: bool = True,
                 memory: dict[str, bytes] | None = None):
        self.dir = directory / f"{namespace}-v{FORMAT}" if directory else None
        self.writable = writable
        self.stats = MemoStats()
        self.salt = digest(__version__, FORMAT, namespace)
        self.used: set[str] = set()
        self.written: list[str] = []  # the keys :meth:`put` stored in this build (:meth:`discard`)
        #: entries also kept in memory (a long-running ``serve`` passes the same dict to each build's memo)
        self.memory = memory
        self.created = time.time()  # (the time pruning began, if it begins with this memo: :meth:`_pruning_since`)

    def key(self, *parts: Any) -> str:
        return digest(self.salt, *parts)

    @property
    def stores(self) -> bool:
        """Whether :meth:`put` keeps what it is given (in memory or on disk), so it can be read back later."""
        return self.memory is not None or (self.dir is not None and self.writable)

    def _path(self, key: str) -> Path | None:
        return self.dir / key[:2] / key if self.dir is not None else None

    def get(self, key: str, hold: bool = True) -> bytes | None:
        """The entry stored under ``key``; ``hold=False``: see :meth:`_holds`."""
        self.used.add(key)
        if self.memory is not None and key in self.memory:
            self.stats.hits += 1
            return self.memory[key]
        path = self._path(key)
        if path is None:
            return None
        try:
            data = unsealed(path.read_bytes())
        except OSError:
            return None
        if data is None:  # damaged outside the build: a miss, made again, and :meth:`put` replaces it
            return None
        self.stats.hits += 1
        if self.memory is not None and self._holds(hold):
            self.memory[key] = data
        return data

    def ref(self, key: str) -> Held | None:
        """The entry stored under ``key`` as a reference to its file (:class:`~.files.Stored`), not read: a build
        holds the pages it did not render this way. Its bytes where the memo holds entries in memory (``serve``) or
        has no folder."""
        if self.memory is not None or self.dir is None:
            return self.get(key)
        self.used.add(key)
        path = self._path(key)
        assert path is not None  # self.dir is set
        try:
            st = path.stat()
        except OSError:
            return None
        if st.st_size < SEAL_SIZE:  # damaged: made again (a longer damaged entry is found when it is read)
            return None
        self.stats.hits += 1
        return Stored(path, st.st_size - SEAL_SIZE, mtime_ns=st.st_mtime_ns)

    def files(self, key: str) -> dict[str, Held] | None:
        """A :func:`pack_files` entry unpacked; where the memo keeps its entries on disk only, each file is a
        reference into the entry (:class:`~.files.Stored`), so that a build does not hold them (a report's open
        data). Read from disk each time it is asked for (``hold=False`` of :meth:`get`)."""
        path = self._path(key)
        mtime = _mtime(path) if path is not None and self.memory is None else -1  # before the bytes are read
        blob = self.get(key, hold=False)
        if blob is None or self.memory is not None or path is None:
            return unpack_files(blob) if blob is not None else None
        return _slices(path, blob, mtime)

    def store(self, key: str, data: bytes, name: str = "") -> Held:
        """:meth:`put`, and what :meth:`ref` would give for the entry: a reference when it went to disk only
        (a page just rendered is then not held by the build either)."""
        self.put(key, data, name)
        path = self._path(key)
        if self.memory is not None or path is None or not self.writable:
            return data
        mtime = _mtime(path)
        checked(path, len(data), mtime)  # written whole just now (under a temporary name, then renamed)
        return Stored(path, len(data), mtime_ns=mtime)

    def store_files(self, key: str, files: dict[str, bytes]) -> dict[str, Held]:
        """:meth:`put` of the files packed (:func:`pack_files`, not held in memory), and what :meth:`files` would give
        for the entry, without reading back what was just written (a cold build makes every report's open data)."""
        blob = pack_files(files)
        self.put(key, blob, hold=False)
        path = self._path(key)
        if self.memory is not None or path is None or not self.writable:
            return dict(files)
        return _slices(path, blob, _mtime(path))

    def _holds(self, hold: bool) -> bool:
        """Whether an entry goes into :attr:`memory`. ``hold=False`` is for an entry whose caller keeps what it
        unpacks from it (a report's open data, a year's search bundle, packed): a session holding the packed bytes
        as well held each of those files twice (about 90 MB at N = 500). Such an entry is read from disk again when
        it is needed, and held only if there is no disk to read it from (``--tanpa-cache``)."""
        return hold or self.dir is None or not self.writable

    def has(self, key: str) -> bool:
        """Whether ``key`` is stored, without reading it (a hit that may never need its bytes)."""
        self.used.add(key)
        if self.memory is not None and key in self.memory:
            return True
        path = self._path(key)
        return path is not None and path.is_file()

    def keep(self, key: str) -> None:
        """Count ``key`` as used by this build without looking for it (an entry named by a report read back from the
        store: :meth:`prune` keeps it; were it gone, its user makes it again when it is needed)."""
        self.used.add(key)

    def discard(self, keys: Iterable[str]) -> None:
        """Remove these entries (from memory and disk): what a build stored that a later build must not take, as
        the pages a build stored before its checks of them stopped it (``build._untrusted_on_error``).

        Called while an error is on its way to the author: an entry that cannot be removed (a folder made read-only
        meanwhile) is left, so that the author is told that error, not an internal one about the cache."""
        for key in keys:
            if self.memory is not None:
                self.memory.pop(key, None)
            path = self._path(key)
            if path is not None and self.writable:
                try:
                    path.unlink(missing_ok=True)
                except OSError:
                    continue

    def begin(self) -> None:
        """Count what a new build uses from nothing: for a memo a preview keeps across its builds (the tables', the
        charts'), whose every build's use had added up, so that the roots a build prunes by (:meth:`prune`) named
        every table and chart the session had ever made, and what its saves superseded stayed."""
        self.used = set()
        self.written = []

    def keep_all(self, keys: Iterable[str]) -> None:
        """:meth:`keep` of each of ``keys`` (what :meth:`asking` gave when the thing now taken as it was was made)."""
        self.used.update(keys)

    @contextmanager
    def asking(self) -> Iterator[set[str]]:
        """The keys asked for or stored while the block runs, which stay used by this build as well. What is made
        in the block and kept for later builds (a report's pages, its data files' state) keeps them, and a build
        that takes it without making it counts them as used (:meth:`keep_all`), so :meth:`prune` keeps them.

        Why not the difference of :attr:`used` around the block: a key another making had asked for first (an
        entry two reports share) was left out, and copying the whole set for each report made a full render
        quadratic in the number of reports."""
        outer, self.used = self.used, set()
        try:
            yield self.used
        finally:
            inner, self.used = self.used, outer
            outer |= inner

    def keep_used(self) -> None:
        """Forget from memory what this build did not ask for (a long preview session must not grow forever)."""
        if self.memory is not None:
            for key in [k for k in self.memory if k not in self.used]:
                del self.memory[key]

    def put(self, key: str, data: bytes, name: str = "", hold: bool = True) -> None:
        self.used.add(key)
        self.written.append(key)
        self.stats.misses += 1
        if name:
            self.stats.rendered.append(name)
        if self.memory is not None and self._holds(hold):
            self.memory[key] = data
        path = self._path(key)
        if path is None or not self.writable:
            return
        write_whole(path, data + seal(data))

    def keep_only(self, keys: set[str]) -> None:
        """Remove every stored entry but ``keys``: for a namespace whose every useful entry is known beforehand
        (the theme's compiled templates), which :meth:`prune`'s roots of whole builds do not see."""
        if self.dir is None or not self.writable:
            return
        for path in sorted(self.dir.glob("*/*")):
            if path.name not in keys and not path.name.endswith(".tmp"):
                try:
                    path.unlink()
                except OSError:
                    continue

    def prune(self, variant: str = "", also: Iterable[str] = (), now: float | None = None) -> int:
        """Record what this build used as ``variant``'s roots, then remove the stored entries that no variant's
        roots name; call only after a build of the whole site was published. Returns how many were removed.

        What a build used is every key it asked for or stored, and ``also``: the entries its output holds by
        reference without asking (the pages of unchanged reports a CLI build takes from the last one). Why roots
        per variant (``variant``: what shapes the stored bytes, e.g. with or without PDFs, the preview): such
        builds make other pages, hence other entries; pruning by one build's use alone removed what the others
        need, among them the pages a running preview holds by reference between saves. An entry written in the
        last :data:`SWEEP_MARGIN_S` stays: another process's build may be storing entries it has not recorded yet.

        The folder is listed only when the variant's roots changed: entries become unused only when a build stops
        using them, so a build that used what the last one of its variant used has nothing to remove. An entry
        older than the folder's first roots stays for :data:`ADOPTION_S` after them: a cache of a version that did
        not prune holds the entries of variants that have not recorded their roots yet (a site built with PDFs
        whose first build after the upgrade is without: its PDFs, minutes to lay out again).
        """
        if self.dir is None or not self.writable or not self.dir.is_dir():
            return 0
        roots = self.used.union(also)
        if not self._record_roots(variant, roots):
            return 0
        keep = roots.union(*self._other_roots(variant))
        now = time.time() if now is None else now
        since = self._pruning_since()
        newer = since if now - since < ADOPTION_S else float("-inf")  # what was stored before it stays until then
        limit = now - SWEEP_MARGIN_S
        removed = 0
        for shard in os.scandir(self.dir):
            if len(shard.name) != 2 or not shard.is_dir():  # (``akar/``: the roots)
                continue
            for entry in os.scandir(shard.path):
                if entry.name in keep:
                    continue
                try:
                    if newer <= entry.stat().st_mtime < limit:
                        os.unlink(entry.path)
                        removed += 1
                except OSError:
                    continue  # removed meanwhile by another build
        return removed

    def _pruning_since(self) -> float:
        """When this folder's roots were first recorded (``akar/.mulai``, written then, dated when the memo of that
        build was made, so that build's own entries count as after it)."""
        assert self.dir is not None
        marker = self.dir / ROOTS_DIR / PRUNING_SINCE
        try:
            return marker.stat().st_mtime
        except OSError:
            pass
        try:
            marker.touch()
            os.utime(marker, (self.created, self.created))
        except OSError:
            return time.time()  # not written: whatever is stored now stays this time
        return self.created

    def held_by(self, files: Mapping[str, bytes]) -> set[str]:
        """The keys of this memo's entries that ``files`` holds by reference (:class:`~.files.Stored`)."""
        if self.dir is None:
            return set()
        return {held.path.name for _, held in held_items(files)
                if isinstance(held, Stored) and held.path.parent.parent == self.dir}

    def _record_roots(self, variant: str, roots: set[str]) -> bool:
        """Whether ``variant``'s roots file (``akar/<variant>``: the keys, sorted, one a line) was written: it is when
        they changed. Not when it cannot be (a full disk, a read-only folder): then nothing is removed either, since
        the other variants could not know what this one uses."""
        assert self.dir is not None
        path = self.dir / ROOTS_DIR / (variant or SHARED_ROOTS)
        data = "".join(f"{key}\n" for key in sorted(roots)).encode("ascii")
        try:
            if path.read_bytes() == data:
                return False
        except OSError:
            pass
        try:
            write_whole(path, data)
        except OSError:
            return False
        return True

    def _other_roots(self, variant: str) -> Iterator[set[str]]:
        """The roots the other variants' last builds recorded."""
        assert self.dir is not None
        own = variant or SHARED_ROOTS
        try:
            found = sorted(os.scandir(self.dir / ROOTS_DIR), key=lambda e: e.name)
        except OSError:
            return
        for entry in found:
            if entry.name not in (own, PRUNING_SINCE) and not entry.name.endswith(".tmp"):
                try:
                    yield set(Path(entry.path).read_text(encoding="ascii").split())
                except (OSError, UnicodeDecodeError):
                    continue


#: Where each variant of build records the entries it used (see :meth:`Memo.prune`).
ROOTS_DIR = "akar"
#: The roots of a memo whose entries every variant shares (the report states).
SHARED_ROOTS = "semua"
#: The file whose time says when a memo folder's roots were first recorded (see :meth:`Memo.prune`).
PRUNING_SINCE = ".mulai"
#: How long an entry stored before that stays unless a variant uses it: a week, in which every variant of build a
#: site runs (with PDFs, without, the preview) records what it uses.
ADOPTION_S = 7 * 24 * 3600.0
#: An unused entry younger than this is not removed: an hour is longer than any build the benchmark measured (a cold
#: build of 500 reports took 5 to 20 minutes), so no entry a running build stored is removed before it records it.
SWEEP_MARGIN_S = 3600.0


class ContentHashes:
    """SHA-256 of output bytes, each bytes object hashed once per build: the audit's verdict keys, publishing and the
    build record all need the hash of every file, and a version's copy of the fonts is one object under many paths.
    A :class:`~.files.Stored` file is read for it once, and its bytes are not kept.

    More generally, *facts* of a file's bytes (its hash, whether it contains a marker, the year a search page
    declares): each learnt once per bytes object, and, for a file held as a reference to a memo entry, once ever.
    An entry's bytes never change under its name (:attr:`~.files.Stored.ident`), so :meth:`load` and :meth:`save`
    keep what was learnt of the entries a build published in a small file of the cache. Why: a CLI rebuild after
    a one-chapter edit read every other page of the archive again only to learn what it had learnt the build
    before (about 10 000 pages, read twice, at N = 500).
    """

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[Held, dict[str, str]]] = {}  # the value is kept, so that an id is never reused
        self._learnt: dict[str, dict[str, str]] = {}  # facts of memo entries' bytes, by ``Stored.ident``
        self._names: set[str] = set()  # the facts asked for by this process (others read from the file are dropped)
        self._file: Path | None = None
        self._changed = False

    def __call__(self, data: Held) -> str:
        return self.fact(data, SHA256, _sha256)

    def contains(self, data: Held, needle: bytes) -> bool:
        """``needle in data``, looked for once per bytes object (the audit asks it of every page on every build)."""
        return self.fact(data, "memuat " + needle.decode("latin-1"), lambda page: "1" if needle in page else "") == "1"

    def fact(self, data: Held, name: str, learn: Callable[[bytes], str], read: bytes | None = None) -> str:
        """``learn(bytes of data)``, asked once per bytes object and, for a memo entry, once ever. ``name`` must say
        everything ``learn`` depends on besides the bytes (a needle, a pattern), as a key would. ``read``: the bytes
        of ``data`` when the caller has them (a memo entry is not read again)."""
        self._names.add(name)
        facts = self._facts(data)
        value = facts.get(name)
        if value is None:
            value = facts[name] = learn(content(data) if read is None else read)
            if isinstance(data, Stored) and data.ident is not None:
                self._changed = True  # learnt of a memo entry: worth keeping for the next build
        return value

    def _facts(self, data: Held) -> dict[str, str]:
        known = self._by_id.get(id(data))
        if known is None:
            ident = data.ident if isinstance(data, Stored) else None
            facts = self._learnt.setdefault(ident, {}) if ident is not None else {}
            known = self._by_id[id(data)] = (data, facts)
        return known[1]

    def part(self, data: Held, page: bytes, span: tuple[int, int]) -> str:
        """The name of ``page[start:end]`` (``page``: the bytes of ``data``), a chapter's body inside its page, by
        its hash: a fact of the page, so a page kept in the memo is not hashed again.

        Why parts: a change every page shows around its chapter (the portal's title, a theme's header) changed the
        bytes of every page, and the audit, the link check and the search index read each page whole again (2,4 s
        of a cached full build at N = 100) to learn what they had learnt of the same bodies the build before. What
        they learn of a body is kept under that name (:meth:`part_fact`) while a page published with it is kept."""
        start, end = span
        return self.fact(data, f"{PART_FACT}{start}:{end}", lambda whole: PART_PREFIX + _sha256(whole[start:end]),
                         page)

    def body_span(self, path: str, data: Held, bodies: Mapping[str, tuple[int, int]]) -> tuple[int, int] | None:
        """Where the page ``data`` at ``path`` holds its chapter's body: as rendered in this build (``bodies``,
        ``SiteFiles.bodies``), else as learnt when these very bytes were rendered (the name of its part among their
        facts: :meth:`part`), or None.

        Why both: a stage keys a page read in parts otherwise than one read whole (the search index's bundles, the
        audit's fingerprints); a page taken from the memo by a chapter edit after the page was rendered around its
        body was keyed whole, every year's bundle changed key, and every year was indexed again."""
        span = bodies.get(path)
        if span is not None:
            return span
        for name in self._facts(data):
            start, _, end = name.removeprefix(PART_FACT).partition(":")
            if name.startswith(PART_FACT) and start.isdigit() and end.isdigit() and \
                    int(start) <= int(end) <= size(data):  # (a facts file edited by hand: read whole)
                return int(start), int(end)
        return None

    def part_fact(self, part: str, name: str, learn: Callable[[], str]) -> str:
        """``learn()`` of the part named ``part`` (:meth:`part`), asked once ever while a page holding it is
        kept; ``name`` as for :meth:`fact`."""
        self._names.add(name)
        facts = self._learnt.setdefault(part, {})
        value = facts.get(name)
        if value is None:
            value = facts[name] = learn()
            self._changed = True
        return value

    def keep(self, files: Mapping[str, bytes]) -> None:
        """Forget every fact but those of ``files`` (a preview session reuses the memo's bytes objects) and of the
        released files this build checked without publishing them (a version's ``sumber/``: its hash is asked of
        every build, and was learnt again from the file each time)."""
        ids = {id(data) for _, data in held_items(files)}
        verified = [v for i, v in self._by_id.items() if i not in ids and isinstance(v[0], ArchiveFile)]
        self._by_id = {i: v for i, v in self._by_id.items() if i in ids}
        learnt: dict[str, dict[str, str]] = {}
        parts = set()
        for held, facts in [*self._by_id.values(), *verified]:
            if isinstance(held, Stored) and held.ident is not None:
                self._forget_unasked(facts)
                parts.update(v for k, v in facts.items() if k.startswith(PART_FACT))
                if facts:
                    learnt[held.ident] = facts
        for part in sorted(parts):  # a body's facts, while a page published with it is kept
            facts = self._learnt.get(part)
            if facts is not None:
                self._forget_unasked(facts, part=True)
                if facts:
                    learnt[part] = facts
        self._changed = self._changed or learnt.keys() != self._learnt.keys()
        self._learnt = learnt

    def _forget_unasked(self, facts: dict[str, str], part: bool = False) -> None:
        """Drop the facts this process did not ask for (read from an older file, of an older format), but the names
        of a page's parts (:meth:`part`); of a part, only when this process asked any of its facts: a build that
        reads no body (a no-op) keeps what the next one that does will ask."""
        if part and not any(k in self._names for k in facts):
            return
        for name in [k for k in facts if k not in self._names and not k.startswith(PART_FACT)]:
            del facts[name]  # (in place: ``_by_id`` shares the dict)
            self._changed = True

    def load(self, path: Path) -> None:
        """What earlier builds learnt of the memo's entries (``path``, written by :meth:`save`); read once, and
        nothing if it is missing, damaged or of another format (then the files are read, as without it)."""
        if self._file == path:
            return
        self._file = path
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            learnt = raw["fakta"] if raw.get("format") == FACTS_FORMAT else {}
            if isinstance(learnt, dict) and all(isinstance(v, dict) for v in learnt.values()):
                for ident, facts in learnt.items():
                    self._learnt.setdefault(ident, {}).update(
                        (k, v) for k, v in facts.items() if isinstance(k, str) and isinstance(v, str))
        except (OSError, ValueError, AttributeError, KeyError, TypeError):
            pass  # the facts are learnt again from the files

    def save(self) -> None:
        """Keep what was learnt of the entries this build published (call after :meth:`keep`), if anything changed;
        written under a temporary name and renamed, so a build stopped meanwhile leaves the old file whole.

        A file that cannot be written (a full disk, a read-only cache) is left out, not an error: the site is already
        published by then, and the next build only reads its pages again, as without the file."""
        if self._file is None or not self._changed:
            return
        try:
            write_whole(self._file, json.dumps({"format": FACTS_FORMAT, "fakta": self._learnt}, sort_keys=True,
                                               separators=(",", ":")).encode("utf-8"))
        except OSError:
            return
        self._changed = False


def keeping(into: dict[str, T], key: str, make: Callable[[bytes], T],
            summarise: Callable[[T], str]) -> Callable[[bytes], str]:
    """A ``learn`` for :meth:`ContentHashes.fact` whose fact summarises something made of the bytes (``make``), and
    which keeps that under ``key`` in ``into`` when it makes it: a build that learns what search is given of a page,
    or a page's marks, uses them without making them again (the fact alone is kept across builds)."""
    def learn(data: bytes) -> str:
        into[key] = made = make(data)
        return summarise(made)
    return learn


#: The fact :class:`ContentHashes` is called for.
SHA256 = "sha256"
#: Begins the name of a page's part among its facts (:meth:`ContentHashes.part`), followed by where the part lies.
PART_FACT = "bagian "
#: Begins a part's name (the hash of its bytes), under which what was learnt of it is kept.
PART_PREFIX = "bagian:"
#: Bump when the file :meth:`ContentHashes.save` writes changes its layout.
FACTS_FORMAT = 1
#: That file, in the cache folder.
FACTS_FILE = f"fakta-v{FACTS_FORMAT}.json"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pack_files(files: dict[str, bytes]) -> bytes:
    """Many files as one memo entry: name length, name, data length, data, in sorted order."""
    out = bytearray()
    for name, data in sorted(files.items()):
        encoded = name.encode("utf-8")
        out += len(encoded).to_bytes(4, "big") + encoded + len(data).to_bytes(8, "big") + data
    return bytes(out)


def unpack_files(blob: bytes) -> dict[str, bytes]:
    return {name: blob[start:start + length] for name, start, length in _packed(blob)}


def _slices(path: Path, blob: bytes, mtime_ns: int) -> dict[str, Held]:
    """Each file of the :func:`pack_files` entry ``blob``, stored at ``path``, as a reference into it."""
    return {name: Stored(path, length, start, mtime_ns) for name, start, length in _packed(blob)}


def _mtime(path: Path) -> int:
    """The entry's modification time (-1 if it cannot be read: then nothing learnt of its bytes is remembered).

    Taken before its bytes are read (a reference is read later still): were the entry replaced in between, what is
    learnt from the newer bytes is filed under the older time, which no later reference carries."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1


def _packed(blob: bytes) -> Iterator[tuple[str, int, int]]:
    """(name, offset, length) of each file of a :func:`pack_files` entry."""
    pos = 0
    while pos < len(blob):
        size = int.from_bytes(blob[pos:pos + 4], "big")
        name = blob[pos + 4:pos + 4 + size].decode("utf-8")
        pos += 4 + size
        length = int.from_bytes(blob[pos:pos + 8], "big")
        yield name, pos + 8, length
        pos += 8 + length


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
