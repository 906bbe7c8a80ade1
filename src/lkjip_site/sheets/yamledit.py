"""Edit a YAML file the way its author would: change only the characters of the values that changed.

Why not dump the data again: authors' files are full of comments, flow mappings (``{2022: 70, 2023: 73}``), blank
lines between items and folded text; PyYAML forgets all of that and round-trip libraries still re-indent and
re-quote. An import from a workbook must leave everything it did not change byte for byte as it was, so the edits
are splices into the original text at the character positions PyYAML's composer records for every node.

Every edit is collected first and applied once, back to front, so positions taken from the original text stay valid.
The pure-Python composer is used on purpose: libyaml's marks count bytes, which would misplace every edit after a
non-ASCII character.

Anchors, aliases and merge keys (``&t``, ``*t``, ``<<: *dasar``) write one text for several places. An edit must
change exactly the place a cell names, so every alias is its own node here (its marks are the ``*t``, its content the
anchor's), and an edit that would change text other places read too (inside an anchored node that is aliased, inside
an alias, or of a key a merge key supplies) is not made but kept in :attr:`YamlText.shared`, for the caller to refuse
at its cell. Replacing an alias as a whole is sound: ``*t`` becomes the literal value, the anchor's other users keep
theirs.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from dataclasses import replace as _with
from decimal import Decimal
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..core.model import Missing

#: The tag of a YAML merge key (``<<``): the mapping it names is read into the one holding it.
MERGE_TAG = "tag:yaml.org,2002:merge"

#: Plain scalars that YAML would read as something else than the text (numbers, booleans, null, dates).
_PLAIN_UNSAFE_START = tuple("-?:,[]{}#&*!|>'\"%@`")


@dataclass
class Edit:
    start: int
    end: int
    text: str
    seq: int
    origin: Any = None  # what caused the edit (a workbook cell), for messages after validation


@dataclass
class _Flow:
    """The entries removed from and added to one flow collection (``{2023: 100}``, ``[a, b]``).

    Its removals are laid out anew whenever one is added, from every entry removed so far: removing each entry with
    the separator before it overlapped for neighbours, and adding after a removed last entry wrote ``{, 2024: 100}``
    (a year changed in the workbook stopped the import with "YAML tidak dapat dibaca")."""

    node: MappingNode | SequenceNode
    removed: dict[int, Any] = field(default_factory=dict)  # entry index -> origin
    removals: list[Edit] = field(default_factory=list)
    #: the edit, its entry text, and the entry it goes before (its index; None: after the last)
    added: list[tuple[Edit, str, int | None]] = field(default_factory=list)


@dataclass(frozen=True)
class Shared:
    """An edit not made because its text is read at more than one place (or comes from another place).

    ``kind``: "jangkar" (the text of an anchored value ``&name`` that aliases ``*name`` also read), "alias" (inside
    an alias ``*name``: the anchor's text), "gabungan" (a key a merge key ``<<:`` supplies). ``line`` is where the
    text is (1-based); ``uses`` the lines of the aliases (for "jangkar") or of the anchor (for the others)."""

    kind: str
    name: str  # the anchor's name, "" for a merged mapping written in place without one
    line: int
    uses: tuple[int, ...]
    key: str = ""  # the key a merge key supplies
    origin: Any = None


class _Composer(yaml.SafeLoader):
    """The composer, except that an alias is a node of its own: a shallow copy of the anchored node (its content is
    the anchor's) whose marks are the alias's ``*name``, so that replacing it replaces the alias, not the anchor. The
    anchored nodes and their aliases are recorded."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.anchored: dict[int, tuple[str, Node]] = {}  # id(anchored node) -> (name, node)
        self.aliases: dict[int, tuple[str, Node, int]] = {}  # id(alias node) -> (name, anchored node, its line)

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        if self.check_event(AliasEvent):
            event = self.peek_event()
            target = super().compose_node(parent, index)
            alias = copy.copy(target)
            alias.start_mark, alias.end_mark = event.start_mark, event.end_mark
            self.aliases[id(alias)] = (event.anchor, target, event.start_mark.line + 1)
            return alias
        anchor = self.peek_event().anchor
        node = super().compose_node(parent, index)
        if anchor is not None:
            self.anchored[id(node)] = (anchor, node)
        return node


class YamlText:
    """One YAML file: its text, its node tree with positions, and the pending edits."""

    def __init__(self, text: str):
        self.crlf = "\r\n" in text  # a file saved on Windows keeps its line ends; edits are made on "\n"
        self.text = text.replace("\r\n", "\n") if self.crlf else text
        self.original = text
        composer = _Composer(self.text)
        try:
            self.root: Node | None = composer.get_single_node()
        finally:
            composer.dispose()
        self._aliases = composer.aliases
        self._anchored = composer.anchored
        #: id(anchored node that an alias reads) -> (its anchor's name, the lines of its aliases)
        self._used: dict[int, tuple[str, tuple[int, ...]]] = {}
        for name, target, line in composer.aliases.values():
            self._used[id(target)] = (name, self._used.get(id(target), (name, ()))[1] + (line,))
        self._inside = self._shared_nodes()
        #: the edits not made, as their text is read at other places too (see the module's docstring)
        self.shared: list[Shared] = []
        self.edits: list[Edit] = []
        self._count = 0  # edits made so far: the order of edits at one position
        self._flows: dict[int, _Flow] = {}  # id(flow mapping/sequence) -> its removed and added entries

    # -- reading ------------------------------------------------------------------------------------------------

    @staticmethod
    def value(node: Node | None) -> Any:
        """The Python value of a node (safe constructor, as the loader reads it)."""
        if node is None:
            return None
        constructor = yaml.constructor.SafeConstructor()
        return constructor.construct_document(_detached(node, {}))  # (merge keys are resolved in place)

    def get(self, node: Node | None, key: Any) -> tuple[ScalarNode, Node] | None:
        """The (key node, value node) pair of ``key`` in a mapping node, or None."""
        if not isinstance(node, MappingNode):
            return None
        index = self._index_of(node, key)
        return None if index is None else node.value[index]  # type: ignore[return-value]

    def _index_of(self, mapping: MappingNode, key: Any) -> int | None:
        """The place of ``key``'s entry in a mapping. A merge key (``<<: *anchor``) is passed over: it is no entry
        lkjip edits, and constructing it alone fails ("could not determine a constructor"), which stopped an import
        into a file that used one with "Ini kesalahan program"."""
        for i, (k, _v) in enumerate(mapping.value):
            if isinstance(k, ScalarNode) and k.tag != MERGE_TAG and _same_key(self.value(k), key):
                return i
        return None

    def find(self, path: list[Any]) -> Node | None:
        """The node at ``path`` (mapping keys and sequence indexes), or None."""
        node = self.root
        for step in path:
            if isinstance(step, int) and isinstance(node, SequenceNode):
                node = node.value[step] if 0 <= step < len(node.value) else None
            else:
                pair = self.get(node, step)
                node = pair[1] if pair else None
            if node is None:
                return None
        return node

    def line_of(self, node: Node) -> int:
        return node.start_mark.line + 1

    def records(self) -> list[tuple[int, int, str | None]]:
        """The first and last line (1-based) and the ``id`` or ``kode`` of every mapping that is an item of a
        sequence, at any depth: an indicator, a program, a kegiatan, a sub kegiatan; a file's records, of which check
        messages speak."""
        out: list[tuple[int, int, str | None]] = []
        stack = [self.root] if self.root is not None else []
        while stack:
            node = stack.pop()
            if isinstance(node, SequenceNode):
                for item in node.value:
                    if isinstance(item, MappingNode):
                        named = self.get(item, "id") or self.get(item, "kode")
                        key = str(named[1].value) if named and isinstance(named[1], ScalarNode) else None
                        out.append((self.line_of(item), self.text.count("\n", 0, self.content_end(item)) + 1, key))
                stack.extend(node.value)
            elif isinstance(node, MappingNode):
                stack.extend(value for _key, value in node.value)
        return out

    # -- anchors, aliases and merge keys ---------------------------------------------------------------------------

    def is_alias(self, node: Node | None) -> bool:
        """Whether ``node`` is written as an alias (``*t``): replaced as a whole, it becomes the literal value at
        this one place, and the anchor's other users keep theirs."""
        return node is not None and id(node) in self._aliases

    def lookup(self, mapping: Node | None, key: Any) -> tuple[tuple[ScalarNode, Node] | None, ScalarNode | None]:
        """The (key node, value node) of ``key`` as the loader reads it, through merge keys too (the first merged
        mapping that has it, as YAML says), and the merge key it came through (None for the mapping's own)."""
        own = self.get(mapping, key)
        if own is not None or not isinstance(mapping, MappingNode):
            return own, None
        for k, v in mapping.value:
            if isinstance(k, ScalarNode) and k.tag == MERGE_TAG:
                for source in v.value if isinstance(v, SequenceNode) else [v]:
                    pair, _through = self.lookup(source, key)
                    if pair is not None:
                        return pair, k
        return None, None

    def _shared_nodes(self) -> dict[int, Node]:
        """id(node) -> the anchored node, read by an alias too, whose text holds it (itself included)."""
        out: dict[int, Node] = {}
        for _name, top in self._anchored.values():
            if id(top) in self._used:
                for node in self._own_nodes(top):
                    out[id(node)] = top
        return out

    def _own_nodes(self, node: Node) -> list[Node]:
        """``node`` and the nodes written inside its text (an alias inside is its own ``*name``, not the anchor's)."""
        out, todo = [], [node]
        while todo:
            n = todo.pop()
            out.append(n)
            if id(n) in self._aliases:
                continue
            if isinstance(n, MappingNode):
                todo.extend(x for pair in n.value for x in pair)
            elif isinstance(n, SequenceNode):
                todo.extend(n.value)
        return out

    def _sharing(self, node: Node) -> Shared | None:
        """Why a change inside ``node`` (an entry set, added or removed) would change text other places read: it is
        an alias, or written inside an anchored value an alias reads."""
        if id(node) in self._aliases:
            name, target, line = self._aliases[id(node)]
            return Shared("alias", name, line, (target.start_mark.line + 1,))
        top = self._inside.get(id(node))
        if top is None:
            return None
        name, uses = self._used[id(top)]
        return Shared("jangkar", name, top.start_mark.line + 1, uses)

    def _holding(self, node: Node) -> Shared | None:
        """Why replacing or removing ``node`` as a whole would change other places: its text is, or holds, an anchored
        value an alias reads (replaced, the alias reads the new value; removed, it reads nothing). An alias itself is
        fine: replaced, the literal value is written at this one place."""
        if id(node) in self._aliases:
            return None
        inside = self._sharing(node)
        if inside is not None:
            return inside
        for n in self._own_nodes(node):
            if id(n) in self._used:
                name, uses = self._used[id(n)]
                return Shared("jangkar", name, n.start_mark.line + 1, uses)
        return None

    def _merged(self, mapping: MappingNode, key: Any) -> Shared | None:
        """A key the mapping does not write itself but a merge key (``<<: *dasar``) supplies: no edit can change or
        remove it here (an own key beside the merge key is refused as written twice; the anchor is read elsewhere)."""
        pair, through = self.lookup(mapping, key)
        if pair is None or through is None:
            return None
        value = next(v for k, v in mapping.value if k is through)
        sources = value.value if isinstance(value, SequenceNode) else [value]
        source = next(x for x in sources if self.lookup(x, key)[0] is pair)
        if id(source) in self._aliases:
            name, target, _line = self._aliases[id(source)]
        else:
            name, target = self._anchored.get(id(source), ("", source))
        return Shared("gabungan", name, through.start_mark.line + 1, (target.start_mark.line + 1,), str(key))

    def _refused(self, shared: Shared | None, origin: Any) -> bool:
        """Keep ``shared`` (with the cell it came from) instead of making its edit."""
        if shared is None:
            return False
        self.shared.append(_with(shared, origin=origin))
        return True

    # -- editing -------------------------------------------------------------------------------------------------

    def _add(self, start: int, end: int, text: str, origin: Any) -> None:
        self.edits.append(Edit(start, end, text, self._next(), origin))

    def replace(self, key: ScalarNode | None, node: Node, new: str, origin: Any = None) -> None:
        """Put ``new`` (a flow or scalar text) where the value ``node`` of ``key`` is."""
        if self._refused(self._holding(node), origin):
            return
        if _is_block(node) and key is not None:
            self._add(key.end_mark.index, self.content_end(node), ": " + new, origin)
            return
        start, end = node.start_mark.index, self.content_end(node)
        if start == end and start > 0 and self.text[start - 1] not in " \n":
            new = " " + new  # an empty value right after the colon
        self._add(start, end, new, origin)

    def set_key(self, mapping: MappingNode, key: Any, new: str, origin: Any = None) -> None:
        """Set ``key`` of ``mapping`` to the flow/scalar text ``new``: replace its value or add the entry."""
        if self._refused(self._sharing(mapping) or self._merged(mapping, key), origin):
            return
        pair = self.get(mapping, key)
        if pair is not None:
            self.replace(pair[0], pair[1], new, origin)
        else:
            self.insert(mapping, f"{emit_key(key)}: {new}", origin, self._year_place(mapping, key))

    def _year_place(self, mapping: MappingNode, key: Any) -> int | None:
        """Where a new year goes in a mapping of years written in order: the index of the first later year (None:
        after the last, as for any other key or a mapping not in order). Added at the end, a year typed before the
        others read ``{2022: 80, 2021: 78}``."""
        if not isinstance(key, int) or isinstance(key, bool) or not mapping.value:
            return None
        years = [self.value(k) for k, _v in mapping.value]
        if not all(isinstance(y, int) and not isinstance(y, bool) for y in years) or years != sorted(set(years)):
            return None
        return next((i for i, y in enumerate(years) if y > key), None)

    def insert(self, mapping: MappingNode, entry: str, origin: Any = None, before: int | None = None) -> None:
        """Add ``key: value`` (one line) at the end of a mapping, or before its entry ``before``, in its own style
        (flow or block). In block style an entry before the first goes above the comment lines over that one."""
        if self._refused(self._sharing(mapping), origin):
            return
        if mapping.flow_style:
            self._insert_flow(mapping, entry, origin, before)
            return
        indent = " " * mapping.value[0][0].start_mark.column
        if before is not None and before > 0:  # after the entry before it, as after the last
            pos = self._line_end(self.content_end(mapping.value[before - 1][1]))
        elif before == 0 and (start := self._above_comments(mapping.value[0][0])) > 0:
            pos = start - 1  # at the end of the line above: the first entry's lines may be deleted from there
        else:
            pos = self._line_end(self.content_end(mapping.value[-1][1]))
        self._add(pos, pos, "\n" + indent + entry, origin)

    def _above_comments(self, node: Node) -> int:
        """The start of the line holding ``node``, or of the comment lines right above it at its indentation or
        less (they are about it)."""
        start = self.text.rfind("\n", 0, node.start_mark.index) + 1
        while start > 0:
            above = self.text.rfind("\n", 0, start - 1) + 1
            line = self.text[above:start - 1]
            if not (line.lstrip().startswith("#") and len(line) - len(line.lstrip()) <= node.start_mark.column):
                break
            start = above
        return start

    def insert_before(self, mapping: MappingNode, key: Any, lines: list[str], origin: Any = None) -> None:
        """Put ``lines`` (entries or ``#`` comments) on their own lines before the entry ``key`` of a block mapping,
        at its indentation: near the top, where an author reads first. The entry's value may still be replaced; the
        entry before it may be deleted (its lines end before this one's begins)."""
        pair = self.get(mapping, key)
        assert pair is not None, key
        if self._refused(self._sharing(mapping), origin):
            return
        pos = self.text.rfind("\n", 0, pair[0].start_mark.index) + 1
        indent = " " * pair[0].start_mark.column
        self._add(pos, pos, "".join(indent + line + "\n" for line in lines), origin)

    def _insert_flow(self, node: MappingNode | SequenceNode, entry: str, origin: Any, before: int | None = None
                     ) -> None:
        flow = self._flows.setdefault(id(node), _Flow(node))
        self._add(0, 0, entry, origin)  # (placed by _lay_out)
        flow.added.append((self.edits[-1], entry, before))
        self._lay_out(flow)

    def _remove_flow(self, node: MappingNode | SequenceNode, index: int, origin: Any) -> None:
        flow = self._flows.setdefault(id(node), _Flow(node))
        flow.removed[index] = origin
        self._lay_out(flow)

    def _entry_spans(self, node: MappingNode | SequenceNode) -> list[tuple[int, int]]:
        """Where each entry of a flow collection starts and ends (``2023: 100``, without the separators)."""
        if isinstance(node, MappingNode):
            return [(k.start_mark.index, self.content_end(v)) for k, v in node.value]
        return [(item.start_mark.index, self.content_end(item)) for item in node.value]

    def _lay_out(self, flow: _Flow) -> None:
        """The removals of a flow collection as one cut per run of removed entries, and ", " before every added
        entry that follows a kept or an earlier added one: ``{2021: 1, 2023: 2}`` without 2023 and with 2024 is
        ``{2021: 1, 2024: 2}``, without both old entries ``{2024: 2}``. An entry added before a kept one goes there
        with ", " after it (``{2021: 1, 2022: 5, 2023: 2}``); before a removed one, before the next kept one."""
        for edit in flow.removals:
            self.edits.remove(edit)
        flow.removals = []
        spans = self._entry_spans(flow.node)
        for first, last in _runs(sorted(flow.removed)):
            if last + 1 < len(spans):  # up to the next kept entry
                start, end = spans[first][0], spans[last + 1][0]
            elif first > 0:  # the tail: from the end of the kept entry before
                start, end = spans[first - 1][1], spans[last][1]
            else:  # every entry
                start, end = spans[0][0], spans[-1][1]
            flow.removals.append(Edit(start, end, "", self._next(), flow.removed[first]))
        self.edits.extend(flow.removals)
        kept = [j for j in range(len(spans)) if j not in flow.removed]
        end = spans[-1][1] if spans else flow.node.end_mark.index - 1  # after the last entry, or before the bracket
        last = 0
        for edit, entry, before in flow.added:
            # before the first kept entry from ``before`` on; none: after the last (its removal ends there)
            at = next((j for j in kept if before is not None and j >= before), None)
            if at is not None:
                edit.start = edit.end = spans[at][0]
                edit.text = entry + ", "
                continue
            edit.start = edit.end = end
            edit.text = (", " if kept or last else "") + entry
            last += 1

    def _next(self) -> int:
        self._count += 1
        return self._count

    def delete(self, mapping: MappingNode, key: Any, origin: Any = None) -> None:
        """Remove an entry from a mapping (its whole lines in block style). An entry a merge key supplies cannot be
        removed: it is kept in :attr:`shared`."""
        index = self._index_of(mapping, key)
        if index is None and self._refused(self._merged(mapping, key), origin):
            return
        assert index is not None, key  # callers delete only what ``lookup`` found
        k, v = mapping.value[index]
        if self._refused(self._sharing(mapping) or self._holding(v), origin):
            return
        if mapping.flow_style:
            self._remove_flow(mapping, index, origin)
            return
        self._delete_lines(k.start_mark.index, self.content_end(v), origin)

    def remove(self, mapping: MappingNode, key: Any, origin: Any = None) -> None:
        """Remove ``key`` from ``mapping`` when it has it; a key a merge key supplies cannot be, and is kept in
        :attr:`shared` (passed over, the emptied cell changed nothing and the import said it succeeded)."""
        if self.lookup(mapping, key)[0] is not None:
            self.delete(mapping, key, origin)

    def _delete_lines(self, start: int, end: int, origin: Any) -> None:
        """Remove the lines from the one holding ``start`` to the one holding ``end``, with the newline before them.

        Taking the newline *before* (not after) leaves the end of the previous entry where it was, so an entry can be
        added after a deleted last entry without the two edits overlapping. One blank line before goes too.
        """
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self._line_end(end)
        if line_start == 0:
            self._add(0, min(line_end + 1, len(self.text)), "", origin)
            return
        begin = line_start - 1
        if begin > 0 and self.text[begin - 1] == "\n" and (not self.text[line_end:].strip() or
                                                          self.text[line_end:line_end + 2] == "\n\n"):
            begin -= 1  # the item was set apart by a blank line on both sides: keep one, not two
        self._add(begin, line_end, "", origin)

    def append_item(self, seq: SequenceNode, lines: list[str], origin: Any = None, after: int = -1) -> None:
        """Add an item (block lines without the ``- `` and indentation) to a block sequence after its item ``after``
        (the last by default), in its style.

        The item's first line gets the dash; the next lines are indented under it, as the file's items are. A blank
        line separates the new item when the file separates its items that way. Lines after the item ``after``
        that are not its own (a comment over the next item) stay with the next item.
        """
        if self._refused(self._sharing(seq), origin):
            return
        if seq.flow_style:
            self._insert_flow(seq, lines[0], origin)
            return
        item = seq.value[after]
        pos = self._line_end(self.content_end(item))
        self._add(pos, pos, "\n" + self._blank(seq) + self._item_text(item, lines), origin)

    def insert_item(self, seq: SequenceNode, before: int, lines: list[str], origin: Any = None) -> None:
        """Add an item (as :meth:`append_item`) to a block sequence before its item ``before``, and before the
        comment lines right above that item at its indentation or less (they are that item's)."""
        if self._refused(self._sharing(seq), origin):
            return
        if seq.flow_style:
            self._insert_flow(seq, lines[0], origin)
            return
        item = seq.value[before]
        dash_col = _dash_column(self.text, item)
        start = self.text.rfind("\n", 0, item.start_mark.index) + 1
        while start > 0:
            above = self.text.rfind("\n", 0, start - 1) + 1
            line = self.text[above:start - 1]
            comment = line.lstrip().startswith("#") and len(line) - len(line.lstrip()) <= dash_col
            if not (comment or (before > 0 and not line.strip())):  # blank lines stay between items
                break
            start = above
        body, blank = self._item_text(item, lines), self._blank(seq)
        if start == 0:
            self._add(0, 0, body + "\n" + blank, origin)
        else:  # at the end of the line above, as appended lines are: lines added deeper there go first
            self._add(start - 1, start - 1, "\n" + (blank + body if before > 0 else body + blank), origin)

    def _item_text(self, like: Node, lines: list[str]) -> str:
        """Block lines as an item of the sequence holding ``like``, dash and indentation as that item's."""
        dash_col, inner = _dash_column(self.text, like), like.start_mark.column
        body = " " * dash_col + "-" + " " * (inner - dash_col - 1) + lines[0]
        return body + "".join("\n" + " " * inner + line for line in lines[1:])

    def _blank(self, seq: SequenceNode) -> str:
        """A blank line when the file sets the sequence's (last two) items apart by one, else nothing."""
        if len(seq.value) > 1:
            between = self.text[self.content_end(seq.value[-2]):seq.value[-1].start_mark.index]
            if "\n\n" in between or re.search(r"\n[ \t]*\n", between):
                return "\n"
        return ""

    def delete_item(self, seq: SequenceNode, index: int, origin: Any = None) -> None:
        """Remove one item of a sequence (its whole lines in block style)."""
        item = seq.value[index]
        if self._refused(self._sharing(seq) or self._holding(item), origin):
            return
        if seq.flow_style:
            self._remove_flow(seq, index, origin)
            return
        self._delete_lines(item.start_mark.index, self.content_end(item), origin)

    def replace_list(self, key: ScalarNode, seq: Node, items: list[str], origin: Any = None) -> None:
        """A list of short texts (ids, codes) set anew: ``[a, b]`` stays flow, a block list stays a block list (an
        alias ``*ids`` becomes the flow list, at this place only)."""
        if self._refused(self._holding(seq), origin):
            return
        if isinstance(seq, SequenceNode) and _is_block(seq) and not self.is_alias(seq) and items:
            dash_col = _dash_column(self.text, seq.value[0])
            start = self.text.rfind("\n", 0, seq.value[0].start_mark.index) + 1
            end = self._line_end(self.content_end(seq.value[-1]))
            self._add(start, end, "\n".join(" " * dash_col + "- " + i for i in items), origin)
            return
        self.replace(key, seq, "[" + ", ".join(items) + "]", origin)

    # -- positions -----------------------------------------------------------------------------------------------

    def content_end(self, node: Node) -> int:
        """Where a node's own characters end: a block collection's end mark may lie after following comments (an
        alias's are its ``*name``)."""
        if id(node) in self._aliases:
            return node.end_mark.index
        if isinstance(node, MappingNode) and not node.flow_style and node.value:
            return self.content_end(node.value[-1][1])
        if isinstance(node, SequenceNode) and not node.flow_style and node.value:
            return self.content_end(node.value[-1])
        end = node.end_mark.index
        if isinstance(node, ScalarNode) and node.style in ("|", ">"):
            while end > node.start_mark.index and self.text[end - 1] in " \t\r\n":
                end -= 1
        return end

    def _line_end(self, pos: int) -> int:
        nl = self.text.find("\n", pos)
        return len(self.text) if nl < 0 else nl

    # -- result --------------------------------------------------------------------------------------------------

    def result(self) -> tuple[str, list[tuple[int, int, Any]]]:
        """The edited text and, for every edit with an origin, the lines (first, last; 1-based) it now covers."""
        ordered = sorted(self.edits, key=_order)
        for a, b in zip(ordered, ordered[1:]):
            if b.start < a.end:
                raise ValueError(f"overlapping YAML edits at {a.start}-{a.end} and {b.start}-{b.end}")
        out: list[str] = []
        lines: list[tuple[int, int, Any]] = []
        pos, newlines = 0, 0
        for e in ordered:
            out.append(self.text[pos:e.start])
            newlines += self.text.count("\n", pos, e.start)
            if e.origin is not None:
                lead = len(e.text) - len(e.text.lstrip("\n"))
                lines.append((newlines + 1 + lead, newlines + 1 + e.text.count("\n"), e.origin))
            out.append(e.text)
            newlines += e.text.count("\n")
            pos = e.end
        out.append(self.text[pos:])
        text = "".join(out)
        return (text.replace("\n", "\r\n") if self.crlf else text), lines


def _order(e: Edit) -> tuple[int, int, int]:
    """Where an edit goes among the edits at its position: block lines added there, the deepest first.

    The end of a block item is also the end of every collection it closes, so lines appended to a nested sequence
    and lines appended to an outer one can land on one position. In the order they were made, a new program
    appended to ``program`` came before a new kegiatan of the last program, which then read as the new program's
    kegiatan: a workbook adding a program and replacing a kegiatan was refused with "kunci wajib
    'program[1].kegiatan' belum diisi". Added lines go before an edit that removes or replaces text starting there
    (the lines before it), as they always did when made first."""
    if e.start == e.end and e.text.startswith("\n"):
        first = e.text.lstrip("\n")
        return (e.start, -(len(first) - len(first.lstrip(" "))), e.seq)
    return (e.start, 1, e.seq)


def _runs(indexes: list[int]) -> list[tuple[int, int]]:
    """Sorted indexes as (first, last) of each run of consecutive ones: [0, 1, 3] -> [(0, 1), (3, 3)]."""
    runs: list[tuple[int, int]] = []
    for i in indexes:
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def _detached(node: Node, done: dict[int, Node]) -> Node:
    """A copy of a node tree to construct a value from: the constructor resolves merge keys by rewriting the mapping
    nodes that hold them, which would move the merged entries into the text's own tree."""
    if id(node) in done or isinstance(node, ScalarNode):
        return done.get(id(node), node)
    out = copy.copy(node)
    done[id(node)] = out
    if isinstance(node, MappingNode):
        out.value = [(_detached(k, done), _detached(v, done)) for k, v in node.value]
    elif isinstance(node, SequenceNode):
        out.value = [_detached(v, done) for v in node.value]
    return out


def _is_block(node: Node) -> bool:
    return isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and bool(node.value)


def _dash_column(text: str, item: Node) -> int:
    """Column of the ``-`` that starts a block sequence item."""
    line_start = text.rfind("\n", 0, item.start_mark.index) + 1
    dash = text.rfind("-", line_start, item.start_mark.index)
    return dash - line_start if dash >= 0 else max(item.start_mark.column - 2, 0)


def _same_key(a: Any, b: Any) -> bool:
    """Years are int keys in the files and may come as int or text from a workbook."""
    return a == b or str(a) == str(b)


# -- emitting values ---------------------------------------------------------------------------------------------

def emit_number(d: Decimal) -> str:
    """A Decimal in the machine form the data files use: ``84.82``, ``100``, ``-3.5`` (never an exponent)."""
    if d == d.to_integral_value():
        return str(int(d))
    text = format(d.normalize(), "f")
    return text


def emit_text(s: str) -> str:
    """A string as a plain scalar when YAML reads it back as the same text in any context, else double-quoted."""
    if _plain_ok(s):
        return s
    return json.dumps(s, ensure_ascii=False)


def _plain_ok(s: str) -> bool:
    if not s or s != s.strip() or s.startswith(_PLAIN_UNSAFE_START) or "\n" in s or "\t" in s:
        return False
    if any(c in s for c in ",[]{}") or ": " in s or " #" in s or s.endswith(":"):
        return False
    try:  # block and flow context both (PyYAML ends a plain scalar at "?" inside braces: "{tidak_ada: a?b}")
        return (yaml.safe_load(f"k: {s}") == {"k": s} and yaml.safe_load(f"{{k: {s}}}") == {"k": s}
                and yaml.safe_load(f"[{s}]") == [s])
    except yaml.YAMLError:
        return False


def emit_key(key: Any) -> str:
    return str(key) if isinstance(key, int) else emit_text(str(key))


def emit_value(v: Any) -> str:
    """A value of the data model as one line of YAML: numbers, grades, ``{tidak_ada: ...}``, quarter maps, dates."""
    if isinstance(v, Missing):
        return "{tidak_ada: " + emit_text(v.reason) + "}"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Decimal):
        return emit_number(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, dict):
        return "{" + ", ".join(f"{emit_key(k)}: {emit_value(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(emit_value(x) for x in v) + "]"
    return emit_text(str(v))
