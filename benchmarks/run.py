"""Build benchmark of issue 6: one command, a table per corpus size, targets beside each measurement.

Why it is built this way:

* Every build runs as a separate ``lkjip build`` process, as an author or a CI job runs it. So the times include
  interpreter start-up and imports, and the memory is the real peak of the process tree, not of a test harness.
* Only the public CLI is used. The build's cache is being developed in parallel; the benchmark measures whatever the
  build does and does not know where or how it caches.
* After every incremental rebuild the output tree is compared byte for byte with a clean build of the same input
  (a copy of the content in a fresh folder, empty cache). A fast rebuild that produces different bytes is a bug,
  and the ``identik`` column shows it.
* MkDocs, installed in the benchmark's own venv (never in the project's), builds the same chapters' Markdown in the
  same run, so the ratio per page is measured on the same machine at the same moment.

Usage::

    .venv/bin/python benchmarks/run.py                 # N = 10 and 100
    .venv/bin/python benchmarks/run.py --n 10          # only N = 10
    .venv/bin/python benchmarks/run.py --besar         # adds N = 500
    .venv/bin/python benchmarks/run.py --pdf-sample 2 --tanpa-grafik --tanpa-mkdocs

See benchmarks/README.md for the meaning of each row.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (a sibling script, not a package)

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_WORK = Path("/tmp/lkjip-bench")
SOURCE_DATE_EPOCH = "1700000000"  # fixed, so two builds of the same input may be compared byte for byte
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")

# Targets of issue 14 (2-core machine)
TARGET_COLD_MS_PER_PAGE = 40.0  # charts rendered
TARGET_COLD_SPEEDUP = 3.0  # cold charts at least 3 × faster than the measurement:
BASELINE_COLD_MS_PER_PAGE = 125.0  # issue 14's table, N = 100
TARGET_WARM_VS_MKDOCS = 0.25  # full build with cached charts, per page, ÷ MkDocs per page in the same run
TARGET_NOOP_S = {100: 1.0, 500: 2.0}
TARGET_CHAPTER_S = 0.3
TARGET_SERVE_S = 0.15
TARGET_VALUE_S = 1.0
TARGET_PDF_S_PER_PAGE = 0.15
TARGET_RSS_MB = 1024.0  # at N = 500

# The edits timed inside one preview process (``inproc.py <root> <step> <kind>``): kind, and its words in the table.
SERVE_EDITS = (("bab", "1 bab"), ("nilai", "1 nilai"))


# ----------------------------------------------------------------------------------------------------------------
# Running one build


@dataclass
class Run:
    """One ``lkjip`` process: wall time, peak memory, what it printed."""

    seconds: float
    rss_mb: float
    rc: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.rc == 0

    @property
    def rendered(self) -> str:
        """Pages the build says it rendered (the CLI prints 'N halaman dirender ulang'); '–' if it does not say."""
        m = re.search(r"(\d+) halaman dirender ulang", self.stdout)
        return m.group(1) if m else "–"

    @property
    def stages(self) -> dict[str, float]:
        """Seconds per stage, from the line ``lkjip build --waktu`` prints (``Waktu per tahap: baca 1,20 s · …``)."""
        m = re.search(r"^Waktu per tahap: (.*)$", self.stdout, re.M)
        return parse_stages(m.group(1)) if m else {}

    def error_tail(self) -> str:
        lines = [ln for ln in (self.stderr + self.stdout).splitlines() if ln.strip()]
        return " | ".join(lines[-3:])[:400]


def parse_stages(text: str) -> dict[str, float]:
    out = {}
    for part in text.split(" · "):
        name, _, value = part.strip().partition(" ")
        try:
            out[name] = float(value.removesuffix(" s").replace(".", "").replace(",", "."))
        except ValueError:
            continue
    return out


def _children_map() -> dict[int, list[int]]:
    """ppid -> pids, from /proc (this kernel has no /proc/<pid>/task/<tid>/children)."""
    out: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read().decode("ascii", "replace")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        out.setdefault(ppid, []).append(int(entry.name))
    return out


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (worker pools count: their memory adds up)."""
    children = _children_map()
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/statm", "rb") as f:
                total += int(f.read().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            pass
        stack.extend(children.get(p, []))
    return total


def run(cmd: list[str], log: Path, env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run ``cmd``; peak RSS = max(kernel's peak of any single process, sampled sum over the process tree)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    out_path, err_path = log.with_suffix(".out"), log.with_suffix(".err")
    peak = [0]
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=cwd)
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], _tree_rss(proc.pid))
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    rss = max(usage.ru_maxrss * 1024, peak[0]) / 2**20  # ru_maxrss is in KiB on Linux
    return Run(seconds, rss, proc.returncode, out_path.read_text("utf-8", "replace"),
               err_path.read_text("utf-8", "replace"))


