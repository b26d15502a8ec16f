"""`python -m clrpy` is the same as the `clrpy` command."""
import sys

from .cli.main import main

sys.exit(main())
