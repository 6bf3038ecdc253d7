"""Several instances with real parts, as compose.yaml runs them but without containers:
a real Redis holds the rate-limit counters, two gunicorn instances (one worker each) serve
on loopback ports, and nginx, configured from the same template as ``make run`` and
compose (deploy/nginx.conf.in), spreads requests over them.

It shows that the heavy-request budget is one across instances, that nginx keeps the site
answering under 50 slow clients, and that killing an instance loses no request nginx can
resend. Without redis-server or nginx it is skipped with the reason, except in CI, where
``make test`` installs both. The tests share one set of servers (about 15 s to start on
two cores) and run in file order: the last two stop Redis and kill an instance.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
import yaml
from limits import parse

from deploy.compose import APP_PORT, APP_SERVICES, LISTEN, compose_config
from deploy.serve import nginx_config
from tests.test_serving import (
    RESUME,
    _free_port,
    _get,
    _post,
    _wait_until_up,
    assert_answers_under_slow_clients,
    gunicorn_instance,
)
from webapp.config import DEFAULTS

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.multi_instance

ANALYZE = "/api/v1/resume/analyze"


def _program(name: str) -> str | None:
    return shutil.which(name) or next(
        (str(p) for p in (Path("/usr/sbin") / name, Path("/usr/bin") / name) if p.exists()),
        None,
    )


def _skip_reason() -> str | None:
    missing = [name for name in ("redis-server", "nginx") if _program(name) is None]
    if not missing:
        return None
    reason = f"{' and '.join(missing)} not installed; run `make test` as root to install"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"the multi-instance tests must run in CI: {reason}")
    return reason


@dataclass
class Instance:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def access_lines(self, path: str, status: int | None = None) -> list[str]:
        """gunicorn's access-log lines for requests to ``path`` (answered with ``status``)."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        lines = [line for line in text.splitlines() if f" {path} HTTP/" in line]
        return [line for line in lines if status is None or f'" {status} ' in line]


def _logged(instances: list[Instance], path: str, status: int, count: int) -> list[int]:
    """How many requests each instance logged; gunicorn writes a line just after it has
    answered, so wait a moment for ``count`` lines in all."""
    deadline = time.monotonic() + 5
    while True:
        counts = [len(instance.access_lines(path, status)) for instance in instances]
        if sum(counts) >= count or time.monotonic() > deadline:
            return counts
        time.sleep(0.05)


@dataclass
class Cluster:
    url: str  # nginx
    instances: list[Instance]
    redis: redis.Redis
    redis_server: subprocess.Popen[bytes]


