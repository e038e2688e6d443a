#!/usr/bin/env bats
# Each deploy check catches a deliberate mistake: a copy of a real file is broken on purpose in a
# temporary directory and the same check (deploy/check.sh <check> <copy>) must fail, while the
# untouched copy passes. The fly.toml invariants are shown the same way in FlyTomlTest (JUnit).
# Mutations are literal text, $ and all:
# shellcheck disable=SC2016

REPO="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"
CHECK="$REPO/deploy/check.sh"

setup() {
  WORK="$BATS_TEST_TMPDIR/work"
  mkdir -p "$WORK"
}

# Copies FILE into $WORK (as NAME, default its basename); prints the copy's path.
copy() {
  local target="$WORK/${2:-$(basename "$1")}"
  mkdir -p "$(dirname "$target")"
  cp "$REPO/$1" "$target"
  echo "$target"
}

# break_file FILE OLD NEW: replaces the first OLD by NEW, and fails if OLD was not there
# (a mutation that does not apply would make the test pass for the wrong reason).
break_file() {
  grep -Fq -- "$2" "$1" || { echo "mutation target '$2' not in $1" >&2; return 1; }
  OLD="$2" NEW="$3" perl -0pi -e 's/\Q$ENV{OLD}\E/$ENV{NEW}/' "$1"
}

@test "shellcheck passes the real entrypoint and fails a copy with a syntax error" {
  f="$(copy deploy/entrypoint.sh)"
  run "$CHECK" shell "$f"
  [ "$status" -eq 0 ]
  break_file "$f" 'if [ "$ARB_AUTOSTART" = 1 ]; then' 'if [ "$ARB_AUTOSTART" = 1 ] then'
  run "$CHECK" shell "$f"
  [ "$status" -ne 0 ]
  [[ "$output" == *"SC1010"* || "$output" == *"syntax"* || "$output" == *"SC1049"* || "$output" == *"SC1073"* ]]
}

@test "shellcheck fails a wrapper that loses the quoting of its arguments" {
  f="$(copy deploy/controller)"
  break_file "$f" '"$@"' '$@'
  run "$CHECK" shell "$f"
  [ "$status" -ne 0 ]
  [[ "$output" == *"SC2068"* ]]
}

@test "the entrypoint tests fail against an entrypoint that exits 1 on SIGTERM" {
  f="$(copy deploy/entrypoint.sh)"
  break_file "$f" '  log "stopped"
  exit 0' '  log "stopped"
  exit 1'
  ENTRYPOINT_UNDER_TEST="$f" run bats "$REPO/deploy/test/entrypoint.bats" --filter 'SIGTERM stops tailscaled'
  [ "$status" -ne 0 ]
  [[ "$output" == *"not ok"* ]]
}

@test "the entrypoint tests fail against an entrypoint that keeps tailscale state off the volume" {
  f="$(copy deploy/entrypoint.sh)"
  break_file "$f" 'TS_STATE_DIR="${TS_STATE_DIR:-$ARB_DATA_DIR/tailscale}"' 'TS_STATE_DIR="${TS_STATE_DIR:-/var/lib/tailscale}"'
  ENTRYPOINT_UNDER_TEST="$f" run bats "$REPO/deploy/test/entrypoint.bats" --filter 'passes the state dir'
  [ "$status" -ne 0 ]
  [[ "$output" == *"not ok"* ]]
}

@test "actionlint passes the real workflows and fails a copy with a bad job key" {
  copy .github/workflows/ci.yml workflows/ci.yml >/dev/null
  f="$(copy .github/workflows/deploy.yml workflows/deploy.yml)"
  run "$CHECK" workflows "$WORK/workflows"
  [ "$status" -eq 0 ]
  break_file "$f" '    needs: test' '    need: test'
  run "$CHECK" workflows "$WORK/workflows"
  [ "$status" -ne 0 ]
  [[ "$output" == *'unexpected key "need"'* ]]
}

