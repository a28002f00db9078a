#!/usr/bin/env bash
# Runs the Playwright specs with a real keychain: a private D-Bus session with gnome-keyring,
# unlocked with a throwaway password, and a keyring folder of its own so no personal keyring is
# touched. With an Electron runtime and no display, the run also gets a virtual X server.
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

# The same test as findElectronBinary: the binary the electron package names must exist.
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null && node -e "require('fs').accessSync(require('electron'))" >/dev/null 2>&1; then
  exec xvfb-run --auto-servernum -- npx playwright test "$@"
fi
exec npx playwright test "$@"