def lkjip_command() -> list[str]:
    exe = REPO / ".venv" / "bin" / "lkjip"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "lkjip_site"]


def python_command() -> str:
    exe = REPO / ".venv" / "bin" / "python"
    return str(exe) if exe.exists() else sys.executable


SNAPSHOT: Path | None = None  # set by main(): a copy of src/ and themes/ that every build imports


def _assert_snapshot_is_used(src: Path) -> None:
    """The engine and its theme, as a build process of this run finds them, are the copy's: else the run stops."""
    probe = ("from lkjip_site.core.resources import PACKAGE_DIR, PACKAGE_THEMES; "
             "print(PACKAGE_DIR.resolve()); print(PACKAGE_THEMES.resolve())")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, (str(src), os.environ.get("PYTHONPATH")))))
    found = subprocess.run([python_command(), "-c", probe], env=env, capture_output=True, text=True, check=True)
    outside = [line for line in found.stdout.split() if not Path(line).is_relative_to(src.resolve())]
    if outside:
        sys.exit(f"salinan kode tidak dipakai seluruhnya oleh build: {outside} di luar {src}")


def snapshot_source(work: Path) -> str:
    """Copy src/ and themes/ once, so edits made in the working tree during a long run do not mix two versions of
    the build in one table (the package finds its default theme relative to its own files). Returns a label."""
    global SNAPSHOT
    snap = work / "sumber"
    if snap.exists():
        shutil.rmtree(snap)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(REPO / "src", snap / "src", ignore=ignore)
    # Where the wheel puts it (package lkjip_site.themes): left at snap/themes, the package found its theme through
    # the editable install, in the working tree, so a theme edited during a run changed the builds' input midway
    # (a "no-op" at N = 500 rebuilt everything after cari.js was edited during the cold build).
    shutil.copytree(REPO / "themes", snap / "src" / "lkjip_site" / "themes", ignore=ignore)
    # Byte-compiled as pip does when it installs the wheel: without it every build process would compile the whole
    # package again (PYTHONDONTWRITEBYTECODE, set on some machines, keeps Python from saving what it compiled).
    compileall.compile_dir(str(snap / "src"), quiet=1)
    SNAPSHOT = snap / "src"
    _assert_snapshot_is_used(snap / "src")
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src", "themes"], cwd=REPO,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "salinan src/ dan themes/ (bukan repositori git)"
    return f"salinan src/ dan themes/ dari {head}" + (" + perubahan yang belum di-commit" if dirty else "")


