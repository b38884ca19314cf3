# shellcheck shell=bash
# A throw-away PostgreSQL server for the test suite (sourced by scripts/test and scripts/bench).
# start_test_postgres: initdb into $XINDAI_PG_DIR (default /tmp/xindai-pg-<uid>), start it on
# 127.0.0.1:$XINDAI_PG_PORT (default 55432), create the role xindai and the database xindai_test, and
# export XINDAI_TEST_POSTGRES=postgres://xindai:xindai@127.0.0.1:PORT/xindai_test for the tests. The
# role may create databases: a test that needs an empty store creates its own and drops it.
# stop_test_postgres stops it again. Runs as root (through the postgres user) or as a normal user.

start_test_postgres() {
    local bindir
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
        echo "PostgreSQL server binaries not found under /usr/lib/postgresql (package postgresql)" >&2
        return 1
    fi
    XINDAI_PG_DIR=${XINDAI_PG_DIR:-/tmp/xindai-pg-$(id -u)}
    XINDAI_PG_PORT=${XINDAI_PG_PORT:-55432}
    local as=()
    if [[ $(id -u) -eq 0 ]]; then
        as=(runuser -u postgres --)
    fi
    if [[ ! -f "$XINDAI_PG_DIR/PG_VERSION" ]]; then
        rm -rf "$XINDAI_PG_DIR"
        mkdir -p "$XINDAI_PG_DIR"
        [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$XINDAI_PG_DIR"
        "${as[@]}" "$bindir/initdb" -D "$XINDAI_PG_DIR" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! "${as[@]}" "$bindir/pg_ctl" -D "$XINDAI_PG_DIR" status >/dev/null 2>&1; then
        "${as[@]}" "$bindir/pg_ctl" -D "$XINDAI_PG_DIR" -l "$XINDAI_PG_DIR/server.log" -w \
            -o "-p $XINDAI_PG_PORT -k $XINDAI_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" \
            start >/dev/null
    fi
    "${as[@]}" "$bindir/psql" -h 127.0.0.1 -p "$XINDAI_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q -d postgres <<'SQL'
SET client_min_messages = warning;
SELECT 'CREATE ROLE xindai LOGIN CREATEDB PASSWORD ''xindai'''
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'xindai') \gexec
ALTER ROLE xindai CREATEDB;
DROP DATABASE IF EXISTS xindai_test WITH (FORCE);
CREATE DATABASE xindai_test OWNER xindai ENCODING 'UTF8' TEMPLATE template0;
SQL
    export XINDAI_TEST_POSTGRES="postgres://xindai:xindai@127.0.0.1:$XINDAI_PG_PORT/xindai_test"
    export XINDAI_PG_BINDIR="$bindir"
    echo "== PostgreSQL test server at 127.0.0.1:$XINDAI_PG_PORT ($XINDAI_PG_DIR)"
}

stop_test_postgres() {
    [[ -n "${XINDAI_PG_DIR:-}" && -n "${XINDAI_PG_BINDIR:-}" ]] || return 0
    local as=()
    [[ $(id -u) -eq 0 ]] && as=(runuser -u postgres --)
    "${as[@]}" "$XINDAI_PG_BINDIR/pg_ctl" -D "$XINDAI_PG_DIR" -m fast stop >/dev/null 2>&1 || true
}
