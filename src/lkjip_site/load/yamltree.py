"""YAML loading that remembers line numbers and rejects duplicate keys.

PyYAML silently keeps the last of two equal keys, which hides exactly the kind of copy-paste mistake that makes
reports disagree with themselves. We construct mappings ourselves so a duplicate is an error with its line, and
every mapping and list remembers where each entry came from for later messages.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..core.controls import control_in, describe_control
from ..core.diagnostics import Diagnostics
from ..core.numbers import LONGEST_INTEGER, MAX_WHOLE_DIGITS, parse_hand_written, thousands_or_decimal


#: Spaces that are no space to YAML: the no-break space (U+00A0) Word, Excel and web pages type, the figure space and
#: the narrow no-break space of number formats.
_WIDE_SPACES = "\u00a0\u2007\u202f"
_WIDE_SPACE_NAME = ("spasi tak terputus (U+00A0, biasanya terbawa dari Word, Excel atau halaman web), yang bagi YAML "
                    "bukan spasi")


class YMap(dict):
    """A dict that knows the line of itself and of each key."""

    line: int = 1
    lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.lines.get(key, self.line)


def key_lines(node: Any, prefix: str = "") -> dict[str, int]:
    """The line of every key of a mapping, nested keys as ``a.b`` (lists are not entered): for ``loc_of``.

    The paths are interned: every indicator of every report has the same few (``realisasi.2023``), and the model
    keeps them for as long as a build holds the report (some 30 MB of copies on an archive of 500 reports).
    """
    out: dict[str, int] = {}
    if isinstance(node, YMap):
        for key, value in node.items():
            path = sys.intern(f"{prefix}{key}")
            out[path] = node.line_of(key)
            out.update(key_lines(value, path + "."))
    return out


class YList(list):
    """A list that knows the line of itself and of each item."""

    line: int = 1
    lines: list[int]

    def line_of(self, index: int) -> int:
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml scans and parses in C when available


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader (no code execution from content) plus line tracking and duplicate detection."""

    def __init__(self, stream: str, file: str, line_offset: int, diags: Diagnostics):
        super().__init__(stream)
        self._file = file
        self._offset = line_offset
        self._diags = diags
        #: (line, value) -> a number's text where it may be thousands (``1.250``); the value too, as a flow mapping
        #: holds several numbers on one line
        self.written: dict[tuple[int, float], str] = {}

    def _line(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self._offset

    def construct_yaml_map(self, node: MappingNode):  # type: ignore[override]
        data = YMap()
        data.line = self._line(node)
        data.lines = {}
        yield data
        self.flatten_mapping(node)
        previous: yaml.Node | None = None
        for key_node, value_node in node.value:
            if node.flow_style and self._split_decimal(previous, key_node, value_node):
                previous = value_node
                continue
            previous = value_node
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                self._diags.error((self._file, self._line(key_node)), "kunci YAML tidak sah (harus teks atau angka)")
                continue
            if key in data:
                self._diags.error(
                    (self._file, self._line(key_node)),
                    f"kunci '{key}' ditulis dua kali (pertama di baris {data.lines[key]}); hapus salah satunya",
                )
                continue
            data[key] = self.construct_object(value_node, deep=True)
            data.lines[key] = self._line(key_node)

    def _split_decimal(self, previous: yaml.Node | None, key_node: yaml.Node, value_node: yaml.Node) -> bool:
        """``{nilai: 68,85}``: inside braces the comma separates entries, so YAML reads ``nilai: 68`` and a key
        ``85`` without a value; 68 would be published. Recognise the pattern (digits right after the comma, no value)
        and say what to write instead, at its line."""
        if not (isinstance(previous, ScalarNode) and isinstance(key_node, ScalarNode)
                and isinstance(value_node, ScalarNode)):
            return False
        adjacent = (key_node.start_mark.line == previous.end_mark.line
                    and key_node.start_mark.column == previous.end_mark.column + 1)
        if not (adjacent and not previous.style and not key_node.style and value_node.value == ""
                and re.fullmatch(r"-?\d+(\.\d+)*", previous.value) and key_node.value.isdigit()):
            return False
        typed = parse_hand_written(f"{previous.value},{key_node.value}")
        advice = typed.advice() if typed else f"'{previous.value},{key_node.value}' memakai koma desimal"
        self._diags.error((self._file, self._line(key_node)),
                          f"{advice} (di dalam {{ }} koma memisahkan butir, jadi YAML membacanya sebagai "
                          f"{previous.value} dan kunci {key_node.value})")
        return True

    def construct_yaml_seq(self, node: SequenceNode):  # type: ignore[override]
        data = YList()
        data.line = self._line(node)
        data.lines = [self._line(child) for child in node.value]
        yield data
        data.extend(self.construct_sequence(node, deep=True))

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        """A number written ``1.250`` is noted with its line (``written``): 1250 as Indonesian prints it, which YAML
        reads as 1,25. An amount of rupiah cannot have three decimals, so there it is an error (``schema.Num``);
        an indicator's ``83.515`` (an IKM) is a number as written."""
        raw = str(self.construct_scalar(node))
        value = float(super().construct_yaml_float(node))
        if thousands_or_decimal(raw.lstrip("+")):
            self.written[(self._line(node), value)] = raw
        return value

    def construct_yaml_str(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        """Text, refused at its line when it holds an invisible control character (``core/controls.py``): U+2028
        copied from a PDF broke a chart with a message about another file, and ESC printed in a warning drove the
        terminal. TAB and line breaks are left to the schema, which knows which texts may have more than one line.

        A plain (unquoted) scalar that begins or ends with a no-break space is refused too: Word, Excel and web
        pages type U+00A0 where a space is meant, and YAML keeps it, so ``realisasi: 84.82`` followed by one was
        text, said to "use quotation marks" the author never typed, and ``satuan`` before one was an unknown key
        beside a "missing" one. What it would be without that space is read on, so only this message is said."""
        value = str(self.construct_scalar(node))
        if not node.style and value != (bare := value.strip(_WIDE_SPACES)):
            self._diags.error((self._file, self._line(node)),
                              f"'{bare}' diawali atau diakhiri {_WIDE_SPACE_NAME}; hapus spasi itu, atau ganti dengan "
                              "spasi biasa")
            tag = self.resolve(ScalarNode, bare, (True, False))
            if tag != "tag:yaml.org,2002:str":
                return self.construct_object(ScalarNode(tag, bare, node.start_mark, node.end_mark))
            value = bare
        if (char := control_in(value)) is not None:
            self._diags.error((self._file, self._line(node)),
                              f"teks memuat karakter kendali tak terlihat ({describe_control(char)}); hapus karakter "
                              "itu (biasanya terbawa saat menyalin dari PDF)")
        return value

    def construct_yaml_timestamp(self, node: yaml.ScalarNode):  # type: ignore[override]
        """``2024-02-30`` looks like a date but is none: keep the text so the schema can say so at its line.

        PyYAML raises a bare ValueError here, without a line, which would stop the whole run.
        """
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


#: Numbers as YAML 1.2 reads them, in decimal only. PyYAML follows YAML 1.1, which reads ``1:20`` (a ratio, such as
#: a teacher-pupil ratio) as 80 in base 60, ``1:40:00`` rupiah as 6 000, ``017`` as 15 in octal, ``0x1F`` as 31 and
#: ``1_000`` as 1000, and ``.nan`` or ``.inf`` as floats no capaian can be computed from: each became a number the
#: author did not write, published without a word. Now they stay text, which the schema reports at its line.
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?[0-9]*\.[0-9]+$")
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _NUMBER_TAGS]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver(_NUMBER_TAGS[0], _INT, list("-+0123456789"))
_Loader.add_implicit_resolver(_NUMBER_TAGS[1], _FLOAT, list("-+0123456789."))


def _construct_int(loader: _Loader, node: yaml.ScalarNode) -> int | None:
    """Decimal, leading zeros included (``017`` is 17; YAML 1.1 read it as octal 15, and ``08`` not at all).

    A number of more than :data:`LONGEST_INTEGER` digits is said at its line and read as nothing: Python refuses to
    read one of over 4300 digits ("galat internal"), and none so long is a value (the schema allows 18 whole digits)."""
    text = str(loader.construct_scalar(node))
    digits = len(text.lstrip("+-").lstrip("0"))
    if digits > LONGEST_INTEGER:
        loader._diags.error((loader._file, loader._line(node)),
                            f"angka terlalu besar ({digits} digit; paling banyak {MAX_WHOLE_DIGITS} digit sebelum "
                            "titik desimal); periksa angkanya, atau apit dengan tanda kutip bila itu kode")
        return None
    return int(text)


_Loader.add_constructor(_NUMBER_TAGS[0], _construct_int)
_Loader.add_constructor(_NUMBER_TAGS[1], _Loader.construct_yaml_float)
_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_yaml_map)
_Loader.add_constructor("tag:yaml.org,2002:str", _Loader.construct_yaml_str)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_yaml_seq)


