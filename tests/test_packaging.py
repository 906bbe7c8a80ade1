"""The tool as a pemda installs it: a wheel in a fresh venv, a site in an empty folder, no file of this repository.

Why: the theme, the scaffold and the fonts used to be read from the repository, so ``pip install .`` gave a tool that
could not build its own scaffold. Here the wheel is built from a copy of just what the package is made of
(pyproject.toml, README.md, src/, themes/), installed into a new venv outside the repository, and run from an empty
temporary folder with PYTHONPATH unset: ``lkjip init``, ``lkjip new``, ``check --strict --laporan``, ``build`` (site
and PDF). About 45 s (venv and install about 20 s with pip's download cache, the build with a PDF about 20 s).

The quick checks (the explicit ``packages`` list, the files in the wheel) need only the wheel (about 4 s).
"""

from __future__ import annotations

import os
import shutil
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from conftest import fill_in

REPO = Path(__file__).resolve().parent.parent
PACKAGE_PARTS = ("pyproject.toml", "README.md", "src", "themes", "docs")


def _clean_env() -> dict[str, str]:
    """The environment of a user's shell: no PYTHONPATH, no debugging switches, a fixed build date."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "LKJIP_DEBUG", "VIRTUAL_ENV")}
    env["SOURCE_DATE_EPOCH"] = "1707955200"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _run(args: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(args, cwd=cwd, env=_clean_env(), capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, f"{' '.join(args)} -> {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the package's sources (setuptools writes build/ next to what it builds)."""
    src = tmp_path_factory.mktemp("sumber")
    for part in PACKAGE_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, src / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
        else:
            shutil.copy(source, src / part)
    dist = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(src), "-w", str(dist)], cwd=dist)
    [whl] = dist.glob("lkjip_site-*.whl")
    return whl


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (outside the repository) with the wheel and its declared dependencies; returns its bin/."""
    venv = tmp_path_factory.mktemp("venv") / "v"
    base = getattr(sys, "_base_executable", sys.executable)
    _run([base, "-m", "venv", "--without-pip", str(venv)], cwd=venv.parent)
    # The test venv's pip installs into the new venv (--python): no pip bootstrap, and pip's cache is reused.
    _run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "-q", str(wheel)],
         cwd=venv.parent)
    return venv / "bin"


def test_version_is_single_sourced(wheel: Path) -> None:
    import lkjip_site

    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in pyproject and "version" in pyproject["dynamic"]
    assert wheel.name.startswith(f"lkjip_site-{lkjip_site.__version__}-")


def test_the_version_has_its_history_entry_and_the_readme_installs_it() -> None:
    """Every wheel was lkjip_site-0.1.0 whatever its code: a pemda's ``pip install --upgrade`` of a newer wheel said
    "already installed" and kept the old code (its dependencies upgraded under it: ``galat internal``), and
    manifests could not tell which lkjip made a version. A new version number comes with its entry in
    docs/riwayat-versi.md (what changed, how to upgrade), and the README installs the wheel of that number."""
    import lkjip_site

    history = (REPO / "docs" / "riwayat-versi.md").read_text(encoding="utf-8")
    assert re.findall(r"^## (\S+) ", history, flags=re.M)[0] == lkjip_site.__version__
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    newest = history.split("\n## ")[1]  # an older entry's upgrade steps keep the wheel of their own number
    wheels = set(re.findall(r"lkjip_site-[^ /]+?-py3-none-any\.whl", readme + newest))
    assert wheels == {f"lkjip_site-{lkjip_site.__version__}-py3-none-any.whl"}, wheels


def test_packages_list_names_every_package() -> None:
    """The wheel is built from an explicit list (themes/ is mapped into the package); a new stage must be on it."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    base = REPO / "src"
    found = {p.parent.relative_to(base).as_posix().replace("/", ".") for p in base.rglob("__init__.py")}
    found |= {"lkjip_site.themes", "lkjip_site.panduan"}
    assert sorted(config["packages"]) == sorted(found)
    assert config["package-dir"]["lkjip_site.themes"] == "themes"
    assert config["package-dir"]["lkjip_site.panduan"] == "docs"


