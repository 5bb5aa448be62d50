"""gunicorn settings for the hub (`gunicorn -c deploy/gunicorn.conf.py emancipasso.wsgi`).

Every value can be changed from the environment file of the systemd unit, so that the same
file serves one small machine or several app servers behind nginx.
"""

import multiprocessing
import os

# nginx (on this machine or on the proxy's) reaches the app here; never bind a public address.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Synchronous workers: pages are short and the task worker does the slow work (e-mail).
workers = int(os.environ.get("GUNICORN_WORKERS", str(min(multiprocessing.cpu_count() * 2 + 1, 5))))
# A request taking longer than this is a fault; the database statement timeout is 30 s.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "40"))
graceful_timeout = 20
keepalive = 5
# Recycle each worker after a while, so that memory stays flat over weeks. Not too often: a new
# worker imports Django again (about a second of CPU, while its requests wait), and at a cached
# page's thousand requests a second, 2 000 recycled a worker every two seconds.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
# Only nginx may tell gunicorn that the visitor came over https (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = "-"
# No query string (it can hold an address typed into a form) and no client address.
access_log_format = '"%(m)s %(U)s" %(s)s %(B)s %(M)sms'
