#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the tests in a folder of its own, on a free loopback port,
# and prints the connection string (without a database) the tests read from SCORECARD_TEST_POSTGRES.
#   scripts/test-postgres.sh start DIR    -> prints "Host=127.0.0.1;Port=...;Username=postgres"
#   scripts/test-postgres.sh stop DIR
# Installs Debian's postgresql package when it is missing and this runs as root.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?folder}

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

as_owner() {   # initdb and postgres refuse to run as root: run them as the postgres user then
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    if [ -z "$(bin_dir)" ]; then
      if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing Debian's postgresql for the database tests..." >&2
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      else
        echo "PostgreSQL is missing: install Debian's 'postgresql' package." >&2; exit 1
      fi
    fi
    bin=$(bin_dir)
    mkdir -p "$dir"
    [ "$(id -u)" = "0" ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
           || shuf -i 20000-60000 -n 1)
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true"
    ;;
  stop)
    bin=$(bin_dir)
    [ -n "$bin" ] && [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
esac
