"""build and publish: determinism, SOURCE_DATE_EPOCH, atomic replacement, and the render memo staying honest."""

from __future__ import annotations

import hashlib
import html
import json
import os
import posixpath
import re
import shutil
import time
from pathlib import Path

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape
from conftest import REPORT_DIR, SLUG, build_project, tree_hashes

from lkjip_site.build import BuildOptions, build, build_date
from lkjip_site.cli.main import main
from lkjip_site.cli.scaffold import new_report
from lkjip_site.core import resources
from lkjip_site.core.diagnostics import ContentError, Diagnostics
from lkjip_site.core import files as files_mod
from lkjip_site.core.files import SiteFiles, Stored, content, write_whole
from lkjip_site.core.memo import ADOPTION_S, SWEEP_MARGIN_S, ContentHashes, Memo, pack_files, unpack_files
from lkjip_site.elements import tables as tables_mod
from lkjip_site.output import publish as publish_mod
from lkjip_site.output import reportjob as reportjob_mod
from lkjip_site.output import theme as theme_mod
from lkjip_site.output import linkcheck as linkcheck_mod
from lkjip_site.output.linkcheck import check_links
from lkjip_site.output.publish import publish

BASE = "laporan/contoh-2023/1.0/"


# ------------------------------------------------------------------------------------------------ publish


def test_publish_replaces_whole_tree(tmp_path: Path) -> None:
    out = tmp_path / "build"
    publish({"a.html": b"1", "x/b.html": b"2"}, out)
    publish({"c.html": b"3"}, out)
    assert tree_hashes(out).keys() == {"c.html"}  # nothing of the old build survives a successful one
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def modes(folder: Path) -> dict[str, str]:
    """Every file and folder below ``folder`` (and itself, as ``.``) with its permission bits in octal."""
    return {".": oct(folder.stat().st_mode & 0o777),
            **{p.relative_to(folder).as_posix(): oct(p.stat().st_mode & 0o777) for p in folder.rglob("*")}}


def test_published_modes_do_not_depend_on_the_umask(tmp_path: Path) -> None:
    """Built on a server or CI runner whose umask is 077 (or 027), every page was 0600 and every folder 0700; copied
    up with ``rsync -rt`` (docs/penerbitan.md), ``rsync -a`` or ``scp -p``, the web server's user could read none
    of it (403 on every page), and the same input gave another tree. Files are 0644 and folders 0755, written whole
    or updated in place, a hard-linked copy of a large file as well."""
    out = tmp_path / "build"
    large = b"f" * publish_mod.LINK_MIN_BYTES
    files = {f"p{i}.html": b"lama" for i in range(10)} | {"aset/a/font.woff2": large, "aset/b/font.woff2": large}
    old = os.umask(0o077)
    try:
        on_disk = publish(files, out).digests
        whole = modes(out)
        publish({**files, "p0.html": b"baru", "baru/di/sini.html": b"baru"}, out, on_disk)
        updated = modes(out)
    finally:
        os.umask(old)
    assert (out / "aset/a/font.woff2").stat().st_ino == (out / "aset/b/font.woff2").stat().st_ino
    assert set(whole.values()) == set(updated.values()) == {"0o644", "0o755"}
    folders = {".", "aset", "aset/a", "aset/b", "baru", "baru/di"}
    assert {name for name, mode in updated.items() if mode == "0o755"} == folders


def test_failure_while_writing_keeps_old_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "build"
    publish({"a.html": b"lama", "x/b.html": b"lama"}, out)
    before = tree_hashes(out)
    real = Path.write_bytes
    calls = []

    def failing(self: Path, data: bytes) -> int:
        calls.append(self)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(OSError):
        publish({"a.html": b"baru", "x/b.html": b"baru", "z.html": b"baru"}, out)
    monkeypatch.undo()
    assert tree_hashes(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]  # staging folder removed


