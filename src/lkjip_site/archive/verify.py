"""``lkjip verifikasi``: the archive and ``build/`` against the manifests, naming every changed, missing or extra file.

Per archived version: the archive folder holds exactly the files its manifest names with the bytes it names (plus
the manifest itself), and no empty folder; the bag is valid as BagIt tools read it (``bagit.py`` validates every
payload and tag file against the bag's own manifests, the Payload-Oxum and the tag manifests, which must all be
there), its SHA-256 manifest lists what ``manifest.json`` lists, its ``bag-info.txt`` tells the release time,
source hash and identifier the manifest tells, and its ``BACA-SAYA.txt``, where it has one, is the folder's; the
manifest's version, date and note are those of the released ``laporan.yaml`` (two records written at the same
release must tell the same story: a manifest edited to say another date was listed on the site as it said); ``build/laporan/<slug>/<versi>/`` holds exactly the published files (and no
empty folder); and every version ``build/`` lists as released is still in the archive.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import bagit

from ..core.diagnostics import Diagnostics
from ..load.yamltree import load_yaml
from ..output.versions import version_key
from .manifest import (CHECKSUMS, CRLF_CHANGED, EXTRA_FILE, MANIFEST, README, SITE_DIR, SOURCE_DIR, checksums,
                       compare_files, folder_entries, tree_digest)
from .store import (ARCHIVE_DIR, EXTRA_REMEDY, ArchivedVersion, empty_folders, load_archive, lost_versions, read_tree,
                    read_version)

#: An empty folder inside a released version: the manifest names files only, and nothing was released there.
EXTRA_FOLDER = ("folder tambahan yang tidak ada di manifest (versi terbitan tidak memuat folder kosong); hapus "
                "folder ini")


@dataclass
class Verification:
    versions: int = 0
    files: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)  # (path, what is wrong)
    build_checked: bool = False
    archive: list[ArchivedVersion] = field(default_factory=list)  # every version whose manifest could be read
    #: (slug, versi) of every released version lost from the archive (its folder gone), each once
    lost: list[tuple[str, str]] = field(default_factory=list)
    #: (slug, versi) of every version whose folder (or copy in ``build/``) has a changed, missing or extra file
    broken: set[tuple[str, str]] = field(default_factory=set)

    @property
    def file_problems(self) -> int:
        """The problems that are files (changed, missing, extra), not versions lost whole."""
        return len(self.problems) - len(self.lost)

    def summary(self) -> str:
        """What failed, for an archivist: versions lost whole counted as versions (not as "berkas"), the files of the
        versions still there, and how many versions are intact, of every version released (those lost included).
        Why: two lost folders read "2 berkas berubah, hilang atau berlebih (2 versi terbitan)", folders counted as
        files and 2 the versions left, not the 4 released."""
        intact = self.versions - len(self.broken)
        parts = [f"{len(self.lost)} versi terbitan hilang dari {ARCHIVE_DIR}/"] if self.lost else []
        if self.file_problems:
            where = f" di {len(self.broken)} versi" if self.broken else ""
            parts.append(f"{self.file_problems} berkas berubah, hilang atau berlebih{where}")
        parts.append(f"{intact} versi {'lain ' if parts and intact else ''}utuh")
        return f"{'; '.join(parts)} (dari {self.versions + len(self.lost)} versi terbitan)"


def verify(root: Path, out: Path, diags: Diagnostics) -> Verification:
    """Check every archived version; unreadable manifests are reported in ``diags`` (as by every build)."""
    result = Verification()
    archive = result.archive = load_archive(root, diags)
    result.problems += [(d.file, d.message) for d in diags.errors]
    # a version folder that cannot be read (no manifest.json) is a version, and not an intact one
    unreadable = {where for d in diags.errors if (where := _version_of(d.file)) is not None}
    result.broken |= unreadable
    result.versions += len(unreadable)
    result.build_checked = out.is_dir()
    for av in archive:
        result.versions += 1
        before = len(result.problems)
        _check_archive(av, result)
        _check_bag(av, result)
        if result.build_checked:
            _check_build(av, out, root, result)
        if len(result.problems) > before:
            result.broken.add((av.slug, av.versi))
    lost = sorted(lost_versions(out, root, archive), key=lambda v: (v.slug, version_key(v.versi)))
    # said at the folder, with the record that names it (a copy of arsip/ alone, or a clone before its first build,
    # has no build/: its change pages and manifests say it)
    result.problems += [(v.folder, f"hilang: {v.message}" + ("" if v.at[0] == v.folder else " ({}:{})".format(*v.at)))
                        for v in lost]
    result.lost = [(v.slug, v.versi) for v in lost]
    return result


def _version_of(path: str) -> tuple[str, str] | None:
    """(slug, versi) of a path in ``arsip/<slug>/<versi>[/…]``; None for any other."""
    parts = path.split("/")
    return (parts[1], parts[2]) if len(parts) >= 3 and parts[0] == ARCHIVE_DIR else None


def verify_version(folder: Path, rel: str, diags: Diagnostics) -> Verification:
    """One version folder handed over alone (``arsip/<slug>/<versi>/`` without the archive and site around it):
    its files, its bag and its manifest against one another, as :func:`verify` checks each version. Why: a single
    version given to an archives office could not be verified ("bukan folder situs"); its folder's own name is not
    checked (it may be renamed on the way), the manifest says which report and version it is."""
    result = Verification()
    manifest = read_version(folder, rel, diags)
    result.problems += [(d.file, d.message) for d in diags.errors]
    if manifest is not None:
        av = ArchivedVersion(folder, rel, manifest)
        result.archive, result.versions = [av], 1
        _check_archive(av, result)
        _check_bag(av, result)
    return result


def _check_archive(av: ArchivedVersion, result: Verification) -> None:
    m = av.manifest
    actual = read_tree(av.folder)
    manifest_bytes = actual.pop(MANIFEST, b"")
    result.files += len(actual)
    sums = actual.pop(CHECKSUMS, None) if m.baca_saya is not None else None  # released with README and SHA256SUMS
    result.problems += [(f"{av.rel}/{p}", _with_restore(av, p, problem))
                        for p, problem in compare_files(folder_entries(m), actual, f"{av.rel}/{MANIFEST}")]
    if m.baca_saya is not None:  # the manifest cannot list SHA256SUMS, which lists the manifest
        _check_checksums(av, manifest_bytes, sums, result)
    result.problems += [(f"{av.rel}/{p}", EXTRA_FOLDER) for p in empty_folders(av.folder)]
    if tree_digest(m.sumber) != m.sumber_sha256:
        result.problems.append((f"{av.rel}/{MANIFEST}", "sumber.sha256 tidak sesuai dengan daftar berkas sumber"))


def _with_restore(av: ArchivedVersion, rel: str, problem: str) -> str:
    """A changed or missing page or source of the version, with the command that writes it back from the version's
    own bag when that bag is intact (:meth:`~.store.ArchivedVersion.restore_from_bag`); the line ends a Git checkout
    rewrote are said with their own remedy."""
    if problem.startswith(EXTRA_FILE):
        return f"{problem}; {EXTRA_REMEDY}"
    if problem.startswith(CRLF_CHANGED) or not problem.startswith(("berubah", "hilang")):
        return problem
    command = av.restore_from_bag(rel)
    return f"{problem}; aslinya utuh di paket BagIt versi ini: {command}" if command else problem


def _check_checksums(av: ArchivedVersion, manifest_bytes: bytes, found: bytes | None, result: Verification) -> None:
    """``SHA256SUMS`` as the release wrote it from the manifest (:func:`~.manifest.checksums`). Why: it is what an
    archives office without lkjip checks the folder with (``sha256sum -c``); one that no longer lists every file
    with its released hash would pass there what this command fails."""
    where = f"{av.rel}/{CHECKSUMS}"
    if found is None:
        result.problems.append((where, f"hilang: versi ini terbit dengan {CHECKSUMS} (tercatat {README} di "
                                f"{MANIFEST}); kembalikan berkas aslinya"))
    elif found != (made := checksums(av.manifest, manifest_bytes)):
        lf = checksums(av.manifest, manifest_bytes.replace(b"\r\n", b"\n"))  # the manifest's line ends too
        crlf = b"\r\n" in found and found.replace(b"\r\n", b"\n") == lf
        result.problems.append((where, CRLF_CHANGED if crlf else f"berubah: tidak sama dengan sidik berkas yang "
                                f"dicatat {MANIFEST} (dibuat darinya saat terbit); kembalikan berkas aslinya"))


def _check_bag(av: ArchivedVersion, result: Verification) -> None:
    """The bag valid as BagIt tools read it (:func:`_validate_bag`), and its ``manifest-sha256.txt`` listing the
    same files and hashes as ``manifest.json``."""
    path = av.folder / av.manifest.bagit.path
    if not path.is_file():
        return  # already reported as missing
    data = path.read_bytes()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            name = next(n for n in zf.namelist() if n.endswith("/manifest-sha256.txt"))
            lines = zf.read(name).decode("utf-8").splitlines()
    except (zipfile.BadZipFile, StopIteration, UnicodeDecodeError):
        result.problems.append((f"{av.rel}/{av.manifest.bagit.path}", "bukan bag BagIt yang dapat dibaca"))
        return
    _validate_bag(av, data, result)
    in_bag = {rel.strip().removeprefix("data/"): digest
              for digest, _, rel in (line.partition(" ") for line in lines)}
    expected = {f"{SITE_DIR}/{e.path}": e.sha256 for e in av.manifest.situs}
    expected.update({f"{SOURCE_DIR}/{e.path}": e.sha256 for e in av.manifest.sumber})
    if in_bag != expected:
        differ = sorted(k for k in set(in_bag) | set(expected) if in_bag.get(k) != expected.get(k))
        result.problems.append((f"{av.rel}/{av.manifest.bagit.path}",
                                f"isi bag tidak sama dengan {MANIFEST}: {', '.join(differ[:5])}"))


def _check_build(av: ArchivedVersion, out: Path, root: Path, result: Verification) -> None:
    folder = out / av.url
    expected = [*av.manifest.situs, av.manifest.bagit]
    actual = read_tree(folder)
    result.files += len(actual)
    shown = _shown(folder, root)
    result.problems += [(f"{shown}/{p}", problem)
                        for p, problem in compare_files(expected, actual, f"{av.rel}/{MANIFEST}")]
    result.problems += [(f"{shown}/{p}", EXTRA_FOLDER) for p in empty_folders(folder)]


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix().rstrip("/")
    except ValueError:
        return path.as_posix().rstrip("/")


#: The tag files every bag lkjip writes has at its top, beside ``data/``: a bag without its tag manifests is still
#: valid BagIt, but not the bag that was released. A version released with ``BACA-SAYA.txt`` may have it there too
#: (:mod:`.bag`: those released now do, the first ones did not; both are the bag that was released).
TAG_FILES = frozenset({"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt",
                       "tagmanifest-sha256.txt", "tagmanifest-sha512.txt"})


def _validate_bag(av: ArchivedVersion, data: bytes, result: Verification) -> None:
    """The bag unpacked and validated by ``bagit.py``, as an archive receiving it would; its ``bag-info.txt`` and
    the released ``laporan.yaml`` against the manifest. The zip's hash in the manifest alone proved nothing when
    the zip and that hash were both replaced: a payload byte, a tag file, a missing tag manifest passed."""
    where = f"{av.rel}/{av.manifest.bagit.path}"
    with tempfile.TemporaryDirectory(prefix="lkjip-verifikasi-") as tmp:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = zf.namelist()
                if any(n.startswith("/") or ".." in n.split("/") for n in names):
                    result.problems.append((where, "bag memuat path di luar foldernya"))
                    return
                zf.extractall(tmp)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            result.problems.append((where, f"bag tidak dapat dibuka ({exc})"))
            return
        tops = sorted({n.split("/", 1)[0] for n in names})
        if len(tops) != 1:
            result.problems.append((where, f"bag harus berisi satu folder, berisi: {', '.join(tops)}"))
            return
        folder = Path(tmp) / tops[0]
        present = {p.name for p in folder.iterdir() if p.is_file()}
        allowed = TAG_FILES | ({README} if av.manifest.baca_saya is not None else set())
        if not TAG_FILES <= present <= allowed or {p.name for p in folder.iterdir() if p.is_dir()} != {"data"}:
            lost, extra = sorted(TAG_FILES - present), sorted(present - allowed)
            result.problems.append((where, "berkas tag bag tidak lengkap atau berlebih"
                                    + (f"; hilang: {', '.join(lost)}" if lost else "")
                                    + (f"; tambahan: {', '.join(extra)}" if extra else "")))
        try:
            bag = bagit.Bag(str(folder))
            bag.validate(processes=1)
        except (bagit.BagError, bagit.BagValidationError, ValueError, OSError) as exc:
            # ValueError: a tag file not in UTF-8, which bagit.py reads with UnicodeDecodeError (it was a traceback)
            result.problems.append((where, f"bag BagIt tidak sah menurut bagit.py: {_bag_problem(exc)}"
                                    + _named_in_bag(folder)))
            return
        _compare_bag_info(av, dict(bag.info), result)
        _compare_bag_readme(av, folder / README, result)
        _compare_released_yaml(av, folder / "data" / SOURCE_DIR / "laporan.yaml", result)


def _named_in_bag(folder: Path) -> str:
    """Each file of an unpacked bag whose bytes are not those its SHA-256 manifest line says, with that line. Why:
    bagit.py stops at the first check that fails, and a payload file one byte longer read only "Payload-Oxum
    validation failed. Expected 65 files and 2807830 bytes but found … 2807831 bytes": which file, it did not say."""
    named = []
    for manifest in ("manifest-sha256.txt", "tagmanifest-sha256.txt"):
        try:
            lines = (folder / manifest).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(lines, 1):
            digest, _, rel = line.partition(" ")
            rel = rel.strip().replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")
            path = folder / rel
            if not rel or ".." in rel.split("/"):
                continue
            if not path.is_file():
                named.append(f"{rel} hilang ({manifest} baris {number})")
            elif hashlib.sha256(path.read_bytes()).hexdigest() != digest.strip().lower():
                named.append(f"{rel} berubah ({manifest} baris {number})")
    shown = ", ".join(named[:5]) + (f" dan {len(named) - 5} lainnya" if len(named) > 5 else "")
    return f"; berkas di dalam bag yang tidak sama dengan manifest bag: {shown}" if named else ""


