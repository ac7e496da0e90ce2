"""gunicorn reads this file from the folder it is started in (README, `make load`).

The app is loaded once, in the master process; the whole-register answers are computed there and
every worker inherits them (reports/warm.py), instead of each worker computing them on its first
request. Database connections are closed before the workers are forked: each opens its own.
(With preload, a code change needs a restart of gunicorn, not a HUP.)
"""

preload_app = True
# The longest request is the import of a large members file: checking 100,000 rows takes about
# half a minute and writing them a few minutes on a small server (`make bench`); gunicorn's
# default of 30 s would kill it half-way (nothing is written then: one transaction).
timeout = 600


def when_ready(server):
    from django.db import connections  # noqa: PLC0415 -- the app is loaded by now

    from reports.warm import warm_remembered_answers  # noqa: PLC0415 -- as above

    try:
        warm_remembered_answers()
    except Exception:  # a cold start is slower, never a failed start
        server.log.exception("Could not compute the remembered answers before serving.")
    finally:
        connections.close_all()
