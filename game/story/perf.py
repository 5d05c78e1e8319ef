"""Keeping big scripts linear: Python's cycle collector rescans every live object each time
it runs, so building hundreds of thousands of nodes with it on costs time that grows faster
than the script. Our node trees and state graphs hold no reference cycles worth collecting
during the build, so the collector is paused for it and restored after.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector for a block, and restore it however the block ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
