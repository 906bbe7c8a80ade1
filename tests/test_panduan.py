"""The author guide's complete minimal example must build, strictly, exactly as printed.

Authors copy it; if the format changes and the guide does not, this test fails. The files are taken from the section
"Contoh laporan minimal yang lengkap" of docs/panduan-penulis.md: each ``### `path` `` heading followed by one fenced
block (three or four backticks) holding the file.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import jinja2
import pytest
from conftest import copy_examples
from jinja2.defaults import DEFAULT_NAMESPACE

from lkjip_site.build import BuildOptions, build
from lkjip_site.cli.main import _parser, main
from lkjip_site.core.resources import GUIDES, PACKAGE_THEMES
from lkjip_site.load.theme import KIND_PARTS
from lkjip_site.output import theme
from lkjip_site.output.csp import headers_file

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "panduan-penulis.md"
SECTION = "## Contoh laporan minimal yang lengkap"
FILE = re.compile(r"^### `((?:content/|situs\.yaml)[^`]*)`\n\n(`{3,4})[a-z]*\n(.*?)^\2$", re.M | re.S)


def example_files() -> dict[str, str]:
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index(SECTION):]  # to the end: the files' own "## " headings sit inside code blocks
    return {m.group(1): m.group(3) for m in FILE.finditer(section)}


def test_guide_example_lists_every_file_of_a_report() -> None:
    files = example_files()
    names = {Path(p).name for p in files}
    assert {"situs.yaml", "laporan.yaml", "indikator.yaml", "anggaran.yaml"} <= names
    assert sum(1 for p in files if p.endswith(".md")) >= 7  # the whole PermenPANRB 53/2014 outline


def test_guide_example_builds_strictly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    for rel, body in example_files().items():
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    result = build(BuildOptions(root=tmp_path, output=tmp_path / "build", strict=True, pdf=False,
                                cache_dir=tmp_path / ".cache"))
    assert result.diagnostics.items == []
    slug = next(p for p in (tmp_path / "content" / "laporan").iterdir() if p.is_dir()).name
    assert (tmp_path / "build" / "laporan" / slug).is_dir()


PUBLISHING = GUIDE.parent / "penerbitan.md"


def server_snippet(language: str) -> str:
    """The ``nginx`` or ``apache`` block of docs/penerbitan.md, which webmasters paste as it is."""
    blocks = re.findall(rf"^```{language}\n(.*?)^```$", PUBLISHING.read_text(encoding="utf-8"), re.M | re.S)
    assert len(blocks) == 1, language
    return blocks[0]


def test_server_snippets_keep_the_mime_map_and_serve_the_404_page() -> None:
    """Pasted "di dalam blok server", the nginx snippet's ``types { application/wasm wasm; }`` replaced nginx's whole
    MIME map: every file went out as application/octet-stream, and the home page was downloaded instead of shown.
    Neither snippet said how to serve ``404.html``."""
    nginx, apache = server_snippet("nginx"), server_snippet("apache")
    assert not re.search(r"^\s*types\s*\{", nginx, re.M)
    assert not re.search(r"^\s*(AddType|ForceType)\b", apache, re.M)
    assert re.search(r"^error_page 404 /\S*404\.html;$", nginx, re.M)
    assert re.search(r"^ErrorDocument 404 /\S*404\.html$", apache, re.M)


def test_server_snippets_compress_what_nginx_would_send_whole() -> None:
    """nginx compresses only text/html unless told: a phone on 3G took the pages' JavaScript, CSS, open data and
    charts at three to five times their compressed size."""
    nginx, apache = server_snippet("nginx"), server_snippet("apache")
    wanted = {"text/css", "application/javascript", "application/json", "image/svg+xml", "text/csv"}
    gzip_types = re.search(r"^gzip_types ([^;]+);$", nginx, re.M)
    assert re.search(r"^gzip on;$", nginx, re.M) and gzip_types and wanted <= set(gzip_types.group(1).split())
    deflate = re.search(r"^AddOutputFilterByType DEFLATE (.+)$", apache, re.M)
    assert deflate and wanted | {"text/html"} <= set(deflate.group(1).split())


def test_the_command_that_finds_the_shipped_theme_finds_it() -> None:
    """A webmaster with only the installed tool had nothing telling where the default theme's files are to copy."""
    command = re.search(r"^```sh\n(python -c .*lkjip_site.*)\n```$", PUBLISHING.read_text(encoding="utf-8"), re.M)
    assert command is not None
    code = command.group(1).removeprefix("python -c ").strip('"')
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert {p.name for p in Path(shown).iterdir()} >= {"templates", "static"}
    assert (Path(shown) / "templates" / "base.html").is_file()


