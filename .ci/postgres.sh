#!/usr/bin/env bash
# PostgreSQL for the second test run: install Debian's server when missing, start a cluster on
# 127.0.0.1, create the role and database, and export TEST_DATABASE_URL.
# Sourced by `make test` (so the export reaches the PostgreSQL run); also runnable on its own, which prints
# the URL. Outside CI never fatal: without PostgreSQL the suite still runs on SQLite. Under
# CI=true both databases must carry the rules, so a PostgreSQL that cannot be installed or
# started fails the run.
_pg_main() {
  local user=assessment password=assessment database=assessment_test port=5432
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
      echo "postgres.sh: PostgreSQL is not installed and apt-get is not usable; SQLite only" >&2
      return 0
    fi
    echo "postgres.sh: installing Debian's postgresql" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null || return 0
  fi
  local version
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
    pg_lsclusters -h 2>/dev/null | grep -q "^$version main" ||
      pg_createcluster "$version" main >/dev/null 2>&1
    port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
    pg_lsclusters -h | grep -q "^$version main .* online" ||
      pg_ctlcluster "$version" main start || return 0
    local psql=(runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA)
    "${psql[@]}" -c "select 1 from pg_roles where rolname='$user'" | grep -q 1 ||
      "${psql[@]}" -c "create role $user login password '$password' createdb" || return 0
    "${psql[@]}" -c "select 1 from pg_database where datname='$database'" | grep -q 1 ||
      "${psql[@]}" -c "create database $database owner $user" || return 0
  else
    echo "postgres.sh: not root or no pg_ctlcluster; set TEST_DATABASE_URL yourself" >&2
    return 0
  fi
  export TEST_DATABASE_URL="postgresql+psycopg://$user:$password@127.0.0.1:$port/$database"
  echo "postgres.sh: TEST_DATABASE_URL=$TEST_DATABASE_URL" >&2
}
_pg_main || true  # inside a || list a failing step returns instead of ending CI under set -e
unset -f _pg_main
if [ "${CI:-}" = "true" ] && [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "postgres.sh: CI=true and PostgreSQL could not be installed or started: failing" >&2
  return 1 2>/dev/null || exit 1  # sourced by make test, or run on its own
fi
