"""Help for 100,000-row work: the garbage collector paused, and a thread for work that leaves the GIL.

Building millions of cell values and row tuples triggers full collections
that walk every object already read, over and over: up to a quarter of an
import's time. The bulk code makes no reference cycles, so nothing is lost
by collecting once it is done.

zlib and SQLite release the GIL while they work, so unpacking a sheet's XML
or running a scan in the background overlaps with Python in the foreground
(two cores: the longer of the two instead of their sum).
"""

from __future__ import annotations

import gc
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Callable, Iterator

_BACKGROUND = ThreadPoolExecutor(max_workers=2, thread_name_prefix="parkdesk-excel")


def in_background(action: Callable, *args) -> Future:
    """Run `action(*args)` on a worker thread; its exception comes out of `result()`."""
    return _BACKGROUND.submit(action, *args)


@contextmanager
def paused_gc() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
