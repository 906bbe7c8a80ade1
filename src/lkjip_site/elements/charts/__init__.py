"""The chart engine: plain rows in, deterministic SVG + Vega-Lite spec + Indonesian text out.

It knows nothing of reports (``lkjip_site.elements.figures`` maps the computed model to rows). The folder is the
pipeline: ``spec`` (what to draw) → ``plan`` (Altair: Vega-Lite, summary, data table, alt text) → ``svg``
(vl-convert, stable ids, the theme's fonts from ``fonts``; ``limits`` lifts label limits no label reaches, so
vl-convert measures each label once) → ``cache`` (the one chart cache, filled in parallel);
``bundle`` writes the local Vega script for the interactive upgrade, ``style`` holds the one visual style.
"""
