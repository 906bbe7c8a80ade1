"""The address of an instansi's page under ``instansi/``, from its name and pemda.

Here, not with the portal's pages, because ``check`` needs it too: whether two spellings of one instansi are two
pages is a question of these addresses (``compute.earlier.check_spelling``), and one rule decides both.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable


def folded(name: str) -> str:
    """A name as two spellings of one instansi or pemda are compared for its figures (letter case and runs of spaces
    set aside): the key of the year-on-year comparison and of an earlier name (``instansi.nama_sebelumnya``)."""
    return " ".join(name.casefold().split())


def instansi_slug(name: str) -> str:
    """A stable URL part for an instansi name ("Kecamatan Martapura Barat" → "kecamatan-martapura-barat")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") or "instansi"


def instansi_addresses(pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The address of each instansi (nama, pemda) under ``instansi/``: its name's slug while no instansi of another
    pemda shares it, else its name's and its pemda's ("dinas-pendidikan-kabupaten-banjar").

    A published address never changes meaning or disappears: a kabupaten's "Dinas Pendidikan" had
    ``instansi/dinas-pendidikan/``, and a report of the province's own "Dinas Pendidikan" made it the province's
    page (the kabupaten's moved), while a second kabupaten's took it away. A shared name's plain address is now the
    page that lists the instansi of that name (``output.portal.namesakes``), each at its own address, whichever
    pemda is the portal's: the address a kabupaten's instansi of a shared name had (``nama (pemda)``) is the same.
    The names' slugs are compared, as the page addresses are: "Dinas kesehatan" of one pemda and "Dinas Kesehatan"
    of another were one page of both."""
    pairs = set(pairs)
    pemdas: dict[str, set[str]] = {}
    for nama, pemda in pairs:
        pemdas.setdefault(instansi_slug(nama), set()).add(instansi_slug(pemda))
    return {(nama, pemda): slug if len(pemdas[slug := instansi_slug(nama)]) == 1 else f"{slug}-{instansi_slug(pemda)}"
            for nama, pemda in pairs}
