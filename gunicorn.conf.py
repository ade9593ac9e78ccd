"""gunicorn for production (`./run serve`, or `gunicorn` in this directory): threads in a few processes.

Environment: WEB_BIND (default 127.0.0.1:8000), WEB_CONCURRENCY (processes, default the number of CPUs),
WEB_THREADS (threads per process, default 4), WEB_KEEPALIVE (seconds, default 75), WEB_TIMEOUT (seconds,
default 60), WEB_MAX_REQUESTS (requests before a process is renewed, default 20000), FORWARDED_ALLOW_IPS
(the proxy's addresses, default 127.0.0.1). Each thread holds one database
connection (CONN_MAX_AGE): PostgreSQL's max_connections must exceed processes x threads (+ the task worker).
"""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get("WEB_BIND", "127.0.0.1:8000")
# gthread: a process per core, threads for the time a request waits on PostgreSQL; idle keep-alive
# connections wait in the process's poller and hold no thread.
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count())))
threads = int(os.environ.get("WEB_THREADS", "4"))
# Longer than the proxy's idle timeout for upstream connections (nginx keepalive_timeout 60 s, AWS ALB 60 s),
# so the proxy always closes an idle connection first and never sends a request on one gunicorn just closed.
keepalive = int(os.environ.get("WEB_KEEPALIVE", "75"))
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))
graceful_timeout = 30
# A fresh process now and then keeps a slow leak from growing; the jitter keeps processes from restarting
# together. Not too often: starting a process costs about a second of CPU and its first requests run with
# cold caches; at 2,000 the benchmark's processes restarted every few seconds (WEB_MAX_REQUESTS, 0: never).
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("WEB_LOG_LEVEL", "info")
