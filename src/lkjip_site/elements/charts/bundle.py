"""The interactive upgrade: one local JavaScript bundle (vega, vega-lite, vega-embed, vega-interpreter), never a CDN."""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from pathlib import Path

import vl_convert as vlc

from ...core.files import write_whole
from ...core.resources import VENDOR
from .svg import ENGINE_VERSION

BUNDLE_SUBDIR = "vega"
INTERPRETER = VENDOR / "vega-interpreter.js"
UTIL_SUBSET = VENDOR / "vega-util-subset.js"
INTERPRETER_VERSION = "2.2.1"  # written for vega 6.2 (vega-util 2.1); vl-convert 2.0 bundles vega 6.4, and the
#   browser tests upgrade the examples' charts with it without a console error; see resources/vendor
_IMPORT = re.compile(r"^import \{([^}]*)\} from 'vega-util';$", re.M)
_EXPORT = re.compile(r"^export \{ expression as expressionInterpreter \};$", re.M)
_TREE_SHAKER_LOG = "swc_ecma_transforms_optimization.simplify.dce"


def interpreter_source() -> str:
    """vega-interpreter (vendored from npm, see ``resources/vendor``) as a bundle snippet.

    vl-convert bundles a snippet that may not import anything, and its bundle does not expose vega-util: the
    interpreter's only import (three helpers of vega-util) is replaced by those helpers' own source (vendored too),
    and its export becomes
    ``window.vegaExpressionInterpreter``, which ``grafik.js`` hands to vega-embed (``ast: true``) so that no chart
    ever needs ``eval``/``new Function`` (forbidden by the site's Content-Security-Policy).
    """
    source = INTERPRETER.read_text(encoding="utf-8")
    helpers = UTIL_SUBSET.read_text(encoding="utf-8")
    source, imports = _IMPORT.subn(lambda m: helpers, source)
    source, exports = _EXPORT.subn("window.vegaExpressionInterpreter = expression;", source)
    if imports != 1 or exports != 1:
        raise RuntimeError(f"{INTERPRETER}: unexpected module shape (imports {imports}, exports {exports})")
    return source


def vega_bundle_source() -> str:
    """vega + vega-lite + vega-embed + the CSP-safe expression interpreter as one classic script.

    vl-convert emits an ES2020 script without import/export; wrapping it in a strict-mode function
    keeps its top-level ``const`` names out of the page's global scope (so it works as a classic
    ``<script>``, also from ``file://`` where module scripts are blocked) and keeps module semantics.

    The bundler's tree shaker logs ``tree-shaker; pass=N`` at level ERROR for every pass, through Python's
    ``logging`` (vl-convert forwards its Rust logs): with no handler configured, seven English lines reached the
    author's terminal on a site's first build. They say nothing about the bundle (a bundle that fails raises), so
    that one logger is silenced, as ``svg.configure`` silences vl-convert's own warnings.
    """
    logging.getLogger(_TREE_SHAKER_LOG).setLevel(logging.CRITICAL)
    snippet = ("window.vegaEmbed = vegaEmbed;\nwindow.vega = vega;\nwindow.vegaLite = vegaLite;\n"
               + interpreter_source())
    body = vlc.javascript_bundle(snippet)
    versions = (
        f"vega {vlc.get_vega_version()}, vega-lite {vlc.get_vegalite_versions()[-1]}, "
        f"vega-embed {vlc.get_vega_embed_version()}, vega-interpreter {INTERPRETER_VERSION}"
    )
    header = (
        f"/* {versions} (BSD-3-Clause, https://vega.github.io), bundled by vl-convert "
        f"{getattr(vlc, '__version__', '?')}. Local copy: the site loads nothing from a CDN. */\n"
    )
    return header + '(function () {\n"use strict";\n' + body + "\n})();\n"


def write_vega_bundle(dest_dir: Path, cache_dir: Path | None = None) -> str:
    """Write ``<dest_dir>/vega/vega-bundle.<hash>.js`` once and return its path relative to dest_dir.

    The hash in the name makes the URL immutable (cache forever). Building the bundle takes ~2 s,
    so with ``cache_dir`` the source is kept between builds, keyed by the vl-convert version. Both copies are checked
    against their bytes' hash (the kept source's is in its name): a copy damaged outside the build is made again,
    never published as it is under a name that promises other bytes.
    """
    source = _kept_source(cache_dir) if cache_dir is not None else None
    if source is None:
        source = vega_bundle_source().encode("utf-8")
        if cache_dir is not None:
            _keep_source(Path(cache_dir), source)
    rel = f"{BUNDLE_SUBDIR}/vega-bundle.{_short_hash(source)}.js"
    out = Path(dest_dir) / rel
    if not out.is_file() or out.read_bytes() != source:
        write_whole(out, source)
    return rel


def _kept_prefix() -> str:
    """What the kept source depends on: vl-convert's version, the engine's, and the vendored files."""
    extra = hashlib.sha256(INTERPRETER.read_bytes() + UTIL_SUBSET.read_bytes()).hexdigest()[:8]
    return f"vega-bundle-{getattr(vlc, '__version__', 'x')}-{ENGINE_VERSION}-{extra}"


def _kept_source(cache_dir: Path) -> bytes | None:
    """The source an earlier build kept, if its bytes still have the hash in its name. Any other kept source (a
    damaged one, another vl-convert's, an older layout's) is removed: nothing reads it again."""
    found, data = _whole_kept(cache_dir)
    for path in sorted(Path(cache_dir).glob("vega-bundle-*.js")):
        if path != found:
            path.unlink(missing_ok=True)
    return data


def _whole_kept(cache_dir: Path) -> tuple[Path | None, bytes | None]:
    """The kept source of this vl-convert and engine whose bytes have the hash in its name, and its path."""
    wanted = _kept_prefix()
    for path in sorted(Path(cache_dir).glob("vega-bundle-*.js")):
        prefix, _, named = path.stem.rpartition("-")
        if prefix != wanted:
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if named == _short_hash(data):
            return path, data
    return None, None


def _keep_source(cache_dir: Path, source: bytes) -> None:
    """Keep ``source`` for later builds."""
    write_whole(cache_dir / f"{_kept_prefix()}-{_short_hash(source)}.js", source)


def _short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def kept_vega_bundle(cache_root: Path) -> tuple[str, bytes] | None:
    """:func:`vega_bundle` as the last build with charts left it, read only (``lkjip check`` writes nothing, and
    names the bundle as ``lkjip build`` does, so that its pages are those the build stored); None when there is no
    whole kept source of this vl-convert."""
    _, data = _whole_kept(cache_root)
    return (f"aset/{BUNDLE_SUBDIR}/vega-bundle.{_short_hash(data)}.js", data) if data is not None else None


@functools.lru_cache(maxsize=4)
def vega_bundle(cache_root: Path) -> tuple[str, bytes]:
    """The one local Vega bundle for the interactive upgrade: (site path, bytes).

    Kept by the process: it depends only on vl-convert and the vendored files, which a running process does not
    change, and ``serve`` read and hashed its megabyte again on every save (about 5 ms of a 0,1 s save); the same
    bytes object also keeps its hash in ``ContentHashes`` from one save to the next."""
    staging = cache_root / "vega-keluaran"
    rel = write_vega_bundle(staging, cache_dir=cache_root)
    return f"aset/{rel}", (staging / rel).read_bytes()
