"""Paths and URLs: how files are named in messages, which author paths may be read, and relative links.

Every link the site writes is relative (``relative_url``), so a build works under any base path and as a folder on
disk; every path an author writes is resolved inside its report folder (``resolve_inside``), so content can never
make the build read an arbitrary file.
"""

from __future__ import annotations

import os
import posixpath
import re
import unicodedata
from pathlib import Path
from typing import Iterable
from urllib.parse import quote

#: The file that makes a folder a site (``lkjip`` finds it from the working directory upwards, as git finds its
#: repository); here, below every stage, so that the command line names it without loading the configuration.
SITE_FILE = "situs.yaml"
#: The folder of released versions beside it (``archive/``), named here for the same reason.
ARCHIVE_DIR = "arsip"
#: The folder of what builds keep for the next one (the memo, the build record, the preview, the import record).
CACHE_DIR = ".cache"


def rel_path(path: Path, root: Path) -> str:
    """Paths in messages are relative to the project so authors recognise them: as listed first (a symbolic link
    to nothing, or out of the site, is named where it is), else with links resolved."""
    for inner, outer in ((path.absolute(), root.absolute()), (path.resolve(), root.resolve())):
        try:
            return inner.relative_to(outer).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def resolve_inside(folder: Path, relative: str) -> Path | None:
    """Resolve an author-given path; None when it leaves ``folder`` (no reading of arbitrary files)."""
    if relative.startswith("/") or re.match(r"^[A-Za-z]+:", relative):
        return None
    target = (folder / relative).resolve()
    try:
        target.relative_to(folder.resolve())
    except ValueError:
        return None
    return target


def as_listed(folder: Path, relative: str) -> str | None:
    """``relative`` (a path below ``folder``, '/'-separated, normalised) with each part spelled as its folder lists
    it: a part written in other letter case (``gambar/peta.png`` for ``gambar/Peta.PNG``) or Unicode form (typed
    ``é``, listed as macOS keeps it, ``e`` + accent) is given as listed (:func:`same_name`); None when a part is
    listed in no such spelling (or in several, none as written).

    Why the listing and not ``exists()``: on Windows and macOS ``gambar/peta.png`` opens ``gambar/Peta.PNG``, so an
    author's ``lkjip check`` passed a chapter that the webmaster's build on Linux refused ("tidak ditemukan"), or an
    image the Linux build then could not copy. Comparing with the listing says it on every system alike."""
    current, out = folder, []
    for part in posixpath.normpath(relative).split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            current, out = current.parent, [*out, part]
            continue
        try:
            names = os.listdir(current)
        except OSError:
            return None
        if part not in names:
            same = [name for name in names if same_name(name) == same_name(part)]
            if len(same) != 1:
                return None
            part = same[0]
        current, out = current / part, [*out, part]
    return "/".join(out)


def listed_form(folder: Path, relative: str) -> str:
    """``relative`` (a path below ``folder``) as its folder lists it when it is typed in another Unicode form only
    (typed ``é``, kept by macOS as ``e`` + accent; :func:`as_listed`), else as written: the one rule by which a
    chapter's image and link and a report's logo find their file. A name in other letter case is left as written:
    that is an error said to the author (``load.source.misspelt_path``), not a file found.

    Why: a logo or a chapter link typed on Windows, to a file copied from a Mac, was "tidak ditemukan" on the Linux
    server while the file was there; the author can neither see nor type the difference."""
    listed = as_listed(folder, relative)
    if listed is not None and published_name(listed) == published_name(posixpath.normpath(relative)):
        return listed
    return relative


