"""Configuration read from the environment (see the table in README.md)."""

from __future__ import annotations

import os
import secrets
import warnings
from collections.abc import Mapping
from typing import Any

MB = 1024 * 1024


class ConfigError(RuntimeError):
    """The environment does not describe a runnable configuration."""


def from_environment(environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """Build the Flask config dict from environment variables."""
    env = environ.get("TOOLKIT_ENV", "development")
    if env not in ("development", "production"):
        raise ConfigError("TOOLKIT_ENV must be 'development' or 'production'")
    secret = environ.get("SECRET_KEY", "")
    if not secret:
        if env == "production":
            raise ConfigError("SECRET_KEY must be set when TOOLKIT_ENV=production")
        warnings.warn(
            "SECRET_KEY is not set: using a random key for this run (forms expire on restart; "
            "set SECRET_KEY in production and share it across instances)",
            RuntimeWarning,
            stacklevel=2,
        )
        secret = secrets.token_hex(32)
    try:
        max_mb = float(environ.get("MAX_UPLOAD_MB", "5"))
    except ValueError as exc:
        raise ConfigError("MAX_UPLOAD_MB must be a number of megabytes") from exc
    try:
        pdf_cache_size = int(environ.get("PDF_CACHE_SIZE", "64"))
    except ValueError as exc:
        raise ConfigError("PDF_CACHE_SIZE must be a whole number of documents") from exc
    if pdf_cache_size < 0:
        raise ConfigError("PDF_CACHE_SIZE must be 0 (no cache) or more")
    return {
        "TOOLKIT_ENV": env,
        "SECRET_KEY": secret,
        "MAX_CONTENT_LENGTH": int(max_mb * MB),
        "SPACY_MODEL": environ.get("SPACY_MODEL", ""),
        "CONTENT_DIR": environ.get("CONTENT_DIR", ""),
        "RATELIMIT_STORAGE_URI": environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_HEAVY": environ.get("RATELIMIT_HEAVY", "30 per minute"),
        "PDF_CACHE_SIZE": pdf_cache_size,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env == "production",
        "WTF_CSRF_TIME_LIMIT": None,
    }
