"""``python -m lkjip_site`` is ``lkjip``."""

import sys

from .cli.main import main

sys.exit(main())
