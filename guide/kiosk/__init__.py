"""Kiosk mode for public touch screens (``guide --kiosk``).

The rules are plain Python and tested without Qt: :mod:`.config` (the kiosk's
settings file), :mod:`.idle` (the visitor/idle state machine), :mod:`.pin` (the
staff PIN: salted scrypt hash, growing delay after wrong tries), :mod:`.system`
(screen blanking, reduced motion, the rotating log). The Qt side is thin:
:mod:`.controller` wires those rules to the guide's window, :mod:`.widgets` holds the
attract screen, the "are you still there?" countdown, the on-screen keyboard and
the PIN pad.
"""

# The kiosk leaves with this exit code when staff enter the PIN, so supervisors restart
# it after anything else (a crash, a kill) but not after a staff exit.
STAFF_EXIT_CODE = 10

# The kiosk's settings file in the user data folder (see :mod:`.config`).
CONFIG_NAME = "kiosk.toml"
