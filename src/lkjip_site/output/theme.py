"""Stage 7, output: the one Jinja environment, its filters, and the theme's static files.

Templates come from the site's theme folder first and the default theme second (a ChoiceLoader), so a site overrides
any template by putting one with the same name in ``themes/<tema>/templates``. Autoescape is on: content reaches
templates as data, never as code.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import jinja2
from jinja2 import meta, nodes
from markupsafe import Markup, escape

from ..compute.scales import colour_class, ink_for
from ..core import fmt
from ..core.diagnostics import Diagnostics
from ..core.files import Held
from ..core.memo import Memo, digest
from ..core.paths import relative_url
from ..core.templates import theme_errors
from .versions import by_kind


@jinja2.pass_context
def _url(context: Any, target: str) -> str:
    """A link relative to the page, or from the site's root path where the page is served at any address (the 404
    page, ``site_root``): it had a ``<base>`` for that, which sent its "Langsung ke isi" (``#isi``) to the home page."""
    root = context.get("site_root")
    if root is not None:
        return root + relative_url("", target).removeprefix("./")
    return relative_url(context.get("page_url", ""), target)


def _percent(value: Any) -> str:
    return fmt.NA if value is None else fmt.fmt_percent(value)


def _number(value: Any, decimals: int = 2) -> str:
    return fmt.NA if value is None else fmt.fmt_number(value, decimals)


def _filesize(size: int) -> str:
    """File sizes the way Indonesian readers expect them: "1,2 MB"."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{fmt.fmt_number(Decimal(size) / 1024, 1)} KB"
    return f"{fmt.fmt_number(Decimal(size) / (1024 * 1024), 1)} MB"


def _marked(text: str, marks: Sequence[Sequence[Any]] = ()) -> Markup:
    """Text with the spans that quote a model figure wrapped in ``<span data-angka="id">`` (a chart summary)."""
    out, pos = [], 0
    for start, end, figure in sorted((int(a), int(b), str(f)) for a, b, f in marks):
        out.append(escape(text[pos:start]))
        out.append(Markup('<span data-angka="{}">{}</span>').format(figure, text[start:end]))
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def colour_stylesheet(colours: Iterable[str]) -> bytes:
    """One rule per predikat colour, with the text colour that contrasts most (inline styles are forbidden by CSP)."""
    rules = [f".{colour_class(c)} {{ background-color: #{c.lstrip('#').lower()}; color: {ink_for(c)}; }}"
             for c in sorted({c.lower() for c in colours if c})]
    return ("/* Warna predikat dari skala yang dipakai laporan; dibuat otomatis oleh lkjip-site. */\n"
            + "\n".join(rules) + "\n").encode("utf-8")


def make_env(dirs: Iterable[Path], beside: Memo | None = None) -> jinja2.Environment:
    """The single Jinja environment factory (site pages, tables, PDF all use it).

    One environment per theme folders and template contents, kept by the process, so ``serve`` does not compile
    the templates again on every save (0,06 s at N = 500). A template added, removed or edited since gives another
    key, so another environment: Jinja's own check compares file times only (a same-second edit on a coarse file
    system would be missed), and it keeps a template found in a later folder after an earlier one gains it.

    ``beside``: a memo of the build's cache; the templates' compiled code is kept in that cache
    (:class:`CompiledTemplates`), so that the next process does not compile them again.
    """
    folders = tuple(dirs)
    kept = (beside.dir.parent, beside.writable) if beside is not None and beside.dir is not None else None
    return _env(folders, read_templates(folders), kept)


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates kept in the memo's ``templat`` namespace, keyed by the template's name, path and
    text, by Jinja's version and by this module's options (which shape the code Jinja writes).

    Why: each CLI build is a new process, and rendering a page compiled its templates from their text again (about
    0,03 s of a one-chapter rebuild at N = 100; paired with and without, 0,98 × CPU: small, and Jinja's own way). An
    entry is sealed like every memo entry, so a damaged one is compiled again, not read as code; Jinja's own header
    in it refuses code of another Python. ``lkjip check``'s read-only cache writes nothing."""

    def __init__(self, memo: Memo) -> None:
        self.memo = memo

    def _key(self, key: str, checksum: str) -> str:
        return self.memo.key(key, checksum, jinja2.__version__, _OPTIONS)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.memo.get(self._key(bucket.key, bucket.checksum))
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if self.memo.stores:
            self.memo.put(self._key(bucket.key, bucket.checksum), bucket.bytecode_to_string())

    def sweep(self, loader: ReadOnce) -> None:
        """Remove the kept code of every template text the theme no longer has (edited, removed), so that the
        cache holds what a build from nothing would store, however often a webmaster edits the theme."""
        current: set[str] = set()
        for name, (path, data) in loader.files.items():
            try:
                text = loader.decoded(name, path, data)
            except jinja2.TemplateSyntaxError:
                continue  # (never compiled: the build that uses it says why)
            current.add(self._key(self.get_cache_key(name, path), self.get_source_checksum(text)))
        self.memo.keep_only(current)


