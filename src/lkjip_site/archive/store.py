"""The archive folder of a site: ``arsip/<slug>/<versi>/`` with ``manifest.json``, ``situs/``, ``sumber/`` and the
BagIt zip. It is meant to be committed to the site's own repository (or synced to storage): it is the record.

Reading never trusts the folder: every archived file a build copies is compared with its manifest first, so a
changed byte stops the build instead of being published. Writing is atomic: a version is written to a hidden sibling
folder and renamed into place, and an existing version folder is never written over.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import re
import shutil
import shlex
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..core.diagnostics import Diagnostics
from ..core.files import ArchiveFile, Held, archive_tree, content, public_folder, size, write_public
from ..core.memo import ContentHashes
from ..core.fmt import fmt_date
from ..core.paths import ARCHIVE_DIR
from ..load.content import chapter_body, report_files
from ..output.changes import (FIELD_FILES, ChapterText, ReleasedRef, VersionData, field_sources, load_document,
                              printed_in_pages)
from ..output.linkcheck import link_target, page_links
from ..output.opendata import JSON_FILE
from ..output.versions import (CHANGES_DIR, OPEN_DATA_DIR, VERSIONS_FILE, BagRef, InstansiRef, VersionInfo,
                               version_key)
from .manifest import (CHECKSUMS, CRLF_CHANGED, EXTRA_FILE, MANIFEST, README, SITE_DIR, SOURCE_DIR, FileEntry,
                       Manifest, ManifestError, checksums, compare_files, read_manifest)

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-_]*")


@dataclass
class ArchivedVersion:
    """One released version: its folder in ``arsip/`` and its manifest."""

    folder: Path
    rel: str  # "arsip/<slug>/<versi>", for messages
    manifest: Manifest

    @property
    def slug(self) -> str:
        return self.manifest.slug

    @property
    def versi(self) -> str:
        return self.manifest.versi

    @property
    def url(self) -> str:
        return f"laporan/{self.slug}/{self.versi}/"

    def info(self) -> VersionInfo:
        meta = self.manifest.laporan
        inst = meta.get("instansi") or {}
        tanggal = _date(str(meta["tanggal_terbit"]))
        published = {e.path for e in self.manifest.situs}
        return VersionInfo(
            slug=self.slug, versi=self.versi, judul=str(meta["judul"]), tahun=int(meta["tahun"]),
            periode=str(meta["periode"]), periode_label=str(meta.get("periode_label", meta["periode"])),
            tanggal_terbit=tanggal, catatan_versi=str(meta.get("catatan_versi", "")),
            instansi=InstansiRef(str(inst.get("nama", "")), str(inst.get("pemda", "")), str(inst.get("jenis", ""))),
            diarsipkan=True,
            diterbitkan=self.manifest.diterbitkan, perubahan=f"{CHANGES_DIR}/index.html" in published,
            bag=BagRef(self.url + self.manifest.bagit.path, self.manifest.bagit.ukuran, self.manifest.bagit.sha256))

    def chapter_ids(self) -> tuple[str, ...]:
        """Its chapters' ids (``laporan/<slug>/<versi>/<id>/``), in order, as its manifest lists them."""
        return tuple(str(bab["id"]) for bab in self.manifest.laporan.get("bab") or [] if isinstance(bab, dict)
                     and "id" in bab)

    def site_files(self, diags: Diagnostics, hashes: ContentHashes | None = None) -> dict[str, Held]:
        """The published files of this version (and its bag) at their site paths, each checked against the manifest,
        held by reference (:class:`~..core.files.ArchiveFile`): read when a stage needs their bytes. ``hashes``: the
        build's, which knows the hash of a file unchanged since the build before (none: each file read once here).

        Its ``sumber/`` is checked too, though not published: a released version must not change, its sources
        included (the next version's change page and the portal read them), and a ``sumber/laporan.yaml`` deleted
        was said by ``verifikasi`` only, while ``build`` and ``check`` passed.

        Why by reference: a build held every released version's bytes and hashed them all on every build (memory
        and time grew with the archive, not with the change: 2 GB at 500 released reports)."""
        sha = hashes if hashes is not None else ContentHashes()
        files: dict[str, Held] = dict(archive_tree(self.folder / SITE_DIR))
        manifest = f"{self.rel}/{MANIFEST}"
        problems = [(f"{self.rel}/{SITE_DIR}/{p}", m) for p, m in _verified(self.manifest.situs, files, sha, manifest)]
        sources: dict[str, Held] = dict(archive_tree(self.folder / SOURCE_DIR))
        problems += [(f"{self.rel}/{SOURCE_DIR}/{p}", m)
                     for p, m in _verified(self.manifest.sumber, sources, sha, manifest)]
        bag_path = self.folder / self.manifest.bagit.path
        bag: dict[str, Held] = {}
        if bag_path.is_file():
            bag[self.manifest.bagit.path] = ArchiveFile(bag_path, (st := bag_path.stat()).st_size,
                                                        mtime_ns=st.st_mtime_ns)
        problems += [(f"{self.rel}/{p}", m) for p, m in _verified([self.manifest.bagit], bag, sha, manifest)]
        for where, problem in problems:
            if manifest not in problem:  # a file the manifest does not list
                problem += f" ({manifest})"
            # line ends a Git checkout rewrote have their own remedy, said in the problem
            rel = where.removeprefix(f"{self.rel}/")
            command = None if problem.startswith(CRLF_CHANGED) else self.restore_from_bag(rel)
            back = (f"kembalikan berkas aslinya dari paket BagIt versi ini, yang masih utuh: {command}" if command
                    else EXTRA_REMEDY if problem.startswith(EXTRA_FILE) else
                    "kembalikan berkas aslinya (mis. dengan git)")
            diags.error((where, 1), f"{problem}; versi terbitan tidak boleh berubah: {back}, lalu jalankan "
                        "'lkjip verifikasi'")
        files.update(bag)
        return {self.url + path: data for path, data in sorted(files.items())}

    def restore_from_bag(self, rel: str) -> str | None:
        """The command that writes ``rel`` (``situs/…`` or ``sumber/…`` in the version folder) back from the
        version's own bag, when the bag is the released one and holds that file with the manifest's hash; else None.

        Why: a changed or lost archived file was to be restored "mis. dengan git", but an office keeping ``arsip/``
        on a share and a backup has no Git, and a backup restored with one byte changed is no better: the bag beside
        the file is the one copy whose hash the manifest (and the handover record) vouches for."""
        section, _, path = rel.partition("/")
        wanted = {SITE_DIR: self.manifest.situs, SOURCE_DIR: self.manifest.sumber}.get(section, [])
        entry = next((e for e in wanted if e.path == path), None)
        bag = self.folder / self.manifest.bagit.path
        if entry is None or not bag.is_file():
            return None
        data = bag.read_bytes()
        if hashlib.sha256(data).hexdigest() != self.manifest.bagit.sha256:
            return None
        inner = f"{self.manifest.bagit.path.removesuffix('-bagit.zip')}/data/{section}/{path}"
        try:
            with zipfile.ZipFile(bag) as zf:
                held = zf.read(inner)
        except (zipfile.BadZipFile, KeyError, OSError):
            return None
        if hashlib.sha256(held).hexdigest() != entry.sha256:
            return None
        target = f"{self.rel}/{rel}"
        command = (f"unzip -p {shlex.quote(f'{self.rel}/{self.manifest.bagit.path}')} {shlex.quote(inner)} > "
                   f"{shlex.quote(target)}")
        return _with_folder(self.folder / rel, target) + command

    @property
    def released_text(self) -> str:
        """"diterbitkan 15 Februari 2024" for messages (the manifest keeps the exact time)."""
        try:
            return "diterbitkan " + fmt_date(dt.date.fromisoformat(self.manifest.diterbitkan[:10]))
        except ValueError:
            return "diterbitkan " + self.manifest.diterbitkan

    def ref(self) -> ReleasedRef:
        """Where this version lies (:class:`~..output.changes.ReleasedRef`): its folder, bag and manifest's hash."""
        manifest = self.folder / MANIFEST
        sha = hashlib.sha256(manifest.read_bytes()).hexdigest() if manifest.is_file() else ""
        return ReleasedRef(self.versi, self.rel, self.manifest.bagit.path, sha)

    def version_data(self) -> VersionData:
        """This version's side of a "Perubahan dari versi X" page: its published JSON, its chapters' text, and each
        target and realisasi as its published pages printed it (``changes.printed_in_pages``)."""
        meta = self.manifest.laporan
        published = self.folder / SITE_DIR / OPEN_DATA_DIR / JSON_FILE
        # a missing file is reported by site_files() with every other difference from the manifest
        document = load_document(published.read_bytes()) if published.is_file() else {}
        chapters = []
        for bab in meta.get("bab") or []:
            source = self.folder / SOURCE_DIR / str(bab["berkas"])
            text = source.read_text(encoding="utf-8-sig") if source.is_file() else ""
            chapters.append(ChapterText(str(bab["id"]), str(bab["judul"]), chapter_body(text)))
        sources = {path: (self.folder / SOURCE_DIR / path).read_bytes() for path in FIELD_FILES
                   if (self.folder / SOURCE_DIR / path).is_file()}
        site = self.folder / SITE_DIR
        pages = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html")) if p.is_file()}
        return VersionData(self.versi, _date(str(meta["tanggal_terbit"])), document, chapters, self.manifest.lkjip_site,
                           {e.path: e.sha256 for e in self.manifest.sumber}, field_sources(sources),
                           printed_in_pages(self.url, pages, document), self.ref())


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def load_archive(root: Path, diags: Diagnostics) -> list[ArchivedVersion]:
    """Every version in ``<root>/arsip/`` with its manifest (files are read later, by :meth:`site_files`)."""
    base = root / ARCHIVE_DIR
    if not base.is_dir():
        return []
    out: list[ArchivedVersion] = []
    for slug_dir in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for folder in sorted(p for p in slug_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
            rel = f"{ARCHIVE_DIR}/{slug_dir.name}/{folder.name}"
            manifest = read_version(folder, rel, diags)
            if manifest is None:
                continue
            if (manifest.slug, manifest.versi) != (slug_dir.name, folder.name):
                diags.error((f"{rel}/{MANIFEST}", 1), f"manifest menyebut laporan '{manifest.slug}' versi "
                            f"'{manifest.versi}', tetapi foldernya {rel}")
                continue
            out.append(ArchivedVersion(folder, rel, manifest))
    return out


def handover_digests(av: ArchivedVersion) -> list[tuple[str, str]]:
    """(SHA-256, path) of the version's ``manifest.json`` and BagIt zip as they are on disk, in ``sha256sum`` form.

    Why: ``verifikasi`` proves the files, the manifest and the bag agree with one another, so a forgery that rewrote
    all three together (another number in a page, the manifest and bag made again to match) passed. Only a record
    kept outside the archive can tell: ``terbitkan`` prints these two hashes for the handover record (Berita Acara
    Serah Terima), and ``verifikasi`` prints them again to be compared with it. The manifest names every other file
    with its hash, the bag's among them, so its hash alone pins the whole version. A version released with
    ``SHA256SUMS`` adds its hash: that file lists the manifest's and every other, so an archives office without lkjip
    proves the whole version with it and ``sha256sum -c`` (checking the manifest's hash alone proved nothing then)."""
    names = [MANIFEST, av.manifest.bagit.path] + ([CHECKSUMS] if av.manifest.baca_saya is not None else [])
    out = []
    for name in names:
        path = av.folder / name
        if path.is_file():
            out.append((hashlib.sha256(path.read_bytes()).hexdigest(), f"{av.rel}/{name}"))
    return out


def read_version(folder: Path, rel: str, diags: Diagnostics) -> Manifest | None:
    """The manifest of one version folder; None, said in ``diags``, when it is missing or cannot be read."""
    path = folder / MANIFEST
    if not path.is_file():
        diags.error((rel, 1), f"folder arsip tanpa {MANIFEST}; arsip hanya ditulis oleh 'lkjip terbitkan' — "
                    "kembalikan manifest-nya dari repositori situs")
        return None
    try:
        return read_manifest(path.read_bytes())
    except ManifestError as exc:
        diags.error((f"{rel}/{MANIFEST}", 1), str(exc))
        return None


def missing_releases(out: Path, root: Path, archive: list[ArchivedVersion]) -> list[tuple[str, str]]:
    """(slug, versi) of every version the published site lists as archived (``build/laporan/<slug>/versi.json``)
    that the archive no longer holds.

    Why: the build copies released versions from ``arsip/`` only, so a version folder lost from it (a deleted
    folder, a clone without ``arsip/``) vanished from ``build/`` at the next build, exit 0, while a later version's
    "what changed" page still linked to it and ``verifikasi`` passed. What ``build/`` says was released is the one
    record left of it. An unreadable ``versi.json`` says nothing (``build/`` is output, not a record). A version
    whose folder is still in ``<root>/arsip/`` but cannot be read (no ``manifest.json``) is not lost:
    :func:`load_archive` says what is wrong with it (it was said twice, once as "foldernya tidak ada" of a folder
    that was there).
    """
    held = {(av.slug, av.versi) for av in archive}
    missing = []
    for listing in sorted((out / "laporan").glob(f"*/{VERSIONS_FILE}")):
        try:
            doc = json.loads(listing.read_bytes().decode("utf-8"))
            versions = [str(v["versi"]) for v in doc["versi"] if v.get("diarsipkan") is True]
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
            continue
        slug = listing.parent.name
        missing += sorted(((slug, versi) for versi in versions
                           if (slug, versi) not in held and not (root / ARCHIVE_DIR / slug / versi).is_dir()),
                          key=lambda sv: version_key(sv[1]))
    return missing


def missing_release_message(slug: str, versi: str) -> str:
    """Said by ``build`` (which then writes nothing) and by ``verifikasi``."""
    return (f"versi terbitan '{versi}' laporan '{slug}' tercantum di laporan/{slug}/{VERSIONS_FILE} situs yang sudah "
            f"terbit, tetapi foldernya tidak ada di {ARCHIVE_DIR}/ (versi terbitan tidak boleh hilang dari situs); "
            f"kembalikan folder {ARCHIVE_DIR}/{slug}/{versi}/ dari repositori situs atau cadangan, lalu jalankan "
            "'lkjip verifikasi'")


@dataclass(frozen=True)
class LostCompared:
    """A released version's change page linking to the version it compares, which the archive does not hold."""

    page: str  # "arsip/<slug>/<versi>/situs/perubahan/index.html", for messages
    line: int  # of the link in that page
    slug: str
    versi: str  # the version linked to and lost
    by: str  # the version whose change page links to it


def lost_compared(archive: list[ArchivedVersion], said: list[tuple[str, str]],
                  hashes: ContentHashes | None = None) -> list[LostCompared]:
    """Every version of a report that a released change page (``perubahan/index.html``) links to, missing from the
    archive: read from the page itself, whichever lkjip released it (the link ``../../1.0/`` is the same since the
    first change page), so a site with no ``build/`` says it too.

    Why: :func:`missing_releases` reads ``build/``'s ``versi.json``, which a fresh clone does not have: a clone whose
    ``arsip/`` had lost 1.0 built exit 0 without 1.0, verifikasi passed, 1.1's "Baca versi 1.0" led nowhere, and an
    upload that deletes what the build no longer makes (``rsync --delete``) took 1.0 off the server. A released
    page's links were checked when it was released, when the version it compares was in the archive; so one missing
    now was lost, never a typo. A folder that is there but cannot be read is said by :func:`load_archive`; a
    version in ``said`` (slug, versi), by :func:`missing_releases`: one loss, one message.

    ``hashes``: the build's, which keeps a page's links among its facts (:data:`LINKS_FACT`): a released page never
    changes, so a build reads it once, not on every build (none: each page read here)."""
    facts = hashes if hashes is not None else ContentHashes()
    held = {(av.slug, av.versi) for av in archive} | set(said)
    lost: list[LostCompared] = []
    page = f"{CHANGES_DIR}/index.html"
    for av in archive:
        path = av.folder / SITE_DIR / page
        if page not in {e.path for e in av.manifest.situs} or not path.is_file():
            continue  # no change page (the first version), or one missing: site_files says so
        found = ArchiveFile(path, (st := path.stat()).st_size, mtime_ns=st.st_mtime_ns)
        for line, href in json.loads(facts.fact(found, LINKS_FACT, lambda html: json.dumps(page_links(html)))):
            found = link_target(av.url + page, href)
            rest = found[0].removeprefix(f"laporan/{av.slug}/") if found is not None else ""
            versi = rest.split("/", 1)[0]
            if (found is None or rest == found[0] or "/" not in rest or versi == av.versi
                    or (av.slug, versi) in held or (av.folder.parent / versi).is_dir()):
                continue
            held.add((av.slug, versi))
            lost.append(LostCompared(f"{av.rel}/{SITE_DIR}/{page}", line, av.slug, versi, av.versi))
    return lost


#: What to do with a file in a released version that its manifest does not name (a ``.DS_Store`` that macOS
#: Finder wrote in ``sumber/``, a file copied in): nothing to restore, so not "kembalikan berkas aslinya".
EXTRA_REMEDY = "hapus berkas ini (versi itu terbit tanpa berkas ini; isi versinya sendiri tidak berubah)"


#: The name of a released change page's links (``[[line, href], …]``, JSON) among its facts: :func:`lost_compared`.
LINKS_FACT = "tautan halaman terbitan"


def lost_compared_message(lost: LostCompared) -> str:
    """Said by ``build``, ``check`` and ``terbitkan`` (which then write nothing) and by ``verifikasi``."""
    return (f"halaman perubahan versi terbitan '{lost.by}' laporan '{lost.slug}' menautkan versi '{lost.versi}' "
            f"(versi yang dibandingkannya), tetapi folder {ARCHIVE_DIR}/{lost.slug}/{lost.versi}/ tidak ada di "
            f"{ARCHIVE_DIR}/ (versi terbitan tidak boleh hilang dari situs: tautan itu tidak menuju ke mana pun, dan "
            "unggahan yang membuang berkas lama di server, mis. 'rsync --delete', menghapus versi itu dari portal); "
            f"kembalikan folder {ARCHIVE_DIR}/{lost.slug}/{lost.versi}/ dari repositori situs atau cadangan, lalu "
            "jalankan 'lkjip verifikasi'")


@dataclass(frozen=True)
class LostRecorded:
    """A version a released manifest records as released before it (``versi_sebelumnya``), which the archive does
    not hold."""

    manifest: str  # "arsip/<slug>/<versi>/manifest.json", for messages
    line: int  # of the version in that manifest
    slug: str
    versi: str  # the version recorded and lost
    by: str  # the version whose manifest records it


def lost_recorded(archive: list[ArchivedVersion], said: list[tuple[str, str]]) -> list[LostRecorded]:
    """Every version of a report that a released manifest records as released before it, missing from the archive,
    each once, at the newest manifest that records it; ``said``: versions named already (by :func:`missing_releases`
    or :func:`lost_compared`).

    Why: a change page names only the version it compares, so a fresh clone (no ``build/``) whose ``arsip/`` had
    lost 1.1 and 1.2 named 1.2 from 2.0's change page and nothing named 1.1, which the next upload with
    'rsync --delete' took off the server. Read from the manifests alone (already read), no file is opened here."""
    held = {(av.slug, av.versi) for av in archive} | set(said)
    lost: list[LostRecorded] = []
    for av in sorted(archive, key=lambda av: (av.slug, version_key(av.versi)), reverse=True):
        for versi in av.manifest.sebelumnya or []:
            if (av.slug, versi) in held or (av.folder.parent / versi).is_dir():
                continue  # held, said, or a folder that is there but cannot be read (said by load_archive)
            held.add((av.slug, versi))
            lost.append(LostRecorded(f"{av.rel}/{MANIFEST}", av.manifest.sebelumnya_baris.get(versi, 1), av.slug,
                                     versi, av.versi))
    return sorted(lost, key=lambda lost: (lost.slug, version_key(lost.versi)))


def lost_recorded_message(lost: LostRecorded) -> str:
    """Said by ``build``, ``check`` and ``terbitkan`` (which then write nothing) and by ``verifikasi``."""
    return (f"manifest versi terbitan '{lost.by}' laporan '{lost.slug}' mencatat versi '{lost.versi}' sebagai versi "
            f"yang terbit sebelumnya (versi_sebelumnya), tetapi folder {ARCHIVE_DIR}/{lost.slug}/{lost.versi}/ tidak "
            f"ada di {ARCHIVE_DIR}/ (versi terbitan tidak boleh hilang dari situs: unggahan yang membuang berkas lama "
            "di server, mis. 'rsync --delete', menghapus versi itu dari portal); kembalikan folder "
            f"{ARCHIVE_DIR}/{lost.slug}/{lost.versi}/ dari repositori situs atau cadangan, lalu jalankan "
            "'lkjip verifikasi'")


@dataclass(frozen=True)
class LostVersion:
    """A released version lost from ``arsip/``, at the first record of it (:func:`lost_versions`)."""

    slug: str
    versi: str
    at: tuple[str, int]  # the record's file and line: the folder itself when build/'s versi.json says it
    message: str

    @property
    def folder(self) -> str:
        return f"{ARCHIVE_DIR}/{self.slug}/{self.versi}"


def lost_versions(out: Path, root: Path, archive: list[ArchivedVersion],
                  hashes: ContentHashes | None = None) -> list[LostVersion]:
    """Every released version lost from ``arsip/``, each once, at the first record of it: ``build/``'s
    ``versi.json`` (:func:`missing_releases`), a released change page's link (:func:`lost_compared`), a released
    manifest's ``versi_sebelumnya`` (:func:`lost_recorded`). Why one function: ``build``, ``check``, ``terbitkan`` and
    ``verifikasi`` each ran the three in turn, and ``check`` once ran one of them only (it named half of what the
    build then refused)."""
    gone = missing_releases(out, root, archive)
    lost = [LostVersion(slug, versi, (f"{ARCHIVE_DIR}/{slug}/{versi}", 1), missing_release_message(slug, versi))
            for slug, versi in gone]
    compared = lost_compared(archive, gone, hashes)
    lost += [LostVersion(c.slug, c.versi, (c.page, c.line), lost_compared_message(c)) for c in compared]
    recorded = lost_recorded(archive, gone + [(c.slug, c.versi) for c in compared])
    lost += [LostVersion(r.slug, r.versi, (r.manifest, r.line), lost_recorded_message(r)) for r in recorded]
    return lost


def _verified(expected: list[FileEntry], found: dict[str, Held], hashes: ContentHashes,
              manifest: str) -> list[tuple[str, str]]:
    """:func:`~.manifest.compare_files` of files held by reference: a file whose size and hash (known, or read
    once) are the manifest's is not read again; the others are compared as ``compare_files`` does, with its
    messages (a CRLF rewrite told apart)."""
    want = {e.path: e for e in expected}
    suspect = [p for p, held in found.items()
               if p not in want or size(held) != want[p].ukuran or hashes(held) != want[p].sha256]
    missing = [p for p in want if p not in found]
    return compare_files([want[p] for p in suspect + missing if p in want], {p: content(found[p]) for p in suspect},
                         manifest)


def read_tree(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (path with forward slashes -> bytes), sorted; empty when the folder is absent."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def empty_folders(folder: Path) -> list[str]:
    """Every folder below ``folder`` with no file anywhere inside it (the outermost of nested ones), sorted, each
    ending in ``/``: what :func:`read_tree` does not see."""
    if not folder.is_dir():
        return []
    holding = {parent for p in folder.rglob("*") if not p.is_dir() for parent in p.parents}
    empty = [p for p in sorted(folder.rglob("*")) if p.is_dir() and p not in holding]
    return [p.relative_to(folder).as_posix() + "/" for p in empty if p.parent == folder or p.parent in holding]


def snapshot(folder: Path) -> dict[str, bytes]:
    """The report folder as it is now: every file except hidden ones (``.DS_Store``, editor and lock files)."""
    return {rel: path.read_bytes() for rel, path in _kept(folder)}


def snapshot_times(folder: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of each file :func:`snapshot` takes: a file saved between two of these, even
    saved back to its old bytes, shows a new time (see ``build.release``)."""
    out: dict[str, tuple[int, int]] = {}
    for rel, path in _kept(folder):
        try:
            st = path.stat()
        except OSError:
            continue
        out[rel] = (st.st_size, st.st_mtime_ns)
    return out


def _kept(folder: Path) -> list[tuple[str, Path]]:
    return report_files(folder)  # the same listing ``lkjip check`` names unread files from (``unread_files``)


def changed_sources(now: dict[str, bytes], released: list[FileEntry]) -> list[str]:
    """Report files that differ from the released snapshot (changed, added or removed)."""
    return [path for path, _problem in compare_files(released, now)]


def write_version(root: Path, slug: str, versi: str, files: dict[str, bytes]) -> Path:
    """Write one version folder atomically; refuses to touch a version that exists (published is permanent)."""
    if not _NAME.fullmatch(versi):
        raise ValueError(f"versi '{versi}' tidak dapat menjadi nama folder")
    target = root / ARCHIVE_DIR / slug / versi
    if target.exists():
        raise FileExistsError(f"{target} sudah ada")
    public_folder(target.parent)
    staging = target.parent / f".{versi}-baru-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    try:
        public_folder(staging)  # every folder and file of it 0755/0644 whatever the umask (``core/files``)
        for rel in sorted(files):
            path = staging / rel
            public_folder(path.parent)
            write_public(path, files[rel])
        try:
            staging.rename(target)
        except OSError as exc:  # written meanwhile by another process: never replaced (published is permanent)
            if exc.errno in (errno.EEXIST, errno.ENOTEMPTY):
                raise FileExistsError(f"{target} sudah ada") from exc
            raise
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def version_files(manifest: Manifest, site: dict[str, bytes], sources: dict[str, bytes],
                  bag: bytes, readme: bytes) -> dict[str, bytes]:
    """The archive folder of one version as ``{path: bytes}``: manifest, published files, sources, bag, and for
    whoever receives the folder without lkjip its README and ``SHA256SUMS`` (:func:`~.manifest.checksums`)."""
    data = manifest.to_json()
    files = {MANIFEST: data, manifest.bagit.path: bag, README: readme, CHECKSUMS: checksums(manifest, data)}
    files.update({f"{SITE_DIR}/{k}": v for k, v in site.items()})
    files.update({f"{SOURCE_DIR}/{k}": v for k, v in sources.items()})
    return dict(sorted(files.items()))


def _with_folder(path: Path, target: str) -> str:
    """``mkdir -p <folder> && `` when the folder ``path`` is written into is gone too, else nothing.

    Why: a lost folder (``sumber/gambar/`` deleted with its logo) left the printed
    ``unzip -p … > …/gambar/logo.svg`` failing as run ("No such file or directory"): the shell's ``>`` makes no
    folder."""
    if path.parent.is_dir():
        return ""
    return f"mkdir -p {shlex.quote(target.rsplit('/', 1)[0])} && "
