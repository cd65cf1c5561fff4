"""Opening a written page in the user's browser, quietly.

``--open`` asks for it. Where the machine has no browser (a server, a container, CI),
the launcher's own complaints (xdg-open's "no method available", gio's warnings) are not
shown: the user gets one line saying where the file is.
"""

from __future__ import annotations

import os
import webbrowser
from contextlib import contextmanager
from pathlib import Path

__all__ = ["open_file"]


@contextmanager
def _quiet():
    """stdout and stderr of this process (and of launchers it starts) go to /dev/null."""
    saved = [os.dup(1), os.dup(2)]
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in (*saved, devnull):
            os.close(fd)


def open_file(path: Path) -> str | None:
    """Open ``path`` in a browser; ``None`` when it worked, else the one line to show."""
    uri = Path(path).resolve().as_uri()
    try:
        with _quiet():
            browser = webbrowser.get()
            opened = browser.open(uri)
    except (webbrowser.Error, OSError):
        opened = False
    if opened:
        return None
    return f"theory: no web browser to open {path} with; open the file yourself"