def compile_templates(dirs: Iterable[Path], beside: Memo | None = None) -> None:
    """Compile every template of the theme now, into the environment :func:`make_env` keeps (for ``beside``).

    Why: Jinja compiles a template the first time a page uses it (all of them: 0,25 s). ``serve``'s first build
    takes its pages from the memo and compiles none, so the author's first save paid for those its pages use; done
    between builds instead (``build.Session.settle``), that save is as quick as the next. A template that does not
    compile is left for the build that uses it to report, at its line.
    """
    env = make_env(dirs, beside)
    for name in env.list_templates(extensions=["html"]):
        try:
            env.get_template(name)
        except jinja2.TemplateError:
            continue


#: A theme's template files as read once (:func:`read_templates`): name, file path, bytes, in lookup order.
TemplateFiles = tuple[tuple[str, str, bytes], ...]


def read_templates(dirs: Iterable[Path]) -> TemplateFiles:
    """Every template file of the theme folders (``<folder>/templates/``), read now, the first folder's first."""
    return tuple((p.relative_to(d / "templates").as_posix(), str(p), p.read_bytes())
                 for d, p in _theme_files(dirs, "templates"))


def _theme_files(dirs: Iterable[Path], sub: str) -> list[tuple[Path, Path]]:
    """(theme folder, file) of every file below each folder's ``sub``, in folder order, each folder's sorted."""
    return [(d, p) for d in dirs for p in sorted((d / sub).rglob("*")) if p.is_file()]


class ReadOnce(jinja2.BaseLoader):
    """The theme's templates as :func:`read_templates` read them, never read from disk again.

    Why: a build keys its pages by the templates' bytes (:func:`template_files_key`), and Jinja's file loader read a
    template when a page first used it, and again when its file's time changed. A template saved while a build
    rendered (a webmaster editing the theme beside ``serve``) was rendered in its new text under the key of its old
    one, and kept so in the memo: once the edit was taken back, every later build published the pages of the text
    taken back. Read once, the key and the pages come from the same bytes. A template's text is decoded as Jinja's
    file loader decodes it (UTF-8, every newline a line feed), when it is first used; a file that does not decode is
    the error of the build that uses it, at its line."""

    def __init__(self, files: TemplateFiles):
        self.files: dict[str, tuple[str, bytes]] = {}
        for name, path, data in files:
            self.files.setdefault(name, (path, data))  # a site theme's copy before the default's
        self.key = digest([(name, data) for name, _, data in files])

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        found = self.files.get(template)
        if found is None:
            raise jinja2.TemplateNotFound(template)
        path, data = found
        return self.decoded(template, path, data), path, lambda: True

    @staticmethod
    def decoded(template: str, path: str, data: bytes) -> str:
        """The template's text as Jinja's file loader reads it; not UTF-8: the webmaster's error, at its line (it
        was "galat internal lkjip")."""
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise jinja2.TemplateSyntaxError("berkas templat bukan teks UTF-8; simpan ulang sebagai UTF-8",
                                             data.count(b"\n", 0, exc.start) + 1, template, path) from None
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def list_templates(self) -> list[str]:
        return sorted(self.files)


def template_files_key(env: jinja2.Environment) -> str:
    """The hash of the templates ``env`` renders with (every file of every theme folder, as read for it)."""
    loader = env.loader
    assert isinstance(loader, ReadOnce)  # (:func:`make_env` makes every environment)
    return loader.key


