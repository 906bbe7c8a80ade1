"""Reading an author's file: every source the build reads from a site folder (situs.yaml, laporan.yaml, a chapter, a
data file) is read here, once, as bytes.

Why one place: a file that cannot be read is the author's or the webmaster's to mend, so it must be a message at that
file in their language, never ``galat internal lkjip`` with a Python traceback. Real folders hold such files: a
symbolic link left pointing at nothing after a folder was moved, a folder named like a data file, a file copied from
a USB stick without read permission for the build's user. And a symbolic link out of the report folder is refused as
an image outside it is (``markdown/links.image_target``): a site's repository can hold links, and a data file is
published as open data, so a link to ``/etc/…`` in a contributed change would otherwise publish a file of the build
machine.
"""

from __future__ import annotations

import errno
import os
import posixpath
import stat
from pathlib import Path

from ..core.diagnostics import Diagnostics
from ..core.paths import as_listed, published_name


#: Said with a file the author saved under another name than they see: Windows Explorer hides a known extension, so
#: Notepad's ``pk.yaml.txt`` shows as ``pk.yaml``.
HIDDEN_EXTENSION = ("Windows dapat menyembunyikan ekstensi seperti .txt; tampilkan ekstensi lewat menu Tampilan di "
                    "Windows Explorer")
_NO_PERMISSION = ("berkas tidak dapat dibaca: pengguna yang menjalankan lkjip tidak punya izin membacanya; ubah izin "
                  "berkas (mis. 'chmod a+r NAMA_BERKAS') atau salin ulang berkasnya")


def read_source(path: Path, rel: str, diags: Diagnostics, inside: Path) -> bytes | None:
    """The bytes of ``path`` (named ``rel`` in messages), or None after an error at its line 1 that says why it
    cannot be read and what to do; ``inside``: the folder the file must really be in (its report folder, or the
    site folder for situs.yaml)."""
    problem = source_problem(path, inside)
    if not problem:
        try:
            return path.read_bytes()
        except OSError as exc:
            problem = unreadable(exc)
    diags.error((rel, 1), problem)
    return None


def source_problem(path: Path, inside: Path) -> str:
    """Why ``path`` is not a file the build may read (empty when it is): checked before opening, since opening a
    named pipe would wait for a writer forever."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            return ("berkas ini tautan (symbolic link) ke berkas yang tidak ada; ganti tautan dengan berkasnya "
                    "sendiri atau hapus tautannya")
        return "berkas tidak ditemukan (terhapus atau dipindahkan saat build berjalan?); jalankan build lagi"
    except OSError as exc:
        return unreadable(exc)
    if stat.S_ISDIR(mode):
        return f"'{path.name}' adalah folder, bukan berkas; ganti nama folder itu atau pindahkan isinya"
    if not stat.S_ISREG(mode):
        return "ini bukan berkas biasa (mis. pipe atau perangkat); simpan isinya sebagai berkas teks biasa"
    try:
        path.resolve().relative_to(inside.resolve())
    except ValueError:
        return (f"berkas ini tautan (symbolic link) ke luar folder {inside.name}/; salin berkasnya ke folder ini, "
                "karena build hanya membaca berkas di dalam folder situs")
    return ""


def unreadable(exc: OSError) -> str:
    """What an author can do about a file the system refused to read, in their words (``strerror`` is English)."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return _NO_PERMISSION
    if exc.errno == errno.ENOENT:
        return "berkas tidak ditemukan (terhapus atau dipindahkan saat build berjalan?); jalankan build lagi"
    if exc.errno == errno.EISDIR:
        return "ini folder, bukan berkas; ganti nama folder itu atau pindahkan isinya"
    if exc.errno == errno.EIO:
        return "berkas tidak dapat dibaca karena galat disk (I/O); salin ulang berkasnya dari cadangan"
    return f"berkas tidak dapat dibaca ({exc.strerror or exc}); periksa berkasnya atau salin ulang"


def unreadable_file(path: Path) -> str:
    """Why the file at ``path``, read later (an image, copied when the site is published), cannot be read by this
    user (empty when it can): asked now, so that it is a message at the line that names it."""
    return "" if os.access(path, os.R_OK) else _NO_PERMISSION


def misspelt_path(folder: Path, written: str, what: str) -> str:
    """Why ``written`` (a path below ``folder``) names its file only on Windows or macOS: a '\\' for '/', or letters
    in other case than the file's name (``gambar/peta.png`` for ``gambar/Peta.PNG``); empty when it does not. A name
    in another Unicode form alone (typed ``é``, kept by macOS as ``e`` + accent) is none: it is the name, which no
    author can see or type otherwise, and the caller opens the file as listed (``core.paths.as_listed``).

    Why: the author's system opens such a path, the webmaster's Linux server does not; the author's ``lkjip check``
    passed, and the server's build said "tidak ditemukan" of a file that is there. Said alike on every system."""
    if "\\" in written:
        meant = written.replace("\\", "/")
        return (f"{what} '{written}' memakai garis miring terbalik '\\'; tulis garis miring '/', mis. '{meant}' (di "
                "server Linux '\\' bagian dari nama berkas, sehingga berkasnya tidak ditemukan)")
    listed = as_listed(folder, written)
    if listed is None or published_name(listed) == published_name(posixpath.normpath(written)):
        return ""  # as written, or in another Unicode form only: found on Linux as listed (``as_listed``)
    return (f"{what} '{written}': nama berkas yang ada '{listed}' (huruf besar/kecil berbeda); Windows dan macOS "
            f"membukanya juga, tetapi server Linux tidak, dan di sana berkasnya tidak ditemukan. Tulis '{listed}' "
            "persis seperti nama berkasnya, atau ganti nama berkasnya")


#: How to save a CSV as UTF-8, in Excel and in LibreOffice (whose CSV is "Western Europe (Windows-1252)" unless its
#: filter settings are opened; Indonesian labels, the English ones beside them).
SAVE_CSV_UTF8 = ("di Excel: Simpan Sebagai → CSV UTF-8; di LibreOffice: Berkas → Simpan Sebagai… → Teks CSV "
                 "(.csv), centang 'Sunting pengaturan penyaring' (Edit filter settings), lalu pilih set karakter "
                 "'Unicode (UTF-8)'")


def not_utf8(raw: bytes, exc: UnicodeDecodeError) -> tuple[int, str]:
    """Where a file that is no UTF-8 first goes wrong: its line, and the text around it as Windows would show it.

    Why: Notepad and Excel save as "ANSI" (Windows-1252) by default, and a data file so saved was refused at its line
    1 however long it was; the author could not tell which ``²`` or ``é`` to look for. A file saved as UTF-16
    (Notepad's "Unicode", Excel's "Unicode Text") is said as such: its line 1 was shown as 'ÿþ-' and characters no
    editor shows."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return 1, (" (berkas disimpan sebagai UTF-16: pilihan 'Unicode' di Notepad atau 'Teks Unicode' di Excel; di "
                   "Notepad pilih Simpan Sebagai, lalu Pengodean: UTF-8)")
    line = raw.count(b"\n", 0, exc.start) + 1
    start = raw.rfind(b"\n", 0, exc.start) + 1
    end = raw.find(b"\n", exc.start)
    shown = raw[start:end if end >= 0 else len(raw)].decode("cp1252", errors="replace").strip()
    return line, f" (baris ini: '{shown[:60]}')"
