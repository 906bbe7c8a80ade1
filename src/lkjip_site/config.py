"""Stage 1: the site configuration (``content/situs.yaml``)."""

from __future__ import annotations

from pathlib import Path

from . import schemas
from .errors import Diagnostics
from .model import Loc, Scale, SiteConfig
from .yamlload import YMap, read_validated

SITE_FILE = "situs.yaml"


def rel_path(path: Path, root: Path) -> str:
    """Paths in messages are relative to the project so authors recognise them."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def parse_scales(raw: YMap | None, rel: str, diags: Diagnostics) -> dict[str, Scale]:
    """Turn validated ``skala:`` mappings into Scale objects.

    Gaps and overlaps are reported by ``check`` for the scale a report uses (once, at the scale's own line).
    """
    from .scales import ScaleError, parse_scale

    out: dict[str, Scale] = {}
    for scale_id, body in sorted((raw or {}).items()):
        loc = Loc(rel, raw.line_of(scale_id))
        try:
            out[scale_id] = parse_scale(scale_id, body, loc)
        except ScaleError as exc:
            diags.error(loc, str(exc))
    return out


def load_config(content_dir: Path, root: Path, diags: Diagnostics, strict: bool) -> SiteConfig | None:
    path = content_dir / SITE_FILE
    rel = rel_path(path, root)
    if not path.is_file():
        diags.error((rel, 1), "berkas konfigurasi situs tidak ditemukan (buat content/situs.yaml)")
        return None
    data = read_validated(path, rel, schemas.SITE, diags, strict)
    if data is None:
        return None
    return SiteConfig(
        judul=data["judul"],
        pemda=data["pemda"],
        url_dasar=data["url_dasar"],
        loc=Loc(rel, 1),
        bahasa=data.get("bahasa", "id-ID"),
        tema=data.get("tema", "default"),
        skala_predikat=data.get("skala_predikat", "permendagri-86-2017"),
        html_mentah=bool(data.get("html_mentah", False)),
        label_gambar=data.get("label_gambar", "Gambar"),
        scales=parse_scales(data.get("skala"), rel, diags),
    )
