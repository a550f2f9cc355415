"""How a use case reports progress and learns it should stop."""

from __future__ import annotations

from typing import Callable

from parkdesk.errors import ParkdeskError


Progress = Callable[[int, int], bool]  # (done, total) → False asks the work to stop


class Cancelled(ParkdeskError):
    """The user asked the work to stop; it left nothing behind."""

    def __init__(self):
        super().__init__("job.cancelled")


def no_progress(_done: int, _total: int) -> bool:
    return True


def checked(progress: Progress | None) -> Callable[[int, int], None]:
    """`progress` as a callback that raises Cancelled when it answers False."""
    report = progress or no_progress

    def step(done: int, total: int) -> None:
        if report(done, total) is False:
            raise Cancelled()

    return step