def build_env(root: Path) -> dict[str, str]:
    """Fixed clock; a per-root XDG cache, so a 'clean' build cannot pick up a cache kept in the home folder."""
    env = dict(os.environ)
    if SNAPSHOT is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(SNAPSHOT), env.get("PYTHONPATH"))))
    env["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    env["XDG_CACHE_HOME"] = str(root / ".xdg-cache")
    env.pop("LKJIP_DEBUG", None)
    return env


def lkjip_build(root: Path, name: str, pdf: bool = False, extra: tuple[str, ...] = ()) -> Run:
    """``lkjip build <root>/content --output <root>/build [--no-pdf]`` in ``root``."""
    cmd = [*lkjip_command(), "build", "--situs", str(root), "--output", str(root / "build"), "--waktu", *extra]
    if not pdf:
        cmd.append("--no-pdf")
    return run(cmd, root.parent / "log" / name, env=build_env(root), cwd=root)


# ----------------------------------------------------------------------------------------------------------------
# Output trees


def tree_digest(folder: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file under ``folder``."""
    out = {}
    if not folder.exists():
        return out
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            out[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def compare(incremental: dict[str, str], clean: dict[str, str]) -> tuple[bool, str]:
    """Equal trees, or a short description of how they differ (for the notes under the table)."""
    if incremental == clean:
        return True, ""
    only_inc = sorted(set(incremental) - set(clean))
    only_clean = sorted(set(clean) - set(incremental))
    differ = sorted(k for k in set(incremental) & set(clean) if incremental[k] != clean[k])
    parts = []
    for label, items in (("hanya di build inkremental", only_inc), ("hilang dari build inkremental", only_clean),
                         ("isi berbeda", differ)):
        if items:
            parts.append(f"{len(items)} berkas {label} (mis. {', '.join(items[:2])})")
    return False, "; ".join(parts)


def count_pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def fresh_copy(content: Path, root: Path) -> None:
    """A clean build's input: the same content in a new folder with nothing cached."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    shutil.copytree(content, root / "content")
    shutil.copy2(content.parent / "situs.yaml", root / "situs.yaml")


# ----------------------------------------------------------------------------------------------------------------
# MkDocs side by side


def ensure_mkdocs(work: Path) -> Path | None:
    """MkDocs in its own venv under the work folder (never the project's .venv). None if it cannot be installed."""
    venv = work / "mkdocs-venv"
    exe = venv / "bin" / "mkdocs"
    if exe.exists():
        return exe
    print(f"Memasang MkDocs di {venv} (venv tersendiri, bukan .venv proyek)…", flush=True)
    try:
        subprocess.run(["python3", "-m", "venv", str(venv)], check=True, capture_output=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "mkdocs"], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"MkDocs tidak dapat dipasang: {exc}", file=sys.stderr)
        return None
    return exe if exe.exists() else None


_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_ROLE = re.compile(r"\{(?:nilai|ref)\}(`[^`]*`)")
_DIRECTIVE = re.compile(r"^```\{(tabel|grafik)\}\s*(\w+)\s*$", re.M)


def mkdocs_project(content: Path, dest: Path) -> int:
    """The same chapters as plain Markdown: front matter turned into a heading, directives left as YAML code blocks,
    ``{nilai}``/``{ref}`` roles as code spans; images copied. Returns the number of Markdown pages."""
    if dest.exists():
        shutil.rmtree(dest)
    docs = dest / "docs"
    docs.mkdir(parents=True)
    index = ["# Portal Laporan Kinerja", ""]
    pages = 1
    for report in sorted((content / "laporan").iterdir()):
        if not report.is_dir():
            continue
        target = docs / report.name
        target.mkdir()
        if (report / "gambar").exists():
            shutil.copytree(report / "gambar", target / "gambar")
        chapters = []
        for md in sorted(report.glob("*.md")):
            text = md.read_text(encoding="utf-8")
            m = _FRONT.match(text)
            title = md.stem
            if m:
                t = re.search(r"^judul:\s*\"?(.*?)\"?\s*$", m.group(1), re.M)
                title = t.group(1) if t else title
                text = text[m.end():]
            text = _DIRECTIVE.sub(lambda d: f"```yaml\n# {d.group(1)} {d.group(2)}", text)
            text = _ROLE.sub(r"\1", text)
            (target / md.name).write_text(f"# {title}\n\n{text}", encoding="utf-8")
            chapters.append(f"- [{title}]({md.name})")
            pages += 1
        (target / "index.md").write_text(f"# {report.name}\n\n" + "\n".join(chapters) + "\n", encoding="utf-8")
        pages += 1
        index.append(f"- [{report.name}]({report.name}/index.md)")
    (docs / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    (dest / "mkdocs.yml").write_text("site_name: Portal Laporan Kinerja (pembanding MkDocs)\n", encoding="utf-8")
    return pages


# ----------------------------------------------------------------------------------------------------------------
# Formatting (id-ID: decimal comma)


def num(value: float, decimals: int = 2) -> str:
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def verdict(ok: bool | None) -> str:
    return "–" if ok is None else ("✓" if ok else "✗")


@dataclass
class Row:
    label: str
    result: str
    per_page: str = ""
    target: str = "–"
    ok: bool | None = None
    identical: bool | None = None
    rendered: str = "–"


@dataclass
class Table:
    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    stages: list[tuple[str, dict[str, float]]] = field(default_factory=list)

    def render(self) -> str:
        head = ("ukuran", "hasil", "per halaman", "target", "✓/✗", "identik", "dirender")
        body = [(r.label, r.result, r.per_page, r.target, verdict(r.ok), verdict(r.identical), r.rendered)
                for r in self.rows]
        widths = [max(len(x[i]) for x in (head, *body)) for i in range(len(head))]
        right = {1, 2, 6}

        def line(cells: tuple[str, ...]) -> str:
            return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))

        out = [self.title, line(head), "  ".join("-" * w for w in widths)]
        out += [line(b).rstrip() for b in body]
        out += [f"  * {n}" for n in self.notes]
        if self.stages:
            out += ["", stage_table(self.stages)]
        return "\n".join(out)


