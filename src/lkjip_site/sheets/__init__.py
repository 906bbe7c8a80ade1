"""Between ``build`` and ``cli``: the office's spreadsheets in and out of a report's data files.

``lkjip ekspor`` writes one workbook of a report's data (values an author types, and the derived ones lkjip computes,
shown locked); ``lkjip impor`` reads it back into the YAML files, changing only the characters of the values that
changed; ``lkjip impor-anggaran`` takes the budget realisation a finance system exports (CSV or XLSX). The report
is read through the same load and compute stages as a build, and what an import would write is validated by them
before anything is written.
"""