def same_name(path: str) -> str:
    """``path`` as Windows and macOS compare names: letter case set aside (both), and a letter with an accent typed
    as one character (NFC, ``é``) or as a letter and its accent (NFD, as macOS keeps names) as one. Two paths of one
    such key are one file there.

    Why one key: the site is built on Linux, where ``Peta.png`` and ``peta.png``, or a chapter's folder ``lampiran/``
    and an image folder ``Lampiran/``, are two names; copied to an archivist's Windows or macOS machine, one
    overwrote the other, and the version's bag and SHA256SUMS no longer verified there."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", path).casefold())


def published_name(rel: str) -> str:
    """An author's file name (a path below the report folder) as the site publishes it: in Unicode NFC.

    Why: macOS keeps ``gambar/Cibéber.png`` as NFD (``e`` + accent), Windows and Linux as typed (NFC); published as
    found, the image's address was ``…/Cibe%CC%81ber.png`` from one author and ``…/Cib%C3%A9ber.png`` from another,
    and a link to it broke when the report changed hands. A released version's files are copied from ``arsip/`` as
    they are, never renamed."""
    return unicodedata.normalize("NFC", rel)


def name_clashes(paths: Iterable[str]) -> list[tuple[str, str]]:
    """Each path of ``paths`` ('/'-separated), or folder of one, that differs from another but is the same name on
    Windows or macOS (:func:`same_name`), with the first of them in sorted order; each named once, sorted.

    Paths all in lower-case ASCII (the site's own names, most authors' files) cannot clash: that is looked at first,
    in a millisecond, where the walk below took 0,01 s of every rebuild at N = 100 (6 258 paths)."""
    paths = list(paths)
    if all(p.isascii() and p == p.lower() for p in paths):
        return []
    first: dict[str, str] = {}
    seen: set[str] = set()
    out = []

    def visit(path: str, key: str) -> None:
        """``path`` (its folders first, each once) against the names met before it."""
        if path in seen:  # a folder, met with an earlier file
            return
        seen.add(path)
        folder = path.rpartition("/")[0]
        if folder:
            visit(folder, key.rpartition("/")[0])  # NFC and casefold leave each '/' where it is
        other = first.setdefault(key, path)
        if other != path:
            out.append((path, other))

    for rel in sorted(paths):
        visit(rel.strip("/"), same_name(rel.strip("/")))
    return sorted(out)


def clash_reason(path: str, other: str) -> str:
    """How ``path`` and ``other``, one name on Windows or macOS (:func:`name_clashes`), differ, for a message."""
    if path.casefold() == other.casefold():
        return f"hanya berbeda huruf besar/kecil dengan '{other}'"
    if unicodedata.normalize("NFC", path) == unicodedata.normalize("NFC", other):
        return (f"sama dengan '{other}', hanya berbeda bentuk Unicode huruf beraksennya (satu karakter 'é', atau 'e' "
                "dan tanda aksen terpisah seperti yang disimpan macOS)")
    return f"hanya berbeda huruf besar/kecil dan bentuk Unicode huruf beraksennya dengan '{other}'"


#: What a path keeps as it is in a URL (RFC 3986's unreserved characters and those allowed in a path segment): the
#: site's own names (slugs, versions, ``aset/…``) are made of them; an author's file name may hold a space or ``%``.
URL_SAFE = "/-._~!$&'()*+,;=:@"


def relative_url(page_url: str, target: str) -> str:
    """A link from ``page_url`` to ``target`` (both site-root-relative paths, as files are named: ``gambar/peta
    kecamatan.png``; the target may end in a query), percent-encoded as a URL, so the site works under any base
    path."""
    base = posixpath.dirname(page_url.rstrip("/") + "/x") if page_url else "."
    if page_url and not page_url.endswith("/"):
        base = posixpath.dirname(page_url)
    rel = relpath(target or ".", base or ".")
    if (target.endswith("/") or not target) and not rel.endswith("/"):
        rel += "/"
    path, mark, query = rel.partition("?")  # a theme asset's "?v=<hash>" stays as it is
    return quote(path, safe=URL_SAFE) + mark + query


def relpath(path: str, start: str) -> str:
    """``posixpath.relpath(path, start)`` for two paths relative to the same folder, without asking the system for
    the working directory (``relpath`` makes both absolute first): a full build makes 25 000 links, and those calls
    were most of their time. A path that climbs out of that folder (``..``) or is absolute goes to ``relpath``."""
    target, origin = posixpath.normpath(path), posixpath.normpath(start)
    if not path or target.startswith(("/", "..")) or origin.startswith(("/", "..")):
        return posixpath.relpath(path, start)
    parts = [p for p in target.split("/") if p != "."]
    base = [p for p in origin.split("/") if p != "."]
    common = 0
    while common < len(parts) and common < len(base) and parts[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."