@test "actionlint fails a broken expression in a workflow" {
  f="$(copy .github/workflows/deploy.yml workflows/deploy.yml)"
  break_file "$f" '${{ secrets.FLY_API_TOKEN }}' '${{ secrets.FLY_API_TOKEN }'
  run "$CHECK" workflows "$WORK/workflows"
  [ "$status" -ne 0 ]
}

@test "the workflow check fails when there is no workflow file at all" {
  mkdir -p "$WORK/empty"
  run "$CHECK" workflows "$WORK/empty"
  [ "$status" -ne 0 ]
  [[ "$output" == *"no workflow files"* ]]
}

@test "taplo passes the real fly.toml and fails a copy with invalid TOML" {
  f="$(copy fly.toml)"
  run "$CHECK" toml "$f"
  [ "$status" -eq 0 ]
  break_file "$f" 'primary_region = "ams"' 'primary_region = "ams'
  run "$CHECK" toml "$f"
  [ "$status" -ne 0 ]
}

@test "taplo fails a copy of fly.toml with a duplicate key" {
  f="$(copy fly.toml)"
  break_file "$f" 'kill_timeout = 30' 'kill_timeout = 30
kill_timeout = 60'
  run "$CHECK" toml "$f"
  [ "$status" -ne 0 ]
}

@test "taplo with the schema fails a copy of fly.toml with a misspelt key" {
  f="$(copy fly.toml)"
  break_file "$f" 'kill_timeout = 30' 'kill_timout = 30'
  run "$CHECK" toml "$f"
  [ "$status" -ne 0 ]
  [[ "$output" == *"'kill_timout' was unexpected"* ]]
}

@test "taplo with the schema fails a copy of fly.toml with a wrongly typed value" {
  f="$(copy fly.toml)"
  break_file "$f" 'policy = "always"' 'policy = "sometimes"'
  run "$CHECK" toml "$f"
  [ "$status" -ne 0 ]
}

@test "the Dockerfile check fails when a COPY source is missing" {
  f="$(copy deploy/Dockerfile)"
  run "$CHECK" dockerfile "$f"
  [ "$status" -eq 0 ]
  break_file "$f" 'deploy/entrypoint.sh /usr/local/bin/' 'deploy/start.sh /usr/local/bin/'
  run "$CHECK" dockerfile "$f"
  [ "$status" -ne 0 ]
  [[ "$output" == *"deploy/start.sh, which does not exist"* ]]
}

@test "the Dockerfile check fails when .dockerignore excludes a COPY source" {
  ignore="$(copy .dockerignore)"
  echo 'deploy/' >>"$ignore"
  run "$CHECK" dockerfile "$REPO/deploy/Dockerfile" "$ignore"
  [ "$status" -ne 0 ]
  [[ "$output" == *"excludes deploy"* ]]
}

@test "the jlink check fails when the Dockerfile lacks a module jdeps finds" {
  # A stub jdeps reports what the real one printed for crossarb.jar, so no jar build is needed.
  mkdir -p "$WORK/bin"
  printf '#!/bin/sh\necho java.base,java.compiler,java.desktop,java.naming,java.sql,jdk.jfr,jdk.unsupported\n' >"$WORK/bin/jdeps"
  chmod +x "$WORK/bin/jdeps"
  : >"$WORK/fake.jar"
  f="$(copy deploy/Dockerfile)"
  PATH="$WORK/bin:$PATH" run "$CHECK" jlink "$f" "$WORK/fake.jar"
  [ "$status" -eq 0 ]
  break_file "$f" 'java.rmi,java.sql,jdk.crypto.ec' 'java.rmi,jdk.crypto.ec'
  PATH="$WORK/bin:$PATH" run "$CHECK" jlink "$f" "$WORK/fake.jar"
  [ "$status" -ne 0 ]
  [[ "$output" == *"lacks java.sql"* ]]
}
