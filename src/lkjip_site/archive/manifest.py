"""The manifest of one archived version (``arsip/<slug>/<versi>/manifest.json``): every file with SHA-256 and size.

It is what makes a release provable: ``lkjip verifikasi`` and every build compare the archived files (and the files
in ``build/``) with it. The keys are Indonesian, like every other file an archivist or author reads; the format is
versioned (``format``) so a later lkjip-site can still read it.

The source snapshot hash (``sumber.sha256``) is the SHA-256 of the lines ``<sha256>  <path>\\n`` of every snapshot
file, sorted by path: the output of ``sha256sum`` run on the sorted paths inside ``sumber/``, so anyone can recompute it
without lkjip-site.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

FORMAT = "lkjip-arsip/1"
MANIFEST = "manifest.json"
SITE_DIR = "situs"  # the exact published files of the version (build/laporan/<slug>/<versi>/)
SOURCE_DIR = "sumber"  # the report folder as it was released (content/laporan/<slug>/)
README = "BACA-SAYA.txt"  # what the folder holds, how to check it without lkjip (older releases lack it)
CHECKSUMS = "SHA256SUMS"  # every other file of the folder in ``sha256sum`` form, made with README (not listed here)


class ManifestError(Exception):
    """A manifest that cannot be read (message in Indonesian)."""


@dataclass(frozen=True, order=True)
class FileEntry:
    path: str  # relative, forward slashes
    sha256: str
    ukuran: int
    #: the line of its ``"path"`` in the manifest.json it was read from (0: not read from one), for messages
    baris: int = field(default=0, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "ukuran": self.ukuran}


def entries(files: dict[str, bytes]) -> list[FileEntry]:
    return [FileEntry(p, hashlib.sha256(files[p]).hexdigest(), len(files[p])) for p in sorted(files)]


def tree_digest(items: list[FileEntry]) -> str:
    """The hash of a whole tree (see the module docstring): equal when every path and every byte is equal."""
    lines = "".join(f"{e.sha256}  {e.path}\n" for e in sorted(items))
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


@dataclass
class Manifest:
    laporan: dict[str, Any]  # slug, versi, judul, tahun, periode, tanggal_terbit, catatan_versi, instansi, bab
    lkjip_site: str
    diterbitkan: str  # release time, ISO 8601 UTC, from SOURCE_DATE_EPOCH or the clock
    situs: list[FileEntry]
    sumber: list[FileEntry]
    bagit: FileEntry
    sumber_sha256: str = ""
    #: the folder's README (:data:`README`); None in a version released before there was one
    baca_saya: FileEntry | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    #: every version of the report released before this one (``versi_sebelumnya``), oldest first; None in a version
    #: released before the manifest kept them. Why: a version folder lost from ``arsip/`` of a site without ``build/``
    #: (a fresh clone) was named only by the change page of the version after it, so with 1.1 and 1.2 both lost,
    #: 2.0's page named 1.2 and nothing named 1.1; each later manifest now names it.
    sebelumnya: list[str] | None = None
    #: the line of each of :attr:`sebelumnya` in the manifest.json it was read from, for messages
    sebelumnya_baris: dict[str, int] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if not self.sumber_sha256:
            self.sumber_sha256 = tree_digest(self.sumber)

    @property
    def slug(self) -> str:
        return str(self.laporan["slug"])

    @property
    def versi(self) -> str:
        return str(self.laporan["versi"])

    def to_json(self) -> bytes:
        doc = {
            "format": FORMAT,
            "laporan": self.laporan,
            "lkjip_site": self.lkjip_site,
            "diterbitkan": self.diterbitkan,
            **({} if self.sebelumnya is None else {BEFORE: self.sebelumnya}),
            "sumber": {"sha256": self.sumber_sha256, "berkas": [e.to_json() for e in self.sumber]},
            "situs": {"berkas": [e.to_json() for e in self.situs]},
            "bagit": self.bagit.to_json(),
        }
        if self.baca_saya is not None:
            doc["baca_saya"] = self.baca_saya.to_json()
        return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_manifest(data: bytes) -> Manifest:
    """Parse a manifest; any defect is a :class:`ManifestError` saying what is wrong."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ManifestError(f"manifest bukan JSON yang sah ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ManifestError(f"manifest tidak berformat '{FORMAT}'")
    lines = _entry_lines(data.decode("utf-8"))
    try:
        laporan = doc["laporan"]
        for key in ("slug", "versi", "judul", "tahun", "periode", "tanggal_terbit"):
            if key not in laporan:
                raise ManifestError(f"manifest tidak memuat laporan.{key}")
        int(laporan["tahun"]), dt.date.fromisoformat(str(laporan["tanggal_terbit"]))  # ValueError: unreadable
        return Manifest(
            laporan=laporan, lkjip_site=str(doc["lkjip_site"]), diterbitkan=str(doc["diterbitkan"]),
            situs=[_entry(e, lines, "situs") for e in doc["situs"]["berkas"]],
            sumber=[_entry(e, lines, "sumber") for e in doc["sumber"]["berkas"]],
            bagit=_entry(doc["bagit"], lines, "bagit"), sumber_sha256=str(doc["sumber"]["sha256"]),
            baca_saya=_entry(doc["baca_saya"], lines, "baca_saya") if "baca_saya" in doc else None,
            sebelumnya=_before(doc), sebelumnya_baris=_before_lines(data.decode("utf-8")))
    except (KeyError, TypeError, ValueError) as exc:
        raise ManifestError(f"manifest tidak lengkap atau rusak (kunci {exc})") from exc