#: The options every environment is made with (part of a compiled template's key: they shape its code).
_OPTIONS: dict[str, Any] = {"autoescape": True, "undefined": jinja2.StrictUndefined, "trim_blocks": True,
                            "lstrip_blocks": True, "keep_trailing_newline": True}


@functools.lru_cache(maxsize=8)
def _env(dirs: tuple[Path, ...], templates: TemplateFiles,  # noqa: ARG001 - part of the key
         kept: tuple[Path, bool] | None = None) -> jinja2.Environment:
    """``kept``: the cache folder and whether it is written, where compiled templates are kept (a value, not a
    memo, so that each of ``serve``'s builds finds the environment of the last one)."""
    loader = ReadOnce(templates)
    compiled = CompiledTemplates(Memo(kept[0], "templat", writable=kept[1])) if kept is not None else None
    if compiled is not None:
        compiled.sweep(loader)
    env = jinja2.Environment(loader=loader, bytecode_cache=compiled, **_OPTIONS)
    env.filters.update(
        tanggal=fmt.fmt_date,
        huruf=fmt.note_letter,
        nip=fmt.fmt_nip,
        angka=_number,
        bulat=fmt.fmt_int,
        persen=_percent,
        rupiah=fmt.fmt_rupiah,
        romawi=fmt.roman,
        ukuran=_filesize,
        nilai=fmt.fmt_value,
        ditandai=_marked,
        warna_kelas=colour_class,
        per_jenis=by_kind,
    )
    env.globals["url"] = _url
    return env


@dataclass
class Asset:
    """A static file: its output path and bytes, with a short content hash for cache-busting URLs."""

    path: str
    data: bytes

    @property
    def versioned(self) -> str:
        return f"{self.path}?v={_version_tag(self.data)}"


@functools.lru_cache(maxsize=512)
def _version_tag(data: bytes) -> str:
    """Every version folder links the same theme files: each file's bytes are hashed once per process."""
    return hashlib.sha256(data).hexdigest()[:10]


def collect_static(dirs: list[Path]) -> dict[str, Asset]:
    """Theme static files under ``aset/``; the first theme that has a file wins (site overrides default)."""
    out: dict[str, Asset] = {}
    for d in dirs:
        static = d / "static"
        if not static.is_dir():
            continue
        for path in sorted(static.rglob("*")):
            if path.is_file():
                rel = "aset/" + path.relative_to(static).as_posix()
                out.setdefault(rel, Asset(rel, path.read_bytes()))
    return dict(sorted(out.items()))


def static_fingerprint(dirs: list[Path]) -> str:
    """Hash of the themes' static files (path inside the theme and bytes), which a PDF is laid out with (its print
    stylesheet, the fonts); the templates' is :func:`template_files_key`."""
    return digest([(str(p.relative_to(d)), p.read_bytes()) for d, p in _theme_files(dirs, "static")])


def templates_key(env: jinja2.Environment, names: Iterable[str]) -> str:
    """Hash of the templates ``names`` as ``env`` finds them (a site theme's copy before the default's) and of every
    template they import, include or extend, named or not: what those templates render cannot change otherwise.

    Why not the whole theme (:func:`template_files_key`): a chapter's body renders through the table and figure
    partials only, and an edit to the page around it (the header, the footer) kept no body. A reference Jinja cannot
    name beforehand (a template chosen by a variable) counts every template of the theme."""
    seen: dict[str, str] = {}
    todo = sorted(set(names))
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        try:
            source = env.loader.get_source(env, name)[0] if env.loader is not None else ""
        except jinja2.TemplateNotFound:  # (an optional include; one that must be there fails rendering)
            seen[name] = "?"
            continue
        seen[name] = source  # its text, even where it does not compile: a template that did not exist is not it
        try:
            referenced = list(meta.find_referenced_templates(env.parse(source)))
        except jinja2.TemplateSyntaxError:  # rendering through it reports the error, and keeps nothing
            continue
        if None in referenced:
            return digest(sorted(seen.items()), all_templates(env))
        todo.extend(str(r) for r in referenced)
    return digest(sorted(seen.items()))