def load_yaml(text: str, file: str, diags: Diagnostics, line_offset: int = 0,
              written: dict[tuple[int, float], str] | None = None) -> Any:
    """Parse ``text``; on a syntax error record it (with its line) and return None. ``written``: filled with the
    text of each number that may be written with a thousands dot, by line and value (``construct_yaml_float``)."""
    if _raw_controls(text, file, diags, line_offset):
        return None
    loader = _Loader(text, file, line_offset, diags)
    if written is not None:
        loader.written = written
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if (repeated := _alias_growth(node)) is not None:
            diags.error((file, repeated.start_mark.line + 1 + line_offset),
                        f"YAML tidak dapat dibaca: alias YAML ('*') mengulang isi bertanda jangkar ('&') di baris ini "
                        f"sampai lebih dari {MAX_ALIAS_GROWTH:,} butir (berkas dapat membuat lkjip macet); tulis "
                        "isinya langsung tanpa '&' dan '*'".replace(",", "."))
            return None
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        char = _char_at(text, mark.line, mark.column) if mark else ""
        where = ""
        if exc.context_mark is not None and (exc.context or "").startswith(_OPENED):
            # an unclosed '{', '[' or quote is noticed where the text ends (even past the last line): name the
            # line that opened it, where the closing character belongs, and where reading stopped if inside the text
            stopped = mark.line if mark is not None else exc.context_mark.line
            mark = exc.context_mark
            if stopped != mark.line and stopped < text.count("\n"):
                where = f" (dibuka di baris ini; terbaca sampai baris {stopped + 1 + line_offset})"
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        problem = (exc.problem or "").strip()
        if mark is not None and (wide := _wide_space_line(text, mark.line)) is not None:
            # "2023:<U+00A0>84.82" is one word to YAML, and the error is noticed a line further on
            diags.error((file, wide + 1 + line_offset),
                        f"YAML tidak dapat dibaca: baris ini memuat {_WIDE_SPACE_NAME}; ganti dengan spasi biasa")
            return None
        diags.error((file, line), f"YAML tidak dapat dibaca: {_translate(problem, char)}{where}")
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - other YAML errors carry no mark
        diags.error((file, 1 + line_offset), f"YAML tidak dapat dibaca: {exc}")
        return None
    finally:
        loader.dispose()


