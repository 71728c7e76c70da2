"""
gunicorn's settings for production (`make serve`): `gunicorn -c newsroom/gunicorn.conf.py
newsroom.wsgi`. Environment variables override each one; see "Running in production" in README.

Sync workers, one request at a time each: pages are CPU-bound Python, so more threads would only
queue behind the GIL. Sync workers expect a buffering proxy in front (nginx, a load balancer, a
CDN) to absorb slow clients; exposed directly to the internet, set GUNICORN_THREADS=4 (gthread).
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1) + 1)
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"

# A request running longer than this is killed (its worker restarted); slow pages are bugs.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGTERM or Ctrl-C, requests in flight get this long to finish.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Workers are replaced after this many requests (with jitter, not all at once): a leak stays small.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10

# Proxies trusted to say the client's scheme and address (X-Forwarded-Proto/-For).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Heartbeat files in memory: a slow disk must not make the arbiter kill healthy workers.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Access log on stdout, with the time taken (%(M)s, milliseconds); "" turns it off.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms "%(f)s" "%(a)s"'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# gunicorn sends "Server: gunicorn" (without its version, which stays in the WSGI environ only)
# and has no setting to drop it; a proxy in front can.
proc_name = "newsroom"
# gunicorn's control socket (`gunicornc`) only where asked for: its default path is one per user,
# shared by every gunicorn that user runs on the machine.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket
