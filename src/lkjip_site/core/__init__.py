"""Shared by every stage and importing nothing above it: the model, diagnostics, formatting, numbers, paths, the
memo and the process pool. A module here never imports from ``load``, ``compute``, ``markdown``, ``elements``,
``output``, ``build`` or ``cli``."""