#: How many nodes aliases may add to a document beyond those written: each ``*alias`` stands for its anchor's whole
#: subtree, so ten aliases of ten aliases of … ("billion laughs") made a few lines a tree of a billion entries, which
#: the line index (``key_lines``) and the schema walked without end. No report repeats anywhere near this much.
MAX_ALIAS_GROWTH = 100_000


def _alias_growth(root: yaml.Node) -> yaml.Node | None:
    """The node most repeated through aliases when they make the document grow by more than
    :data:`MAX_ALIAS_GROWTH` nodes, else None. Counted bottom-up without recursion, each node once (libyaml caps
    the nesting, not the width; a recursive alias is refused when the document is constructed)."""
    size: dict[int, int] = {}
    uses: dict[int, int] = {}
    nodes: dict[int, yaml.Node] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        uses[key] = uses.get(key, 0) + (0 if done else 1)
        if done:
            size[key] = 1 + sum(size.get(id(c), 0) for c in _children(node))
            continue
        if key in nodes:  # met again: an alias (or a recursive one, still open: counted as nothing here)
            continue
        nodes[key] = node
        stack.append((node, True))
        stack.extend((c, False) for c in _children(node))
    if size.get(id(root), 0) - len(nodes) <= MAX_ALIAS_GROWTH:
        return None
    return nodes[max((k for k in nodes if uses[k] > 1), key=lambda k: size.get(k, 0) * (uses[k] - 1))]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    return list(node.value) if isinstance(node, SequenceNode) else []


#: Control characters typed as themselves (not as a ``"\\u2028"`` escape), but TAB, LF and the CR of CRLF lines.
_RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def _raw_controls(text: str, file: str, diags: Diagnostics, line_offset: int) -> bool:
    """Whether ``text`` holds a control character as itself, each line that does said (``core/controls.py``).

    Checked before parsing: YAML reads U+2028, U+2029 and U+0085 as line ends, so a name copied from a PDF was
    "':' tidak ditemukan" two lines further down, and libyaml refuses ESC or BEL in English, without a line."""
    said: set[int] = set()
    for found in _RAW_CONTROL.finditer(text):
        line = text.count("\n", 0, found.start()) + 1 + line_offset
        if line not in said:
            said.add(line)
            diags.error((file, line), f"teks memuat karakter kendali tak terlihat ({describe_control(found.group())}); "
                                      "hapus karakter itu (biasanya terbawa saat menyalin dari PDF)")
    return bool(said)


