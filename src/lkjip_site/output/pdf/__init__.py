"""The PDF of one report version: ``document`` (print HTML and the job) → ``layout`` (WeasyPrint, page labels)."""
