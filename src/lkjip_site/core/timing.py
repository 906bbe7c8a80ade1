"""Where a build's time goes, per stage, so the next bottleneck is visible (``lkjip build --waktu``, the benchmark).

One stopwatch per build; a stage may be entered several times (its times add up). Stages are named in the
vocabulary of the pipeline, in Indonesian as the command prints them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

#: The stages in pipeline order (the order ``--waktu`` prints them in).
STAGES = ("awal", "baca", "hitung", "periksa", "grafik", "render", "pdf", "audit", "tautan", "indeks", "terbit")


@dataclass
class Stopwatch:
    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started

    def ordered(self) -> list[tuple[str, float]]:
        known = [(s, self.seconds[s]) for s in STAGES if s in self.seconds]
        return known + sorted((s, t) for s, t in self.seconds.items() if s not in STAGES)
