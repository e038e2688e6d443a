#!/usr/bin/env bash
# Runs the dashboard's real-browser test (dashboard.test.mjs): installs Debian's chromium when
# /usr/bin/chromium is missing (root, or passwordless sudo; CHROMIUM=/path picks another Chromium
# build), playwright-core from the lock file,
# then drives 'controller demo'. Needs the built jar: run it after ./mvnw verify (or package).
# Screenshots and the demo's log go to cli/target/browser/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"

if [[ ! -f "$root/cli/target/crossarb.jar" ]]; then
  echo "browser test: $root/cli/target/crossarb.jar is missing; build it first (./mvnw -pl cli -am package)" >&2
  exit 1
fi

# Ubuntu's apt 'chromium' is only a snap shim that does not run in CI containers; GitHub's Ubuntu
# runners have Google Chrome instead, which playwright-core drives the same way.
if [[ -z "${CHROMIUM:-}" && ! -x /usr/bin/chromium ]] && command -v google-chrome >/dev/null \
    && ! grep -qi '^ID=debian' /etc/os-release 2>/dev/null; then
  CHROMIUM="$(command -v google-chrome)"
  export CHROMIUM
fi

if [[ -z "${CHROMIUM:-}" && ! -x /usr/bin/chromium ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    sudo=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    echo "browser test: /usr/bin/chromium is missing and apt needs root or passwordless sudo" >&2
    exit 1
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium >/dev/null
fi

cd "$here"
npm ci --no-audit --no-fund --silent
node dashboard.test.mjs