#: The stages ``--waktu`` names, in pipeline order, and the issue's words for them.
STAGE_NAMES = (("awal", "start"), ("baca", "parse"), ("hitung", "compute"), ("periksa", "check"),
               ("grafik", "charts"), ("render", "render"), ("pdf", "PDF"), ("audit", "audit"),
               ("tautan", "links"), ("indeks", "search"), ("terbit", "publish"))


def stage_table(stages: list[tuple[str, dict[str, float]]]) -> str:
    """Seconds per stage of each build (rows) and stage (columns); the rest of the wall time is interpreter
    start-up, imports and process exit."""
    used = [(k, en) for k, en in STAGE_NAMES if any(k in st for _, st in stages)]
    head = ("waktu per tahap (s)", *[f"{k}/{en}" for k, en in used])
    body = [(label, *[num(st[k]) if k in st else "" for k, _ in used]) for label, st in stages]
    widths = [max(len(x[i]) for x in (head, *body)) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
             for row in (head, *body)]
    return "\n".join([lines[0], "  ".join("-" * w for w in widths), *lines[1:]])


# ----------------------------------------------------------------------------------------------------------------
# The measurements


@dataclass
class PdfSample:
    seconds_per_page: float | None
    pages: int
    reports: int
    note: str = ""


def measure_pdf(work: Path, k: int, seed: int, grafik: bool) -> PdfSample:
    """PDF cost per page: (cold build with PDF − cold build without PDF) of the first k reports ÷ PDF pages."""
    from pypdf import PdfReader

    base = work / "pdf"
    if base.exists():  # a cache left by an earlier run would make the PDF build look free
        shutil.rmtree(base)
    with_pdf, without = base / "dengan-pdf", base / "tanpa-pdf"
    corpus.generate(with_pdf, k, seed, grafik)
    fresh_copy(with_pdf / "content", without)
    r_pdf = lkjip_build(with_pdf, "pdf-dengan", pdf=True)
    if not r_pdf.ok:
        return PdfSample(None, 0, k, f"build dengan PDF gagal: {r_pdf.error_tail()}")
    r_html = lkjip_build(without, "pdf-tanpa")
    pages = sum(len(PdfReader(str(p)).pages) for p in (with_pdf / "build").rglob("*.pdf"))
    if not pages:
        return PdfSample(None, 0, k, "build tidak menghasilkan PDF")
    extra = r_pdf.seconds - (r_html.seconds if r_html.ok else 0.0)
    if extra <= 0:
        return PdfSample(None, pages, k, f"build dengan PDF ({num(r_pdf.seconds)} s) tidak lebih lambat daripada tanpa "
                                          f"PDF ({num(r_html.seconds)} s): mesin sibuk? ulangi pengukuran")
    note = (f"PDF: {k} laporan, {pages} halaman PDF; build dengan PDF {num(r_pdf.seconds)} s, tanpa PDF "
            f"{num(r_html.seconds)} s; RSS puncak dengan PDF {num(r_pdf.rss_mb, 0)} MB")
    return PdfSample(extra / pages, pages, k, note)


def probe_charts(work: Path, seed: int) -> tuple[bool, str]:
    """Does the build accept the corpus' {grafik} blocks yet? (Charts are being integrated in parallel.)"""
    root = work / "probe"
    if root.exists():
        shutil.rmtree(root)
    corpus.generate(root, 1, seed, grafik=True)
    r = lkjip_build(root, "probe-grafik")
    if r.ok:
        return True, ""
    if "grafik" in (r.stderr + r.stdout):
        return False, f"build belum menerima blok {{grafik}} ({r.error_tail()}); korpus diukur tanpa grafik"
    return True, ""


def edit_title(content: Path, step: int) -> Path:
    """Every page shows the portal title and no chart does: all pages render again, charts may come from a cache."""
    situs = content.parent / "situs.yaml"  # the site file sits beside content/ (issue 10)
    text = situs.read_text(encoding="utf-8")
    situs.write_text(text.replace("(Korpus Uji Kecepatan)", f"(Korpus Uji Kecepatan, judul ke-{step})", 1), "utf-8")
    return situs


