"""Invisible control characters in what authors write and name: found, named and escaped.

Why: text copied from a PDF carries U+2028/U+2029 (line and paragraph separators), and a stray byte such as BEL or
ESC can come with it. Such a character in an indicator's name broke a chart's label expression (JavaScript reads
U+2028 as a line end) with a message blamed on another file, and ESC printed inside a warning drives the author's
terminal (escape injection). A file name with a newline was archived by ``terbitkan`` and the archive failed its own
``verifikasi`` for good. So text values and names with them are refused at load (:func:`control_in`), and whatever
is printed to the terminal is escaped (:func:`escape_controls`) as a second line of defence.
"""

from __future__ import annotations

import json
import re

#: C0 controls but TAB and LF, DEL, C1 controls, and the Unicode line and paragraph separators.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
#: The same with TAB and LF: for text that is one line (a name) and for file names.
_CONTROL_OR_BREAK = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")

#: The names authors can look up, for the characters they meet most.
_NAMES = {"\t": "TAB", "\n": "pindah baris", "\r": "CR", "\x1b": "ESC", "\x07": "BEL", "\x00": "NUL",
          "\u2028": "pemisah baris", "\u2029": "pemisah paragraf"}


def control_in(text: str, breaks: bool = False) -> str | None:
    """The first control character of ``text`` or None; ``breaks``: TAB and LF count too (one-line text, names)."""
    found = (_CONTROL_OR_BREAK if breaks else _CONTROL).search(text)
    return found.group() if found else None


def describe_control(char: str) -> str:
    """``U+2028, pemisah baris``: the code point an author can search for, and its name where it has a known one."""
    name = _NAMES.get(char)
    return f"U+{ord(char):04X}" + (f", {name}" if name else "")


def escape_controls(text: str) -> str:
    """``text`` with every control character (TAB and LF too) written as a visible escape (``\\n``, ``\\x1b``,
    ``\\u2028``), so that printing it can neither move the cursor, recolour the terminal nor start a line that looks
    like another message."""
    if not _CONTROL_OR_BREAK.search(text):
        return text
    return _CONTROL_OR_BREAK.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


#: Characters a word processor puts into text that print as nothing or as a plain space: a soft hyphen (Word's
#: optional hyphen, Ctrl+-), a no-break space (Ctrl+Shift+Space, and after "Rp" by AutoCorrect), zero-width space and
#: joiners, the byte order mark. Inside a name the build looks up they make it another name that looks the same.
_INVISIBLE = re.compile("[\u00a0\u00ad\u200b-\u200d\u2060\u202f\ufeff]")
_INVISIBLE_NAMES = {"\u00a0": "spasi tak terputus (NBSP)", "\u00ad": "tanda hubung lunak", "\u200b": "spasi lebar nol",
                    "\u200c": "pemisah lebar nol", "\u200d": "penyambung lebar nol", "\u2060": "penyambung kata",
                    "\u202f": "spasi sempit tak terputus", "\ufeff": "BOM"}


def invisible_in(text: str) -> str | None:
    """The first character of ``text`` that a word processor adds unseen (soft hyphen, NBSP, zero-width), or None."""
    found = _INVISIBLE.search(text)
    return found.group() if found else None


def describe_invisible(char: str) -> str:
    """``U+00AD, tanda hubung lunak``: the code point and its name, for a message about text that looks right."""
    return f"U+{ord(char):04X}, {_INVISIBLE_NAMES.get(char, 'tak terlihat')}"


def show_invisible(text: str) -> str:
    """``text`` with each such character written as ``[U+00AD]``, so a message shows where it is."""
    return _INVISIBLE.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def without_invisible(text: str) -> str:
    """``text`` without them: what the author meant to write."""
    return _INVISIBLE.sub("", text)


def js_literal(value: object) -> str:
    """``value`` as JSON for a JavaScript expression (a chart's ``labelExpr``): JSON may hold U+2028 and U+2029 as
    they are, but a JavaScript string literal ends at them (``Unexpected token ILLEGAL``), so they are escaped; the
    other control characters JSON escapes itself. Text values holding them are refused at load; this holds anyway."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
