#!/usr/bin/env bash
# nginx and redis-server for the production topology on loopback (deploy/loopback.sh): the
# two-server test and benchmarks/topology.py. Installed from Debian when missing; Debian's own
# services are stopped again, as the topology runs its own on other ports. Exits 1 when they are
# missing and cannot be installed (the two-server test is then skipped; see its skip reason).
set -uo pipefail
missing=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "topology-deps.sh: ${missing[*]} missing and apt-get is not usable here" >&2
  exit 1
fi
echo "topology-deps.sh: installing ${missing[*]} from Debian" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null || exit 1
for service in nginx redis-server; do
  command -v service >/dev/null 2>&1 && service "$service" stop >/dev/null 2>&1
done
exit 0
