#!/bin/sh
# Runs `guide --kiosk` once and turns its exit code into what a supervisor that only knows
# "success = stay down, failure = restart" needs (macOS launchd KeepAlive/SuccessfulExit=false):
#   10 (staff exit with the PIN)  -> 0: stay stopped
#   0 (should not happen)         -> 1: restart
#   anything else (crash, kill)   -> as is: restart
# GUIDE overrides the command (default: zgc-guide on PATH; the LaunchAgent sets the .app's).
GUIDE="${GUIDE:-zgc-guide}"
"$GUIDE" --kiosk "$@"
code=$?
if [ "$code" -eq 10 ]; then
    exit 0
elif [ "$code" -eq 0 ]; then
    exit 1
fi
exit "$code"