def bench_n(n: int, work: Path, seed: int, grafik: bool, mkdocs: Path | None, pdf: PdfSample | None,
            grafik_note: str, check: str, terbit: int = 0) -> Table:
    base = work / f"n{n}"
    if base.exists():
        shutil.rmtree(base)
    a, clean = base / "a", base / "b"  # same depth, so no path length differs between the two trees
    content = corpus.generate(a, n, seed, grafik)
    md_root = base / "mkdocs"
    md_pages = mkdocs_project(content, md_root) if mkdocs else 0
    chapters = sum(1 for _ in (content / "laporan").glob("*/*.md"))
    charts = sum(p.read_text(encoding="utf-8").count("```{grafik}") for p in (content / "laporan").glob("*/*.md"))
    runs: list[tuple[str, Run]] = []
    notes: list[str] = []

    def step(name: str, root: Path, label: str) -> Run:
        print(f"  N={n}: {label}…", flush=True)
        r = lkjip_build(root, f"n{n}-{name}")
        runs.append((label, r))
        if not r.ok:
            notes.append(f"{label}: build GAGAL (kode {r.rc}): {r.error_tail()}")
        return r

    def clean_build(name: str) -> tuple[Run, dict[str, str]]:
        fresh_copy(content, clean)
        r = step(name, clean, f"build bersih ({name})")
        return r, tree_digest(clean / "build")

    cold = step("dingin", a, "build penuh dingin")
    if not cold.ok:  # nothing else can be measured on a corpus the build rejects
        return Table(f"N = {n} laporan: build penuh GAGAL, pengukuran lain dilewati", [], notes)
    pages = count_pages(a / "build")
    h0 = tree_digest(a / "build")
    cold_runs = [cold]

    noop = step("noop", a, "build ulang tanpa perubahan")
    same_noop, why = compare(tree_digest(a / "build"), h0)
    if why:
        notes.append(f"tanpa perubahan: {why}")

    # Each scenario: one edit, one incremental rebuild; with check == "setiap" a clean build of the same input too.
    scenarios = (("judul", "build penuh, grafik dari cache", edit_title),
                 ("bab", "build ulang 1 bab", corpus.edit_chapter),
                 ("nilai", "build ulang 1 nilai", corpus.edit_value))
    inc: dict[str, tuple[Run, bool | None]] = {}
    checked: Run | None = None
    for name, label, edit in scenarios:
        edited = edit(content, 1)
        if name == "bab":  # what the scaffold tells an author to run after an edit, before building
            print(f"  N={n}: lkjip check, 1 bab diubah…", flush=True)
            checked = run([*lkjip_command(), "check", "--situs", str(a)], base / "log" / f"n{n}-check",
                          env=build_env(a), cwd=a)
            runs.append(("lkjip check, 1 bab diubah", checked))
            if not checked.ok:
                notes.append(f"lkjip check GAGAL (kode {checked.rc}): {checked.error_tail()}")
        r = step(name, a, label)
        same: bool | None = None
        if check == "setiap":
            ref, h_ref = clean_build(f"bersih-{name}")
            cold_runs.append(ref)
            same, why = compare(tree_digest(a / "build"), h_ref)
            if why:
                notes.append(f"{label} ({edited.relative_to(content.parent)}): {why}")
        inc[name] = (r, same if r.ok else None)
    # The same kinds of edit inside one running process (what `lkjip serve` pays), through the public API.
    serve: dict[str, tuple[float | None, str, dict[str, float]]] = {}
    for kind, what in SERVE_EDITS:  # steps from 2: the CLI's edit of each kind was step 1
        label = f"build ulang {what} dalam proses"
        print(f"  N={n}: {label}…", flush=True)
        r = run([python_command(), str(HERE / "inproc.py"), str(a), "2", kind],
                base / "log" / f"n{n}-dalam-proses-{kind}", env=build_env(a), cwd=a)
        runs.append((label, r))
        serve[kind] = (None, "–", {})
        if not r.ok:
            notes.append(f"{label} GAGAL: {r.error_tail()}")
            continue
        data = json.loads(r.stdout.strip().splitlines()[-1])
        serve[kind] = (float(data["bab_s"]), str(data["dirender"]),
                       {k: float(v) for k, v in data.get("tahap", {}).items()})
        if "indeks_menyusul_s" in data:
            notes.append(f"{what} dalam proses (serve): halaman dimuat ulang setelah {num(serve[kind][0])} s; indeks "
                         f"pencarian menyusul dalam {num(float(data['indeks_menyusul_s']))} s berikutnya")
        if len(data.get("bab_semua_s", [])) > 1:
            each = [float(x) for x in data["bab_semua_s"]]
            notes.append(f"{what} dalam proses (serve): median {len(each)} kali simpan dalam satu proses, tiap "
                         f"simpan {'; '.join(num(x) for x in each)} s (rentang {num(min(each))}–{num(max(each))} s)")
    same_serve: bool | None = None
    if check == "setiap" and all(seconds is not None for seconds, _, _ in serve.values()):
        ref, h_ref = clean_build("bersih-dalam-proses")
        cold_runs.append(ref)
        same_serve, why = compare(tree_digest(a / "build"), h_ref)
        if why:
            notes.append(f"dalam proses: {why}")
    final_same: bool | None = None
    if check == "akhir":
        ref, h_ref = clean_build("bersih-akhir")
        cold_runs.append(ref)
        final_same, why = compare(tree_digest(a / "build"), h_ref)
        if why:
            notes.append(f"hasil akhir setelah 5 perubahan: {why}")
    (warm, same_warm), (chap, same_chap), (val, same_val) = inc["judul"], inc["bab"], inc["nilai"]
    archived = release_some(a, content, terbit, n, runs, notes, step) if terbit else None

    ok_cold = [r.seconds for r in cold_runs if r.ok]
    cold_s = statistics.median(ok_cold) if ok_cold else float("nan")
    ms_page = cold_s * 1000 / pages if pages else float("nan")
    warm_ms = warm.seconds * 1000 / pages if pages else float("nan")
    md_ms = mkdocs_ms(mkdocs, md_root, md_pages, base, n, notes) if mkdocs else None
    noop_target = TARGET_NOOP_S.get(n)
    cold_target = (f"≤ {num(TARGET_COLD_MS_PER_PAGE, 0)} ms/hlm, ≥ {num(TARGET_COLD_SPEEDUP, 0)} × "
                   f"{num(BASELINE_COLD_MS_PER_PAGE, 0)} ms")
    cold_ok = ms_page <= min(TARGET_COLD_MS_PER_PAGE, BASELINE_COLD_MS_PER_PAGE / TARGET_COLD_SPEEDUP)
    rows = [
        Row("build penuh HTML, cache kosong", f"{num(cold_s)} s", f"{num(ms_page, 1)} ms",
            cold_target if grafik else f"≤ {num(TARGET_COLD_MS_PER_PAGE, 0)} ms/hlm",
            cold_ok if ok_cold else None, None, cold.rendered),
        Row("build penuh HTML, grafik dari cache", f"{num(warm.seconds)} s", f"{num(warm_ms, 1)} ms",
            f"≤ {num(TARGET_WARM_VS_MKDOCS)} × MkDocs/hlm",
            (warm.ok and warm_ms <= TARGET_WARM_VS_MKDOCS * md_ms) if md_ms else None,
            same_warm if warm.ok else None, warm.rendered),
        Row("build ulang tanpa perubahan", f"{num(noop.seconds)} s", "",
            f"≤ {num(noop_target, 0)} s" if noop_target else "–",
            (noop.ok and noop.seconds <= noop_target) if noop_target else None,
            same_noop if noop.ok else None, noop.rendered),
        Row("lkjip check, 1 bab diubah (sebelum build)", f"{num(checked.seconds)} s" if checked and checked.ok
            else "gagal", "", "(tanpa target)"),
        Row("build ulang, 1 bab diubah", f"{num(chap.seconds)} s", "", f"≤ {num(TARGET_CHAPTER_S, 1)} s",
            chap.ok and chap.seconds <= TARGET_CHAPTER_S, same_chap if chap.ok else None, chap.rendered),
        serve_row("build ulang, 1 bab, dalam proses (serve)", serve["bab"], TARGET_SERVE_S, same_serve),
        Row("build ulang, 1 nilai data diubah", f"{num(val.seconds)} s", "", f"≤ {num(TARGET_VALUE_S, 0)} s",
            val.ok and val.seconds <= TARGET_VALUE_S, same_val if val.ok else None, val.rendered),
        serve_row("build ulang, 1 nilai, dalam proses (serve)", serve["nilai"], TARGET_VALUE_S, same_serve),
    ]
    if check == "akhir":
        rows.append(Row("hasil akhir 5 perubahan = build bersih", "", "", "identik", None, final_same))
    if archived is not None:
        count, size_mb, r = archived
        rows.append(Row(f"build ulang, 1 bab, {count} versi terbitan ({num(size_mb, 0)} MB di arsip/)",
                        f"{num(r.seconds)} s" if r.ok else "gagal", "", "(tanpa target; bandingkan 1 bab di atas)",
                        None, None, r.rendered))
    if pdf is not None:
        if pdf.seconds_per_page is None:
            rows.append(Row("PDF (sampel)", "gagal", "", f"≤ {num(TARGET_PDF_S_PER_PAGE)} s/hlm", False))
        else:
            rows.append(Row(f"PDF (sampel {pdf.reports} laporan)", f"{pdf.pages} hlm",
                            f"{num(pdf.seconds_per_page, 3)} s", f"≤ {num(TARGET_PDF_S_PER_PAGE)} s/hlm",
                            pdf.seconds_per_page <= TARGET_PDF_S_PER_PAGE))
    peak_label, peak = max(runs, key=lambda lr: lr[1].rss_mb)
    rows.append(Row("RSS puncak (semua build di atas)", f"{num(peak.rss_mb, 0)} MB", "",
                    f"≤ {num(TARGET_RSS_MB, 0)} MB (N=500)", peak.rss_mb <= TARGET_RSS_MB))
    if md_ms is not None:
        rows.append(Row("MkDocs build penuh (Markdown sama)", f"{num(md_ms * md_pages / 1000)} s",
                        f"{num(md_ms, 1)} ms", "(pembanding)"))
        notes.insert(0, f"rasio per halaman lkjip ÷ MkDocs: cache kosong {num(ms_page / md_ms)} ×, grafik dari "
                     f"cache {num(warm_ms / md_ms)} × (MkDocs: {md_pages} halaman, {num(md_ms, 1)} ms/hlm, tanpa "
                     "tabel/grafik/nilai terhitung, tema bawaan)")
    if pdf is not None and pdf.note:
        notes.append(pdf.note)
    notes.append(f"RSS puncak pada: {peak_label}")
    # every build's own peak (process tree), so the next memory bottleneck is visible as the stages' times are
    notes.append("RSS tiap build: " + "; ".join(f"{label} {num(r.rss_mb, 0)} MB" for label, r in runs))
    if grafik_note:
        notes.append(grafik_note)
    title = (f"N = {n} laporan · {pages} halaman HTML · {chapters} bab · {charts} grafik · "
             f"{os.cpu_count()} inti · Python {platform.python_version()}")
    stages = [(label, r.stages) for label, r in runs if r.stages]
    for kind, what in SERVE_EDITS:
        if serve[kind][2]:
            stages.append((f"build ulang {what} dalam proses", serve[kind][2]))
    return Table(title, rows, notes, stages)


