"""The heavy-request budget: who is a client behind a proxy, what a request costs, and the
SQLite store the workers of one machine share."""

from __future__ import annotations

from pathlib import Path

import pytest
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from webapp.config import ConfigError, from_environment
from webapp.extensions import HEAVY_COST_MAX, HEAVY_COST_UNIT

RESUME = {"text": "Jane Doe\nExperience\nAccount Manager, Acme, 2019 - 2021\n- Grew revenue 20%"}
URL = "/api/v1/resume/analyze"


def test_behind_one_proxy_each_client_has_its_own_budget(make_app) -> None:
    client = make_app(PROXY_HOPS=1, RATELIMIT_HEAVY="2 per minute").test_client()
    alice = {"X-Forwarded-For": "203.0.113.7"}
    bob = {"X-Forwarded-For": "198.51.100.9"}
    assert [client.post(URL, json=RESUME, headers=alice).status_code for _ in range(3)] == [
        200,
        200,
        429,
    ]
    assert client.post(URL, json=RESUME, headers=bob).status_code == 200


def test_without_a_proxy_the_header_is_not_trusted(make_app) -> None:
    """A client cannot buy a fresh budget by inventing X-Forwarded-For."""
    client = make_app(RATELIMIT_HEAVY="2 per minute").test_client()
    statuses = [
        client.post(URL, json=RESUME, headers={"X-Forwarded-For": f"192.0.2.{i}"}).status_code
        for i in range(3)
    ]
    assert statuses == [200, 200, 429]


def test_a_large_request_costs_more(make_app) -> None:
    client = make_app(RATELIMIT_HEAVY="4 per minute").test_client()
    big = {"text": RESUME["text"] + "\n- Kept in touch with clients weekly." * 900}
    assert 2 * HEAVY_COST_UNIT < len(str(big)) < 4 * HEAVY_COST_UNIT
    assert client.post(URL, json=big).status_code == 200  # costs 3 of the 4
    assert client.post(URL, json=RESUME).status_code == 200  # costs the last 1
    assert client.post(URL, json=RESUME).status_code == 429
    assert HEAVY_COST_MAX >= 3


@pytest.mark.parametrize("value", ["one", "-1", "9"])
def test_proxy_hops_must_be_a_small_number(value: str) -> None:
    with pytest.raises(ConfigError, match="PROXY_HOPS"):
        from_environment({"PROXY_HOPS": value, "SECRET_KEY": "x"})


def test_the_sqlite_store_counts_across_connections(tmp_path: Path) -> None:
    """Two store objects on one file (as two workers would have) share the counts."""
    uri = f"sqlite:///{tmp_path}/limits.db"
    first, second = storage_from_string(uri), storage_from_string(uri)
    limit = parse("3 per minute")
    hits = [FixedWindowRateLimiter(s).hit(limit, "client") for s in (first, second) * 2]
    assert hits == [True, True, True, False]
    assert second.get(limit.key_for("client")) == 4  # the refused attempt counts too
    first.clear(limit.key_for("client"))
    assert FixedWindowRateLimiter(second).hit(limit, "client")


def test_the_sqlite_store_needs_an_absolute_path() -> None:
    with pytest.raises(ValueError, match="absolute path"):
        storage_from_string("sqlite://relative.db")


def test_a_redis_store_gives_up_on_a_silent_host(make_app) -> None:
    # A Redis host that never answers must not hold requests: the store's connections
    # carry a timeout, after which Flask-Limiter falls back to counting in memory.
    app = make_app(RATELIMIT_STORAGE_URI="redis://127.0.0.1:1/0")
    limiter = app.extensions["limiter"]
    limiter = next(iter(limiter)) if isinstance(limiter, set) else limiter
    kwargs = limiter._storage.storage.connection_pool.connection_kwargs
    assert 0 < kwargs["socket_connect_timeout"] <= 2
    assert 0 < kwargs["socket_timeout"] <= 2
    assert app.config["RATELIMIT_IN_MEMORY_FALLBACK_ENABLED"]
