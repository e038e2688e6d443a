#!/usr/bin/env bash
# Opt-in (not in CI): builds deploy/Dockerfile with podman and smoke-tests the image, without a
# Docker engine and without Docker Hub. Needs root, Debian's podman, runc and debootstrap
# (apt-get install podman runc debootstrap), and access to a Debian mirror and Maven Central.
#
# Stand-ins for the Dockerfile's base images are made locally and passed as build arguments:
#   RUNTIME_IMAGE   localhost/crossarb-test/bookworm       debootstrap --variant=minbase bookworm
#   JDK_IMAGE       localhost/crossarb-test/jdk17          + openjdk-17-jdk-headless (has jmods)
#   BUILD_IMAGE     localhost/crossarb-test/maven          + maven
#   TAILSCALE_IMAGE localhost/crossarb-test/tailscale      the stub tailscaled/tailscale of the bats tests
# The host's extra CA certificates (/usr/local/share/ca-certificates) go into the stand-ins only,
# for TLS-intercepted egress; the project Dockerfile is built unchanged.
#
# Then it runs the image with a volume on /data and checks: tailscaled gets --statedir=/data/tailscale,
# `up` gets the key and hostname, `controller`/`trader` run, java has jdk.crypto.ec and makes a TLS
# handshake, /bin/sh, tini and tmux exist, and `podman stop` (SIGTERM) ends it with exit status 0.
#
# Usage: deploy/test-image.sh [--keep]   (--keep: leave the test image; base stand-ins are kept
# for the next run anyway: podman rmi $(podman images -q 'localhost/crossarb-test/*') removes them)
# Environment: DEBIAN_MIRROR (default http://deb.debian.org/debian), WORK (default deploy/target/image-test).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
WORK="${WORK:-$REPO/deploy/target/image-test}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
PREFIX=localhost/crossarb-test
IMAGE="$PREFIX/arb-controller:test"
CONTAINER=crossarb-test-controller
VOLUME=crossarb-test-data
KEEP=0
[ "${1:-}" != --keep ] || KEEP=1

log() { printf '\n== %s\n' "$*"; }
fail() { echo "test-image: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "run as root (podman with runc, debootstrap)"
for tool in podman runc debootstrap; do
  command -v "$tool" >/dev/null || fail "$tool not found: apt-get install podman runc debootstrap"
done
mkdir -p "$WORK"

# crun cannot set rlimits or use this machine's cgroups; runc with fixed ulimits can. Private
# config file, so the system's podman settings stay untouched.
export CONTAINERS_CONF="$WORK/containers.conf"
cat >"$CONTAINERS_CONF" <<'CONF'
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]
[engine]
runtime = "runc"
CONF

have_image() { podman image exists "$1"; }
# Not `podman logs | grep -q`: under pipefail, grep's early exit fails the pipeline (SIGPIPE).
logs_have() { local logs; logs="$(podman logs "$CONTAINER" 2>&1)"; grep -q -- "$1" <<<"$logs"; }