def _bag_problem(exc: Exception) -> str:
    details = getattr(exc, "details", None) or []
    return "; ".join(str(d) for d in details[:5]) or str(exc)


def _compare_bag_info(av: ArchivedVersion, info: dict[str, object], result: Verification) -> None:
    m = av.manifest
    told = {"LKjIP-Diterbitkan": ("diterbitkan", m.diterbitkan),
            "LKjIP-Sumber-SHA256": ("sumber.sha256", m.sumber_sha256),
            "External-Identifier": ("laporan.slug dan laporan.versi", f"laporan/{m.slug}/{m.versi}")}
    for key, (name, value) in told.items():
        if str(info.get(key, "")) != value:
            result.problems.append((f"{av.rel}/{MANIFEST}", f"{name} '{value}' tidak sama dengan {key} "
                                    f"'{info.get(key, '')}' di bag-info.txt bag yang terbit bersamanya"))
    agent = str(info.get("Bag-Software-Agent", ""))
    if not agent.startswith(f"lkjip-site {m.lkjip_site} "):
        result.problems.append((f"{av.rel}/{MANIFEST}", f"lkjip_site '{m.lkjip_site}' tidak sama dengan "
                                f"Bag-Software-Agent '{agent}' di bag-info.txt"))


def _compare_bag_readme(av: ArchivedVersion, path: Path, result: Verification) -> None:
    """The bag's ``BACA-SAYA.txt`` (a version released with it there) against the folder's, as ``manifest.json``
    records it: a reader given the bag alone reads the same text as one given the folder."""
    readme = av.manifest.baca_saya
    if readme is None or not path.is_file():
        return
    if hashlib.sha256(path.read_bytes()).hexdigest() != readme.sha256:
        result.problems.append((f"{av.rel}/{av.manifest.bagit.path}", f"{README} di dalam bag tidak sama dengan "
                                f"{README} yang dicatat {MANIFEST}; versi terbitan tidak boleh berubah: kembalikan "
                                "paket BagIt aslinya"))


def _compare_released_yaml(av: ArchivedVersion, path: Path, result: Verification) -> None:
    """The manifest's version, date and note against the released ``laporan.yaml`` (its bytes checked above): these
    are what the site's version list, ``versi.json`` and the feed show of an archived version."""
    if not path.is_file():
        return
    doc = load_yaml(path.read_text(encoding="utf-8-sig"), path.name, Diagnostics())
    if not isinstance(doc, dict):
        return
    meta = av.manifest.laporan
    for key in ("versi", "tanggal_terbit", "catatan_versi"):
        if key not in doc:
            continue
        written = doc[key].isoformat() if isinstance(doc[key], dt.date) else " ".join(str(doc[key]).split())
        if written != " ".join(str(meta.get(key, "")).split()):
            result.problems.append((f"{av.rel}/{MANIFEST}", f"laporan.{key} '{meta.get(key, '')}' tidak sama dengan "
                                    f"'{written}' di {SOURCE_DIR}/laporan.yaml versi terbitan ini"))

