"""``python -m lkjip_site`` is ``lkjip``."""

from .cli.main import run

run()
