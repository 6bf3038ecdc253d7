"""The production serving design, with real processes: nginx in front of gunicorn
(``python -m deploy.serve``, what ``make run`` starts) keeps answering while slow clients
hold connections, and the heavy-request budget is one across workers and instances.

These start real servers (a few seconds each). Without nginx on the machine the nginx
tests are skipped with the reason, except in CI, where ``make test`` installs it.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.serving

RESUME = (
    b'{"text": "Jane Doe\\nExperience\\nAccount Manager, Acme, 2019 - 2021\\n- Grew revenue 20%"}'
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RATELIMIT_", "PROXY_"))}
    env.update(SECRET_KEY="serving-test-key", PDF_CACHE_SIZE="0", **extra)
    return env


def _get(url: str, timeout: float = 5.0) -> tuple[int, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    return status, time.monotonic() - started


def _post(url: str, body: bytes) -> int:
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def _wait_until_up(base: str, process: subprocess.Popen[bytes], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server stopped while starting (exit {process.returncode})")
        try:
            if _get(base + "/healthz", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"{base} did not answer within {seconds:.0f} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def _nginx_skip_reason() -> str | None:
    if shutil.which("nginx") or Path("/usr/sbin/nginx").exists():
        return None
    reason = "nginx is not installed; run `make test` as root to install it"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"the serving tests must run in CI: {reason}")
    return reason


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """The site as make run serves it: nginx and two gunicorn workers."""
    reason = _nginx_skip_reason()
    if reason:
        pytest.skip(reason)
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "deploy.serve"],
        cwd=REPO,
        env=_env(PORT=str(port), WORKERS="2", RATELIMIT_HEAVY="30 per minute"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        yield base
    finally:
        _stop(process)


def gunicorn_instance(port: int) -> list[str]:
    """The command for one app instance of one worker on a loopback port, configured as
    make run configures gunicorn."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--config",
        str(REPO / "gunicorn.conf.py"),
        "--workers",
        "1",
        "--bind",
        f"127.0.0.1:{port}",
        "webapp:create_app()",
    ]


def _slow_client(port: int, stop: threading.Event, opened: list[socket.socket]) -> None:
    """A client that sends its request a byte every second and never finishes."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    opened.append(sock)
    request = b"POST /api/v1/resume/analyze HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n"
    for byte in request:
        if stop.is_set():
            return
        try:
            sock.send(bytes([byte]))
        except OSError:
            return
        stop.wait(1.0)


def assert_answers_under_slow_clients(url: str, clients: int = 50) -> None:
    """``clients`` connections each part-way through a request and sending it slowly
    (slowloris): the site behind ``url`` still answers a page and /healthz within 1 s."""
    port = int(url.rsplit(":", 1)[1])
    stop = threading.Event()
    opened: list[socket.socket] = []
    threads = [
        threading.Thread(target=_slow_client, args=(port, stop, opened), daemon=True)
        for _ in range(clients)
    ]
    for thread in threads:
        thread.start()
    try:
        time.sleep(3)  # every slow client is connected and part-way through its request
        assert len(opened) == clients
        for _ in range(10):
            for path in ("/healthz", "/roles"):
                status, seconds = _get(url + path, timeout=5)
                assert status == 200, path
                assert seconds < 1.0, f"{path} took {seconds:.2f} s"
            time.sleep(0.2)
    finally:
        stop.set()
        for sock in opened:
            sock.close()


def test_fifty_slow_clients_do_not_starve_the_site(site: str) -> None:
    assert_answers_under_slow_clients(site)


def test_nginx_answers_its_own_errors_in_json_with_the_headers(site: str) -> None:
    request = urllib.request.Request(
        site + "/api/v1/resume/analyze",
        data=b"x" * (6 * 1024 * 1024),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=30)
    assert caught.value.code == 413
    assert caught.value.headers["Content-Type"] == "application/json"
    assert caught.value.headers["X-Content-Type-Options"] == "nosniff"
    assert b'"payload_too_large"' in caught.value.read()


def test_the_heavy_budget_is_one_across_the_workers(site: str) -> None:
    statuses = [_post(site + "/api/v1/resume/analyze", RESUME) for _ in range(31)]
    assert statuses[:30] == [200] * 30
    assert statuses[30] == 429


def test_the_heavy_budget_is_one_across_instances(tmp_path: Path) -> None:
    """Two gunicorn instances on one machine share the SQLite store: the 31st heavy
    request in a minute is refused whichever instance it reaches."""
    store = f"sqlite:///{tmp_path}/ratelimit.db"
    ports = [_free_port(), _free_port()]
    processes = [
        subprocess.Popen(
            gunicorn_instance(port),
            cwd=REPO,
            env=_env(RATELIMIT_STORAGE_URI=store, RATELIMIT_HEAVY="30 per minute"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for base, process in zip(bases, processes, strict=True):
            _wait_until_up(base, process)
        statuses = [_post(bases[i % 2] + "/api/v1/resume/analyze", RESUME) for i in range(30)]
        assert statuses == [200] * 30
        assert _post(bases[0] + "/api/v1/resume/analyze", RESUME) == 429
        assert _post(bases[1] + "/api/v1/resume/analyze", RESUME) == 429
    finally:
        for process in processes:
            _stop(process)