#: The manifest key of :attr:`Manifest.sebelumnya`.
BEFORE = "versi_sebelumnya"


def _before(doc: dict[str, Any]) -> list[str] | None:
    """The versions a manifest records as released before it; a list that is not one of names is refused
    (``ValueError``: "manifest tidak lengkap atau rusak")."""
    if BEFORE not in doc:
        return None
    listed = doc[BEFORE]
    if not isinstance(listed, list) or not all(isinstance(v, str) and v for v in listed):
        raise ValueError(BEFORE)
    return listed


_BEFORE_KEY = re.compile(rf'^  "{BEFORE}":')
_LISTED = re.compile(r'^\s*("(?:[^"\\]|\\.)*"),?$')


def _before_lines(text: str) -> dict[str, int]:
    """Each version of ``versi_sebelumnya`` -> its line in a manifest laid out as :meth:`Manifest.to_json` writes it
    (one version a line)."""
    out: dict[str, int] = {}
    inside = False
    for number, line in enumerate(text.splitlines(), 1):
        if _BEFORE_KEY.match(line):
            inside = True
        elif inside and (m := _LISTED.match(line)):
            try:
                out.setdefault(str(json.loads(m.group(1))), number)
            except ValueError:
                continue
        elif inside:
            break
    return out


_SECTION = re.compile(r'^  "(sumber|situs|bagit|baca_saya)":')
_PATH = re.compile(r'^\s*"path":\s*("(?:[^"\\]|\\.)*")')


def _entry_lines(text: str) -> dict[tuple[str, str], int]:
    """(section, path) -> the line of the entry's ``"path"`` in a manifest laid out as :meth:`Manifest.to_json`
    writes it; an entry it cannot place (a manifest written otherwise) has none."""
    out: dict[tuple[str, str], int] = {}
    section = ""
    for number, line in enumerate(text.splitlines(), 1):
        if m := _SECTION.match(line):
            section = m.group(1)
        elif section and (m := _PATH.match(line)):
            try:
                out.setdefault((section, str(json.loads(m.group(1)))), number)
            except ValueError:
                continue
    return out


def _entry(raw: dict[str, Any], lines: dict[tuple[str, str], int] | None = None, section: str = "") -> FileEntry:
    path, sha, size = str(raw["path"]), str(raw["sha256"]), int(raw["ukuran"])
    if path.startswith("/") or ".." in path.split("/") or len(sha) != 64:
        raise ValueError(path)
    return FileEntry(path, sha, size, (lines or {}).get((section, path), 0))


