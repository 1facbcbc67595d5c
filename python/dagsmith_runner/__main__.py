"""`python -m dagsmith_runner`: the runner process (see main.py)."""

import sys

from .main import main

sys.exit(main())
