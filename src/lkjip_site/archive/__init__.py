"""Between ``build`` and ``output``, the archive: released versions kept forever (``arsip/<slug>/<versi>/``).

``store`` reads and writes the archive folder (manifests, exact published files, source snapshots), ``manifest`` is
the JSON that names every file with its SHA-256, ``bag`` packs a version as a BagIt bag, ``history`` decides which
versions a build renders and which it copies, and ``verify`` checks the archive and ``build/`` against the
manifests (``lkjip verifikasi``).
"""
