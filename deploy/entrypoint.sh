#!/bin/sh
# Entrypoint of the arb-controller image (runs under tini, which runs under Fly's init).
#
# 1. starts tailscaled with its state on the volume, so the node keeps its identity across deploys;
# 2. waits (bounded) for tailscaled's socket, then `tailscale up` with the auth key and hostname.
#    A failed `up` is logged and ignored: the machine stays up for `fly ssh console`;
# 3. with ARB_AUTOSTART=1, starts `controller daemon` in a detached tmux session named
#    "controller" (attach with `tmux attach -t controller`);
# 4. on SIGTERM/SIGINT stops the controller first (SIGTERM, so it can persist and cancel, waiting at
#    most ARB_STOP_TIMEOUT seconds), then tailscaled, and exits 0.
# It exits non-zero only when it cannot run at all (64: neither an auth key nor saved tailscale
# state; 1: tailscaled died or never opened its socket), so Fly's restart policy takes over.
set -eu

ARB_DATA_DIR="${ARB_DATA_DIR:-/data}"
TS_STATE_DIR="${TS_STATE_DIR:-$ARB_DATA_DIR/tailscale}"
TS_SOCKET="${TS_SOCKET:-/var/run/tailscale/tailscaled.sock}"
TS_HOSTNAME="${TS_HOSTNAME:-${FLY_APP_NAME:-arb-controller}}"
TS_UP_TIMEOUT="${TS_UP_TIMEOUT:-60s}"
# Extra `tailscale up` flags, e.g. "--accept-dns=false" (split into words on purpose).
TS_EXTRA_ARGS="${TS_EXTRA_ARGS:-}"
# Bounds, in seconds: how long to wait for tailscaled's socket, and for the controller to stop.
TS_SOCKET_WAIT="${TS_SOCKET_WAIT:-15}"
# Keep it below fly.toml's kill_timeout, so tailscaled still gets its turn before Fly's SIGKILL.
ARB_STOP_TIMEOUT="${ARB_STOP_TIMEOUT:-25}"
ARB_AUTOSTART="${ARB_AUTOSTART:-0}"
TMUX_SESSION=controller

log() { printf '%s entrypoint: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }

# Whether process $1 exists and is not a zombie. A dead controller may stay a zombie: its parent
# is tmux's server, which was seen (in a container) not to reap it until its next SIGCHLD.
running() {
  kill -0 "$1" 2>/dev/null || return 1
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  state=${stat##*) }
  [ "${state%% *}" != Z ]
}

# Waits until process $1 (not necessarily our child) is gone, at most $2 seconds.
wait_gone() {
  ticks=$(($2 * 10))
  while running "$1"; do
    [ "$ticks" -gt 0 ] || return 1
    ticks=$((ticks - 1))
    sleep 0.1
  done
}

tsd_pid=
up_pid=
controller_pid=

stop_controller() {
  [ -n "$controller_pid" ] || return 0
  if running "$controller_pid"; then
    log "stopping controller (pid $controller_pid), up to ${ARB_STOP_TIMEOUT}s"
    kill -TERM "$controller_pid" 2>/dev/null || true
    # Not our child (tmux's), so poll instead of wait.
    if ! wait_gone "$controller_pid" "$ARB_STOP_TIMEOUT"; then
      log "controller still running after ${ARB_STOP_TIMEOUT}s; killing it"
      kill -KILL "$controller_pid" 2>/dev/null || true
      wait_gone "$controller_pid" 5 || log "controller (pid $controller_pid) did not die"
    fi
  fi
  tmux kill-server 2>/dev/null || true
  controller_pid=
}

stop_tailscaled() {
  [ -n "$tsd_pid" ] || return 0
  kill -TERM "$tsd_pid" 2>/dev/null || true
  wait "$tsd_pid" 2>/dev/null || true
  tsd_pid=
}

# shellcheck disable=SC2317  # reached through the trap
on_signal() {
  trap '' TERM INT
  log "received $1; shutting down"
  [ -z "$up_pid" ] || kill -TERM "$up_pid" 2>/dev/null || true
  stop_controller
  stop_tailscaled
  log "stopped"
  exit 0
}
trap 'on_signal SIGTERM' TERM
trap 'on_signal SIGINT' INT

if [ -z "${TAILSCALE_AUTHKEY:-}" ] && [ ! -s "$TS_STATE_DIR/tailscaled.state" ]; then
  log "neither TAILSCALE_AUTHKEY nor saved state in $TS_STATE_DIR/tailscaled.state;" \
    "set it with: fly secrets set TAILSCALE_AUTHKEY=tskey-auth-..."
  exit 64
fi
mkdir -p "$TS_STATE_DIR" "$(dirname "$TS_SOCKET")"

log "starting tailscaled (state in $TS_STATE_DIR)"
tailscaled --statedir="$TS_STATE_DIR" --socket="$TS_SOCKET" &
tsd_pid=$!

ticks=$((TS_SOCKET_WAIT * 10))
while [ ! -S "$TS_SOCKET" ]; do
  if ! kill -0 "$tsd_pid" 2>/dev/null; then
    set +e; wait "$tsd_pid"; rc=$?; set -e
    log "tailscaled exited with status $rc before opening its socket"
    exit 1
  fi
  if [ "$ticks" -le 0 ]; then
    log "tailscaled opened no socket at $TS_SOCKET within ${TS_SOCKET_WAIT}s"
    stop_tailscaled
    exit 1
  fi
  ticks=$((ticks - 1))
  sleep 0.1
done

# The auth key is only needed on first boot; later boots reuse the state on the volume.
# It goes in argv (visible to root inside this single-tenant machine), never in the log.
set -- --hostname="$TS_HOSTNAME" --timeout="$TS_UP_TIMEOUT"
[ -z "${TAILSCALE_AUTHKEY:-}" ] || set -- "$@" --auth-key="$TAILSCALE_AUTHKEY"
# In the background, so a kill signal is handled at once rather than after `up` gives up.
# shellcheck disable=SC2086  # TS_EXTRA_ARGS holds several flags
tailscale --socket="$TS_SOCKET" up "$@" $TS_EXTRA_ARGS &
up_pid=$!
set +e; wait "$up_pid"; up_rc=$?; set -e
up_pid=
if [ "$up_rc" -eq 0 ]; then
  log "tailnet up as $TS_HOSTNAME: $(tailscale --socket="$TS_SOCKET" ip -4 2>/dev/null || echo '?')"
else
  log "tailscale up failed (status $up_rc); staying up without the tailnet (reach the machine with fly ssh console)"
fi

if [ "$ARB_AUTOSTART" = 1 ]; then
  # `exec` so the pane's process is the controller itself (its wrapper execs java), which is the
  # process that gets SIGTERM on shutdown. remain-on-exit keeps a dead daemon's last output on
  # screen for whoever attaches (best effort: tmux was seen to miss a child's exit now and then).
  if tmux new-session -d -s "$TMUX_SESSION" 'exec controller daemon' \; \
      set-option -w -t "$TMUX_SESSION" remain-on-exit on \
    && controller_pid=$(tmux display-message -p -t "$TMUX_SESSION" '#{pane_pid}'); then
    log "controller daemon started in tmux session '$TMUX_SESSION' (pid $controller_pid)"
  else
    controller_pid=
    log "could not start controller daemon in tmux; continuing without it"
  fi
fi

# Keep the machine alive as long as tailscaled runs; the trap handles Fly's kill signal.
set +e
wait "$tsd_pid"
rc=$?
set -e
tsd_pid=
log "tailscaled exited with status $rc"
stop_controller
[ "$rc" -ne 0 ] || rc=1
exit "$rc"