def test_wheel_holds_every_runtime_file(wheel: Path) -> None:
    """Theme (templates, CSS, JS, fonts), scaffolds and every module: each file of src/ and themes/ is shipped."""
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {("lkjip_site/" + p.relative_to(REPO / "src/lkjip_site").as_posix())
                for p in (REPO / "src/lkjip_site").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    expected |= {("lkjip_site/themes/" + p.relative_to(REPO / "themes").as_posix())
                 for p in (REPO / "themes").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    missing = sorted(expected - names)
    assert not missing, missing
    for needed in ("lkjip_site/themes/default/templates/base.html", "lkjip_site/themes/default/static/css/cetak.css",
                   "lkjip_site/themes/default/static/fonts/NotoSans-Regular-latin.woff2",
                   "lkjip_site/resources/scaffold/laporan/laporan.yaml",
                   "lkjip_site/resources/scaffold/situs/gitignore", "lkjip_site/resources/muat_ulang.js",
                   # the guides: a site made from the wheel has no repository beside it (lkjip --help names them)
                   "lkjip_site/panduan/panduan-penulis.md", "lkjip_site/panduan/penerbitan.md",
                   "lkjip_site/panduan/gambar/excel-1.png"):
        assert needed in names
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    for dep in ("weasyprint", "pikepdf", "fonttools[woff]", "MarkupSafe", "vl-convert-python", "altair"):
        assert f"Requires-Dist: {dep}" in metadata, dep
    scripts = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "lkjip = lkjip_site.cli.main:run" in scripts


def test_installed_tool_makes_a_site_in_an_empty_folder(installed: Path,
                                                        tmp_path_factory: pytest.TempPathFactory) -> None:
    work = tmp_path_factory.mktemp("kosong")
    lkjip = str(installed / "lkjip")
    where = _run([str(installed / "python"), "-c",
                  "import lkjip_site, lkjip_site.core.resources as r; print(lkjip_site.__file__); "
                  "print(r.PACKAGE_THEMES); print(r.SCAFFOLD); print(r.GUIDES)"], cwd=work).stdout.split()
    for path in where:  # the code and every shipped file come from the venv, none from the repository
        assert Path(path).is_relative_to(installed.parent), path
        assert not Path(path).resolve().is_relative_to(REPO), path
    assert _run([lkjip, "--version"], cwd=work).stdout.startswith("lkjip-site ")
    guide = Path(where[-1]) / "panduan-penulis.md"
    assert guide.is_file() and str(guide) in _run([lkjip, "--help"], cwd=work).stdout  # the guide the user can open
    _run([lkjip, "init", "portal"], cwd=work)
    site = work / "portal"
    new = _run([lkjip, "new", "kecamatan-x-2024", "--tahun", "2024", "--periode", "tw1",
                "--instansi", "Kecamatan X"], cwd=site)
    assert "Laporan baru dibuat" in new.stdout
    unwritten = _run([lkjip, "check", "--laporan", "kecamatan-x-2024"], cwd=site / "content")
    assert "masih teks contoh dari lkjip new" in unwritten.stderr + unwritten.stdout  # the guide: write over it first
    fill_in(site / "content" / "laporan" / "kecamatan-x-2024")
    check = _run([lkjip, "check", "--strict", "--laporan", "kecamatan-x-2024"], cwd=site / "content")
    assert "tidak ada galat" in check.stdout
    built = _run([lkjip, "build"], cwd=work / "portal")
    assert "(1 PDF)" in built.stdout, built.stdout
    out = site / "build" / "laporan" / "kecamatan-x-2024" / "1.0"
    assert (site / "build" / "index.html").is_file()
    assert (out / "bab-3-akuntabilitas-kinerja" / "index.html").is_file()
    [pdf] = out.glob("*.pdf")
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.stat().st_size > 20_000
    assert list((site / "build" / "aset").rglob("*.woff2"))  # the theme's fonts came with the package
