#!/usr/bin/env bash
# Runs a command (the browser tests) with every process it starts living at 14:00, Paris time, on
# today's date: the test runner, the servers it spawns and Chromium share one clock, moved by the
# same offset (libfaketime), and that clock goes on ticking.
#
# Why: the demo places today's session around the hour it is seeded (a few defenses heard, one
# under way, more to come). Late in the evening or just after midnight there is no room left on
# the date for that, and a run that crosses midnight would see "today" change under it. At 14:00
# the day is the same whatever hour CI happens to run.
set -euo pipefail

library=''
for candidate in /usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1 /usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1; do
	[ -f "$candidate" ] && library=$candidate && break
done
if [ -z "$library" ]; then
	echo "libfaketime est absent (apt-get install faketime) : les tests tournent à l'heure réelle, et ceux qui demandent une journée" >&2
	echo "en cours avec des soutenances à venir peuvent échouer tard le soir." >&2
	exec "$@"
fi

export LD_PRELOAD="$library${LD_PRELOAD:+:$LD_PRELOAD}"
# A relative offset, so that every process started later agrees; the monotonic clock (timeouts,
# timers) and file dates stay real. One already set is kept: npm test seeds the demo and runs the
# browser tests in two calls, which must agree on the date even across midnight.
if [ -z "${FAKETIME:-}" ]; then
	target=$(TZ=Europe/Paris date -d 'today 14:00' +%s)
	export FAKETIME="$(printf '%+d' "$((target - $(date +%s)))")"
fi
export FAKETIME_DONT_FAKE_MONOTONIC=1
export NO_FAKE_STAT=1
exec "$@"
