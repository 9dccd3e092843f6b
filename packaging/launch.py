"""Entry point of the frozen guide: the same ``guide`` command as the console script."""

import sys

from guide.cli import main

if __name__ == "__main__":
    sys.exit(main())
