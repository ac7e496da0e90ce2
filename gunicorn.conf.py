"""gunicorn reads this file from the folder it is started in (README, `make load`).

The app servers keep no state between requests: every answer reads the database (the
whole-register badge questions a range of stored, indexed dates), so any number of workers and of
servers behind a load balancer give the same answers from their first request.
"""

# The longest request is the import of a large members file: checking 100,000 rows takes about
# half a minute and writing them a few minutes on a small server (`make bench`); gunicorn's
# default of 30 s would kill it half-way (nothing is written then: one transaction).
timeout = 600
