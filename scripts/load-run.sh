#!/usr/bin/env bash
# The body of `make load`, run by scripts/with-postgres.sh (which sets DATABASE_URL): the demo
# register on PostgreSQL, gunicorn with 4 workers under production settings, then scripts/load.py.
#   LOAD_MEMBERS (100000), LOAD_USERS (50), LOAD_SECONDS (60), LOAD_THINK (1-5 seconds between a
#   user's pages; 0 measures capacity; several ranges run in turn), LOAD_WARMUP (15 seconds reported
#   apart) change the defaults.
set -euo pipefail
PY=${PY:-.venv/bin/python}
port=${LOAD_PORT:-8765}
work=$(mktemp -d -t vusta-load.XXXXXX)
export DEBUG=0 SECRET_KEY=load-test-only-not-secret ALLOWED_HOSTS=127.0.0.1 \
    SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 SECURE_HSTS_SECONDS=0 STATIC_ROOT="$work/static"
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

$PY manage.py migrate -v0
echo "Seeding ${LOAD_MEMBERS:-100000} members ..."
time $PY manage.py seed_demo --members "${LOAD_MEMBERS:-100000}" --cells 500 >/dev/null
# What autovacuum does soon after a bulk load (the index-only scans need it), before measuring.
DJANGO_SETTINGS_MODULE=vusta_party.settings $PY -c "import django; django.setup(); from django.db import connection; connection.cursor().execute('VACUUM ANALYZE')"
$PY manage.py create_demo_user >/dev/null
$PY manage.py collectstatic --noinput -v0
password=$($PY -c "from demo.management.commands.create_demo_user import DEMO_PASSWORD as p; print(p)")

$PY -m gunicorn vusta_party.wsgi --workers 4 --bind "127.0.0.1:$port" --log-level warning &
server=$!
for _ in $(seq 1 300); do  # until the workers answer
    curl -fs -o /dev/null "http://127.0.0.1:$port/tai-khoan/login/" && break
    sleep 0.2
done
for think in ${LOAD_THINK:-1-5}; do  # several ranges ("1-5 0") run one after the other
    $PY scripts/load.py --url "http://127.0.0.1:$port" --users "${LOAD_USERS:-50}" \
        --duration "${LOAD_SECONDS:-60}" --think "$think" \
        --warmup "${LOAD_WARMUP:-15}" --username demo --password "$password"
done
