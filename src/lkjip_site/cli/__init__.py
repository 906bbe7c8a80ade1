"""The ``lkjip`` command (``main``), the preview server (``serve``) and the scaffold of a new report."""