def test_the_tool_names_where_its_guides_are(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A site made from the wheel has no repository beside it: ``_headers`` sent the webmaster to
    'docs/penerbitan.md' and the new site's situs.yaml to 'panduan penulis', neither of them on the computer, and no
    command said where a guide was. The wheel ships them; ``lkjip --help`` and ``lkjip init`` name the files, and
    ``lkjip --help`` the release notes, which the site's README sends a webmaster to before an upgrade."""
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = capsys.readouterr().out
    assert main(["init", str(tmp_path / "situs")]) == 0
    shown += capsys.readouterr().out
    for name in ("panduan-penulis.md", "penerbitan.md"):
        assert (GUIDES / name).is_file()
        assert shown.count(str(GUIDES / name)) == 2, name
    # The release notes say what an upgrade changes and what to do after it; only the repository's README named them.
    assert (GUIDES / "riwayat-versi.md").is_file() and str(GUIDES / "riwayat-versi.md") in shown
    site_readme = (tmp_path / "situs" / "README.md").read_text(encoding="utf-8")
    assert "lkjip --help" in site_readme and "riwayat-versi.md" in site_readme
    assert "lkjip --help" in (tmp_path / "situs" / "situs.yaml").read_text(encoding="utf-8")
    headers = headers_file().decode()
    assert "docs/" not in headers and "lkjip --help" in headers


READMES = (GUIDE.parents[1] / "README.md", GUIDE, PUBLISHING,
           Path(__file__).resolve().parents[1] / "src/lkjip_site/resources/scaffold/situs/README.md")


def documented_commands() -> list[tuple[str, str]]:
    """Every ``lkjip …`` line of the docs' shell blocks (fenced with no language or ``sh``), as a reader copies it:
    without its comment, each part of an ``&&`` chain, lines joined at a trailing backslash."""
    found = []
    for doc in READMES:
        shell, lines = False, []
        for line in doc.read_text(encoding="utf-8").replace("\\\n", " ").splitlines():
            fence = re.match(r"^(`{3,})(\S*)", line)
            if fence and not lines and not shell:
                shell, lines = fence.group(2) in ("", "sh"), [fence.group(1)]
            elif fence and lines and fence.group(1) == lines[0] and not fence.group(2):
                shell, lines = False, []
            elif shell:
                for part in line.split(" #")[0].split("&&"):
                    if part.strip().startswith("lkjip ") and "<" not in part:
                        found.append((doc.name, part.strip()))
    return found


def test_every_documented_command_is_one_the_tool_takes() -> None:
    """A webmaster types the guide's commands as printed: an option renamed in the CLI and not in a guide (or a
    subcommand that no longer exists) is a usage error on their first day."""
    commands = documented_commands()
    assert len(commands) > 20
    parser = _parser()
    for doc, command in commands:
        try:
            parser.parse_args(shlex.split(command)[1:])
        except SystemExit as stop:
            assert stop.code == 0, f"{doc}: {command}"


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    """The CLI's subcommands by name, as ``lkjip <perintah> --help`` shows them."""
    return next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)).choices


