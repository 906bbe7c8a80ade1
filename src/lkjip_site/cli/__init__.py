"""The ``lkjip`` command: the parser and its table of commands (``main``), each command's module loaded when it runs
(``building``, ``serve``, ``scaffold``, ``spreadsheet``), what they share (``common``) and how messages are printed."""
