"""``python -m guide``: the ``guide`` command, as the installed entry point runs it."""

import sys

from guide.cli import main

if __name__ == "__main__":
    sys.exit(main())
