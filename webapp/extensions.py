"""Extensions created once and bound to the app inside the factory."""

from __future__ import annotations

from flask import current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()

# In memory by default; RATELIMIT_STORAGE_URI points several instances at one store.
limiter = Limiter(key_func=get_remote_address, headers_enabled=True)


def _heavy_limit() -> str:
    limit: str = current_app.config["RATELIMIT_HEAVY"]
    return limit


# Resume analysis and PDF exports share one budget per client.
heavy_limit = limiter.shared_limit(_heavy_limit, scope="heavy")
