"""Stages 7–9, output: pages and PDFs rendered into memory (``theme``, ``keys``, ``pages``, ``pdf``/``pdfs``), every
generated link checked (``linkcheck``), then written at once (``publish``)."""
