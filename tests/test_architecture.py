"""The layout shows the pipeline, and the imports keep to it.

Stages are packages (``core`` < ``load`` < ``compute`` < ``markdown`` < ``elements`` < ``output`` < ``build`` <
``cli``, see ``[tool.importlinter]`` in pyproject.toml); a module imports only from its own stage or the stages below
it, no two modules import each other (directly or around a circle), and no import of the project hides inside a
function, where it would only conceal a cycle.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import warnings
from pathlib import Path

import grimp
from importlinter.cli import lint_imports

import lkjip_site.build  # noqa: F401 - imports every module that names what workers start with
from lkjip_site.cli import main as cli
from lkjip_site.core.pool import warm_modules

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "lkjip_site"


def test_layers_contract_is_kept(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)  # import-linter reads pyproject.toml from the working directory
    assert lint_imports(no_cache=True, no_logo=True) == 0


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in sorted(graph.find_modules_directly_imported_by(module)):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycles() -> None:
    graph = grimp.build_graph("lkjip_site", cache_dir=None)
    assert _cycles(graph) == []


def test_cycle_finder_finds_a_planted_cycle() -> None:
    graph = grimp.ImportGraph()
    for importer, imported in (("p.a", "p.b"), ("p.b", "p.c"), ("p.c", "p.a"), ("p.c", "p.d")):
        graph.add_import(importer=importer, imported=imported)
    assert _cycles(graph) == [["p.a", "p.b", "p.c"]]


def _hidden_imports(source: str) -> list[int]:
    """Lines of project imports inside a function, or under ``if TYPE_CHECKING:`` (both can hide a cycle)."""
    lines = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        inside_function = isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        type_checking = isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        if not (inside_function or type_checking):
            continue
        for sub in ast.walk(node):
            if isinstance(sub, ast.ImportFrom) and (sub.level > 0 or (sub.module or "").startswith("lkjip_site")):
                lines.append(sub.lineno)
            elif isinstance(sub, ast.Import) and any(a.name.startswith("lkjip_site") for a in sub.names):
                lines.append(sub.lineno)
    return sorted(set(lines))


def test_no_project_import_hides_inside_a_function() -> None:
    hidden = {str(p.relative_to(ROOT)): lines for p in sorted(SRC.rglob("*.py"))
              if (lines := _hidden_imports(p.read_text(encoding="utf-8")))}
    assert hidden == {}


def test_hidden_import_detector_sees_both_forms() -> None:
    source = ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .x import y\n"
              "def f():\n    import json\n    from ..core import fmt\n")
    assert _hidden_imports(source) == [3, 6]


def test_every_stage_is_a_package_with_a_docstring() -> None:
    """The folder names are the pipeline; each says in its ``__init__`` which stage it is."""
    for stage in ("core", "load", "compute", "markdown", "elements", "output", "archive", "sheets", "cli"):
        init = SRC / stage / "__init__.py"
        assert init.is_file(), stage
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), stage


def _imports_by_name(source: str) -> list[int]:
    """Lines that import a module by its name at run time (``importlib.import_module``, ``__import__``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            if name.endswith("import_module") or name == "__import__":
                found.append(node.lineno)
    return found


def test_only_the_command_table_imports_the_package_by_name() -> None:
    """``cli/main.py`` loads a command's module when the command runs; no other module of the package is imported
    by name, where grimp and import-linter would not see the import. (Altair and openpyxl, libraries, are loaded on
    first use by ``core/lazy.Lazy``: never a module of this package.)"""
    by_name = {str(p.relative_to(ROOT)): lines for p in sorted(SRC.rglob("*.py"))
               if (lines := _imports_by_name(p.read_text(encoding="utf-8")))}
    assert sorted(by_name) == ["src/lkjip_site/cli/main.py", "src/lkjip_site/core/lazy.py"]
    assert [len(lines) for lines in by_name.values()] == [1, 1]
    lazy = [ast.unparse(node) for p in sorted(SRC.rglob("*.py")) for node in ast.walk(ast.parse(p.read_text("utf-8")))
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "Lazy"]
    assert lazy and all(call.startswith("Lazy('") and "lkjip_site" not in call for call in lazy), lazy


def test_command_table_names_every_command_and_hides_no_cycle() -> None:
    """Every command of the parser has a function in the table, and no command module imports ``cli.main`` back
    (the one import grimp cannot see goes from ``main`` to them, so such an import would be a hidden cycle)."""
    parser = cli._parser()
    subcommands = next(a for a in parser._actions if a.dest == "command").choices
    assert sorted(subcommands) == sorted(cli.COMMANDS)
    graph = grimp.build_graph("lkjip_site", cache_dir=None)
    for name, target in sorted(cli.COMMANDS.items()):
        module, _, function = target.partition(":")
        assert callable(cli.command(name)), name
        assert not graph.chain_exists(importer=f"lkjip_site.cli.{module}", imported="lkjip_site.cli.main"), module
        assert function.startswith("cmd_"), target


def test_a_build_imports_no_heavy_library_it_may_not_use() -> None:
    """Importing the build (what every CLI run that builds, checks or previews imports) loads neither Altair nor
    openpyxl nor WeasyPrint: a rebuild whose charts, comparison workbooks and PDFs are all kept uses none of them, and
    their imports (about 0,5, 0,15 and 0,3 s) were most of a one-chapter rebuild's start. They are imported when first
    used (``core.lazy``)."""
    probe = ("import sys, lkjip_site.build, lkjip_site.cli.building, lkjip_site.cli.serve; "
             "print(' '.join(m for m in ('altair', 'openpyxl', 'weasyprint') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []


def test_every_module_compiles_without_a_warning() -> None:
    """An invalid escape in a docstring (``\\w`` in a plain string) is a warning at compile time, which Python 3.12
    makes a SyntaxWarning and a later one an error; the suite printed it among its warnings and nobody read it."""
    for path in sorted(SRC.rglob("*.py")):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            compile(path.read_text(encoding="utf-8"), str(path), "exec", dont_inherit=True)


def test_what_workers_start_with_starts_no_thread() -> None:
    """Workers kept warm fork from a server that imported ``core.pool.warm_workers``'s modules (Linux; the test suite
    and any process that calls ``keep_workers_warm``); a fork copies only the forking thread, so a module that starts threads when imported (vl-convert does) would leave a worker with a
    library whose threads are gone, and it hangs. Each module is imported alone in a fresh interpreter, as the server
    imports it, and the process's threads are counted."""
    names = warm_modules()
    assert {"lkjip_site.output.pdf.job", "lkjip_site.elements.charts.plan", "weasyprint"} <= set(names), names
    probe = ("import os, sys\nfor name in sys.argv[1:]:\n    __import__(name)\n"
             "print(len(os.listdir('/proc/self/task')), 'vl_convert' in sys.modules)")
    for name in names:
        out = subprocess.run([sys.executable, "-c", probe, name], capture_output=True, text=True, check=True).stdout
        assert out.split() == ["1", "False"], f"{name}: {out}"
    vl = subprocess.run([sys.executable, "-c", probe, "vl_convert"], capture_output=True, text=True, check=True)
    assert vl.stdout.split()[0] != "1", "the probe no longer sees vl-convert's threads: it proves nothing"
