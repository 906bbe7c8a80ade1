"""Stages 1–3, load: files to a validated model. ``yamltree`` (YAML with lines, duplicate keys refused) and
``schema``/``schemas`` (every file kind, Indonesian messages) are used by ``config`` (situs.yaml), ``content``
(reports and chapters) and ``data`` (data files, with ``references`` between them and ``scales`` for custom scales).
Every problem is collected, at the line of the key or value at fault, before anything is computed."""
