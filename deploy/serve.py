"""Serve the site as ``make run`` does: nginx in front of gunicorn, on one machine.

    python -m deploy.serve        # HOST, PORT, WORKERS, MAX_UPLOAD_MB from the environment

nginx listens on HOST:PORT, reads each request whole (with timeouts) and passes it to
gunicorn on a Unix socket in a private run folder; both stop together on Ctrl-C or SIGTERM.
The run folder (nginx's config, the socket, the shared rate-limit store) sits on the
RAM-backed /dev/shm where there is one and is removed on exit.

Without nginx on the machine (``make run`` installs it when run as root), gunicorn serves
HOST:PORT directly, with a warning: its sync workers can then be held by slow clients.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import FrameType

REPO = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.in"
MB = 1024 * 1024

# nginx's own answers, beside those the app itself gives (webapp.errors.MESSAGES).
_STATUS_TEXT = {
    400: ("bad_request", "This request could not be understood."),
    408: ("request_timeout", "The request took too long to arrive. Please send it again."),
    413: (
        "payload_too_large",
        "The upload is larger than the limit of {limit}. Try a smaller file or paste the text.",
    ),
    414: ("uri_too_long", "The address is too long."),
    494: ("headers_too_large", "The request's headers are too large."),
    502: ("unavailable", "The site is restarting. Please try again in a moment."),
    503: ("unavailable", "The site is busy. Please try again in a moment."),
    504: ("timeout", "The site took too long to answer. Please try again."),
}
_HEADERS = (
    "add_header Content-Security-Policy \"default-src 'none'; style-src 'unsafe-inline'\" always;",
    "add_header X-Content-Type-Options nosniff always;",
    "add_header X-Frame-Options DENY always;",
    "add_header Referrer-Policy same-origin always;",
    "add_header Cache-Control no-store always;",
)


def _quote(text: str) -> str:
    """A string as an nginx quoted argument."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def nginx_config(
    run: Path | str,
    listen: str,
    max_body: int,
    upstreams: Sequence[str],
    *,
    as_root: bool = False,
) -> str:
    """nginx's configuration for one run folder (its pid file and temporary paths).

    :param listen: nginx's ``listen`` argument, ``host:port`` or a port.
    :param upstreams: the app instances, each an nginx ``server`` address
        (``unix:/path.sock`` or ``host:port``); more than one share the load.
    :param as_root: nginx is started by root, so its workers run as root too (a run folder
        made by root is not for nginx's default user).
    """
    limit = f"{max_body / MB:g} MB"
    html_pages, json_pages, locations = [], [], []
    for status, (code, message) in _STATUS_TEXT.items():
        text = message.format(limit=limit)
        html_pages.append(f"        error_page {status} /__nginx/html/{status};")
        json_pages.append(f"            error_page {status} /__nginx/json/{status};")
        body = json.dumps({"error": {"code": code, "message": text, "fields": {}}})
        page = (
            f"<!doctype html><html lang=en><meta charset=utf-8><title>{status}</title>"
            f"<body style='font-family:sans-serif;max-width:40rem;margin:3rem auto'>"
            f"<h1>{text}</h1><p><a href='/'>Back to the Account Manager Toolkit</a></p>"
        )
        for kind, content_type, content in (
            ("json", "application/json", body),
            ("html", "text/html", page),
        ):
            locations.append(
                "\n".join(
                    [
                        f"        location = /__nginx/{kind}/{status} {{",
                        "            internal;",
                        f"            default_type {content_type};",
                        *(f"            {h}" for h in _HEADERS),
                        f"            return {status} {_quote(content)};",
                        "        }",
                    ]
                )
            )
    if not upstreams:
        raise ValueError("nginx needs at least one app instance")
    # One instance: never mark it failed (there is no other to send to). Several: an
    # instance that fails is passed over for 10 s, then tried again.
    options = "fail_timeout=0" if len(upstreams) == 1 else "max_fails=1 fail_timeout=10s"
    fields = {
        "RUN": str(run),
        "LISTEN": listen,
        "MAX_BODY": str(max_body),
        "USER": "user root;" if as_root else "",
        "UPSTREAMS": "\n".join(f"        server {address} {options};" for address in upstreams),
        "HTML_ERROR_PAGES": "\n".join(html_pages),
        "JSON_ERROR_PAGES": "\n".join(json_pages),
        "ERROR_LOCATIONS": "\n".join(locations),
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in fields.items():
        text = text.replace(f"@{name}@", value)
    return text


def _run_folder() -> Path:
    shm = Path("/dev/shm")
    base = shm if shm.is_dir() and os.access(shm, os.W_OK) else None
    return Path(tempfile.mkdtemp(prefix="amtoolkit-", dir=base))


def _gunicorn(bind: str, env: Mapping[str, str]) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--config",
        str(REPO / "gunicorn.conf.py"),
        "--bind",
        bind,
        "webapp:create_app()",
    ]
    return subprocess.Popen(command, cwd=REPO, env=dict(env))


def _wait_for(path: Path, seconds: float, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped before it was ready (exit {process.returncode})")
        if time.monotonic() > deadline:
            raise SystemExit(f"gunicorn did not open {path} within {seconds:.0f} s")
        time.sleep(0.1)


def main() -> int:
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8000"))
    max_body = int(float(os.environ.get("MAX_UPLOAD_MB", "5")) * MB)
    nginx = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None
    )
    run = _run_folder()
    env = dict(os.environ)
    env.setdefault("RATELIMIT_STORAGE_URI", f"sqlite:///{run}/ratelimit.db")
    processes: list[subprocess.Popen[bytes]] = []

    def stop(signum: int, _frame: FrameType | None) -> None:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM if signum != signal.SIGINT else signal.SIGINT)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        if nginx is None:
            print(
                "nginx is not installed: gunicorn serves directly, and a few slow clients "
                "can hold all its workers. Install nginx (make run does as root).",
                file=sys.stderr,
            )
            processes.append(_gunicorn(f"{host}:{port}", env))
        else:
            env.setdefault("PROXY_HOPS", "1")  # 2 behind a load balancer: README, Deploy
            socket = run / "gunicorn.sock"
            processes.append(_gunicorn(f"unix:{socket}", env))
            _wait_for(socket, 120, processes[0])
            conf = run / "nginx.conf"
            conf.write_text(
                nginx_config(
                    run,
                    f"{host}:{port}",
                    max_body,
                    [f"unix:{socket}"],
                    as_root=os.geteuid() == 0,
                ),
                encoding="utf-8",
            )
            processes.append(subprocess.Popen([nginx, "-p", str(run), "-c", str(conf)]))
        print(f"Serving on http://{host}:{port}", file=sys.stderr, flush=True)
        while all(p.poll() is None for p in processes):
            time.sleep(0.2)
        stop(signal.SIGTERM, None)
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        return max((p.returncode or 0) for p in processes)
    finally:
        shutil.rmtree(run, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