def all_templates(env: jinja2.Environment) -> list[tuple[str, str]]:
    """Every template of ``env`` with its source, as it finds them."""
    loader = env.loader
    if loader is None:  # (make_env always gives one)
        return []
    return [(name, loader.get_source(env, name)[0]) for name in loader.list_templates()]


def render_page(env: jinja2.Environment, template: str, page_url: str, **context: Any) -> bytes:
    return render_text(env, template, page_url, **context).encode("utf-8")


def render_text(env: jinja2.Environment, template: str, page_url: str, **context: Any) -> str:
    with theme_errors():
        return env.get_template(template).render(page_url=page_url, **context)


#: Where a template may print a variable for :func:`prints_plainly`: nodes that only choose whether, how often and
#: in which block their output appears, never change or capture it.
_PLAIN_PLACES = (nodes.Template, nodes.Block, nodes.If, nodes.For, nodes.With, nodes.Scope)


@functools.lru_cache(maxsize=32)
def prints_plainly(env: jinja2.Environment, template: str, name: str) -> bool:
    """Whether ``template``, and every template it extends, includes or imports, uses the variable ``name`` only
    as ``{{ name }}`` on its own: never tests, filters, captures, assigns or passes it, and never inside a macro,
    a ``call`` or a ``filter`` block. Then its output holds the variable's text unchanged wherever it is printed,
    whatever that text is, and nothing else of the page depends on it (``reportjob.chapter_page`` relies on this
    to write a chapter's body into its page as bytes). False when in doubt: a template that does not parse, or names
    another by an expression."""
    loader = env.loader
    todo, seen = [template], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            tree = env.parse(loader.get_source(env, current)[0]) if loader is not None else None
        except jinja2.TemplateError:  # (rendering it says what is wrong, at its line)
            return False
        if tree is None or not _plain_uses(tree, name, True):
            return False
        for node in tree.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
            named = _constant_names(node.template)
            if named is None:
                return False
            todo.extend(named)
    return True


def _plain_uses(node: nodes.Node, name: str, plain: bool) -> bool:
    """No use of ``name`` below ``node`` but as a whole item of an output whose every ancestor is plain."""
    if isinstance(node, nodes.Output):
        return all(plain if isinstance(item, nodes.Name) and item.name == name else _plain_uses(item, name, False)
                   for item in node.nodes)
    if isinstance(node, nodes.Name) and node.name == name:
        return False
    inside = plain and isinstance(node, _PLAIN_PLACES)
    return all(_plain_uses(child, name, inside) for child in node.iter_child_nodes())


def _constant_names(template: nodes.Expr) -> list[str] | None:
    """The template names an ``extends``, ``include`` or ``import`` gives as constants, else None."""
    if isinstance(template, nodes.Const) and isinstance(template.value, str):
        return [template.value]
    if isinstance(template, (nodes.List, nodes.Tuple)):
        found = [item.value for item in template.items if isinstance(item, nodes.Const)]
        return found if len(found) == len(template.items) and all(isinstance(v, str) for v in found) else None
    return None


def memoised(memo: Memo, key: str | None, name: str, render: Callable[[], bytes]) -> bytes:
    """The page from ``memo`` when its key is known, else rendered (and counted as rendered, so its links are checked)."""
    cached = memo.get(key) if key else None
    if cached is not None:
        return cached
    data = render()
    if key:
        memo.put(key, data, name)
    return data


def memoised_held(memo: Memo, key: str | None, name: str, render: Callable[[], bytes],
                  diags: Diagnostics | None = None) -> Held:
    """:func:`memoised` for the bulk of the site (a report's pages): where the memo keeps its entries on disk only,
    the page is held as a reference to its entry, read when a stage needs its bytes (``core/files.py``).

    A page whose rendering added to ``diags`` (a ``{ref}`` to no table or figure, say) is not kept: the next build
    renders it, and says it, again. Kept, it was taken from the memo by the next build of the same sources, which
    then said nothing and published the page with the error in it."""
    cached = memo.ref(key) if key else None
    if cached is not None:
        return cached
    said = len(diags.items) if diags is not None else 0
    data = render()
    if key and diags is not None and len(diags.items) > said:
        memo.stats.rendered.append(name)  # rendered in this build all the same: its links are checked
        return data
    return memo.store(key, data, name) if key else data
