"""Paths and URLs: how files are named in messages, which author paths may be read, and relative links.

Every link the site writes is relative (``relative_url``), so a build works under any base path and as a folder on
disk; every path an author writes is resolved inside its report folder (``resolve_inside``), so content can never
make the build read an arbitrary file.
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
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
    it: a part written in other letter case (``gambar/peta.png`` for ``gambar/Peta.PNG``) is given as listed; None
    when a part is listed in no case (or in several, none as written).

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
            same = [name for name in names if name.casefold() == part.casefold()]
            if len(same) != 1:
                return None
            part = same[0]
        current, out = current / part, [*out, part]
    return "/".join(out)


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
