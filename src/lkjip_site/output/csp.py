"""The Content-Security-Policy every page carries, and the same policy as HTTP headers for the web server.

Why this policy, directive by directive (``docs/penerbitan.md`` explains it to the webmaster):

- ``default-src 'self'``: the site loads nothing from elsewhere (fonts, scripts, the search index are its own files).
- ``script-src 'self' 'wasm-unsafe-eval'``: only the site's own script files; no inline ``<script>`` (chart specs are
  ``application/json`` data blocks, which CSP does not execute) and no ``eval``: the interactive charts run Vega
  expressions in vega-interpreter instead of ``new Function``. ``'wasm-unsafe-eval'`` is needed by the search
  (Pagefind compiles its WebAssembly module, fetched from the site itself); it allows compiling WebAssembly only,
  not evaluating JavaScript text.
- ``style-src 'self'``: no inline styles. Predikat colours are classes from a generated stylesheet, chart SVGs use
  presentation attributes (not ``style=``), and Vega's embed and tooltip styles are in ``site.css``. Scripts that
  position elements do so through the CSSOM (``element.style``), which CSP allows.
- ``img-src 'self'``, ``font-src 'self'``, ``connect-src 'self'`` (the search index), ``object-src 'none'``,
  ``base-uri 'self'`` (404.html sets ``<base>`` to the site's own path), ``form-action 'self'`` (the search form).

``frame-ancestors`` cannot be set in a ``<meta>`` element (browsers ignore it there), so it is only in ``_headers``.
"""

from __future__ import annotations

POLICY: tuple[str, ...] = (
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
META_POLICY = "; ".join(POLICY)
HEADER_POLICY = "; ".join((*POLICY, "frame-ancestors 'self'"))
HEADERS_FILE = "_headers"


def headers_file() -> bytes:
    """``_headers`` in the format of static hosts (Netlify, Cloudflare Pages); other servers: docs/penerbitan.md, which
    ships with the tool (``lkjip --help`` names where: the webmaster reading this file has no repository)."""
    lines = [
        "# Header HTTP untuk semua berkas situs (format _headers). Padanannya untuk nginx dan Apache ada di",
        "# penerbitan.md, panduan pengelola server yang terpasang bersama lkjip ('lkjip --help' menyebut letaknya).",
        "/*",
        f"  Content-Security-Policy: {HEADER_POLICY}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: strict-origin-when-cross-origin",
        "",
    ]
    return "\n".join(lines).encode("utf-8")