def folder_entries(m: Manifest) -> list[FileEntry]:
    """Every file of the version folder the manifest names, at its path in that folder: published files, sources,
    bag and README (the manifest itself and :data:`CHECKSUMS` aside, which hold its hashes)."""
    return ([FileEntry(f"{SITE_DIR}/{e.path}", e.sha256, e.ukuran, e.baris) for e in m.situs]
            + [FileEntry(f"{SOURCE_DIR}/{e.path}", e.sha256, e.ukuran, e.baris) for e in m.sumber]
            + [m.bagit] + ([m.baca_saya] if m.baca_saya is not None else []))


def checksums(m: Manifest, manifest_bytes: bytes) -> bytes:
    """The :data:`CHECKSUMS` file of a version folder: ``<sha256>  <path>`` of every other file, sorted by path,
    which ``sha256sum -c SHA256SUMS`` (``shasum -a 256 -c`` on macOS) checks inside the folder.

    Why: the only list of the folder's hashes was ``manifest.json``, which no standard tool reads; an archives office
    without lkjip could check the BagIt zip but not the folder it received. It is made from the manifest and the
    manifest's own bytes, so ``lkjip verifikasi`` makes it again and compares it byte for byte; its hash goes to the
    handover record with the manifest's (it pins the manifest, and through it every file). Paths never need
    ``sha256sum``'s backslash escape: a release refuses control characters, and backslashes Windows cannot make."""
    items = [*folder_entries(m), FileEntry(MANIFEST, hashlib.sha256(manifest_bytes).hexdigest(), len(manifest_bytes))]
    return "".join(f"{e.sha256}  {e.path}\n" for e in sorted(items, key=lambda e: e.path)).encode("utf-8")


def compare_files(expected: list[FileEntry], actual: dict[str, bytes], manifest: str = "") -> list[tuple[str, str]]:
    """(path, problem) for every file that changed, is missing or is not in ``expected``; sorted by path. With
    ``manifest`` (its path as shown), a changed or missing file names the manifest line that lists it. Why: the
    build said "arsip/…/situs/index.html:1: galat: berubah: SHA-256 tidak sama dengan manifest", and the archivist
    had to search a manifest of hundreds of entries for the hash it was compared with."""
    problems: list[tuple[str, str]] = []
    want = {e.path: e for e in expected}
    for path in sorted(set(want) | set(actual)):
        e, data = want.get(path), actual.get(path)
        where = f" ({manifest}{f':{e.baris}' if e.baris else ''})" if manifest and e is not None else ""
        if e is None:
            problems.append((path, EXTRA_FILE))
        elif data is None:
            problems.append((path, "hilang" + where))
        elif len(data) != e.ukuran or hashlib.sha256(data).hexdigest() != e.sha256:
            problems.append((path, (CRLF_CHANGED if _only_line_ends(data, e) else
                                    "berubah: SHA-256 tidak sama dengan manifest") + where))
    return problems


#: A file in a released version that its manifest does not name.
EXTRA_FILE = "berkas tambahan yang tidak ada di manifest"


#: A released text file whose bytes are the manifest's once CRLF is read as LF: its line ends were rewritten, nearly
#: always by a Git for Windows checkout (``core.autocrlf=true``) of ``arsip/``. Why said apart: a clone of a sound
#: archive read "berubah" at every text file, and nothing said that the content was intact or what to change.
CRLF_CHANGED = ("berubah: akhir barisnya diubah menjadi CRLF (isinya sama dengan manifest bila CRLF dibaca LF), "
                "biasanya oleh Git di Windows (core.autocrlf); tulis baris 'arsip/** -text' di .gitattributes situs "
                "(lkjip init menulisnya), hapus folder arsip/, lalu jalankan 'git checkout -- arsip'")


def _only_line_ends(data: bytes, e: FileEntry) -> bool:
    if b"\r\n" not in data:
        return False
    lf = data.replace(b"\r\n", b"\n")
    return len(lf) == e.ukuran and hashlib.sha256(lf).hexdigest() == e.sha256
