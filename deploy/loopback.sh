#!/usr/bin/env bash
# The production topology on one machine, on 127.0.0.1, for the tests and the benchmark:
# nginx in front of two app servers (gunicorn, 2 workers each, as `make serve` runs them),
# one PostgreSQL and one Redis for the shared rate limits.
#
#   deploy/loopback.sh up            deploy the database once, then start Redis, a, b, nginx
#   deploy/loopback.sh down          stop everything `up` started
#   deploy/loopback.sh kill-app a    kill one whole app server at once (master and workers)
#
# Settings from the environment (defaults in brackets):
#   TOPOLOGY_DIR [/tmp/assessment-topology]  pid files, logs, nginx.conf, the secret key
#   PORT [8080] nginx, APP_PORTS ["8101 8102"] servers a and b, REDIS_PORT [6390]
#   ASSESSMENT_DATABASE_URL  PostgreSQL [.ci/postgres.sh's test database]
#   ASSESSMENT_SECRET_KEY    [a random one, kept in TOPOLOGY_DIR/secret_key]
#   WORKERS [2] per app server; any other ASSESSMENT_* setting reaches both app servers.
# nginx and redis-server are installed from Debian when missing (root and apt-get needed).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="$ROOT/.venv/bin"
DIR="${TOPOLOGY_DIR:-/tmp/assessment-topology}"
PORT="${PORT:-8080}"
read -r APP_A APP_B <<<"${APP_PORTS:-8101 8102}"
REDIS_PORT="${REDIS_PORT:-6390}"
WORKERS="${WORKERS:-2}"

need_packages() {
  bash "$ROOT/.ci/topology-deps.sh"
}

settings() {
  if [ -z "${ASSESSMENT_DATABASE_URL:-}" ]; then
    source "$ROOT/.ci/postgres.sh"
    export ASSESSMENT_DATABASE_URL="${TEST_DATABASE_URL:?loopback.sh: no PostgreSQL; set ASSESSMENT_DATABASE_URL}"
  fi
  if [ -z "${ASSESSMENT_SECRET_KEY:-}" ]; then
    [ -s "$DIR/secret_key" ] || "$BIN/python" -c 'import secrets; print(secrets.token_hex(32))' >"$DIR/secret_key"
    ASSESSMENT_SECRET_KEY="$(cat "$DIR/secret_key")"
    export ASSESSMENT_SECRET_KEY
  fi
  export ASSESSMENT_PROXY_HOPS=1
  export ASSESSMENT_RATELIMIT_STORAGE_URI="redis://127.0.0.1:$REDIS_PORT/0"
  export ASSESSMENT_PUBLIC_URL="${ASSESSMENT_PUBLIC_URL:-http://127.0.0.1:$PORT}"
  export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
}

wait_for() {  # URL WHAT: until the URL answers 200, at most 60 s
  for _ in $(seq 600); do
    curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "loopback.sh: $2 did not answer at $1; see $DIR" >&2
  return 1
}

start_redis() {
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --dir "$DIR" \
    --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" --save '' --appendonly no
}

start_app() {  # NAME PORT
  mkdir -p "$DIR/run-$1"
  XDG_RUNTIME_DIR="$DIR/run-$1" setsid "$BIN/gunicorn" \
    --config python:assessment.web.gunicorn_config --workers "$WORKERS" \
    --bind "127.0.0.1:$2" --pid "$DIR/app-$1.pid" --chdir "$ROOT" \
    'assessment:create_app()' </dev/null >>"$DIR/app-$1.log" 2>&1 &
}

start_nginx() {
  local user=""
  [ "$(id -u)" -eq 0 ] && user="user root;"  # workers as root: the folder may be private
  mkdir -p "$DIR/nginx-tmp"
  sed -e "s|@DIR@|$DIR|g; s|@ROOT@|$ROOT|g; s|@PORT@|$PORT|g; s|@APP_A@|$APP_A|g" \
      -e "s|@APP_B@|$APP_B|g; s|@USER@|$user|g" "$ROOT/deploy/nginx/loopback.conf.in" >"$DIR/nginx.conf"
  "$(command -v nginx || echo /usr/sbin/nginx)" -p "$DIR" -c "$DIR/nginx.conf" -e "$DIR/nginx-error.log"
}

up() {
  need_packages
  mkdir -p "$DIR"
  settings
  "$BIN/flask" --app assessment db-deploy >"$DIR/db-deploy.log" 2>&1 ||
    { cat "$DIR/db-deploy.log" >&2; return 1; }
  start_redis
  start_app a "$APP_A"
  start_app b "$APP_B"
  wait_for "http://127.0.0.1:$APP_A/healthz" "app server a"
  wait_for "http://127.0.0.1:$APP_B/healthz" "app server b"
  start_nginx
  wait_for "http://127.0.0.1:$PORT/healthz" nginx
  echo "loopback.sh: up: nginx http://127.0.0.1:$PORT -> a :$APP_A, b :$APP_B; redis :$REDIS_PORT; logs in $DIR"
}

kill_app() {  # NAME: SIGKILL the server's whole process group (setsid made it its own)
  local pid
  pid="$(cat "$DIR/app-$1.pid" 2>/dev/null)" || return 0
  kill -KILL -- "-$(ps -o pgid= "$pid" | tr -d ' ')" 2>/dev/null || true
  rm -f "$DIR/app-$1.pid"
}

stop_pidfile() {  # FILE: TERM, then KILL after 10 s
  local pid
  pid="$(cat "$1" 2>/dev/null)" || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

down() {
  stop_pidfile "$DIR/nginx.pid"
  stop_pidfile "$DIR/app-a.pid"
  stop_pidfile "$DIR/app-b.pid"
  stop_pidfile "$DIR/redis.pid"
  echo "loopback.sh: down"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  kill-app) kill_app "${2:?which server: a or b}" ;;
  *) echo "usage: $0 up | down | kill-app a|b" >&2; exit 2 ;;
esac
