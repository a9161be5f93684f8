"""`python -m resolutions.parsing PATH ...`: see cli.py."""

import sys

from .cli import main

sys.exit(main())
