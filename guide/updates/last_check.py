"""What the last poll of a source decided, as ``guide update status`` reports it (no poll).

An IT script polling ``update status --json`` had the slot and the config but no ``status``:
to tell a held, a refused and an up-to-date kiosk apart it had to run ``update check`` (a
poll) or parse text. :func:`last_check` reads what every poll remembers (the decision kept
with the index's validators, the pack waiting in ``incoming``) and says it with the statuses
and reason codes of :class:`~guide.updates.source.CheckResult`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from guide.updates import errors
from guide.updates.guidepack import DEFAULT_LIMITS, Limits
from guide.updates.keys import PublicKey
from guide.updates.source import (
    CheckResult,
    CheckStatus,
    Decision,
    Poll,
    held_result,
    pending_ready,
)
from guide.updates.state import ContentSlot, db_identity, default_slot


def last_check(source: str, *, trusted: Sequence[PublicKey], current_db: Path | None,
               limits: Limits = DEFAULT_LIMITS, slot: ContentSlot | None = None) -> CheckResult | None:
    """What ``check_for_update`` of ``source`` decided last and still holds here, read without
    polling or writing: READY or HELD (a pack is waiting), REFUSED (with its reason), UP_TO_DATE;
    None when no poll decided anything that holds for these keys, limits and content.

    A failed poll is not remembered (the next one retries): the decision before it is said.
    Raises :class:`~guide.updates.state.SlotStateError` when ``state.json`` is damaged.
    """
    if not trusted:  # as a poll says before asking the source
        return CheckResult(CheckStatus.REFUSED, errors.NO_TRUSTED_KEYS_MESSAGE, source,
                           reason=errors.NO_TRUSTED_KEYS)
    poll = Poll(source, trusted, slot or default_slot(), limits, timeout=0.0, deadline_seconds=0.0)
    poll.judge_for(db_identity(current_db))
    shown = poll.current.pack_id if poll.current is not None else ""
    pending = pending_ready(poll.slot, poll.state)
    if pending is not None and pending.pack_id == (shown or pending.pack_id) \
            and pending.version > poll.floor(pending.pack_id):
        return held_result(poll, poll.result(CheckStatus.READY, f"version {pending.version} signed by "
                                       f"{pending.signer} is downloaded and waiting to be applied",
                                       ready=pending))
    decision, detail = poll.known.get("decision"), str(poll.known.get("detail", ""))
    if decision == Decision.REFUSED:
        reason, _, why = detail.partition(": ")
        return poll.result(CheckStatus.REFUSED, f"the last check refused what the source offers: "
                           f"{why or reason}", reason=reason if why else None)
    _, _, number = detail.partition("version ")
    version = int(number) if number.isdigit() else None
    # READY without a waiting pack: applied since (not newer than what is here), else lost
    # (the next poll downloads it again) and nothing is known.
    if decision == Decision.UP_TO_DATE or (decision == Decision.READY and version is not None
                                           and version <= poll.floor(shown)):
        return poll.result(CheckStatus.UP_TO_DATE, f"the last check found nothing newer than "
                           f"version {max(version or 0, poll.floor(shown))}, in use or installed here")
    return None
