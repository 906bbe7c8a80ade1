"""Stage 4, compute: every derived number of a report, as pure functions without I/O.

Why one package: a derived number (capaian, predikat, totals, serapan, averages, trends) must exist exactly once so the
tables, charts, inline references and ``check`` all show the same value. Values stay unrounded ``Decimal``; rounding
happens once, at display, in :mod:`lkjip_site.core.fmt`.

Rules this module states (and the author guide repeats):

* Capaian, positive polarity: ``C = R / T × 100``.
* Negative polarity, standard (default): ``C = (2T − R) / T × 100``; the inverse ratio ``C = T / R × 100`` only when
  the report declares ``capaian.rumus_negatif: rasio_terbalik``.
* ``T = 0``: N/A with a reason (never 0,00), except a negative indicator with ``R <= 0 = T`` which is 100 %.
  A negative target (``T < 0``) is N/A as well: the ratio has no meaning there.
* Missing target or realisasi: N/A with the reason, left out of averages.
* Negative result of the standard negative formula (``R > 2T``): ``hasil_negatif: nol`` floors it at 0 %;
  ``hasil_negatif: tidak_tercapai`` shows "tidak tercapai" instead of a number. Either way it counts as **0** in
  averages and gets the scale's class for 0 %: leaving it out would reward the worst result.
* Qualitative targets on an ordered grade list (worst -> best, ranks 1..n): ``C = 100`` when rank(R) >= rank(T),
  otherwise ``C = rank(R) / rank(T) × 100`` (one grade short of B on D<C<B<A gives 2/3 = 66,67 %). Polarity does not
  apply: the list order already says what is better.
* Averages: capaian sasaran = mean of its measured indicators; capaian organisasi by ``capaian.rata_rata``
  (situs.yaml or laporan.yaml): ``per_sasaran`` = mean over sasaran that have a value, ``per_indikator`` = mean over
  the report's measured indicators; optional cap at 100 % per indicator before averaging (``capaian.batas_100``).
* Counts and aggregates are named figures (:mod:`.figures`), computed once for the report's set of indicators (the
  PK's) and for each sasaran, each with a definition that names its set; every place that shows one reads it.
* Budget: leaves hold pagu/realisasi, every parent is the sum of its children; serapan = realisasi / pagu × 100;
  sisa = pagu − realisasi; per-sasaran serapan is Σrealisasi / Σpagu (weighted).
* Quarterly reports: the "current" value of an indicator is its cumulative s.d. TW n value aggregated by its
  ``agregasi`` (jumlah | terakhir | rata_rata); when no quarterly target is given the annual target is used. An
  annual target is never derived from quarterly ones (:func:`.periods.quarter_findings` reports it instead).
* IKM (PermenPANRB 14/2017): see :func:`ikm`.
"""
