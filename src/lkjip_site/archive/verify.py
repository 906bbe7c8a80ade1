"""``lkjip verifikasi``: the archive and ``build/`` against the manifests, naming every changed, missing or extra file.

Three checks per archived version: the archive folder holds exactly the files its manifest names with the bytes it
names (plus the manifest itself); the bag's own SHA-256 manifest agrees with ``manifest.json`` (two records written at
the same release must tell the same story); and ``build/laporan/<slug>/<versi>/`` holds exactly the published files.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..core.diagnostics import Diagnostics
from .manifest import MANIFEST, SITE_DIR, SOURCE_DIR, FileEntry, compare_files, tree_digest
from .store import ArchivedVersion, load_archive, read_tree


@dataclass
class Verification:
    versions: int = 0
    files: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)  # (path, what is wrong)
    build_checked: bool = False


def verify(root: Path, out: Path, diags: Diagnostics) -> Verification:
    """Check every archived version; unreadable manifests are reported in ``diags`` (as by every build)."""
    result = Verification()
    archive = load_archive(root, diags)
    result.problems += [(d.file, d.message) for d in diags.errors]
    result.build_checked = out.is_dir()
    for av in archive:
        result.versions += 1
        _check_archive(av, result)
        _check_bag(av, result)
        if result.build_checked:
            _check_build(av, out, root, result)
    return result


def _check_archive(av: ArchivedVersion, result: Verification) -> None:
    m = av.manifest
    expected = ([FileEntry(f"{SITE_DIR}/{e.path}", e.sha256, e.ukuran) for e in m.situs]
                + [FileEntry(f"{SOURCE_DIR}/{e.path}", e.sha256, e.ukuran) for e in m.sumber] + [m.bagit])
    actual = read_tree(av.folder)
    actual.pop(MANIFEST, None)
    result.files += len(actual)
    result.problems += [(f"{av.rel}/{p}", problem) for p, problem in compare_files(expected, actual)]
    if tree_digest(m.sumber) != m.sumber_sha256:
        result.problems.append((f"{av.rel}/{MANIFEST}", "sumber.sha256 tidak sesuai dengan daftar berkas sumber"))


def _check_bag(av: ArchivedVersion, result: Verification) -> None:
    """The bag's ``manifest-sha256.txt`` must list the same files and hashes as ``manifest.json``."""
    path = av.folder / av.manifest.bagit.path
    if not path.is_file():
        return  # already reported as missing
    try:
        with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as zf:
            name = next(n for n in zf.namelist() if n.endswith("/manifest-sha256.txt"))
            lines = zf.read(name).decode("utf-8").splitlines()
    except (zipfile.BadZipFile, StopIteration, UnicodeDecodeError):
        result.problems.append((f"{av.rel}/{av.manifest.bagit.path}", "bukan bag BagIt yang dapat dibaca"))
        return
    in_bag = {}
    for line in lines:
        digest, _, rel = line.partition(" ")
        in_bag[rel.strip().removeprefix("data/")] = digest
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
    result.problems += [(f"{shown}/{p}", problem) for p, problem in compare_files(expected, actual)]


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix().rstrip("/")
    except ValueError:
        return path.as_posix().rstrip("/")
