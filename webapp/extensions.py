"""Extensions created once and bound to the app inside the factory."""

from __future__ import annotations

from flask import current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

import webapp.ratelimit_store  # noqa: F401  (registers the sqlite:// rate-limit store)

csrf = CSRFProtect()

# In memory by default; RATELIMIT_STORAGE_URI points several instances at one store.
limiter = Limiter(key_func=get_remote_address, headers_enabled=True)


def _heavy_limit() -> str:
    limit: str = current_app.config["RATELIMIT_HEAVY"]
    return limit


# What one heavy request costs from the budget: 1 for every started 16 KB of request body
# (a pasted or uploaded resume, a posting), at most HEAVY_COST_MAX. A typical resume or
# posting costs 1, so RATELIMIT_HEAVY reads as "requests"; a 48 KB resume costs 3, so the
# limit bounds the work done (which grows with the text), not only the number of requests.
HEAVY_COST_UNIT = 16 * 1024
HEAVY_COST_MAX = 10


def heavy_cost() -> int:
    """The cost of the current request against the heavy budget."""
    size = request.content_length or 0
    return min(1 + max(0, size - 1) // HEAVY_COST_UNIT, HEAVY_COST_MAX)


# Resume analysis and PDF exports share one budget per client.
heavy_limit = limiter.shared_limit(_heavy_limit, scope="heavy", cost=heavy_cost)


def _bullet_limit() -> str:
    limit: str = current_app.config["RATELIMIT_BULLET"]
    return limit


# Judging one bullet while it is edited: the heavy budget's clients and store, its own
# higher allowance (a bullet is a few words, and a person editing sends one per pause).
bullet_limit = limiter.shared_limit(_bullet_limit, scope="bullet")