def _stop_group(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    """Signal a process and its children (each server runs in a session of its own)."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, sig)
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        except ProcessLookupError:
            pass


def _start(command: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(
            command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    redis_server, nginx = _program("redis-server"), _program("nginx")
    assert redis_server and nginx
    run = tmp_path_factory.mktemp("cluster")
    processes: list[subprocess.Popen[bytes]] = []
    try:
        redis_port = _free_port()
        processes.append(
            _start(
                [
                    redis_server,
                    "--port",
                    str(redis_port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    str(run),
                ],
                run / "redis.log",
                dict(os.environ),
            )
        )
        store = redis.Redis(host="127.0.0.1", port=redis_port, socket_timeout=5)
        deadline = time.monotonic() + 10
        while True:
            try:
                store.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    pytest.fail("redis-server did not answer within 10 s")
                time.sleep(0.1)
        # As compose.yaml sets them: one key, one store, one proxy in front. The heavy
        # limit stays the configured default.
        env = {k: v for k, v in os.environ.items() if not k.startswith(("RATELIMIT_", "PROXY_"))}
        env.update(
            SECRET_KEY="multi-instance-test-key",
            RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{redis_port}/0",
            PROXY_HOPS="1",
            PDF_CACHE_SIZE="0",
            MAX_REQUESTS="0",
        )
        instances = []
        for number in (1, 2):
            port = _free_port()
            log = run / f"app{number}.log"
            process = _start(gunicorn_instance(port), log, env)
            processes.append(process)
            instances.append(Instance(f"http://127.0.0.1:{port}", process, log))
        for instance in instances:
            _wait_until_up(instance.url, instance.process)
        port = _free_port()
        conf = run / "nginx.conf"
        conf.write_text(
            nginx_config(
                run,
                f"127.0.0.1:{port}",
                DEFAULTS["MAX_CONTENT_LENGTH"],
                [instance.url.removeprefix("http://") for instance in instances],
                as_root=os.geteuid() == 0,
            ),
            encoding="utf-8",
        )
        proxy = _start([nginx, "-p", str(run), "-c", str(conf)], run / "nginx.log", env)
        processes.append(proxy)
        url = f"http://127.0.0.1:{port}"
        _wait_until_up(url, proxy, seconds=10)
        yield Cluster(url, instances, store, processes[0])
    finally:
        for process in reversed(processes):
            _stop_group(process)


def test_the_heavy_budget_is_one_across_instances(cluster: Cluster) -> None:
    """The configured heavy limit (RATELIMIT_HEAVY's default) counts in Redis: nginx spreads
    the requests over both instances, and once the budget is spent each refuses."""
    budget = parse(DEFAULTS["RATELIMIT_HEAVY"]).amount
    statuses = [_post(cluster.url + ANALYZE, RESUME) for _ in range(budget)]
    assert statuses == [200] * budget
    served = _logged(cluster.instances, ANALYZE, 200, budget)
    assert sum(served) == budget
    assert min(served) > 0, f"one instance served them all: {served}"
    # Round robin sends the next two to different instances: both refuse.
    assert [_post(cluster.url + ANALYZE, RESUME) for _ in range(2)] == [429, 429]
    assert _logged(cluster.instances, ANALYZE, 429, 2) == [1, 1]
    # The counter is in Redis, refused attempts included.
    stored = cluster.redis.keys("*")
    assert isinstance(stored, list)
    keys = [key for key in stored if b"heavy" in key]
    assert len(keys) == 1
    count = cluster.redis.get(keys[0])
    assert isinstance(count, bytes)
    assert int(count) == budget + 2


def test_fifty_slow_clients_do_not_starve_the_site(cluster: Cluster) -> None:
    assert_answers_under_slow_clients(cluster.url)


def test_without_redis_each_instance_counts_on_its_own(cluster: Cluster) -> None:
    """Redis stops: heavy requests are not failed (500) but counted per process in memory
    (RATELIMIT_IN_MEMORY_FALLBACK_ENABLED) until Redis answers again. This client spent
    its shared budget in the first test, so a 200 shows the fallback's fresh count."""
    _stop_group(cluster.redis_server)
    assert _post(cluster.url + ANALYZE, RESUME) == 200


def test_killing_an_instance_loses_no_request_nginx_can_resend(cluster: Cluster) -> None:
    """Page views keep coming from two clients while one instance is killed outright
    (SIGKILL to its process group: no graceful finish). Requests it held are resent by nginx
    to the other, so every one answers 200. Runs last: it leaves one instance."""
    stop = threading.Event()
    results: list[tuple[float, int | str]] = []
    lock = threading.Lock()

    def page_views() -> None:
        while not stop.is_set():
            for path in ("/roles", "/salaries", "/healthz"):
                try:
                    outcome: int | str = _get(cluster.url + path, timeout=10)[0]
                except OSError as exc:
                    outcome = repr(exc)
                with lock:
                    results.append((time.monotonic(), outcome))

    clients = [threading.Thread(target=page_views, daemon=True) for _ in range(2)]
    for client in clients:
        client.start()
    victim, survivor = cluster.instances
    try:
        time.sleep(2)
        killed_at = time.monotonic()
        _stop_group(victim.process, signal.SIGKILL)
        time.sleep(3)
    finally:
        stop.set()
        for client in clients:
            client.join(timeout=15)
    assert victim.process.poll() is not None
    before = [outcome for at, outcome in results if at < killed_at]
    after = [outcome for at, outcome in results if at >= killed_at]
    assert len(before) > 10 and len(after) > 10, (len(before), len(after))
    failures = [outcome for _, outcome in results if outcome != 200]
    assert failures == [], f"{len(failures)} of {len(results)} failed: {failures[:5]}"
    assert survivor.process.poll() is None


def test_the_compose_files_match_the_template_and_each_other() -> None:
    """compose.yaml's nginx config is the template's output today, for the app services
    compose.yaml runs, each with the settings the README documents."""
    committed = (REPO / "deploy" / "nginx-compose.conf").read_text(encoding="utf-8")
    regenerate = "python -m deploy.compose > deploy/nginx-compose.conf"
    assert committed == compose_config(), f"stale: run {regenerate}"
    compose = yaml.safe_load((REPO / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert len(APP_SERVICES) >= 2
    for name in APP_SERVICES:
        app = services[name]
        environment = app["environment"]
        assert environment["RATELIMIT_STORAGE_URI"].startswith("redis://redis:")
        assert environment["PROXY_HOPS"] == "1"
        assert environment["SECRET_KEY"] == services[APP_SERVICES[0]]["environment"]["SECRET_KEY"]
    nginx = services["nginx"]
    assert any(volume.split(":")[0] == "./deploy/nginx-compose.conf" for volume in nginx["volumes"])
    assert any(str(port).endswith(f":{LISTEN}") for port in nginx["ports"])
    assert set(nginx["depends_on"]) == set(APP_SERVICES)
    assert "redis" in services
    # The image's gunicorn listens where nginx's upstreams point.
    dockerfile = (REPO / "Dockerfile").read_text(encoding="utf-8")
    assert f'"0.0.0.0:{APP_PORT}"' in dockerfile