def test_failure_while_swapping_keeps_old_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the new tree cannot be moved into place, the old one must come back, not stay hidden under a temp name."""
    out = tmp_path / "build"
    publish({"a.html": b"lama"}, out)
    before = tree_hashes(out)
    real = Path.rename

    def failing(self: Path, target):  # type: ignore[no-untyped-def]
        if self.name.startswith(".build-baru-"):
            raise OSError(13, "Permission denied")
        return real(self, target)

    monkeypatch.setattr(Path, "rename", failing)
    with pytest.raises(OSError):
        publish({"a.html": b"baru"}, out)
    monkeypatch.undo()
    assert tree_hashes(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def test_update_in_place_writes_only_changes_and_keeps_the_old_tree_on_failure(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "build"
    files = {f"p{i}.html": b"lama" for i in range(10)} | {"x/hapus.html": b"lama"}
    on_disk = publish(files, out).digests
    kept = (out / "p1.html").stat().st_ino
    new = {**{k: v for k, v in files.items() if k != "x/hapus.html"}, "p0.html": b"baru", "y/tambah.html": b"baru"}
    real = Path.write_bytes

    def failing(self: Path, data: bytes) -> int:
        if "tambah" in self.name:
            raise OSError(28, "No space left on device")
        return real(self, data)

    before = tree_hashes(out)
    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(OSError):
        publish(new, out, on_disk)
    monkeypatch.undo()
    assert tree_hashes(out) == before  # nothing renamed into place before every change was written
    assert not [p for p in out.rglob(".*")]  # no temporary file left
    assert publish(new, out, on_disk).written == ["p0.html", "y/tambah.html"]
    assert tree_hashes(out) == {k: hashlib.sha256(v).hexdigest() for k, v in new.items()}
    assert (out / "p1.html").stat().st_ino == kept and not (out / "x").exists()


def test_pages_held_by_reference_are_published_each_with_its_own_bytes(tmp_path: Path) -> None:
    """Pages a build did not render are references to the memo (``core/files.py``), read one at a time while the
    site is written. Large equal bytes objects become hard links; a page read for its write is a new object each
    time, freed after it, whose id the next one may take: it must never be taken for the file written before."""
    memo = Memo(tmp_path / "cache", "halaman")
    size = publish_mod.LINK_MIN_BYTES + 10
    pages = {f"p{i:02d}.html": bytes([65 + i]) * size for i in range(20)}
    files = SiteFiles()
    for name, data in pages.items():
        memo.put(name, data)
        files[name] = memo.ref(name)
    assert all(isinstance(files.held(name), Stored) for name in pages)
    font = b"\0" * size  # one bytes object under two paths (a version's copy of the theme): linked
    files["a/font.woff2"] = files["b/font.woff2"] = font
    digests = publish(files, tmp_path / "build").digests
    assert tree_hashes(tmp_path / "build") == digests == {
        name: hashlib.sha256(data).hexdigest() for name, data in {**pages, "a/font.woff2": font,
                                                                  "b/font.woff2": font}.items()}
    assert (tmp_path / "build" / "a" / "font.woff2").stat().st_ino == (tmp_path / "build" / "b" / "font.woff2").stat().st_ino
    assert len({(tmp_path / "build" / name).stat().st_ino for name in pages}) == len(pages)


def test_packed_memo_entries_are_held_by_reference_into_the_entry(tmp_path: Path) -> None:
    """A report's open data is one memo entry: a CLI build holds each file as a slice of it, read when needed; a
    preview session (entries held in memory) and a build without a cache folder get the bytes."""
    packed = {"angka-kunci.csv": b"a;b\n1;2\n", "kosong.csv": b"", "laporan.json": "{\"é\": 1}".encode()}
    on_disk = Memo(tmp_path / "cache", "halaman")
    on_disk.put("k", pack_files(packed))
    held = on_disk.files("k")
    assert held is not None and all(isinstance(v, Stored) for v in held.values())
    assert {name: content(v) for name, v in held.items()} == packed == unpack_files(pack_files(packed))
    in_memory = Memo(tmp_path / "cache", "halaman", memory={})
    assert in_memory.files("k") == packed
    assert on_disk.files("tidak-ada") is None and Memo(None, "halaman").files("k") is None


def test_a_cache_file_is_written_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The memo's entries, the build record and the facts and kept-outputs files go through ``write_whole``: a file
    is replaced only by complete new bytes, and a write that fails (a full disk) leaves the old file and no
    temporary file behind."""
    target = tmp_path / "cache" / "entri"
    write_whole(target, b"lama")
    assert target.read_bytes() == b"lama" and sorted(p.name for p in target.parent.iterdir()) == ["entri"]

    def full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files_mod.os, "replace", full)
    with pytest.raises(OSError):
        write_whole(target, b"baru")
    assert target.read_bytes() == b"lama" and sorted(p.name for p in target.parent.iterdir()) == ["entri"]


def test_publish_module_writes_only_through_staging(tmp_path: Path) -> None:
    assert publish_mod.publish is publish
    publish({}, tmp_path / "kosong")
    assert (tmp_path / "kosong").is_dir() and not any((tmp_path / "kosong").iterdir())


# ------------------------------------------------------------------------------------------------ determinism, dates


def test_two_builds_are_byte_identical(fresh_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    build(BuildOptions(root=fresh_project, output=tmp_path / "satu", pdf=False, cache_dir=tmp_path / "c1"))
    build(BuildOptions(root=fresh_project, output=tmp_path / "dua", pdf=False, cache_dir=tmp_path / "c2"))
    one, two = tree_hashes(tmp_path / "satu"), tree_hashes(tmp_path / "dua")
    assert one == two
    assert f"{BASE}bab-3-akuntabilitas-kinerja/index.html" in one and "index.html" in one and "404.html" in one


def test_build_date_from_source_date_epoch(fresh_project: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1699920000")  # 2023-11-14 00:00:00 UTC
    result = build(BuildOptions(root=fresh_project, pdf=False, cache_dir=tmp_path / "c"), write=False)
    home = result.files["index.html"].decode("utf-8")
    assert "Dibangun 14 November 2023." in home
    assert "Dibangun 14 November 2023." in result.files[f"{BASE}index.html"].decode("utf-8")


def test_no_date_without_source_date_epoch(fresh_project: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_date() is None
    result = build(BuildOptions(root=fresh_project, pdf=False, cache_dir=tmp_path / "c"), write=False)
    for name, data in result.files.items():
        if name.endswith(".html"):
            assert b"Dibangun" not in data, name


def test_epoch_near_midnight_is_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1699920000 + 86399))  # 23:59:59 UTC, already 15 Nov in WITA
    assert build_date() == dt.date(2023, 11, 14)


# ------------------------------------------------------------------------------------------------ memo honesty


def _add_image(root: Path) -> Path:
    folder = root / REPORT_DIR
    image = folder / "gambar" / "peta.svg"
    image.write_bytes((folder / "gambar" / "logo.svg").read_bytes())
    chapter = folder / "10-bab-1-pendahuluan.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(
        "Tuliskan latar belakang penyusunan laporan.", "![Peta](gambar/peta.svg)"), encoding="utf-8")
    return image


