"""What every subcommand's run shares: printing JSON, reporting an expected failure with its exit code."""

from __future__ import annotations

import json
import sys


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def report_error(error, lang: str) -> int:
    """Print a ParkdeskError in the user's language; its exit code."""
    print(error.message(lang), file=sys.stderr)
    return error.exit_code
