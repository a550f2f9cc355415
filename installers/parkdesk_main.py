"""The frozen program's entry point: the same `main` as the `parkdesk` command."""

import sys

from parkdesk.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
