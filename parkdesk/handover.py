"""Handing files to the parkdesk window that has a workspace open.

A workspace belongs to one process at a time (parkdesk.db.workspace_lock).
When a file manager starts a second parkdesk for a double-clicked package,
receipt or roll-up, or the user runs `parkdesk WORKSPACE` again, and a window
already holds that workspace, the second process hands the paths to that
window instead of touching the workspace, and ends.

The channel is a local socket (a Unix socket in a folder only the user can
enter; a named pipe on Windows), authenticated with a key that the window
writes, with its address, into a file only the user can read. Each message
is one JSON list of paths; the window answers "ok" once it has taken them.
Qt-free: the window's side runs a listener thread and gives each list to a
callback (which must hand it to the GUI thread itself).
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
import threading
from multiprocessing import AuthenticationError
from multiprocessing.connection import Client, Listener
from pathlib import Path

from parkdesk.atomic_files import write_atomically
from parkdesk.places import data_dir

TIMEOUT_SECONDS = 5


def _channels_dir() -> Path:
    folder = data_dir() / "channels"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    return folder


def _address() -> tuple[str, str]:
    if os.name == "nt":  # pragma: no cover - Windows only
        return rf"\\.\pipe\parkdesk-{os.getpid()}-{secrets.token_hex(4)}", "AF_PIPE"
    # a short path: Unix socket names are limited to ~107 bytes
    folder = Path(tempfile.mkdtemp(prefix="parkdesk-"))
    return str(folder / "s"), "AF_UNIX"


class HandoverListener:
    """The window's end: `name` goes into the workspace lock; `on_paths(list[Path])` runs on a worker thread."""

    def __init__(self, on_paths):
        self._on_paths = on_paths
        address, family = _address()
        self._key = secrets.token_bytes(32)
        self._listener = Listener(address, family=family, authkey=self._key)
        self.name = f"{os.getpid()}-{secrets.token_hex(4)}"
        self._card = _channels_dir() / f"{self.name}.json"
        write_atomically(self._card, json.dumps({"address": address, "family": family, "key": self._key.hex()})
                         .encode("utf-8"), private=True)
        self._closed = False
        self._thread = threading.Thread(target=self._serve, name="parkdesk-handover", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._closed:
            try:
                connection = self._listener.accept()
            except (OSError, EOFError, AuthenticationError):  # closed, or a caller without the key
                continue
            try:
                with connection:
                    paths = [Path(p) for p in json.loads(connection.recv_bytes(1 << 20).decode("utf-8"))]
                    self._on_paths(paths)
                    connection.send_bytes(b"ok")
            except (OSError, EOFError, ValueError, TypeError):
                continue

    def close(self) -> None:
        """Stop taking files (the listener thread is a daemon: a blocked accept() ends with the process)."""
        self._closed = True
        self._card.unlink(missing_ok=True)
        address = self._listener.address
        try:
            self._listener.close()  # removes a Unix socket file
        except OSError:
            pass
        if os.name != "nt":
            try:
                Path(address).parent.rmdir()
            except OSError:
                pass


def hand_over(channel: str, paths: list[Path]) -> bool:
    """Give `paths` to the window whose channel is `channel`; True once it has taken them."""
    card = _channels_dir() / f"{channel}.json"
    try:
        info = json.loads(card.read_text(encoding="utf-8"))
        connection = Client(info["address"], family=info["family"], authkey=bytes.fromhex(info["key"]))
    except (OSError, ValueError, KeyError, EOFError, AuthenticationError):
        return False
    try:
        with connection:
            connection.send_bytes(json.dumps([str(Path(p).resolve()) for p in paths]).encode("utf-8"))
            if not connection.poll(TIMEOUT_SECONDS):
                return False
            return connection.recv_bytes() == b"ok"
    except (OSError, EOFError):
        return False
