#!/usr/bin/env bash
# Make sure the PostgreSQL server the storage tests use is up. The tests never skip PostgreSQL:
# if no server can be found or started, they fail and say so.
set -uo pipefail
url="${COACH_TEST_PG_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}"
hostport=$(echo "$url" | sed -E 's#^[^@]*@([^/]+)/.*#\1#')
host=${hostport%:*}; port=${hostport##*:}
ready() { (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }
ready && exit 0
if [ "$(id -u)" -eq 0 ] && command -v pg_ctlcluster >/dev/null 2>&1; then
  for v in $(ls /etc/postgresql 2>/dev/null); do
    pg_ctlcluster --skip-systemctl-redirect "$v" main start 2>/dev/null || true
  done
  for _ in $(seq 1 20); do ready && exit 0; sleep 0.5; done
fi
echo "warning: no PostgreSQL server at $host:$port; the PostgreSQL storage tests will fail." >&2
echo "         Start one, or point COACH_TEST_PG_URL at one." >&2
exit 0
