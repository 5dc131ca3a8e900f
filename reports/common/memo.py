"""A small least-recently-used store in the process's memory, for results keyed by a digest of everything
they are computed from (so a changed input is a new key and nothing needs invalidating: nothing in it can
be stale, and a worker that never saw a key computes it itself)."""

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any


def digest(*parts: Any) -> str:
    """A key for ``parts``: plain values (str, int, Decimal, dates, tuples and lists of them) whose
    ``repr`` says all they are."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()


class Memo:
    """At most ``size`` results, the least recently used dropped first; safe across threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._results: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, key: str, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
        result = compute()  # outside the lock: two threads may both compute a new key, with one result
        with self._lock:
            self._results[key] = result
            while len(self._results) > self.size:
                self._results.popitem(last=False)
        return result

    def clear(self) -> None:
        with self._lock:
            self._results.clear()
