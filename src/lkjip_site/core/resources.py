"""Files the tool itself ships: the default theme, the scaffolds of a new site and a new report, the reload script.

Every runtime file is found here, with ``importlib.resources``, and nowhere else: how the package is installed (a
wheel, an editable checkout) decides nothing else. The themes live at the top of the repository (``themes/``) and are
mapped into the package as ``lkjip_site.themes`` (see ``pyproject.toml``). A site's own theme
(``<site>/themes/<tema>/``) overrides the shipped one file by file.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def _package_dir(package: str, *parts: str) -> Path:
    """A folder inside the installed package as a real path (wheels and editable installs keep files on disk)."""
    with as_file(files(package).joinpath(*parts)) as path:
        return Path(path)


PACKAGE_DIR = _package_dir("lkjip_site")  # the engine itself: a changed file of it is a changed input of every build
PACKAGE_THEMES = _package_dir("lkjip_site.themes")
SCAFFOLD = _package_dir("lkjip_site", "resources", "scaffold")
RELOAD_SCRIPT = _package_dir("lkjip_site", "resources") / "muat_ulang.js"
VENDOR = _package_dir("lkjip_site", "resources", "vendor")  # third-party files bundled at build time
DEFAULT_THEME = "default"
#: The author's guide (panduan-penulis.md), the webmaster's (penerbitan.md) and the release notes: in a wheel they ship
#: as ``lkjip_site/panduan/`` (docs/ mapped in pyproject.toml); a checkout reads the repository's own docs/.
GUIDES = PACKAGE_DIR / "panduan" if (PACKAGE_DIR / "panduan").is_dir() else PACKAGE_DIR.parents[1] / "docs"


def theme_dirs(root: Path, theme: str) -> list[Path]:
    """Theme folders in override order: the site's own, then the shipped ones; ``theme`` before ``default``."""
    dirs: list[Path] = []
    for base in (root / "themes", PACKAGE_THEMES):
        for name in (theme, DEFAULT_THEME):
            candidate = (base / name).resolve()
            if candidate.is_dir() and candidate not in dirs:
                dirs.append(candidate)
    return dirs


def theme_exists(root: Path, theme: str) -> bool:
    return any((base / theme).is_dir() for base in (root / "themes", PACKAGE_THEMES))


def theme_names(root: Path) -> list[str]:
    """Every theme a site can name: its own ``themes/<name>/`` and the shipped ones."""
    return sorted({p.name for base in (root / "themes", PACKAGE_THEMES) if base.is_dir()
                   for p in base.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))})
