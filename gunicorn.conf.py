"""Gunicorn settings for `make run`.

preload_app loads the app, and with it the spaCy pipeline, once in the master
process before forking, so the workers share the model's memory pages.
"""

import os

preload_app = True
workers = int(os.environ.get("WORKERS", "2"))
timeout = 30
# Access logs carry only the request line; resume text is sent in bodies,
# never in query strings, so it never reaches them.
accesslog = "-"
errorlog = "-"
