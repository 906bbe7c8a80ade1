"""Stage 6, elements: what ``{tabel} <kind>`` and ``{grafik} <kind>`` mean.

``select`` chooses the rows an element shows from the computed model (the same for a table and its chart);
``tables`` and ``figures`` build each kind's model once, up front, and render it through the theme; ``charts`` is the
chart engine; ``registry`` plugs every kind into the Markdown stage.
"""
