#!/usr/bin/env bash
# Sourced by scripts/test.sh: start PostgreSQL and a Chroma server on loopback for the
# scale-out tests, export their addresses, and stop them when the shell exits.
# Where PostgreSQL cannot be installed or started (no root, no apt), those tests are skipped.

_cuemap_free_port() { .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
CUEMAP_SERVICES_DIR=$(mktemp -d /tmp/cuemap-services.XXXXXX)
_cuemap_stop_services() {
  [ -n "${CUEMAP_PG_BIN:-}" ] && runuser -u postgres -- "$CUEMAP_PG_BIN/pg_ctl" -D "$CUEMAP_SERVICES_DIR/pg" -m fast stop >/dev/null 2>&1
  [ -n "${CUEMAP_CHROMA_PID:-}" ] && kill "$CUEMAP_CHROMA_PID" 2>/dev/null
  rm -rf "$CUEMAP_SERVICES_DIR"
}
trap _cuemap_stop_services EXIT

_cuemap_start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "services: installing PostgreSQL from Debian's packages"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  if [ -z "$bin" ] || [ "$(id -u)" != 0 ] || ! id postgres >/dev/null 2>&1; then
    echo "services: PostgreSQL not available; its tests will be skipped"
    return 0
  fi
  local port data="$CUEMAP_SERVICES_DIR/pg"
  port=$(_cuemap_free_port)
  mkdir -p "$data" && chown postgres "$CUEMAP_SERVICES_DIR" "$data"
  runuser -u postgres -- "$bin/initdb" -D "$data" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
    -o "-h 127.0.0.1 -p $port -k $data" start >/dev/null
  runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres cuemap_test
  CUEMAP_PG_BIN=$bin
  export CUEMAP_TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$port/cuemap_test"
  echo "services: PostgreSQL on 127.0.0.1:$port"
}

_cuemap_start_chroma() {
  local port
  port=$(_cuemap_free_port)
  .venv/bin/chroma run --path "$CUEMAP_SERVICES_DIR/chroma" --host 127.0.0.1 --port "$port" \
    >"$CUEMAP_SERVICES_DIR/chroma.log" 2>&1 &
  CUEMAP_CHROMA_PID=$!
  for _ in $(seq 1 150); do
    if .venv/bin/python -c "import httpx,sys; sys.exit(0 if httpx.get('http://127.0.0.1:$port/api/v2/heartbeat').is_success else 1)" 2>/dev/null; then
      export CUEMAP_TEST_CHROMA_HOST=127.0.0.1 CUEMAP_TEST_CHROMA_PORT=$port
      echo "services: Chroma server on 127.0.0.1:$port"
      return 0
    fi
    sleep 0.2
  done
  echo "services: the Chroma server did not start; its tests will be skipped"
}

_cuemap_start_postgres
_cuemap_start_chroma
