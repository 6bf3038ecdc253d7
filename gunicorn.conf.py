"""Gunicorn settings for `make run`.

preload_app loads the app, and with it the spaCy pipeline, once in the master
process before forking, so the workers share the model's memory pages.
"""

import os

preload_app = True
workers = int(os.environ.get("WORKERS", "2"))
timeout = 30
# Recycle each worker after a bounded number of requests, with jitter so they do not all
# restart at once: whatever a request leaves behind in a worker (caches, fragmentation)
# is gone within MAX_REQUESTS requests. Set MAX_REQUESTS=0 to turn it off.
max_requests = int(os.environ.get("MAX_REQUESTS", "1000"))
max_requests_jitter = max(1, max_requests // 10) if max_requests else 0
# Access logs carry only the request line; resume text is sent in bodies,
# never in query strings, so it never reaches them.
accesslog = "-"
errorlog = "-"
