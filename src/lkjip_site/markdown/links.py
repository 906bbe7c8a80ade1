"""Links and images in chapters: ``*.md`` / ``laporan.yaml`` links to site URLs (or PDF anchors), images to report
assets; every target is checked, at the line that names it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import unquote

from markdown_it.token import Token

from ..core.diagnostics import Diagnostic, Diagnostics
from ..core.markup import fragment_ids
from ..core.model import Chapter, Report
from ..core.paths import listed_form, published_name, resolve_inside
from ..core.suggest import did_you_mean
from ..load.content import REPORT_FILE, report_files, unread_files
from ..load.images import IMAGE_SUFFIXES, image_problem
from ..load.source import misspelt_path, unreadable_file
from ..load.svgcheck import check_svg
from .directives import ParsedChapter, RenderContext
from .urls import LinkIndex, chapter_anchor, chapter_url, pdf_anchor

_EXTERNAL = re.compile(r"^(https?:|mailto:|tel:)", re.I)
#: An address's scheme (``data:``, ``ftp:``, ``ms-settings:``); one letter is a Windows drive (``C:``), a file path.
_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]+:", re.I)


def line_of(chapter: Chapter, token: Token | None) -> int:
    """The file line of a block token (``map``) or an inline token (``meta["line"]``, see ``plugins``)."""
    if token is not None and token.map:
        return chapter.body_line + token.map[0]
    if token is not None and "line" in token.meta:
        return chapter.body_line + int(token.meta["line"])
    return chapter.body_line


def inline_tokens(tokens: list[Token]) -> Iterator[Token]:
    """Every inline token of a chapter (links and images are inline tokens)."""
    for block in tokens:
        yield from block.children or []


def collect_images(report: Report, chapter: Chapter, tokens: list[Token], diags: Diagnostics) -> None:
    """Check every image and register it as a report asset at parse time; an SVG is checked for code it would run.

    Rendering may be skipped for an unchanged page (the render memo), but the image must still be copied into the
    new build, and a deleted image must still be an error.
    """
    for token in inline_tokens(tokens):
        if token.type == "image":
            target, problem = image_target(report, str(token.attrGet("src") or ""))
            if not token.content.strip():  # what a reader who cannot see it, or whose phone did not load it, gets
                diags.error((chapter.rel, line_of(chapter, token)),
                            "gambar tanpa teks pengganti; tulis isi gambar di dalam [ ], mis. "
                            "![Bagan susunan organisasi kecamatan](gambar/struktur.svg)")
            if problem:
                diags.error((chapter.rel, line_of(chapter, token)), problem)
            elif target is not None:
                rel = target.relative_to(report.folder.resolve()).as_posix()
                if published_name(rel) not in report.assets and target.suffix.lower() == ".svg":
                    check_svg(target, f"{report.rel}/{rel}", diags)  # once per file, at its own lines
                report.assets[published_name(rel)] = target


#: Why ``lkjip terbitkan`` refuses what the build does not read, said with each such file or folder.
_REFUSED = ("tidak terbit di situs, tetapi 'lkjip terbitkan' menolak laporan selama {0} ada di folder laporan (paket "
            "arsip versi memuat seluruh sumbernya untuk selamanya)")


def check_unread(report: Report, spoken: Iterable[Diagnostic], diags: Diagnostics) -> None:
    """Warn of every file of the report folder that ``lkjip terbitkan`` would refuse as unread (the one rule,
    :func:`~..load.content.unread_files`), once the report's chapters are parsed and its images known. A file the
    build has spoken of already (in ``spoken``: a chapter that could not be read, an unknown data file) is not named
    again; a folder none of whose files (two or more) is read is named once, with some of its files.

    Why: ``check`` warned of a draft beside the chapters only; an image no chapter shows any more, or a folder of old
    data files in ``data/``, passed ``check --strict`` without a word and stopped ``terbitkan``. Said at each build
    (with the report's parse, so an image added or removed in ``gambar/``, which changes the report folder's files,
    is looked at again), it reaches the author before the release does.
    """
    files = [rel for rel, _ in report_files(report.folder)]
    unread = unread_files(report, files)
    if unread:  # (looked through only then: ``spoken`` is every message of the site in a build without a session)
        said = {d.file for d in spoken}
        unread = [rel for rel in unread if f"{report.rel}/{rel}" not in said]
    if not unread:
        return
    left = set(unread)
    named: dict[str, list[str]] = {}  # a folder or a file -> the unread files it stands for
    for rel in unread:
        parts = rel.split("/")
        folders = ["/".join(parts[:i]) for i in range(1, len(parts))]
        whole = next((f for f in folders if _all_unread(f, files, left)), None)
        named.setdefault(whole or rel, []).append(rel)
    for name, held in sorted(named.items()):
        where = (f"{report.rel}/{name}", 1)
        images = [rel for rel in held if Path(rel).suffix.lower() in IMAGE_SUFFIXES]  # told how they are shown
        if held == [name] and images:
            diags.warn(where, f"gambar ini tidak ditampilkan di bab mana pun, jadi {_REFUSED.format('berkas ini')}; "
                              f"tampilkan dari bab, mis. ![Keterangan gambar]({name}), hapus, atau pindahkan ke luar "
                              "folder laporan")
        elif held == [name]:
            diags.warn(where, f"berkas ini tidak dibaca build dan {_REFUSED.format('berkas ini')}; hapus, atau "
                              "pindahkan ke luar folder laporan (mis. ke folder draf di luar content/)")
        else:
            shown = ", ".join(rel.removeprefix(f"{name}/") for rel in held[:3])
            more = f" dan {len(held) - 3} lainnya" if len(held) > 3 else ""
            fix = ("tampilkan gambar yang dipakai dari bab, hapus folder ini, atau pindahkan ke luar folder laporan"
                   if images else "hapus folder ini, atau pindahkan ke luar folder laporan (mis. ke folder draf di "
                                  "luar content/)")
            diags.warn(where, f"folder ini ({len(held)} berkas: {shown}{more}) tidak dibaca build dan "
                              f"{_REFUSED.format('folder ini')}; {fix}")


def _all_unread(folder: str, files: list[str], unread: set[str]) -> bool:
    """Whether ``folder`` holds two or more of ``files`` and every one is in ``unread``."""
    inside = [rel for rel in files if rel.startswith(folder + "/")]
    return len(inside) >= 2 and all(rel in unread for rel in inside)


def image_target(report: Report, src: str) -> tuple[Path | None, str]:
    """The file an image source names inside the report folder, or the reason it cannot be used."""
    if _EXTERNAL.match(src):
        return None, f"gambar '{src}' diambil dari internet; simpan berkas gambar di folder laporan"
    if scheme := _SCHEME.match(src):  # data:image/png;base64,… (megabytes of it) was said whole, "outside the folder"
        return None, (f"gambar '{src[:40]}{'…' if len(src) > 40 else ''}' ditulis sebagai alamat "
                      f"{scheme.group(0).lower()}, bukan berkas di folder laporan (isinya tidak diperiksa dan tidak "
                      "ikut terbit sebagai berkas); simpan gambarnya sebagai berkas di folder laporan, lalu tulis "
                      "![teks pengganti](gambar/nama.png)")
    src = unquote(src)  # as the Markdown parser gave it: "peta kecamatan.png" written <...> or with %20
    target = resolve_inside(report.folder, src)
    if target is None:
        return None, f"gambar '{src}' berada di luar folder laporan"
    if problem := misspelt_path(report.folder, src, "gambar"):
        return None, problem
    target = resolve_inside(report.folder, listed_form(report.folder, src)) or target  # typed 'é', listed 'e' + ◌́
    if not target.is_file():
        return None, f"gambar '{src}' tidak ditemukan"
    if problem := unreadable_file(target):
        return None, f"gambar '{src}': {problem}"
    if problem := image_problem(target, src):
        return None, f"gambar {problem}"
    return target, ""


def linked_reports(parsed: ParsedChapter, ctx: RenderContext) -> set[str]:
    """URLs of the other reports a chapter links to (their structure decides how the links render)."""
    out: set[str] = set()
    index = ctx.link_index()
    for path in _linked_paths(parsed):
        found = _linked(index, parsed.chapter.source.parent, unquote(path))
        if found is not None and found[0] is not ctx.report:
            out.add(found[0].url)
    return out


def _linked_paths(parsed: ParsedChapter) -> tuple[str, ...]:
    """The paths of the chapter's internal links, in order (kept in ``derived``, which a stored state keeps: a page's
    key is then made without reading the chapter's tokens back)."""
    if "tautan" not in parsed.derived:
        paths = (str(token.attrGet("href") or "").partition("#")[0]
                 for token in inline_tokens(parsed.tokens) if token.type == "link_open")
        parsed.derived["tautan"] = tuple(p for p in paths if p and not _EXTERNAL.match(p))
    paths_: tuple[str, ...] = parsed.derived["tautan"]
    return paths_


