"""Help for 100,000-row work: a thread for work that leaves the GIL (the collector: parkdesk.gc_pause).

zlib and SQLite release the GIL while they work, so unpacking a sheet's XML
or running a scan in the background overlaps with Python in the foreground
(two cores: the longer of the two instead of their sum).
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable

_BACKGROUND = ThreadPoolExecutor(max_workers=2, thread_name_prefix="parkdesk-excel")


def in_background(action: Callable, *args) -> Future:
    """Run `action(*args)` on a worker thread; its exception comes out of `result()`."""
    return _BACKGROUND.submit(action, *args)

