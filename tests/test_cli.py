"""cli: the commands as a user types them (``lkjip new`` builds as is, ``lkjip schema`` writes files), exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import tree_hashes

from lkjip_site.cli import main as cli
from lkjip_site.cli.main import main
from lkjip_site.load.schemas import ALL

pytestmark = pytest.mark.usefixtures("epoch")


def test_new_then_build_from_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    """The README flow: in an empty folder, ``lkjip new`` then ``lkjip build`` (defaults: ./content, ./build)."""
    monkeypatch.chdir(tmp_path)
    assert main(["new", "kecamatan-contoh-2023"]) == 0
    out = capsys.readouterr().out
    assert "Laporan baru dibuat" in out and (tmp_path / "content" / "situs.yaml").is_file()
    meta = (tmp_path / "content/laporan/kecamatan-contoh-2023/laporan.yaml").read_text(encoding="utf-8")
    assert "tahun: 2023\n" in meta and "tanggal_terbit: 2024-02-15" in meta  # year before SOURCE_DATE_EPOCH's
    assert "__TAHUN" not in meta
    assert main(["build", "--no-pdf"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""  # no warnings either: the scaffold is clean
    assert "Selesai: 1 laporan" in captured.out
    files = tree_hashes(tmp_path / "build")
    base = "laporan/kecamatan-contoh-2023/1.0/"
    for chapter in ("kata-pengantar", "ikhtisar-eksekutif", "bab-1-pendahuluan", "bab-2-perencanaan-kinerja",
                    "bab-3-akuntabilitas-kinerja", "bab-4-penutup", "lampiran"):
        assert f"{base}{chapter}/index.html" in files
    assert {"index.html", "404.html", f"{base}index.html", "laporan/kecamatan-contoh-2023/index.html",
            f"{base}gambar/logo.svg", f"{base}data/indikator.yaml"} <= files.keys()
    # a second report next to the first also builds
    assert main(["new", "kecamatan-lain-2023"]) == 0
    assert main(["build", "--no-pdf", "--strict"]) == 0


def test_new_with_explicit_content_keeps_existing_site_config(tmp_path: Path) -> None:
    content = tmp_path / "konten"
    content.mkdir()
    (content / "situs.yaml").write_text("judul: Milik Saya\npemda: P\nurl_dasar: https://a.b/\n", encoding="utf-8")
    assert main(["new", "a-2023", "--content", str(content)]) == 0
    assert (content / "situs.yaml").read_text(encoding="utf-8").startswith("judul: Milik Saya")


def test_build_output_option(fresh_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "keluaran"
    assert main(["build", str(fresh_project / "content"), "--no-pdf", "--output", str(out)]) == 0
    assert (out / "index.html").is_file() and not (fresh_project / "build").exists()


def test_schema_writes_one_file_per_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "skema"
    assert main(["schema", "-o", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{d.name}.schema.json" for d in ALL)
    assert len(names) == 9
    laporan = json.loads((out / "laporan.schema.json").read_text(encoding="utf-8"))
    assert laporan["properties"]["periode"]["enum"] == ["tahunan", "tw1", "tw2", "tw3", "tw4"]
    assert "tahun" in laporan["required"]
    assert "9 skema ditulis" in capsys.readouterr().out


def test_repository_schema_files_are_current(tmp_path: Path) -> None:
    """docs/schema/ is what editors use; it must match what ``lkjip schema`` writes today."""
    repo = Path(__file__).resolve().parent.parent / "docs" / "schema"
    if not repo.is_dir():
        pytest.skip("docs/schema belum ada")
    assert main(["schema", "-o", str(tmp_path)]) == 0
    for path in sorted(tmp_path.iterdir()):
        assert (repo / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), path.name


def test_internal_error_is_a_message_not_a_traceback(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    def boom(args):  # type: ignore[no-untyped-def]
        raise RuntimeError("rusak")

    monkeypatch.setitem(cli.COMMANDS, "check", boom)
    assert main(["check"]) == 3
    err = capsys.readouterr().err
    assert "galat internal lkjip: RuntimeError: rusak" in err and "Traceback" not in err


def test_console_script_entry_point(tmp_path: Path) -> None:
    """The installed ``lkjip`` command is this module's ``main``."""
    exe = Path(sys.executable).parent / "lkjip"
    if not exe.exists():
        pytest.skip("perintah lkjip tidak terpasang di venv ini")
    proc = subprocess.run([str(exe), "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    for command in ("build", "check", "serve", "new", "schema"):
        assert command in proc.stdout