def _linked(index: LinkIndex, folder: Path, path: str) -> tuple[Report, Chapter | None] | None:
    """What ``index`` holds for the file a link from ``folder`` names, as written or as listed there in another
    Unicode form (``core.paths.listed_form``; looked up only when the written path is not known: it lists folders)."""
    found = index.get((folder / path).resolve())
    if found is None and (listed := listed_form(folder, path)) != path:
        found = index.get((folder / listed).resolve())
    return found


def resolve_links(ctx: RenderContext, tokens: list[Token]) -> None:
    """Rewrite ``*.md`` / ``laporan.yaml`` links to site URLs and images to report assets; check every target."""
    for token in inline_tokens(tokens):
        if token.type == "link_open":
            _resolve_link(ctx, token, line_of(ctx.chapter, token))
        elif token.type == "image":
            _resolve_image(ctx, token, line_of(ctx.chapter, token))


def _resolve_link(ctx: RenderContext, token: Token, line: int) -> None:
    href = str(token.attrGet("href") or "")
    loc = (ctx.chapter.rel, line)
    if _EXTERNAL.match(href):
        return
    path, _, anchor = href.partition("#")
    if not path:
        named = _named(anchor, ctx.chapter.anchors)
        if anchor and named is None and not anchor.startswith("fn"):
            ctx.diags.error(loc, f"tautan '#{anchor}' menunjuk bagian yang tidak ada di bab ini"
                                 f"{did_you_mean(anchor, sorted(ctx.chapter.anchors))}")
        elif anchor and ctx.pdf:
            token.attrSet("href", f"#{pdf_anchor(ctx.chapter, named or anchor)}")
        return
    if (scheme := _SCHEME.match(href)) or href.startswith("//"):
        if not ctx.pdf:  # said as a link to no chapter, "write the chapter's file name"
            what = (f"memakai alamat {scheme.group(0).lower()}" if scheme else
                    "diawali // tanpa https: (tujuannya bergantung pada cara halaman dibuka, dan di PDF tidak ada)")
            ctx.diags.error(loc, f"tautan '{href[:60]}' {what}; yang dapat ditautkan hanya alamat https://, http://, "
                                 "mailto: dan tel:, atau bab lain; tulis mis. [Situs pemda](https://…) atau "
                                 "[BAB III](30-bab-3.md)")
        return
    found = _linked(ctx.link_index(), ctx.chapter.source.parent, unquote(path))
    if found is None:
        if not ctx.pdf:
            ctx.diags.error(loc, misspelt_path(ctx.chapter.source.parent, unquote(path), "tautan") or
                            f"tautan '{href}' tidak menunjuk bab (.md) atau laporan (laporan.yaml) yang ada; "
                            "tulis nama berkas bab, mis. [BAB III](30-bab-3.md)")
        return
    report, chapter = found
    if not ctx.pdf and published_name(Path(unquote(path)).name) != published_name(chapter.source.name if chapter
                                                                                  else REPORT_FILE):
        # found by a system that ignores letter case (Windows): the Linux server's build would not find it (a name
        # in another Unicode form is found there too, ``_linked``)
        ctx.diags.error(loc, misspelt_path(ctx.chapter.source.parent, unquote(path), "tautan") or
                        f"tautan '{href}': tulis nama berkasnya persis "
                        f"'{chapter.source.name if chapter else REPORT_FILE}' (huruf besar/kecil berbeda)")
    if chapter is None:
        token.attrSet("href", ctx.site.url_dasar + report.url if ctx.pdf else ctx.href(report.url))
        return
    named = _named(anchor, chapter.anchors)
    if anchor and named is None:
        ctx.diags.error(loc, f"tautan '{href}': bagian '#{anchor}' tidak ada di {chapter.rel}"
                             f"{did_you_mean(anchor, sorted(chapter.anchors))}")
    if ctx.pdf and report is not ctx.report:
        # another report is another document: link to its public page
        token.attrSet("href", ctx.site.url_dasar + chapter_url(report, chapter) + (f"#{anchor}" if anchor else ""))
    elif ctx.pdf:
        token.attrSet("href", f"#{pdf_anchor(chapter, named or anchor) if anchor else chapter_anchor(chapter)}")
    else:
        token.attrSet("href", ctx.href(chapter_url(report, chapter), anchor))


def _named(anchor: str, anchors: set[str]) -> str | None:
    """The id a link's fragment names among ``anchors``, found as a browser finds it (``markup.fragment_ids``)."""
    return next((name for name in fragment_ids(anchor) if name in anchors), None) if anchor else None


def _resolve_image(ctx: RenderContext, token: Token, line: int) -> None:
    src = str(token.attrGet("src") or "")
    target, problem = image_target(ctx.report, src)
    if target is None:
        ctx.diags.error((ctx.chapter.rel, line), problem)
        return
    rel = published_name(target.relative_to(ctx.report.folder.resolve()).as_posix())
    ctx.report.assets[rel] = target
    if ctx.pdf:
        token.attrSet("src", target.as_uri())
    else:
        token.attrSet("src", ctx.href(f"{ctx.report.url}{rel}"))
    token.attrSet("loading", "lazy")
