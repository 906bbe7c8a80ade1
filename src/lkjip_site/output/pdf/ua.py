"""WeasyPrint's user-agent stylesheet with its universal pseudo-element rules scoped to the elements that use them.

Why: WeasyPrint's user-agent stylesheet styles six pseudo-elements for every element (``::marker``,
``::footnote-call``, ``::footnote-marker``, ``::note-call``, ``::note-marker``, ``::note-callback``), so its cascade
computes six pseudo-element styles for each element of the document, and unlike the elements' own styles they are
not shared between equal elements: in the benchmark's two sample reports 85 386 of the 90 824 styles computed, for
every table cell and every element of an inline chart. A box reads such a style only when its element can show the
pseudo-element (WeasyPrint's ``formatting_structure/build.py``): a marker for ``display: list-item``, a footnote call
and marker for ``float: footnote``, a note's call, marker and back link for ``position: note(…)``. Scoped to the
elements whose rules set those values, the cascade skips the rest and the PDF is the same, byte for byte (tested on
the bundled examples); the layout of a report took about a fifth less time.

Only the elements a rule can name are known before the cascade: where a value could come from elsewhere (an inline
``style`` attribute or a ``<style>`` element in the print HTML, ``inherit`` or ``var()`` in one of those properties,
an ``@import`` that cannot be read, a nested rule, a pseudo-element that would carry one), :func:`scoped_user_agent`
returns None and the job keeps WeasyPrint's own stylesheet. Imported stylesheets are read as the layout reads them
(``read``: the job's own URL fetcher). Pure text in, text out: the layout stage (a worker) parses the result.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from urllib.parse import urljoin

import tinycss2
import tinycss2.ast

#: Each pseudo-element of a universal rule in the user-agent stylesheet → the kind of element that can show it.
PSEUDO_KINDS = {
    "marker": "list-item",
    "footnote-call": "footnote",
    "footnote-marker": "footnote",
    "note-call": "note",
    "note-marker": "note",
    "note-callback": "note",
}
_UNIVERSAL_RULE = re.compile(r"^::(" + "|".join(map(re.escape, PSEUDO_KINDS)) + r") (\{[^{}]*\})", re.M)
#: Stylesheets imported inside each other, at most this deep (a loop of imports is unsure, not endless).
MAX_IMPORT_DEPTH = 8
#: Values that take a property's value from somewhere the stylesheet's text does not show.
_INDIRECT = frozenset({"inherit", "unset", "revert", "revert-layer"})
#: The functions a value of these properties may hold and still be read from its text (``position: running(…)``
#: makes a running header, never a list item, footnote or note); any other (``var()``, ``env()``, ``attr()``) is
#: a value the text does not show.
_FUNCTIONS = {"position": frozenset({"note", "running"})}
_BLOCK_AT_RULES = frozenset({"media", "supports", "layer", "container", "document"})
#: At-rules that hold no rules for elements. ``@namespace`` is not one of them: a selector copied out of a sheet that
#: declares namespaces could mean something else, or nothing, in the user-agent sheet.
_SKIPPED_AT_RULES = frozenset({"page", "font-face", "counter-style", "font-feature-values", "property", "charset",
                               "color-profile"})
_PSEUDO_ELEMENT = re.compile(r"::|:(before|after|first-line|first-letter|marker)\b", re.I)
_HTML_STYLE = re.compile(r"<style\b|<link\b[^>]*\bstylesheet\b", re.I)
_STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)
_CARRYING_WORDS = re.compile(r"list-item|footnote|note|var\(|inherit|unset|revert", re.I)


class _Unsure(Exception):
    """A stylesheet or document where a carrying value could come from somewhere its text does not show."""


Reader = Callable[[str], "str | None"]


def scoped_user_agent(ua: str, author: Sequence[tuple[str, str]], html: str, read: Reader) -> str | None:
    """``ua`` with its universal pseudo-element rules limited to the elements that can show them, or None.

    ``author``: every author stylesheet the layout is given, as (text, URL its imports are relative to); ``html``:
    the print document; ``read``: an imported stylesheet's text by URL (None: it cannot be read). None when an
    element could carry a pseudo-element by a way the selectors cannot name (module docstring): the user-agent
    stylesheet must then stay as it is.
    """
    if _HTML_STYLE.search(html) or any(_CARRYING_WORDS.search(v) for v in _STYLE_ATTRIBUTE.findall(html)):
        return None
    kinds: dict[str, list[str]] = {"list-item": [], "footnote": [], "note": []}
    try:
        for text, url in ((ua, ""), *author):
            for kind, selectors in carriers(text, url, read).items():
                kinds[kind].extend(s for s in selectors if s not in kinds[kind])
    except _Unsure:
        return None

    def scoped(match: re.Match[str]) -> str:
        # one rule per selector, not a list: a selector the parser rejects (as it rejected the theme's rule that held
        # it) then drops only its own rule, where in a list it would drop the rule for every element
        selectors = kinds[PSEUDO_KINDS[match.group(1)]]
        if not selectors:
            return f"/* ::{match.group(1)}: no element can show it */"
        return "\n".join(f"{s}::{match.group(1)} {match.group(2)}" for s in selectors)

    return _UNIVERSAL_RULE.sub(scoped, ua)


def carriers(css: str, url: str = "", read: Reader = lambda _url: None) -> dict[str, list[str]]:
    """The selectors of the rules in ``css`` (and the stylesheets it imports) that make an element a list item, a
    footnote or a note, by kind. Raises :class:`_Unsure` where the text cannot tell (module docstring)."""
    found: dict[str, list[str]] = {"list-item": [], "footnote": [], "note": []}
    _walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), found, url, read, 0)
    return found


def _walk(rules: Iterable[tinycss2.ast.Node], found: dict[str, list[str]], url: str, read: Reader,
          depth: int) -> None:
    for rule in rules:
        if isinstance(rule, tinycss2.ast.AtRule):
            name = rule.lower_at_keyword
            if name == "import":
                target = urljoin(url, _import_url(rule))
                text = read(target) if depth < MAX_IMPORT_DEPTH else None
                if text is None:
                    raise _Unsure(f"@import {target}")
                _walk(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True), found, target,
                      read, depth + 1)
            elif name in _BLOCK_AT_RULES and rule.content is not None:
                _walk(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), found, url,
                      read, depth)
            elif name not in _SKIPPED_AT_RULES:
                raise _Unsure(f"@{name}")  # anything unknown may hold rules this walk does not see
        elif isinstance(rule, tinycss2.ast.QualifiedRule):
            for kind in _kinds(rule):
                for selector in _selectors(rule):
                    if selector not in found[kind]:
                        found[kind].append(selector)


def _import_url(rule: tinycss2.ast.AtRule) -> str:
    """The address of ``@import url(…)`` or ``@import "…"`` (its media and layer conditions do not matter here:
    a rule counted that the layout leaves out only keeps a pseudo-element rule that was kept before)."""
    for token in rule.prelude:
        if isinstance(token, (tinycss2.ast.URLToken, tinycss2.ast.StringToken)):
            return token.value
        if isinstance(token, tinycss2.ast.FunctionBlock) and token.lower_name == "url":
            strings = [t.value for t in token.arguments if isinstance(t, tinycss2.ast.StringToken)]
            if strings:
                return strings[0]
        if not isinstance(token, (tinycss2.ast.WhitespaceToken, tinycss2.ast.Comment)):
            break
    raise _Unsure(tinycss2.serialize(rule.prelude))


def _kinds(rule: tinycss2.ast.QualifiedRule) -> set[str]:
    """Which pseudo-element kinds the rule's declarations make its elements show."""
    kinds = set()
    for item in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
        if isinstance(item, (tinycss2.ast.QualifiedRule, tinycss2.ast.AtRule)):
            raise _Unsure("nested rule")
        if not isinstance(item, tinycss2.ast.Declaration) or item.lower_name not in ("display", "float", "position"):
            continue
        tokens = [t for t in item.value if not isinstance(t, (tinycss2.ast.WhitespaceToken, tinycss2.ast.Comment))]
        idents = {t.lower_value for t in tokens if isinstance(t, tinycss2.ast.IdentToken)}
        functions = {t.lower_name for t in tokens if isinstance(t, tinycss2.ast.FunctionBlock)}
        if idents & _INDIRECT or functions - _FUNCTIONS.get(item.lower_name, frozenset()):
            raise _Unsure(f"{item.lower_name}: {tinycss2.serialize(item.value).strip()}")
        if item.lower_name == "display" and "list-item" in idents:
            kinds.add("list-item")
        elif item.lower_name == "float" and "footnote" in idents:
            kinds.add("footnote")
        elif item.lower_name == "position" and "note" in functions:
            kinds.add("note")
    return kinds


def _selectors(rule: tinycss2.ast.QualifiedRule) -> list[str]:
    """The rule's selectors, one per complex selector of its list; none may name a pseudo-element."""
    parts: list[list[tinycss2.ast.Node]] = [[]]
    for token in rule.prelude:  # brackets, parentheses and strings are single tokens: a comma here separates
        if isinstance(token, tinycss2.ast.LiteralToken) and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    selectors = [tinycss2.serialize(part).strip() for part in parts]  # as written: a string's spaces are its own
    if not all(selectors) or any(_PSEUDO_ELEMENT.search(s) for s in selectors):
        raise _Unsure(tinycss2.serialize(rule.prelude))
    return selectors
