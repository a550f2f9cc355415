"""What every subcommand's run shares: printing JSON, reporting an expected failure with its exit code."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def report_error(error, lang: str) -> int:
    """Print a ParkdeskError in the user's language; its exit code."""
    print(error.message(lang), file=sys.stderr)
    return error.exit_code


def output_path(path: Path, suffixes: tuple[str, ...], lang: str) -> Path:
    """`--out` checked against what the command writes: a name ending in one of `suffixes` (any case) is kept;
    a name with no extension gets the first one (and says so); any other extension is refused (exit 2), so a
    workbook is never written under a .pdf name."""
    from parkdesk.errors import ParkdeskError
    from parkdesk.texts import text

    name = path.name.casefold()
    if any(name.endswith(suffix) for suffix in suffixes):
        return path
    if not path.suffix:
        fixed = path.with_name(path.name + suffixes[0])
        print(text("out.suffix_added", lang, path=fixed), file=sys.stderr)
        return fixed
    raise ParkdeskError("out.wrong_suffix", path=path, suffixes="、".join(suffixes))