def release_some(root: Path, content: Path, k: int, n: int, runs: list[tuple[str, Run]], notes: list[str],
                 step: Callable[[str, Path, str], Run]) -> tuple[int, float, Run] | None:
    """Release ``k`` reports of earlier years (``lkjip terbitkan --tanpa-pdf``), then time a one-chapter rebuild of
    the unreleased report the other scenarios edit: what an archive of released versions costs a rebuild. Without
    their PDFs: a release with PDFs lays out every report's PDF once (the site is built as with PDFs), five minutes
    at N = 100 and half an hour at N = 500, for versions about a tenth larger.

    Why: every build publishes every released version again, checked against its manifest; a portal keeps years of
    them (about 4 MB each), and a corpus without releases could not show what they cost a rebuild in time and
    memory. Run after the other scenarios (a release adds to ``build/``, which they compare with clean builds)."""
    reports = corpus.slugs(content)
    middle = reports[len(reports) // 2]
    newest = max(int(s.rsplit("-", 1)[1]) for s in reports)
    chosen = [s for s in reports if s != middle and int(s.rsplit("-", 1)[1]) < newest][:k]
    situs = root / "situs.yaml"  # a release refuses the corpus's sample address: the portal's own, as a pemda would
    situs.write_text(situs.read_text(encoding="utf-8").replace("lkjip.contoh.go.id", "lkjip.kabupaten-uji.go.id"),
                     encoding="utf-8")
    if not step("alamat", root, "build penuh, alamat portal diubah (sebelum terbitkan)").ok:
        return None
    for slug in chosen:
        print(f"  N={n}: lkjip terbitkan {slug}…", flush=True)
        r = run([*lkjip_command(), "terbitkan", slug, "--tanpa-pdf", "--situs", str(root)],
                root.parent / "log" / f"n{n}-terbit-{slug}", env=build_env(root), cwd=root)
        runs.append((f"terbitkan {slug}", r))
        if not r.ok:
            notes.append(f"terbitkan {slug} GAGAL (kode {r.rc}): {r.error_tail()}")
            return None
    size_mb = sum(p.stat().st_size for p in (root / "arsip").rglob("*") if p.is_file()) / 1e6
    corpus.edit_chapter(content, 9)
    r = step("bab-arsip", root, f"build ulang 1 bab, {len(chosen)} versi terbitan")
    notes.append(f"arsip: {len(chosen)} laporan tahun sebelumnya diterbitkan (tanpa PDF), {num(size_mb, 0)} MB; "
                 f"build ulang 1 bab sesudahnya {num(r.seconds)} s, RSS {num(r.rss_mb, 0)} MB "
                 f"(tanpa arsip: baris '1 bab diubah')")
    return len(chosen), size_mb, r


def serve_row(label: str, measured: tuple[float | None, str, dict[str, float]], target: float,
              same: bool | None) -> Row:
    """A row of the in-process (``serve``) saves: the median save, from the save to the published pages."""
    seconds, rendered, _ = measured
    shown = num(target, 2 if target < 1 else 0)
    return Row(label, "–" if seconds is None else f"{num(seconds)} s", "", f"≤ {shown} s",
               None if seconds is None else seconds <= target, same, rendered)


def mkdocs_ms(mkdocs: Path, md_root: Path, md_pages: int, base: Path, n: int, notes: list[str]) -> float | None:
    """MkDocs' milliseconds per page for the same chapters (the yardstick of the cached full build)."""
    print(f"  N={n}: mkdocs build…", flush=True)
    md = run([str(mkdocs), "build", "-q", "-f", str(md_root / "mkdocs.yml"), "-d", str(md_root / "site")],
             base / "log" / f"n{n}-mkdocs", cwd=md_root)
    if not md.ok:
        notes.append(f"MkDocs gagal: {md.error_tail()}")
        return None
    return md.seconds * 1000 / md_pages


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Uji kecepatan build lkjip (isu 6): korpus sintetis N laporan.")
    p.add_argument("--n", type=int, nargs="+", default=[10, 100], help="ukuran korpus (bawaan: 10 100)")
    p.add_argument("--besar", action="store_true", help="tambahkan N = 500")
    p.add_argument("--terbit", type=int, default=10, metavar="K",
                   help="terbitkan K laporan tahun sebelumnya (tanpa PDF) lalu ukur build ulang 1 bab dengan "
                        "arsip itu (bawaan: 10; 0 = lewati)")
    p.add_argument("--pdf-sample", type=int, default=2, metavar="K", help="jumlah laporan sampel PDF (0 = lewati)")
    p.add_argument("--tanpa-grafik", action="store_true", help="korpus tanpa blok {grafik}")
    p.add_argument("--tanpa-mkdocs", action="store_true", help="lewati pembanding MkDocs")
    p.add_argument("--periksa", choices=("setiap", "akhir", "tidak"),
                   help="bandingkan dengan build bersih setelah setiap perubahan, sekali di akhir, atau tidak sama sekali "
                        "(bawaan: setiap untuk N ≤ 10, akhir untuk N lebih besar; tiap build bersih = 1 build dingin)")
    p.add_argument("--tanpa-salinan", action="store_true",
                   help="pakai src/ langsung, bukan salinan yang diambil saat mulai (salinan melindungi dari "
                        "perubahan kode selama pengukuran)")
    p.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    p.add_argument("--work", type=Path, default=DEFAULT_WORK, help=f"folder kerja (bawaan {DEFAULT_WORK})")
    args = p.parse_args(argv)
    sizes = sorted(set(args.n + ([500] if args.besar else [])))
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()

    source = "src/ langsung (--tanpa-salinan)" if args.tanpa_salinan else snapshot_source(work)
    print(f"Kode yang diukur: {source}", flush=True)
    grafik, grafik_note = not args.tanpa_grafik, ""
    if grafik:
        grafik, grafik_note = probe_charts(work, args.seed)
    else:
        grafik_note = "korpus tanpa grafik (--tanpa-grafik)"
    mkdocs = None if args.tanpa_mkdocs else ensure_mkdocs(work)
    pdf = None
    if args.pdf_sample > 0:
        print(f"Sampel PDF: {args.pdf_sample} laporan…", flush=True)
        pdf = measure_pdf(work, args.pdf_sample, args.seed, grafik)
    tables = []
    for n in sizes:
        print(f"N = {n}: membuat korpus dan mengukur…", flush=True)
        check = args.periksa or ("setiap" if n <= 10 else "akhir")
        tables.append(bench_n(n, work, args.seed, grafik, mkdocs, pdf, grafik_note, check, args.terbit))
        tables[-1].notes.append(f"kode yang diukur: {source}; pemeriksaan identik: {check}")
        print(flush=True)
        print(tables[-1].render(), flush=True)
        print(flush=True)
    report = "\n\n".join(t.render() for t in tables)
    (work / "hasil.txt").write_text(report + "\n", encoding="utf-8")
    print(f"Selesai dalam {num(time.perf_counter() - started, 1)} s; tabel juga ditulis ke {work / 'hasil.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
