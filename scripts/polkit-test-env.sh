#!/usr/bin/env bash
# Test setup for the real elevation path (sudo-prompt → pkexec → the helper), as root, idempotent.
#   up                 start a system D-Bus and polkitd when none is running (remembers what it started)
#   user NAME          create the local test user NAME (home folder, no password) when missing
#   rule NAME RESULT   install the polkit rule: NAME may run pkexec with RESULT (yes | auth_admin | no)
#   down NAME          remove the rule and the user; stop the bus and polkitd if `up` started them
# Everything it creates is named here, so `down` removes exactly that and nothing else.
set -euo pipefail

STATE=/run/mobility-setup-polkit-test
RULE=/etc/polkit-1/rules.d/49-mobility-setup-test.rules

bus_up() { dbus-send --system --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.GetId >/dev/null 2>&1; }
polkit_up() { dbus-send --system --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner string:org.freedesktop.PolicyKit1 2>/dev/null | grep -q 'boolean true'; }

wait_for() {
  for _ in $(seq 1 100); do "$@" && return 0; sleep 0.1; done
  echo "polkit-test-env: timed out waiting for $*" >&2
  return 1
}

valid_user() { [[ "$1" =~ ^[a-z][a-z0-9-]{1,30}$ ]] || { echo "polkit-test-env: bad user name" >&2; exit 2; }; }

case "${1:-}" in
  up)
    command -v pkexec >/dev/null && [ -x /usr/lib/polkit-1/polkitd ] && command -v dbus-daemon >/dev/null || {
      echo "polkit-test-env: pkexec, polkitd or dbus is not installed (apt-get install pkexec polkitd dbus)" >&2; exit 3; }
    mkdir -p "$STATE" /run/dbus
    if ! bus_up; then
      dbus-daemon --system --fork --print-pid >"$STATE/dbus.pid"
      wait_for bus_up
    fi
    if ! polkit_up; then
      setsid /usr/lib/polkit-1/polkitd --no-debug >"$STATE/polkitd.log" 2>&1 </dev/null &
      echo $! >"$STATE/polkitd.pid"
      wait_for polkit_up
    fi
    ;;
  user)
    valid_user "${2:-}"
    id -u "$2" >/dev/null 2>&1 || useradd -m -s /bin/bash "$2"
    ;;
  rule)
    valid_user "${2:-}"
    case "${3:-}" in yes) result=YES ;; auth_admin) result=AUTH_ADMIN ;; no) result=NO ;; *) echo "polkit-test-env: RESULT is yes, auth_admin or no" >&2; exit 2 ;; esac
    tmp="$(mktemp "$RULE.XXXXXX")"
    cat >"$tmp" <<RULES
// Mobility Setup's elevation test ($3); removed by scripts/polkit-test-env.sh down.
polkit.addRule(function (action, subject) {
  if (action.id == "org.freedesktop.policykit.exec" && subject.user == "$2") return polkit.Result.$result;
});
RULES
    chmod 0644 "$tmp"
    mv -f "$tmp" "$RULE"
    # polkitd reloads rules on an inotify event; give it a moment to read the new file.
    sleep 0.5
    ;;
  down)
    valid_user "${2:-}"
    rm -f "$RULE" "$RULE".??????
    if id -u "$2" >/dev/null 2>&1; then userdel -r -f "$2" 2>/dev/null || userdel -f "$2"; fi
    started_bus=no
    [ -f "$STATE/dbus.pid" ] && started_bus=yes
    for name in polkitd dbus; do
      if [ -f "$STATE/$name.pid" ]; then
        kill "$(cat "$STATE/$name.pid")" 2>/dev/null || true
        rm -f "$STATE/$name.pid"
      fi
    done
    # The bus leaves its socket and pid file behind; a later `up` must start a fresh one.
    if [ "$started_bus" = yes ]; then rm -f /run/dbus/system_bus_socket /run/dbus/pid; fi
    rm -rf "$STATE"
    ;;
  *)
    echo "usage: $0 up | user NAME | rule NAME yes|auth_admin|no | down NAME" >&2
    exit 2
    ;;
esac
