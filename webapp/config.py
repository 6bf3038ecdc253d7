"""Configuration: the defaults, and what the environment changes (see the table in README.md).

``create_app`` layers them as flaskr does: ``DEFAULTS``, then ``from_environment()``, then
the test config when there is one.
"""

from __future__ import annotations

import os
import secrets
import warnings
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

MB = 1024 * 1024
ENVIRONMENTS = ("development", "production")

DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {
        "TOOLKIT_ENV": "development",
        "SECRET_KEY": None,  # from the environment (or the test config); see from_environment
        "MAX_CONTENT_LENGTH": 5 * MB,
        "SPACY_MODEL": "",  # empty: scoring.nlp's own order of pipelines
        "CONTENT_DIR": "",  # empty: scoring.content.DEFAULT_CONTENT_DIR
        "RATELIMIT_STORAGE_URI": "memory://",
        "RATELIMIT_HEAVY": "30 per minute",
        # A shared store (Redis) that stops answering: each process counts on its own until
        # it answers again (Flask-Limiter's in-memory fallback), instead of failing requests.
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        # A Redis host that does not answer at all (not even a refusal) would otherwise hold
        # a request until the kernel gives up: give up on it after a second and fall back.
        # Other stores ignore these options.
        "RATELIMIT_STORAGE_OPTIONS": {"socket_connect_timeout": 1.0, "socket_timeout": 1.0},
        # Judging one bullet as it is edited (POST /api/v1/resume/bullet): same clients and
        # store as the heavy budget, a higher allowance since a person types in bursts.
        "RATELIMIT_BULLET": "120 per minute",
        "PDF_CACHE_SIZE": 64,
        # Proxies in front of the app that set X-Forwarded-For/-Proto/-Host (0: none;
        # make run's nginx is 1). Trusting more hops than there are lets clients spoof
        # their address, and the rate limit with it.
        "PROXY_HOPS": 0,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": False,
        "WTF_CSRF_TIME_LIMIT": None,
    }
)

# Variables whose value is used as it is, under the same name.
_PLAIN = (
    "SPACY_MODEL",
    "CONTENT_DIR",
    "RATELIMIT_STORAGE_URI",
    "RATELIMIT_HEAVY",
    "RATELIMIT_BULLET",
)


class ConfigError(RuntimeError):
    """The environment does not describe a runnable configuration."""


def from_environment(
    environ: Mapping[str, str] = os.environ, *, random_secret_key: bool = True
) -> dict[str, Any]:
    """The settings the environment sets, checked; what it leaves unset stays as DEFAULTS has it.

    :param random_secret_key: in development, stand in for a missing ``SECRET_KEY`` with a
        random one and a warning. ``create_app`` turns this off under a test config,
        which brings its own key.
    """
    config: dict[str, Any] = {}
    env = environ.get("TOOLKIT_ENV", DEFAULTS["TOOLKIT_ENV"])
    if env not in ENVIRONMENTS:
        raise ConfigError("TOOLKIT_ENV must be 'development' or 'production'")
    if "TOOLKIT_ENV" in environ:
        config["TOOLKIT_ENV"] = env
        config["SESSION_COOKIE_SECURE"] = env == "production"
    secret = environ.get("SECRET_KEY", "")
    if secret:
        config["SECRET_KEY"] = secret
    elif env == "production":
        raise ConfigError("SECRET_KEY must be set when TOOLKIT_ENV=production")
    elif random_secret_key:
        warnings.warn(
            "SECRET_KEY is not set: using a random key for this run (forms expire on restart; "
            "set SECRET_KEY in production and share it across instances)",
            RuntimeWarning,
            stacklevel=2,
        )
        config["SECRET_KEY"] = secrets.token_hex(32)
    if "MAX_UPLOAD_MB" in environ:
        try:
            max_mb = float(environ["MAX_UPLOAD_MB"])
        except ValueError as exc:
            raise ConfigError("MAX_UPLOAD_MB must be a number of megabytes") from exc
        config["MAX_CONTENT_LENGTH"] = int(max_mb * MB)
    if "PDF_CACHE_SIZE" in environ:
        try:
            pdf_cache_size = int(environ["PDF_CACHE_SIZE"])
        except ValueError as exc:
            raise ConfigError("PDF_CACHE_SIZE must be a whole number of documents") from exc
        if pdf_cache_size < 0:
            raise ConfigError("PDF_CACHE_SIZE must be 0 (no cache) or more")
        config["PDF_CACHE_SIZE"] = pdf_cache_size
    if "PROXY_HOPS" in environ:
        try:
            hops = int(environ["PROXY_HOPS"])
        except ValueError as exc:
            raise ConfigError("PROXY_HOPS must be a whole number of proxies") from exc
        if not 0 <= hops <= 5:
            raise ConfigError("PROXY_HOPS must be between 0 and 5")
        config["PROXY_HOPS"] = hops
    config.update({name: environ[name] for name in _PLAIN if name in environ})
    return config
