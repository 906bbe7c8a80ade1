"""One-chapter edits timed from the save to the reload inside a running preview, as ``lkjip serve`` runs it.

Why a separate script: a CLI rebuild always pays interpreter start-up and imports (about half a second), which a
preview server pays once. This script is started by ``run.py`` as its own process (so its memory and imports do not
leak into the runner). It runs ``serve``'s own file watcher and session, builds once to warm up, then saves the same
one-chapter edit as the CLI scenario several times (``SAVES``, each adding one more sentence, as an author saves
while writing). For each save it waits as ``serve`` does for the watcher's report and for the editor to be done
(``Preview.wait_for_change``) and rebuilds as ``serve`` does: the pages first (``search_index=False``: the published
search index is kept), which is when the open page is answered and reloads, then the search index. The time of one
save runs from just before the file is written until the pages are published; the page's own reload (the browser
fetching the page again) is not in it. The row is the median save; every save's time is printed too.

Why several saves: one save takes a tenth of a second, and on a shared 2-core machine the same save varied from
0,10 to 0,27 s between processes (ninth pass, 16 processes of the same code); a single one tells more about that
second's load than about the code (until the tenth pass the row was the first save alone).

The same for one data value (``nilai``: ``corpus.edit_value``, the edit of the CLI's "1 nilai" row): its report's
charts are drawn again before the pages reload.

Usage: ``.venv/bin/python benchmarks/inproc.py <root> <step> [bab|nilai]`` where ``<root>/content`` is the corpus and
``<root>/build`` the output folder; the saves use steps ``<step>``, ``<step> + 1``, …; ``bab`` (one chapter) unless
told.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

from lkjip_site.build import BuildOptions, build  # noqa: E402
from lkjip_site.cli.serve import Preview, watch  # noqa: E402

WATCH_TIMEOUT_S = 30.0
SAVES = 5


def main(argv: list[str]) -> int:
    root, step = Path(argv[0]).resolve(), int(argv[1])
    edit = {"bab": corpus.edit_chapter, "nilai": corpus.edit_value}[argv[2] if len(argv) > 2 else "bab"]
    opts = BuildOptions(root=root, output=root / "build", pdf=False)
    preview = Preview(root, opts.memo("sesi"))  # serve's session (with the stored report states, as serve has it)
    observer = watch(root, preview)
    session = preview.session
    start = time.perf_counter()
    build(opts, session=session)
    session.settle()  # as serve does after each build
    warm = time.perf_counter() - start
    preview.wait_for_change(0.5)  # nothing is due; a change seen during the warm-up build is not the edit's
    saves: list[tuple[float, float, int, dict[str, float]]] = []
    for n in range(SAVES):
        start = time.perf_counter()
        edit(root / "content", step + n)
        if not preview.wait_for_change(WATCH_TIMEOUT_S):
            raise SystemExit(f"pengamat berkas tidak melaporkan perubahan dalam {WATCH_TIMEOUT_S:.0f} s")
        result = build(replace(opts, search_index=False), session=session)  # what `serve` does before the reload
        seconds = time.perf_counter() - start
        start = time.perf_counter()
        build(opts, session=session)  # then the search index, while the author reads the reloaded page
        session.settle()
        saves.append((seconds, time.perf_counter() - start, len(result.rendered), dict(result.timings.ordered())))
    median = sorted(saves, key=lambda save: save[0])[len(saves) // 2]
    observer.stop()
    print(json.dumps({"pemanasan_s": warm, "bab_s": median[0], "bab_semua_s": [save[0] for save in saves],
                      "indeks_menyusul_s": median[1], "dirender": median[2], "tahap": median[3]}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
