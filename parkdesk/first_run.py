"""What the first-run wizard decided, and carrying it out (no Qt: the wizard only collects the choice)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from parkdesk.db.workspace import open_workspace
from parkdesk.errors import ParkdeskError
from parkdesk.reports.start import start_operator_workspace
from parkdesk.places import data_dir
from parkdesk.settings import load_settings, save_settings

CREATE = "create"
OPEN = "open"


@dataclass(frozen=True)
class FirstRunChoice:
    lang: str  # "zh" | "en"
    action: str  # CREATE | OPEN
    path: Path
    park_code: str | None = None  # one of the plan's 12 parks (CREATE)
    division_code: str | None = None  # that plan park's district, if the user chose one
    new_park: dict | None = None  # or a new park (keys of park_setup.NEW_PARK_KEYS)
    year: int | None = None  # the first report's year (CREATE)
    overwrite: bool = False  # the user confirmed replacing an existing file


def default_workspace_path() -> Path:
    return data_dir() / "parkdesk.sqlite"


def apply_first_run(choice: FirstRunChoice) -> Path:
    """Create (or check that we can open) the chosen workspace; remember it and the language.

    Raises ParkdeskError with a message for the user; on failure nothing is created or remembered.
    """
    path = Path(choice.path)
    if choice.action == OPEN:
        open_workspace(path).close()
    elif choice.action == CREATE:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ParkdeskError("cli.write_failed", path=path, reason=exc.strerror or exc) from exc
        start_operator_workspace(path, park_code=choice.park_code, division_code=choice.division_code,
                                 new_park=choice.new_park, year=choice.year, overwrite=choice.overwrite)
    else:
        raise ValueError(f"unknown first-run action: {choice.action!r}")
    settings = load_settings()
    settings.language = choice.lang
    settings.last_workspace = str(path)
    save_settings(settings)
    return path
