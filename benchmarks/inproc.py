"""One-chapter rebuild timed inside a running process, as ``lkjip serve`` sees it.

Why a separate script: a CLI rebuild always pays interpreter start-up and imports (about half a second), which a
preview server pays once. This script is started by ``run.py`` as its own process (so its memory and imports do not
leak into the runner): it builds once through the public API to warm up, applies the same one-chapter edit as the
CLI scenario, and rebuilds as ``serve`` does: the pages first (``search_index=False``: the published search index is
kept), which is when the page reloads, then the search index. It prints both times as JSON; the first is the row.

Usage: ``.venv/bin/python benchmarks/inproc.py <root> <step>`` where ``<root>/content`` is the corpus and
``<root>/build`` the output folder.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

from lkjip_site.build import BuildOptions, Session, build  # noqa: E402


def main(argv: list[str]) -> int:
    root, step = Path(argv[0]).resolve(), int(argv[1])
    opts = BuildOptions(root=root, output=root / "build", pdf=False)
    session = Session()  # as `lkjip serve` keeps one between saves
    start = time.perf_counter()
    build(opts, session=session)
    session.settle()  # as serve does after each build
    warm = time.perf_counter() - start
    corpus.edit_chapter(root / "content", step)
    start = time.perf_counter()
    result = build(replace(opts, search_index=False), session=session)  # what `serve` does before the reload
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    build(opts, session=session)  # then the search index, while the author reads the reloaded page
    session.settle()
    index_s = time.perf_counter() - start
    print(json.dumps({"pemanasan_s": warm, "bab_s": seconds, "indeks_menyusul_s": index_s,
                      "dirender": len(result.rendered), "tahap": dict(result.timings.ordered())}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
