"""Files the tool itself ships: the default theme, the scaffold of a new report, the live-reload script.

Every runtime file is found here and nowhere else, so how the package is installed decides one function, not every
stage. A site's own theme (``<site>/themes/<tema>/``) overrides the shipped one file by file.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
PACKAGE_THEMES = _PACKAGE.parent.parent / "themes"
SCAFFOLD = _PACKAGE / "resources" / "scaffold"
RELOAD_SCRIPT = _PACKAGE / "resources" / "muat_ulang.js"
DEFAULT_THEME = "default"


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


def theme_file(dirs: list[Path], rel: str) -> Path | None:
    """The first ``<theme>/<rel>`` in override order, or None."""
    return next((d / rel for d in dirs if (d / rel).is_file()), None)
