"""A real Ralph LRS for the tests: installed from the package index by the `test` extra,
started on a loopback port with its file-system backend, and stopped afterwards.

Ralph's own `ralph runserver` runs uvicorn with `reload=True` (a file watcher and a second
process), so the server is started the way that command starts it, without the reload:
`uvicorn.run("ralph.api:app")`, configured by the same RALPH_* variables it would write.
The credentials are made by `ralph auth`, into an auth file of the test's own.

One fix to Ralph 5.1.0 itself: its file-system LRS backend keeps every statement in one
file but writes it with the data backend's default "create" operation, which refuses a
file that exists, so every POST after the first fails with HTTP 500 ("fs_lrs.jsonl already
exists and overwrite is not allowed"). The launcher sets that backend's default operation
to "append" (what its reader expects: one JSON statement per line) before starting.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from base64 import b64encode
from dataclasses import dataclass
from pathlib import Path
from typing import Any

USER, PASSWORD = "freeze-frame", "a-long-test-password"
HOME_PAGE = "https://trust.example.nhs.uk/"
#: Seconds Ralph may take to start on a busy 2-core machine (it imports FastAPI and pydantic).
START_LIMIT = 60.0


LAUNCH = """
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
import uvicorn

FSLRSBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host="127.0.0.1", port={port}, log_level="warning")
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Ralph:
    """A running Ralph: its xAPI endpoint, credentials, and a reader for what it stored."""

    endpoint: str
    process: subprocess.Popen[bytes]
    folder: Path

    def _get(self, url: str) -> dict[str, Any]:
        auth = b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        request = urllib.request.Request(
            url,
            headers={"Authorization": f"Basic {auth}", "X-Experience-API-Version": "1.0.3"},
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.loads(answer.read())

    def statements(self, registration: str) -> list[dict[str, Any]]:
        """Every statement of one registration, following the LRS's `more` pages."""
        query = urllib.parse.urlencode({"registration": registration, "limit": 100})
        url = f"{self.endpoint}statements?{query}"
        found: list[dict[str, Any]] = []
        while url:
            page = self._get(url)
            found += page["statements"]
            more = page.get("more")
            url = urllib.parse.urljoin(self.endpoint, more) if more else ""
        return found

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(15)


def start_ralph(folder: Path) -> Ralph:
    """`ralph auth`, then the LRS on a free loopback port; waits until it answers."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "fs").mkdir(exist_ok=True)
    env = {
        **os.environ,
        "RALPH_APP_DIR": str(folder / "app"),
        "RALPH_AUTH_FILE": str(folder / "auth.json"),
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(folder / "fs"),
        "RALPH_SENTRY_DSN": "",
    }
    subprocess.run(
        [sys.executable, "-m", "ralph", "auth", "-u", USER, "-p", PASSWORD, "-s", "all",
         "-A", "freeze-frame-tests", HOME_PAGE, "-w"],
        env=env, check=True, capture_output=True, cwd=folder,
    )  # fmt: skip
    port = free_port()
    log = open(folder / "ralph.log", "wb")  # noqa: SIM115 - the server's output, kept to read
    process = subprocess.Popen(
        [sys.executable, "-c", LAUNCH.format(port=port)],
        env=env, cwd=folder, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    ralph = Ralph(f"http://127.0.0.1:{port}/xAPI/", process, folder)
    deadline = time.monotonic() + START_LIMIT
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/__heartbeat__", timeout=2):
                return ralph
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                ralph.stop()
                raise RuntimeError(
                    "Ralph did not start:\n" + (folder / "ralph.log").read_text()
                ) from None
            time.sleep(0.2)  # waiting for another process to listen; not a timing test