def test_every_option_the_guide_lists_is_taken_by_the_commands_it_names() -> None:
    """The guide's table of options says which commands take each one; a webmaster who read "--situs: semua kecuali
    init" and typed ``lkjip schema --situs D:\\situs-lkjip`` got a usage error (``schema`` has no ``--situs``). The
    table's prose is not a command line, so the check of the docs' shell blocks never saw it."""
    text = GUIDE.read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(--[a-z-]+)[^`]*` \| ([^|]+) \|", text, re.M)
    assert len(rows) >= 8
    commands = _subcommands()
    for option, cell in rows:
        named = set(re.findall(r"`([a-z-]+)`", cell))
        assert named <= set(commands), (option, cell)
        takers = set(commands) - named if cell.startswith("semua kecuali") else named
        assert takers, (option, cell)
        for command in sorted(takers):
            assert option in commands[command]._option_string_actions, f"{option}: lkjip {command}"


def test_the_first_steps_name_every_key_a_new_site_must_write(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """The README's first steps said to change judul, pemda and url_dasar, and promised that ``lkjip check --strict``
    then passes; it failed at situs.yaml:1 on ``lisensi_data``, which ``lkjip init`` leaves commented out. Every key
    that strict check asks of a fresh site is named where the webmaster starts: the README's ``cd`` step and the
    new site's own README."""
    assert main(["init", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["check", "--situs", str(tmp_path), "--strict"]) == 1
    keys = set(re.findall(r"^situs\.yaml:\d+: galat: ([a-z_]+)", capsys.readouterr().err, re.M))
    assert {"pemda", "url_dasar"} <= keys
    readme_step = re.search(r"^cd situs-lkjip +# (.*)$", READMES[0].read_text(encoding="utf-8"), re.M)
    assert readme_step is not None
    site_readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    site_step = site_readme[site_readme.index("Langkah kerja"):site_readme.index("```sh")]
    for key in sorted(keys):
        assert key in readme_step.group(1), key
        assert f"`{key}`" in site_step, key


THEME_DOC = Path(__file__).resolve().parents[1] / "docs" / "tema.md"


def theme_doc_names() -> dict[str, set[str]]:
    """The names of docs/tema.md: each section's heading (a template's name, "Semua halaman" or "Filter dan
    fungsi") → the names in the first column of its table."""
    out: dict[str, set[str]] = {}
    for section in re.split(r"^## ", THEME_DOC.read_text(encoding="utf-8"), flags=re.M)[1:]:
        heading = section.splitlines()[0]
        title = re.match(r"`([^`]+)`", heading)
        cells = [line.split("|")[1] for line in section.splitlines() if line.startswith("| `")]
        out[title.group(1) if title else heading.split(" (")[0]] = {n for c in cells for n in re.findall(r"`(\w+)`", c)}
    return out


def test_every_template_value_the_theme_doc_names_is_given_to_that_template(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A webmaster copying home.html or cari.html learnt the names it may use (``instansi_per_jenis``,
    ``pilihan_per_jenis``, ``grafik_jenis``, the ``per_jenis`` filter) from nowhere but the shipped template. The doc
    that lists them names only what the build gives each template (recorded while the bundled examples build), every
    filter it names is one the theme's Jinja has, every template the examples render has its table, and every name a
    copy is warned to lack (``load/theme.py``) is in its template's table or among the filters."""
    given: dict[str, set[str]] = {}
    real = theme.render_text

    def recording(env: Any, template: str, page_url: str, **context: Any) -> str:
        given.setdefault(template, {"page_url"}).update(context)
        return real(env, template, page_url, **context)

    for module in [m for name, m in sys.modules.items() if name.startswith("lkjip_site.")]:
        if getattr(module, "render_text", None) is real:  # (reportjob renders a chapter's page with it directly)
            monkeypatch.setattr(module, "render_text", recording)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)  # every page rendered in this process, where it is recorded
    site = copy_examples(tmp_path / "situs")
    assert main(["build", "--situs", str(site), "--no-pdf", "--tanpa-cache"]) == 0
    documented = theme_doc_names()
    everywhere = set.intersection(*given.values())
    assert documented.pop("Semua halaman") <= everywhere
    env = theme.make_env([PACKAGE_THEMES / "default"])
    functions = documented.pop("Filter dan fungsi")
    assert functions == ((set(env.filters) - set(jinja2.filters.FILTERS))
                         | (set(env.globals) - set(DEFAULT_NAMESPACE)))
    assert set(given) - {"404.html"} == set(documented)
    for template, names in documented.items():
        assert names <= given[template], (template, names - given[template])
    for template, (name, _lost) in KIND_PARTS.items():
        assert name in documented.get(template, functions), template