cleanup() {
  podman rm -f "$CONTAINER" >/dev/null 2>&1 || true
  podman volume rm -f "$VOLUME" >/dev/null 2>&1 || true
  [ "$KEEP" -eq 1 ] || podman rmi -f "$IMAGE" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# --- stand-in base images ---------------------------------------------------------------------
if ! have_image "$PREFIX/bookworm"; then
  log "debootstrap bookworm (minbase) from $MIRROR"
  rootfs="$WORK/rootfs"
  rm -rf "$rootfs"
  debootstrap --variant=minbase --include=ca-certificates bookworm "$rootfs" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
    || fail "debootstrap (log: $WORK/debootstrap.log)"
  mkdir -p "$rootfs/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/" 2>/dev/null || true
  chroot "$rootfs" update-ca-certificates >/dev/null
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | podman import - "$PREFIX/bookworm" >/dev/null
  rm -rf "$rootfs"
fi

ctx="$WORK/context"
rm -rf "$ctx"; mkdir -p "$ctx"
if ! have_image "$PREFIX/jdk17"; then
  log "JDK 17 stand-in"
  printf 'FROM %s\nRUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk-headless \\\n && rm -rf /var/lib/apt/lists/*\n' \
    "$PREFIX/bookworm" >"$ctx/Containerfile"
  podman build --pull=never --network=host -t "$PREFIX/jdk17" "$ctx" >"$WORK/jdk17.log" 2>&1 || fail "jdk17 (log: $WORK/jdk17.log)"
fi
if ! have_image "$PREFIX/maven"; then
  log "Maven stand-in"
  printf 'FROM %s\nRUN apt-get update && apt-get install -y --no-install-recommends maven \\\n && rm -rf /var/lib/apt/lists/*\n' \
    "$PREFIX/jdk17" >"$ctx/Containerfile"
  podman build --pull=never --network=host -t "$PREFIX/maven" "$ctx" >"$WORK/maven.log" 2>&1 || fail "maven (log: $WORK/maven.log)"
fi
log "stub tailscale image (deploy/test/stubs)"
cp deploy/test/stubs/tailscaled deploy/test/stubs/tailscale "$ctx/"
rm -f "$ctx/Containerfile"
printf 'FROM scratch\nCOPY tailscaled tailscale /usr/local/bin/\n' >"$ctx/Containerfile"
podman build --pull=never -t "$PREFIX/tailscale" "$ctx" >"$WORK/tailscale.log" 2>&1 || fail "tailscale stub (log: $WORK/tailscale.log)"

# --- the project's Dockerfile, unchanged ---------------------------------------------------------
log "podman build -f deploy/Dockerfile"
start=$(date +%s)
podman build --pull=never --network=host -f deploy/Dockerfile \
  --build-arg BUILD_IMAGE="$PREFIX/maven" \
  --build-arg JDK_IMAGE="$PREFIX/jdk17" \
  --build-arg RUNTIME_IMAGE="$PREFIX/bookworm" \
  --build-arg TAILSCALE_IMAGE="$PREFIX/tailscale" \
  -t "$IMAGE" . 2>&1 | tee "$WORK/build.log" | grep -E '^(STEP|COMMIT|Error|error)' || true
have_image "$IMAGE" || fail "image build (log: $WORK/build.log)"
echo "built in $(( $(date +%s) - start )) s; size $(podman image inspect --format '{{.Size}}' "$IMAGE") bytes"

# --- smoke run ------------------------------------------------------------------------------------
log "run with a volume on /data"
podman volume create "$VOLUME" >/dev/null
podman run -d --name "$CONTAINER" --network=host -v "$VOLUME:/data" \
  -e TAILSCALE_AUTHKEY=tskey-auth-test -e FLY_APP_NAME=arb-controller \
  -e STUB_EVENTS=/data/stub-events -e STUB_DIR=/tmp \
  "$IMAGE" >/dev/null
for _ in $(seq 1 100); do
  logs_have 'tailnet up' && break
  sleep 0.1
done
logs_have 'tailnet up' || { podman logs "$CONTAINER"; fail "entrypoint never reported the tailnet up"; }
in_c() { podman exec "$CONTAINER" "$@"; }
events="$(in_c cat /data/stub-events)"
echo "$events"
grep -Fq 'tailscaled --statedir=/data/tailscale' <<<"$events" || fail "tailscaled state not on the volume"
grep -Eq 'up .*--hostname=arb-controller' <<<"$events" || fail "no hostname in tailscale up"
grep -Eq 'up .*--auth-key=tskey-auth-test' <<<"$events" || fail "no auth key in tailscale up"
for cmd in tini tmux controller trader tailscaled tailscale java; do
  in_c /bin/sh -c "command -v $cmd" || fail "$cmd is not on the image's PATH"
done
in_c controller --version || fail "controller --version"
in_c trader --version || fail "trader --version"
in_c controller config | grep -E '^ARB_DATA_DIR +/data' || fail "ARB_DATA_DIR is not /data"
modules="$(in_c java --list-modules)"
grep -q '^jdk.crypto.ec' <<<"$modules" || fail "jdk.crypto.ec missing from the JRE"

log "TLS handshake with the image's JRE (HEAD https://repo.maven.apache.org/maven2/)"
mkdir -p "$WORK/tls"
cat >"$WORK/tls/TlsSmoke.java" <<'JAVA'
import java.net.URL;
import javax.net.ssl.HttpsURLConnection;
public class TlsSmoke {
  public static void main(String[] args) throws Exception {
    HttpsURLConnection c = (HttpsURLConnection) new URL(args[0]).openConnection();
    c.setRequestMethod("HEAD"); c.setConnectTimeout(10_000); c.setReadTimeout(10_000);
    c.connect();
    System.out.println("handshake ok: " + c.getCipherSuite() + ", HTTP " + c.getResponseCode());
  }
}
JAVA
javac --release 17 -d "$WORK/tls" "$WORK/tls/TlsSmoke.java"
podman cp "$WORK/tls/TlsSmoke.class" "$CONTAINER:/tmp/TlsSmoke.class"
# The JRE's own cacerts (from the JDK image) lacks the host's extra CAs, for TLS-intercepted
# egress; borrow the JDK stand-in's system trust store, which has them.
podman run --rm --entrypoint cat "$PREFIX/jdk17" /etc/ssl/certs/java/cacerts >"$WORK/tls/cacerts"
podman cp "$WORK/tls/cacerts" "$CONTAINER:/tmp/cacerts"
in_c java -Djavax.net.ssl.trustStore=/tmp/cacerts -cp /tmp TlsSmoke https://repo.maven.apache.org/maven2/ \
  || fail "TLS handshake from the image's JRE"

log "podman stop (SIGTERM) exits 0"
start=$(date +%s)
podman stop -t 20 "$CONTAINER" >/dev/null
code="$(podman inspect --format '{{.State.ExitCode}}' "$CONTAINER")"
podman logs "$CONTAINER" 2>&1 | tail -4
[ "$code" -eq 0 ] || fail "exit status $code after SIGTERM"
echo "stopped in $(( $(date +%s) - start )) s with exit status 0"

log "ARB_AUTOSTART=1 starts controller daemon in the tmux session 'controller'"
podman rm -f "$CONTAINER" >/dev/null
podman run -d --name "$CONTAINER" --network=host -v "$VOLUME:/data" -e ARB_AUTOSTART=1 \
  -e STUB_EVENTS=/data/stub-events -e STUB_DIR=/tmp "$IMAGE" >/dev/null
for _ in $(seq 1 100); do
  logs_have 'controller daemon' && break
  sleep 0.1
done
podman logs "$CONTAINER" 2>&1 | tail -3
# No auth key this time: the state saved on the volume by the first run is enough.
logs_have 'tailnet up' || fail "second boot did not reuse the saved state"
panes="$(in_c tmux list-panes -t controller -F '#{pane_start_command} pid=#{pane_pid} dead=#{pane_dead} status=#{pane_dead_status}')"
echo "$panes"
grep -q 'exec controller daemon' <<<"$panes" || fail "no controller daemon in tmux"
podman stop -t 20 "$CONTAINER" >/dev/null
code="$(podman inspect --format '{{.State.ExitCode}}' "$CONTAINER")"
[ "$code" -eq 0 ] || fail "exit status $code after SIGTERM with autostart"
echo
echo "test-image: OK"
