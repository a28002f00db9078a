#!/usr/bin/env bash
# Runs the Playwright specs with a real keychain: a private D-Bus session with gnome-keyring,
# unlocked with a throwaway password, and a keyring folder of its own so no personal keyring is
# touched. With an Electron runtime and no display, the run also gets a virtual X server; with
# STEPGATE_E2E_DISPLAY=wayland, a headless Wayland compositor instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if [ -z "${STEPGATE_E2E_INNER:-}" ]; then
  export STEPGATE_E2E_INNER=1
  keyring_home="$(mktemp -d)"
  trap 'rm -rf "$keyring_home"' EXIT
  export XDG_DATA_HOME="$keyring_home"
  if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
    dbus-run-session -- bash "$0" "$@"
  else
    echo "dbus-run-session or gnome-keyring-daemon missing: running without a keychain" >&2
    bash "$0" "$@"
  fi
  exit $?
fi

if [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v gnome-keyring-daemon >/dev/null; then
  # gnome-keyring prints its environment; the D-Bus session already finds it by name.
  printf 'stepgate-e2e' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
fi

# Whether the Electron runtime is installed, asked as findElectronBinary asks (path.txt and dist/, read
# directly): require('electron') would download the runtime where it is missing, and hang offline.
electron_installed() {
  node --import tsx --input-type=module \
    -e "import { findElectronBinary } from './electron/launch/electron-binary.ts'; process.exit(findElectronBinary().ok ? 0 : 1)" >/dev/null 2>&1
}

# STEPGATE_E2E_DISPLAY=wayland: the app runs as a native Wayland client of a headless weston of this run's own
# (Debian and Ubuntu: apt-get install weston), instead of under X11.
if [ "${STEPGATE_E2E_DISPLAY:-}" = wayland ]; then
  command -v weston >/dev/null || { echo "STEPGATE_E2E_DISPLAY=wayland needs weston (apt-get install weston)" >&2; exit 1; }
  wayland_dir="$(mktemp -d)"
  chmod 700 "$wayland_dir"
  # headless-backend.so is the name every weston knows (10 takes only it; 12 and later also take "headless").
  XDG_RUNTIME_DIR="$wayland_dir" weston --backend=headless-backend.so --socket=stepgate-e2e --idle-time=0 >"$wayland_dir/weston.log" 2>&1 &
  weston_pid=$!
  trap 'kill "$weston_pid" 2>/dev/null || true; rm -rf "$wayland_dir"' EXIT
  for _ in $(seq 1 100); do
    [ -S "$wayland_dir/stepgate-e2e" ] && break
    kill -0 "$weston_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ ! -S "$wayland_dir/stepgate-e2e" ]; then
    echo "weston did not start:" >&2
    cat "$wayland_dir/weston.log" >&2
    exit 1
  fi
  echo "Wayland: headless weston $(weston --version | cut -d' ' -f2) on $wayland_dir/stepgate-e2e" >&2
  export XDG_RUNTIME_DIR="$wayland_dir" WAYLAND_DISPLAY=stepgate-e2e XDG_SESSION_TYPE=wayland
  export STEPGATE_E2E_ELECTRON_ARGS="--ozone-platform=wayland${STEPGATE_E2E_ELECTRON_ARGS:+ $STEPGATE_E2E_ELECTRON_ARGS}"
  unset DISPLAY
  status=0
  npx playwright test "$@" || status=$?
  exit "$status"
fi

# With an Electron runtime and no display, the app gets a virtual X server.
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null && electron_installed; then
  exec xvfb-run --auto-servernum -- npx playwright test "$@"
fi
exec npx playwright test "$@"
