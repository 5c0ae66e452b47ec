"""What every worker process vnnews starts does first: die with its parent."""

from __future__ import annotations

import os
import signal

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int) -> None:
    """Arm a parent-death signal (SIGKILL when the parent dies, on Linux), and exit at once if the
    parent (pid `parent`) died before it was armed. Elsewhere callers keep their own watchdog."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
