"""What the system refused a command (no permission, a read-only or full disk), in the webmaster's words.

Why: such a refusal is neither a mistake in a report nor a fault of the program, and the webmaster can mend it (run
as the user who owns the site folder, free disk space, choose another ``--output``); reported as ``galat internal
lkjip`` with Python's English text, it sent them to file a bug instead. A file of a report that cannot be read is the
author's, at its line (``load/source.py``); this is what is left: the site's cache, the output folder, a staging
tree beside it.
"""

from __future__ import annotations

import errno

_ADVICE = {
    errno.EACCES: ("tidak ada izin", "jalankan lkjip sebagai pengguna pemilik folder situs (dan .cache/ serta folder "
                                     "hasil di dalamnya), atau ubah izin folder itu"),
    errno.EROFS: ("sistem berkas hanya-baca", "pilih folder hasil lain dengan --output, atau pasang diska dengan "
                                              "izin tulis"),
    errno.ENOSPC: ("disk penuh", "kosongkan ruang disk (mis. hapus folder .cache/ situs ini, yang dibuat ulang "
                                 "sendiri), lalu jalankan lagi"),
    errno.EDQUOT: ("kuota disk habis", "kosongkan ruang atau minta kuota tambahan, lalu jalankan lagi"),
}
_ADVICE[errno.EPERM] = _ADVICE[errno.EACCES]


def refused(exc: BaseException) -> str:
    """The message for a refusal by the system (empty for any other exception): what, where, and what to do."""
    if not isinstance(exc, OSError) or exc.errno not in _ADVICE:
        return ""
    what, advice = _ADVICE[exc.errno]
    where = f" {exc.filename}" if exc.filename else ""
    return f"tidak dapat menulis atau membaca{where}: {what}; {advice}"
