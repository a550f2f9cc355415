"""`python -m parkdesk`: the same as the `parkdesk` command."""

import sys

from parkdesk.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