def _wide_space_line(text: str, line: int) -> int | None:
    """The line (0-based) of a syntax error, or the one before it, when it holds a no-break space outside quotes."""
    lines = text.split("\n")
    for n in (line, line - 1):
        if 0 <= n < len(lines) and any(c in _WIDE_SPACES for c in re.sub(r"\"[^\"]*\"|'[^']*'", "", lines[n])):
            return n
    return None


#: Contexts whose mark is the opening character of something never closed.
_OPENED = ("while parsing a flow mapping", "while parsing a flow sequence", "while scanning a quoted scalar")


def _char_at(text: str, line: int, column: int) -> str:
    """The character an error mark points at: libyaml does not name it, and a TAB deserves its own advice."""
    lines = text.split("\n")
    return lines[line][column] if 0 <= line < len(lines) and 0 <= column < len(lines[line]) else ""


# Problem texts of both scanners (libyaml, used when available, and pure-Python PyYAML), by prefix.
_PROBLEMS = {
    "mapping values are not allowed": "tanda ':' di tempat yang salah (mungkin perlu tanda kutip di sekitar teks)",
    "could not find expected ':'": "tanda ':' tidak ditemukan (setiap baris kunci harus berbentuk 'kunci: nilai')",
    "found character '\\t' that cannot start any token": "karakter TAB tidak boleh dipakai; gunakan spasi",
    "found a tab character": "karakter TAB tidak boleh dipakai; gunakan spasi",
    "found character": "karakter ini tidak boleh mengawali nilai (mis. @ atau `); apit teks dengan tanda kutip",
    "did not find expected key": "indentasi tidak konsisten atau kunci hilang",
    "expected <block end>, but found '-'": "indentasi daftar ('-') tidak sejajar",
    "expected <block end>": "indentasi tidak konsisten atau kunci hilang",
    "did not find expected '-' indicator": "indentasi daftar ('-') tidak sejajar",
    "found undefined alias": "alias YAML tidak dikenal",
    "found unexpected end of stream": "teks dalam tanda kutip tidak ditutup",
    "found unknown escape character": "urutan '\\' tidak dikenal di dalam tanda kutip ganda; pakai tanda kutip tunggal",
    "did not find expected ',' or ']'": "daftar [ ... ] tidak ditutup atau butirnya tidak dipisah koma",
    "expected ',' or ']'": "daftar [ ... ] tidak ditutup atau butirnya tidak dipisah koma",
    "did not find expected ',' or '}'": "pemetaan { ... } tidak ditutup atau butirnya tidak dipisah koma",
    "expected ',' or '}'": "pemetaan { ... } tidak ditutup atau butirnya tidak dipisah koma",
    "but found another document": "hanya boleh ada satu dokumen; hapus baris '---' tambahan",
    "could not determine a constructor for the tag": "tag YAML ('!...') tidak didukung",
    "did not find expected alphabetic or numeric character": "jangkar atau alias YAML ('&', '*') tidak lengkap",
    "expected alphabetic or numeric character": "jangkar atau alias YAML ('&', '*') tidak lengkap",
    # "realisasi: -" (a dash for "no value", as in a printed table) or "nama: - teks": YAML reads the dash as a list
    "block sequence entries are not allowed": ("tanda '-' di sini dibaca sebagai awal daftar; bila nilainya tidak ada, "
                                               "tulis {tidak_ada: alasan}; bila teks, apit dengan tanda kutip"),
    "sequence entries are not allowed": ("tanda '-' di sini dibaca sebagai awal daftar; bila nilainya tidak ada, tulis "
                                         "{tidak_ada: alasan}; bila teks, apit dengan tanda kutip"),
    "did not find expected node content": "nilai tidak ditemukan (tanda '[', '{' atau ',' tanpa isi sesudahnya)",
    "expected the node content": "nilai tidak ditemukan (tanda '[', '{' atau ',' tanpa isi sesudahnya)",
    "did not find expected <document start>": "baris '...' mengakhiri isi berkas; hapus baris itu",
    "second occurrence": "jangkar YAML ('&') yang sama ditulis dua kali; ganti salah satu namanya",
    "found duplicate anchor": "jangkar YAML ('&') yang sama ditulis dua kali; ganti salah satu namanya",
    "found unknown directive name": "baris yang diawali '%' tidak dikenal; apit teks dengan tanda kutip",
    "expected '<document start>'": "baris yang diawali '%' tidak dikenal; apit teks dengan tanda kutip",
}


def _translate(problem: str, char: str = "") -> str:
    if char == "\t" and "character" in problem:
        return _PROBLEMS["found a tab character"]
    for english, indonesian in _PROBLEMS.items():
        if problem.startswith(english):
            return indonesian
    return f"kesalahan penulisan YAML ({problem})" if problem else "kesalahan penulisan YAML"
