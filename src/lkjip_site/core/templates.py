"""A theme's template that fails while it is read or rendered, as the webmaster's message at its line.

A site theme (``themes/<tema>/`` of the site) is the webmaster's input, as ``situs.yaml`` is: a typo in it, a value it
uses that the site does not have (``{{ site.capaian.rumus_negatif }}`` with no ``capaian:`` key: the environment's
undefined values are strict), an ``{% include %}`` of a file that is not there. Such a failure stopped the build as
"galat internal lkjip" in Jinja's English, as if the program were at fault; it is now an error at the template's line
that says what to do, reported as every content error is (nothing written, the last build kept, ``serve`` goes on).
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import PurePath

import jinja2

from .diagnostics import ContentError, Diagnostics

#: What the author can do about any template error (Indonesian, as every message).
_ADVICE = ("perbaiki baris ini, atau hapus berkas ini dari folder themes/ situs agar templat bawaan yang dipakai")


@contextmanager
def theme_errors() -> Iterator[None]:
    """Turn a template error raised inside into a :class:`ContentError` at the template's file and line."""
    try:
        yield
    except jinja2.TemplateError as exc:
        diags = Diagnostics()
        diags.error(_where(exc), _message(exc))
        raise ContentError(diags) from None


def _where(exc: jinja2.TemplateError) -> tuple[str, int]:
    """The template and line at fault: a syntax error names them; a failure while rendering is the innermost frame
    of the traceback in a template file (Jinja rewrites its frames to the template's own lines)."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return _shown(exc.filename), exc.lineno or 1
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith((".html", ".htm", ".j2"))]
    if frames:
        return _shown(frames[-1].filename), frames[-1].lineno or 1
    return "themes", 1


def _shown(filename: str) -> str:
    """A template's path from its theme folder on (``themes/default/templates/base.html``), wherever the theme is."""
    parts = PurePath(filename).parts
    if "themes" in parts:
        start = len(parts) - 1 - parts[::-1].index("themes")
        return "/".join(parts[start:])
    return PurePath(filename).name


def _message(exc: jinja2.TemplateError) -> str:
    detail = getattr(exc, "message", None) or str(exc)
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"templat tema tidak dapat dibaca (Jinja: {detail}); {_ADVICE}"
    if isinstance(exc, jinja2.UndefinedError):
        return f"templat tema memakai nilai yang tidak ada ({_undefined(detail)}); {_ADVICE}"
    if isinstance(exc, jinja2.TemplateNotFound):
        return f"templat tema memanggil berkas templat yang tidak ada: {detail}; {_ADVICE}"
    return f"templat tema gagal dirender (Jinja: {detail}); {_ADVICE}"


#: Jinja's two ways of saying a value is not there: "'lkjip_site.core.model.SiteConfig object' has no attribute
#: 'telepon'" (the webmaster read a class name of ours in English) and "'telepon' is undefined".
_NO_ATTRIBUTE = re.compile(r"^'(?:[\w.]+\.)?(\w+) object' has no attribute '([^']+)'$")
_NO_NAME = re.compile(r"^'([^']+)' is undefined$")
#: What our objects are called in a template: the names a theme's guide uses.
_OBJECTS = {"SiteConfig": "site (situs.yaml)", "Report": "laporan", "Instansi": "instansi", "Person": "kepala"}


def _undefined(detail: str) -> str:
    """Jinja's message of a missing value, in Indonesian where it is one of its two usual forms."""
    if m := _NO_ATTRIBUTE.match(detail):
        owner = _OBJECTS.get(m.group(1), m.group(1))
        return f"'{m.group(2)}' tidak ada pada {owner}"
    if m := _NO_NAME.match(detail):
        return f"'{m.group(1)}' tidak dikenal di templat ini"
    return f"Jinja: {detail}"

