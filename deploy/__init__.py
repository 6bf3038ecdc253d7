"""How the site is served: ``python -m deploy.serve`` (``make run``) puts a buffering nginx
in front of gunicorn, so slow clients wait in nginx, never in a gunicorn worker."""
