"""The site's paths as an archivist's Windows or macOS machine names them: no two output paths may be one file there.

A report's own files are checked at its folder (``load.content.unportable_paths``); what is checked here are the
names that meet only in the output: an image folder ``Lampiran/`` beside the chapter page ``lampiran/``, an image
folder ``Aset/`` beside the theme's ``aset/``, a version ``1.0-rc`` beside the released ``1.0-RC``. On the Linux
server each is two names; copied to Windows or macOS (``build/``, ``arsip/``, a version's BagIt zip) the two are one,
one file overwrote the other, and the bag and SHA256SUMS of the version no longer verified there. The rule of what is
one name is ``core.paths.same_name``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, NamedTuple

from ..core.diagnostics import Diagnostics
from ..core.model import Loc, Report, Site, loc_of
from ..core.paths import clash_reason, name_clashes, published_name, rel_path


class Origin(NamedTuple):
    """Where an output path's name was chosen, and what the author renames there (lower ``rank``: said first).
    ``folder``: for an author's file, the version folder below which each of its path's folders is the author's
    choice too (``Lampiran/`` of ``Lampiran/foto.png``); empty for a name that is one path's alone."""

    rank: int
    loc: Loc
    rename: str
    folder: str = ""

    def chose(self, key: str, side: str) -> bool:
        """Whether the name that ends ``side`` was chosen here (``key``: this origin's output path)."""
        return key == side or bool(self.folder) and side.startswith(self.folder) and key.startswith(side + "/")


def check_output_names(site: Site, frozen: Iterable[str], paths: Iterable[str], diags: Diagnostics) -> None:
    """An error for each output path (of ``paths``, the whole site's, released versions' too) that differs from
    another but is the same name on Windows or macOS, said where an author chose the name of one of them (an image,
    a data file, a chapter's id, the version number) with what to rename. ``frozen``: the URLs of released versions,
    whose names nobody can change (a clash among those alone is not said: nothing can mend it)."""
    clashes = name_clashes(paths)
    if not clashes:  # (nearly always: the origins read every report's chapters and data files, which a rebuild
        return       # holds unread for the unchanged reports, 0,1 s of a one-chapter rebuild at N = 100)
    held = set(frozen)
    origins: dict[str, Origin] = {}
    for report in site.reports:
        if report.url not in held:
            origins.update(_origins(report, site.root))
    for clash in clashes:
        found = sorted(((o, side, clash[1 - i]) for i, side in enumerate(clash) for key, o in origins.items()
                        if o.chose(key, side)), key=lambda found: (found[0].rank, found[1] != clash[0]))
        if not found:
            continue
        origin, path, other = found[0]
        diags.error(origin.loc, f"alamat '{path}' di situs {clash_reason(path, other)}; di Windows dan macOS keduanya "
                                "satu nama, sehingga saat folder build/ atau arsip/ disalin ke sana yang satu menimpa "
                                "yang lain dan paket arsip versi (BagIt, SHA256SUMS) tidak lolos verifikasi. "
                                f"{origin.rename or _rename(path[len(origin.folder):])}")


def _origins(report: Report, root: Path) -> dict[str, Origin]:
    """The output paths of ``report`` whose names its author chose, each with where and what to rename."""
    out = {report.url.rstrip("/"): Origin(3, loc_of(report, "versi"),
                                          f"Ganti nomor versi '{report.versi}' di laporan.yaml dengan nomor lain")}
    for chapter in report.chapters:
        front = chapter.front
        line = front.line_of("id") if front is not None and "id" in front else 1
        out[report.url + chapter.id] = Origin(2, Loc(chapter.rel, line),
                                              f"Ganti id bab '{chapter.id}' (kunci 'id' di front matter bab ini)")
    for rel, target in report.assets.items():
        out[report.url + rel] = Origin(1, Loc(rel_path(target, root), 1), "", report.url)
    for path in report.data.files:
        # the file's name alone: its folder data/ is lkjip's (an image folder Data/ beside it is the image's to rename)
        out[f"{report.url}data/{published_name(path.name)}"] = Origin(1, Loc(rel_path(path, root), 1),
                                                                      f"Ganti nama berkas data '{path.name}'")
    return out


def _rename(name: str) -> str:
    """What to do of an author's file or folder (``name``, below the report folder) whose output path clashes."""
    return (f"Ganti nama '{name}' di folder laporan (mis. huruf kecil semua, tanpa huruf beraksen), lalu sesuaikan "
            "tautannya di bab")
