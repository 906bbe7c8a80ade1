"""Stage 5, markdown: chapters to tokens to HTML, with the LKjIP elements as markdown-it plugins.

The folder is the pipeline: ``plugins`` (the syntax: fences, roles, heading attributes, source lines) →
``parser`` (every chapter parsed, every table and figure numbered) → ``renderer`` (tokens to HTML through
markdown-it's ``renderer_cls``). ``directives`` is the API the element kinds plug into; ``urls`` and ``links``
resolve what chapters point at.
"""