def test_memo_rebuild_still_copies_chapter_images(fresh_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A chapter taken from the memo is not rendered again; its images must still reach the new build."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    _add_image(fresh_project)
    build_project(fresh_project)
    first = tree_hashes(fresh_project / "build")
    assert f"{BASE}gambar/peta.svg" in first
    build_project(fresh_project)
    assert tree_hashes(fresh_project / "build") == first


def test_memo_rebuild_notices_deleted_image(fresh_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    image = _add_image(fresh_project)
    build_project(fresh_project)
    before = tree_hashes(fresh_project / "build")
    image.unlink()
    with pytest.raises(ContentError) as exc:
        build_project(fresh_project)
    [d] = exc.value.diagnostics.errors
    assert (d.file, d.line) == (f"{REPORT_DIR}/10-bab-1-pendahuluan.md", 9)
    assert tree_hashes(fresh_project / "build") == before


def test_failed_build_leaves_previous_build(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    before = tree_hashes(project / "build")
    (project / "situs.yaml").write_text("judul: [\n", encoding="utf-8")
    with pytest.raises(ContentError):
        build_project(project)
    assert tree_hashes(project / "build") == before


def test_successful_rebuild_replaces_stale_files(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    (project / "build" / "sisa-lama.html").write_text("x", encoding="utf-8")
    shutil.rmtree(project / REPORT_DIR / "data")  # no data: report still builds? only if chapters need none
    (project / REPORT_DIR / "30-bab-3-akuntabilitas-kinerja.md").write_text(
        "---\njudul: Akuntabilitas Kinerja\njenis: bab\nbab: III\nurutan: 30\n---\nTeks.\n", encoding="utf-8")
    for name in ("00-kata-pengantar.md", "01-ikhtisar-eksekutif.md"):
        path = project / REPORT_DIR / name
        path.write_text(path.read_text(encoding="utf-8").split("---\n", 2)[0] + "---\n" +
                        path.read_text(encoding="utf-8").split("---\n", 2)[1] + "---\nTeks.\n", encoding="utf-8")
    build_project(project)
    files = tree_hashes(project / "build")
    assert "sisa-lama.html" not in files
    assert not any(name.startswith(f"{BASE}data/") for name in files)


def test_a_theme_without_chart_fonts_is_an_error_not_silently_chartless(project: Path, monkeypatch, capsys) -> None:
    """No theme folder has the chart fonts (say, a broken install): one error names them; nothing is written."""
    bare = project / "tema-polos"
    shutil.copytree(resources.PACKAGE_THEMES / "default", bare / "default",
                    ignore=shutil.ignore_patterns("*.woff2"))
    monkeypatch.setattr(resources, "PACKAGE_THEMES", bare)
    before = tree_hashes(project / "build")
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 1
    err = capsys.readouterr().err
    assert "situs.yaml:1: galat: tema 'default' tidak memiliki font grafik (NotoSans-Regular-latin.woff2" in err
    assert tree_hashes(project / "build") == before


def test_a_chart_vl_convert_cannot_draw_is_one_error_at_its_block_and_nothing_is_written(project: Path,
                                                                                         capsys) -> None:
    """A dataset of 2 000 rows charted: Vega's call stack runs out inside vl-convert. The author reads one error at
    the {grafik} block's line (file, line, what to do), no traceback, and the last good build stays as it was."""
    report = project / REPORT_DIR
    rows = "\n".join(f"Desa {i},{i % 900}" for i in range(2000))
    (report / "data" / "penduduk.csv").write_text(f"Desa,Jumlah\n{rows}\n", encoding="utf-8")
    chapter = report / "20-bab-2-perencanaan-kinerja.md"
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text + "\n```{grafik} dataset\njudul: Penduduk per Desa\ndataset: penduduk\nx: Desa\n"
                              "y: Jumlah\n```\n", encoding="utf-8")
    line = text.count("\n") + 2  # the opening fence
    before = tree_hashes(project / "build")
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 1
    err = capsys.readouterr().err
    assert f"20-bab-2-perencanaan-kinerja.md:{line}: galat: grafik dataset: dengan 2000 baris, grafik ini tidak " \
           "dapat digambar (mesin grafik: RangeError: Maximum call stack size exceeded); tampilkan lebih sedikit " \
           "baris" in err
    assert "Traceback" not in err
    assert tree_hashes(project / "build") == before


def test_an_invalid_source_date_epoch_is_a_usage_error(project: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "kemarin")
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 2
    assert "SOURCE_DATE_EPOCH harus bilangan bulat" in capsys.readouterr().err


def test_a_blank_source_date_epoch_is_unset_and_one_int_cannot_read_is_refused(project: Path, monkeypatch,
                                                                              capsys) -> None:
    """A CI variable set to a blank passed the command's check as unset, then stopped the build with an internal
    error where the page date read it with ``int()``; ``"²"`` passed ``str.isdigit`` the same way. A blank is
    unset (no build date), anything but ASCII digits is refused before anything is written."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", " ")
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 0
    assert "galat internal" not in capsys.readouterr().err
    assert b"Dibangun" not in (project / "build" / "index.html").read_bytes()
    before = tree_hashes(project / "build")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "17079552\u00b2")
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 2
    assert "SOURCE_DATE_EPOCH harus bilangan bulat detik sejak 1970, bukan '17079552\u00b2'" in capsys.readouterr().err
    assert tree_hashes(project / "build") == before


def test_link_check_finds_missing_pages_and_anchors_in_every_page() -> None:
    """Template links are checked in every rendered page, also one first met as another page's link target."""
    files = {
        "a/index.html": b'<a href="../b/#ada">ok</a> <a href="../b/#hilang">x</a>',
        "b/index.html": b'<h2 id="ada">B</h2><a href="../tidak-ada/">x</a><img src="gambar.png">',
        "b/gambar.png": b"png",
        "c.html": b'<base href="/"><a href="/mana-saja">bebas</a>',
    }
    diags = Diagnostics()
    check_links(files, sorted(files), diags)
    assert sorted((d.file, d.message.split(" menuju")[0]) for d in diags.errors) == [
        ("a/index.html", "tautan '../b/#hilang'"), ("b/index.html", "tautan '../tidak-ada/'")]


def test_link_check_reads_pages_as_a_browser_does() -> None:
    """Entities in attributes are decoded, ids and links inside inline SVG (a chart) and links of every loading
    element count, an empty page has nothing to link to, and a link written in a comment or as escaped text is not a
    link. A fragment is found as written or percent-decoded; an id inside a template's content or a ``<noscript>``
    is no place a browser shows (found by a fuzzer)."""
    files = {
        "index.html": ("<!DOCTYPE html><html lang='id'><head><link rel='stylesheet' href='aset/gaya.css'>"
                       "<script src='aset/hilang.js'></script></head><body>"
                       "<a href='b.html#a&amp;b'>1</a><a href='b.html#grafik-1'>2</a><a href=\"b.html#t&#233;\">3</a>"
                       "<picture><source src='aset/tidak-ada.webp'></picture><a href='kosong.html#x'>4</a>"
                       "<!-- <a href='komentar.html'>x</a> --><p>&lt;a href='teks.html'&gt;</p>"
                       "<a href='https://contoh.go.id/'>luar</a><a href='mailto:a@b.id'>surel</a>"
                       "<a href='b.html#t%C3%A9'>5</a><a href='b.html#cetakan'>6</a><a href='b.html#tanpa-skrip'>7</a>"
                       "</body></html>"),
        "b.html": ("<html><body><h2 id='a&amp;b'>A</h2><h2 id='té'>T</h2>"
                   "<svg xmlns='http://www.w3.org/2000/svg'><g id='grafik-1'></g></svg>"
                   "<svg><a href='grafik-hilang.html'><text>x</text></a></svg>"
                   "<template><p id='cetakan'>t</p></template><noscript><p id='tanpa-skrip'>n</p></noscript>"
                   "</body></html>"),
        "kosong.html": "",
        "aset/gaya.css": "",
    }
    diags = Diagnostics()
    check_links({k: v.encode("utf-8") for k, v in files.items()}, ["index.html", "b.html", "kosong.html"], diags)
    assert sorted(d.message.split(" menuju")[0] for d in diags.errors) == [
        "tautan 'aset/hilang.js'", "tautan 'aset/tidak-ada.webp'", "tautan 'b.html#cetakan'",
        "tautan 'b.html#tanpa-skrip'", "tautan 'grafik-hilang.html'", "tautan 'kosong.html#x'"]


def test_link_check_reads_a_chapters_body_once_and_finds_what_the_whole_page_holds(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A page rendered around a chapter's body is parsed as what lies before the body, the body and what lies after
    it, the body's ids and links kept under its bytes: the same dead links and anchors are found, and a page whose
    header alone changed (the portal's title) has its body parsed no more. A body with other bytes is parsed again."""
    head = (b"<!DOCTYPE html><html><head><link rel='stylesheet' href='aset/gaya.css'></head><body>"
            b"<header><a href='index.html#isi'>Portal</a></header><main id='isi'>")
    body = (b"<h2 id='bagian'>Bab</h2><a href='b.html#ada'>ada</a><a href='b.html#hilang'>x</a>"
            b"<svg><g id='grafik-1'></g></svg><p>TUBUH</p>")
    foot = b"</main><footer><a href='tidak-ada.html'>x</a><a href='#bagian'>atas</a></footer></body></html>"
    base = {"b.html": b"<h2 id='ada'>B</h2><a href='index.html#bagian'>ke bab</a>", "aset/gaya.css": b""}
    parsed: list[bytes] = []
    real = linkcheck_mod._Reader.page  # what libxml2 is given, counted

    def page(self, html: bytes):  # type: ignore[no-untyped-def]
        parsed.append(html)
        return real(self, html)

    monkeypatch.setattr(linkcheck_mod._Reader, "page", page)

    def errors(files: dict[str, bytes], facts: ContentHashes | None, span: tuple[int, int] | None) -> list[str]:
        diags = Diagnostics()
        parsed.clear()
        check_links(SiteFiles(files, {"index.html": span} if span else {}), ["index.html", "b.html"], diags, facts)
        return sorted(f"{d.file}: {d.message.split(' menuju')[0]}" for d in diags.errors)

    facts = ContentHashes()
    whole = errors({**base, "index.html": head + body + foot}, None, None)
    assert whole == ["index.html: tautan 'b.html#hilang'", "index.html: tautan 'tidak-ada.html'"]
    assert errors({**base, "index.html": head + body + foot}, facts, (len(head), len(head) + len(body))) == whole
    assert any(b"TUBUH" in html for html in parsed)
    title = head.replace(b"Portal", b"Portal baru")
    assert errors({**base, "index.html": title + body + foot}, facts, (len(title), len(title) + len(body))) == whole
    assert not any(b"TUBUH" in html for html in parsed)  # the body's ids and links as kept
    other = body.replace(b"#ada'", b"#lain'")
    assert errors({**base, "index.html": title + other + foot}, facts, (len(title), len(title) + len(other))) == [
        "index.html: tautan 'b.html#hilang'", "index.html: tautan 'b.html#lain'",
        "index.html: tautan 'tidak-ada.html'"]


@pytest.mark.parametrize("before, after", [
    (b"<!--", b"-->"),  # a theme that comments the body out: its anchors are not there
    (b"<textarea>", b"</textarea>"),  # ... or shows it as text
    (b"<script>", b"</script>"),
])
def test_a_body_the_page_around_it_hides_is_not_read_apart(before: bytes, after: bytes) -> None:
    """What the page before the body leaves open takes the body in: its anchors are no link targets, as a browser
    (and a build without the cache) reads the page (found by a fuzzer: the cached build read the body apart)."""
    head, foot = b"<html><body><main>", b"</main><a href='b.html'>b</a></body></html>"
    body = b"<h2 id='bagian'>Bab</h2><p>isi</p>"
    page = head + before + body + after + foot
    start = len(head) + len(before)
    files = {"a.html": page, "b.html": b"<a href='a.html#bagian'>ke bab</a>"}
    found = []
    for facts, bodies in ((None, {}), (ContentHashes(), {"a.html": (start, start + len(body))})):
        diags = Diagnostics()
        check_links(SiteFiles(files, bodies), ["a.html", "b.html"], diags, facts)
        found.append(sorted(d.message.split(" menuju")[0] for d in diags.errors))
    assert found[0] == found[1] == ["tautan 'a.html#bagian'"]


def test_a_built_pages_body_parsed_apart_holds_the_ids_and_links_of_the_whole_page(project: Path) -> None:
    """On the pages a build renders: every chapter page's body is found in it, and its ids and links read in three
    parts are those read of the whole page, in the same order."""
    result = build(BuildOptions(root=project, pdf=False, cache_dir=project / ".cache"), write=False)
    chapters = [p for p in result.files if p.endswith("/index.html") and p.count("/") == 4]
    assert chapters and set(chapters) <= set(result.files.bodies)
    reader = linkcheck_mod._Reader()
    for path in chapters:
        data, (start, end) = result.files[path], result.files.bodies[path]

        def read(html: bytes) -> linkcheck_mod._Page:
            return reader.page(linkcheck_mod.without_charts(html, unless=linkcheck_mod._LINKING))

        parts = read(data[:start]).around(read(data[start:end]), read(data[end:]))
        assert parts == read(data), path


def _entries(memo: Memo) -> list[str]:
    assert memo.dir is not None
    return sorted(p.name for p in memo.dir.glob("??/*") if p.is_file())


def test_pruning_keeps_what_any_variant_of_build_used_and_what_was_stored_within_the_hour(tmp_path: Path) -> None:
    """A build with PDFs, one without and the preview make other pages: pruning by one build's use alone removed what
    the others need (a running preview holds its pages by reference). Each variant's use is recorded; an entry none
    uses goes, unless it was written within the last hour (another process's build may not have recorded it yet)."""
    later = time.time() + 2 * SWEEP_MARGIN_S
    preview = Memo(tmp_path, "halaman")
    for key in ("aa1", "bb2", "cc3"):
        preview.put(key, b"x")
    preview.used = {"bb2"}
    assert preview.prune("tanpa-pdf-pratinjau", now=later) == 2  # (no other variant recorded anything yet)
    assert _entries(preview) == ["bb2"]
    cli = Memo(tmp_path, "halaman")
    cli.put("dd4", b"x")
    assert cli.prune("pdf", {"ee5"}, now=later) == 0  # held by reference: "ee5" is counted as used as well
    assert _entries(cli) == ["bb2", "dd4"]  # the preview's page stays
    assert (cli.dir / "akar" / "pdf").read_text() == "dd4\nee5\n"
    stray = Memo(tmp_path, "halaman")
    stray.put("ff6", b"x")  # stored by another process's build, not recorded by it yet
    assert cli.prune("pdf", {"ee5"}, now=later) == 0  # the same roots as its last prune: the folder is not listed
    cli.put("gg7", b"x")
    assert cli.prune("pdf", {"ee5"}) == 0 and "ff6" in _entries(cli)  # listed, but "ff6" is within the hour: kept
    cli.put("hh8", b"x")
    assert cli.prune("pdf", {"ee5"}, now=later) == 1  # later, still unused: gone
    assert _entries(cli) == ["bb2", "dd4", "gg7", "hh8"]


def test_entries_stored_before_pruning_began_stay_a_week_unless_a_variant_uses_them(tmp_path: Path) -> None:
    """A cache of a version that did not prune holds the entries of variants that have not recorded their roots yet
    (a site built with PDFs whose first build after the upgrade is without them: its PDFs, minutes to lay out
    again). An entry stored before the folder's first roots stays a week; one stored after goes as usual."""
    old = Memo(tmp_path, "pdf")
    old.put("aa1", b"x")
    past = time.time() - 2 * 24 * 3600
    os.utime(old.dir / "aa" / "aa1", (past, past))  # stored two days ago by the older version
    memo = Memo(tmp_path, "pdf")
    memo.put("bb2", b"x")
    memo.put("cc3", b"x")
    memo.used = {"bb2"}
    assert memo.prune("tanpa-pdf", now=time.time() + 2 * SWEEP_MARGIN_S) == 1  # "cc3", stored since
    assert _entries(memo) == ["aa1", "bb2"]
    memo.put("dd4", b"x")
    assert memo.prune("tanpa-pdf", now=memo.created + ADOPTION_S + 1) == 1  # a week after pruning began
    assert _entries(memo) == ["bb2", "dd4"]


def test_a_memo_without_a_folder_or_read_only_prunes_nothing(tmp_path: Path) -> None:
    assert Memo(None, "halaman").prune("pdf") == 0
    Memo(tmp_path, "halaman").put("aa1", b"x")
    read_only = Memo(tmp_path, "halaman", writable=False)
    assert read_only.prune("pdf", now=time.time() + 2 * SWEEP_MARGIN_S) == 0
    assert _entries(read_only) == ["aa1"] and not (read_only.dir / "akar").exists()


def test_a_session_memo_does_not_hold_what_its_caller_holds_unpacked(tmp_path: Path) -> None:
    """A preview session holds every page and open-data file it published; the packed entries those files come from
    (a report's open data, a year's search bundle) are read back from disk when asked again rather than held a
    second time in memory. Without a disk to read them from (``--tanpa-cache``) they are held, or a preview would
    make them again on every save."""
    held: dict[str, bytes] = {}
    memo = Memo(tmp_path, "halaman", memory=held)
    memo.put("aa1", b"page")
    memo.put("bb2", b"packed", hold=False)
    assert held == {"aa1": b"page"}
    assert memo.get("bb2", hold=False) == b"packed"  # from disk
    assert held == {"aa1": b"page"}
    assert memo.get("bb2") == b"packed" and held["bb2"] == b"packed"  # an ordinary read holds it
    without_disk: dict[str, bytes] = {}
    nowhere = Memo(None, "halaman", memory=without_disk)
    nowhere.put("bb2", b"packed", hold=False)
    assert nowhere.get("bb2", hold=False) == b"packed" and without_disk == {"bb2": b"packed"}


def test_a_site_theme_writes_its_own_table_cells_with_a_cells_macro(project: Path) -> None:
    """The cells of a table row are lkjip's (``elements/tables.row_cells``, a third of the macro's time); a theme that
    wants other cell markup defines ``cells(row, section, lead)`` at the top of its ``partials/table.html``, and
    every table shows it, the rest of the template as before."""
    default = (resources.PACKAGE_THEMES / "default" / "templates" / "partials" / "table.html").read_text("utf-8")
    override = project / "themes" / "default" / "templates" / "partials" / "table.html"
    override.parent.mkdir(parents=True)
    override.write_text('{% macro cells(row, section, lead) %}{% for c in row %}<td class="tema-sel">{{ c.text }}'
                        "</td>{% endfor %}{% endmacro %}\n" + default, encoding="utf-8")
    pages = build(BuildOptions(root=project, pdf=False, cache_dir=project / ".cache"), write=False).files
    chapter = content(pages[f"laporan/{SLUG}/1.0/bab-3-akuntabilitas-kinerja/index.html"]).decode()
    tables = re.findall(r'<table id="[^"]*" class="tabel.*?</table>', chapter, flags=re.S)
    assert len(tables) == 2 and all("<caption" in t for t in tables)  # the rest of the theme's template
    assert all('<td class="tema-sel">' in t and not re.search("<th[ >]|scope=", t) for t in tables)


def test_a_site_themes_tema_css_is_loaded_after_the_shipped_stylesheets(project: Path) -> None:
    """A webmaster who wanted one colour copied site.css whole, and kept a stale copy after every upgrade (0.2.2's
    signature and phone rules never reached the site). ``static/css/tema.css`` of a site theme is published and linked
    after the shipped stylesheets on every page, report versions included; without it no page links one."""
    pages = build(BuildOptions(root=project, pdf=False, cache_dir=project / ".cache"), write=False).files
    page = f"laporan/{SLUG}/1.0/bab-3-akuntabilitas-kinerja/index.html"
    assert "tema.css" not in content(pages[page]).decode() and not any(p.endswith("/tema.css") for p in pages)
    own = project / "themes" / "default" / "static" / "css" / "tema.css"
    own.parent.mkdir(parents=True)
    own.write_text(":root { --utama: #1b5e20; }\n", encoding="utf-8")
    pages = build(BuildOptions(root=project, pdf=False, cache_dir=project / ".cache"), write=False).files
    for path in (page, "index.html"):
        links = re.findall(r'<link rel="stylesheet" href="([^"?]+)', content(pages[path]).decode())
        names = [link.rsplit("/", 1)[-1] for link in links]
        assert names.index("site.css") < names.index("warna.css") < names.index("tema.css"), links
        links = [link for link in links if link.endswith("tema.css")]
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), links[-1]))
        assert content(pages[target]) == b":root { --utama: #1b5e20; }\n"


def test_the_scaffolds_capaian_table_sits_under_its_own_heading(project: Path) -> None:
    """``lkjip new`` put the capaian table under "## Realisasi Anggaran": the contents, the search result and a
    reader's eye placed the indicators' table in the budget section, and authors kept the layout."""
    pages = build(BuildOptions(root=project, pdf=False, cache_dir=project / ".cache"), write=False).files
    chapter = content(pages[f"laporan/{SLUG}/1.0/bab-3-akuntabilitas-kinerja/index.html"]).decode()
    order = [m.group(1) or m.group(2) for m in re.finditer(r'<h2 id="([^"]+)"|<table id="([^"]+)"', chapter)]
    assert order.index("tabel-capaian") < order.index("realisasi-anggaran") < order.index("tabel-anggaran"), order


@given(st.one_of(st.text(alphabet=st.sampled_from("ab <>&'\"é1,."), max_size=12), st.integers(),
                 st.text(max_size=8).map(Markup)))
def test_a_cell_is_escaped_exactly_as_markupsafe_escapes_it(value: object) -> None:
    """Table cells are written in Python (``row_cells``) and escape only the texts that need it; what they write must
    be MarkupSafe's escaping, character for character (text, numbers, and markup already safe)."""
    assert tables_mod._escaped(value) == str(escape(value))


_PLAIN_BODY = [
    ("{{ body }}", True),
    ("{% if next %}{{ body }}{% else %}<div>{{ body }}</div>{% endif %}", True),
    ("{% block isi %}{% for _ in [1] %}{% with n = 1 %}{{ body }}{% endwith %}{% endfor %}{% endblock %}", True),
    ('{% include "isi.html" %}', True),  # isi.html prints it plainly, lain.html escapes it again
    ('{% include ["isi.html", "lain.html"] %}', False),
    ('{% if "<table" in body %}<p>ADA-TABEL</p>{% endif %}{{ body }}', False),
    ('{{ body|replace("<table", "<table data-tema") }}', False),
    ("{{ body if next else '' }}", False),
    ('{% filter replace("<p>", "<p class=f>") %}{{ body }}{% endfilter %}', False),
    ("{% set isi %}{{ body }}{% endset %}{{ isi|upper }}", False),
    ("{% set isi = body %}{{ isi }}", False),
    ("{% macro m() %}{{ body }}{% endmacro %}{{ m() }}", False),
    ("{% macro m() %}{{ caller()|upper }}{% endmacro %}{% call m() %}{{ body }}{% endcall %}", False),
    ("{% for body in [1] %}{{ body }}{% endfor %}", False),
    ("{% autoescape false %}{{ body }}{% endautoescape %}", False),
    ("{% extends nama %}", False),
    ("{% include 'tidak-ada.html' %}{{ body }}", False),
    ("{% if %}", False),
]


@pytest.mark.parametrize("source, plain", _PLAIN_BODY)
def test_a_template_prints_the_body_plainly_only_as_a_whole_output_of_its_own(source: str, plain: bool) -> None:
    """A chapter's body is written into its page as bytes only where the theme prints it unchanged
    (``{{ body }}``) and nothing else of the page depends on it; a template that tests, filters, captures or hands it
    on, or one that cannot be read, is rendered with the body's text, as before."""
    loader = jinja2.DictLoader({"chapter.html": source, "isi.html": "<main>{{ body }}</main>",
                                "lain.html": "{{ body|e }}"})
    assert theme_mod.prints_plainly(jinja2.Environment(loader=loader), "chapter.html", "body") is plain


@pytest.mark.parametrize("theme", [
    None,  # the default theme: its body written in as bytes
    '{% if "<table" in body %}<p>ADA-TABEL</p>{% endif %}{{ body }}',
    '{% filter replace("Capaian", "CAPAIAN-TEMA") %}{{ body }}{% endfilter %}',
    "{{ body }}<hr>{{ body }}",
])
def test_a_chapter_page_is_the_same_whether_its_body_is_written_in_as_bytes_or_as_text(
        project: Path, monkeypatch: pytest.MonkeyPatch, theme: str | None) -> None:
    """Every page, and where its body lies, as rendering the body's text around it makes them: with the default
    theme (whose body is written in as bytes) and with themes that use the body otherwise (rendered with its
    text, so that what they do with it shows)."""
    if theme is not None:
        default = (resources.PACKAGE_THEMES / "default" / "templates" / "chapter.html").read_text("utf-8")
        own = project / "themes" / "default" / "templates" / "chapter.html"
        own.parent.mkdir(parents=True)
        own.write_text(default.replace("  {{ body }}", theme), encoding="utf-8")
    asked: list[bool] = []
    real = reportjob_mod.prints_plainly
    monkeypatch.setattr(reportjob_mod, "prints_plainly", lambda *a: asked.append(real(*a)) or asked[-1])
    options = BuildOptions(root=project, pdf=False, use_cache=False)
    written = build(options, write=False).files
    assert asked and set(asked) == {theme is None or "<hr>" in theme}
    monkeypatch.setattr(reportjob_mod, "prints_plainly", lambda *a: False)
    as_text = build(options, write=False).files
    assert {p: content(v) for p, v in written.items()} == {p: content(v) for p, v in as_text.items()}
    assert written.bodies == as_text.bodies and len(written.bodies) >= 6
    chapter = content(written[f"laporan/{SLUG}/1.0/bab-3-akuntabilitas-kinerja/index.html"]).decode()
    if theme is not None and "ADA-TABEL" in theme:
        assert "<p>ADA-TABEL</p>" in chapter
    if theme is not None and "CAPAIAN-TEMA" in theme:
        assert "CAPAIAN-TEMA" in chapter
    if theme is not None and "<hr>" in theme:
        assert chapter.count('<table id="') == 2 * len(re.findall('<table id="', chapter.split("<hr>")[0]))


def test_the_search_filter_names_each_pemdas_namesake_and_a_site_themes_old_copy_keeps_its_list(
        project: Path) -> None:
    """Two pemdas' instansi of one name were one option of the search page's filter, which found both; each is now an
    option named with its pemda after one of both (the bare name, as bookmarked), and ``data-instansi`` tells
    ``cari.js`` each report's option. A site theme's ``cari.html`` copied before lists ``instansi``, each name once,
    as it did (tuples there would have written "('Kecamatan …', …)" as options)."""
    name = re.search(r"^  nama: (.+)$", (project / REPORT_DIR / "laporan.yaml").read_text("utf-8"), re.M).group(1)
    assert new_report(project, "kedua-2023", tahun=2023, instansi=name) == 0
    meta = project / "content" / "laporan" / "kedua-2023" / "laporan.yaml"
    meta.write_text(meta.read_text("utf-8").replace(f"  nama: {name}\n", f"  nama: {name}\n  pemda: Pemerintah Kota "
                                                    "Banjarbaru\n", 1), encoding="utf-8")
    pages = build(BuildOptions(root=project, pdf=False, cache_dir=project / ".cache"), write=False).files
    page = content(pages["cari/index.html"]).decode()
    site_pemda = re.search(r"^pemda: (.+)$", (project / "situs.yaml").read_text("utf-8"), re.M).group(1)
    options = re.findall(r'<option value="([^"]*)">([^<]*)</option>', page.split('id="cari-instansi"', 1)[1])
    assert options == [("", "Semua instansi"), (name, f"{name} (semua pemda)"),
                       *sorted([(f"{name} (Pemerintah Kota Banjarbaru)",) * 2, (f"{name} ({site_pemda})",) * 2])]
    units = json.loads(html.unescape(re.search(r'data-instansi="([^"]*)"', page).group(1)))
    assert units == {"kedua-2023": [f"{name} (Pemerintah Kota Banjarbaru)", "Pemerintah Kota Banjarbaru"],
                     SLUG: [f"{name} ({site_pemda})", site_pemda]}
    old, found = re.subn(r"\{% for [^%]*instansi %\}<option [^\n]*\{% endfor %\}",
                         '{% for nama in instansi %}<option value="{{ nama }}">{{ nama }}</option>{% endfor %}',
                         (resources.PACKAGE_THEMES / "default" / "templates" / "cari.html").read_text("utf-8"))
    assert found == 1  # the option loop of lkjip 0.2.3's cari.html
    copy = project / "themes" / "default" / "templates" / "cari.html"
    copy.parent.mkdir(parents=True)
    copy.write_text(old, encoding="utf-8")
    pages = build(BuildOptions(root=project, pdf=False, cache_dir=project / ".cache"), write=False).files
    page = content(pages["cari/index.html"]).decode()
    assert re.findall(r'<option value="([^"]*)">([^<]*)</option>', page.split('id="cari-instansi"', 1)[1]) == [
        ("", "Semua instansi"), (name, name)]
