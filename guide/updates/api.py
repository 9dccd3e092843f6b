"""The public API of content updates, for the staff import dialog, the kiosk and the CLI.

Staff import ("Open content pack…", in a worker thread, then on the UI thread)::

    config = load_update_config()                        # trusted keys (updates.toml)
    prepared = prepare_update(pack_file, trusted=config.trusted_keys,
                              current_db=ctx.content_path, progress=on_progress)
    # UpdateRefused: show exc.message, and exc.details (validation errors, one
    # "FILE: PATH: message" line each, exactly as build-db prints them)
    # show prepared.summary (added/changed/removed per kind, with titles), ask to confirm
    applied = commit_update(prepared)                    # or discard_update(prepared)
    # reopen the content at applied.db_path, then guide.user.bookmarks.refresh_snapshots

    restore_previous()                                   # "Restore previous content"
    restore_shipped(shipped_db)                          # back to the content shipped with the guide
    slot_status().previous is not None                   # enable that menu item

Kiosk (poll every ``config.poll_seconds`` in a worker thread; apply at an idle reset)::

    result = check_for_update(config.source, trusted=config.trusted_keys,
                              current_db=ctx.content_path, limits=config.limits,
                              timeout=config.timeout_seconds)
    if result.status is CheckStatus.READY:
        prepared = prepare_update(result.ready.pack_file, trusted=config.trusted_keys,
                                  current_db=ctx.content_path)
    ...at the next idle reset, between visitors:
        applied = commit_update(prepared); clear_pending()
        reopen applied.db_path; refresh_snapshots

Every decision is logged on the ``guide.updates`` logger (:data:`LOGGER_NAME`).
"""

from __future__ import annotations

from guide.updates import errors
from guide.updates.changes import ChangeSummary, ItemRef, KindChanges, compare_content
from guide.updates.config import ConfigError, UpdateConfig, default_config_path, load_update_config
from guide.updates.errors import UpdateRefused
from guide.updates.guidepack import (
    DEFAULT_LIMITS,
    Limits,
    Manifest,
    VerifiedPack,
    build_pack_file,
    publish_pack_file,
    sign_pack_file,
    verify_pack_file,
)
from guide.updates.install import (
    AppliedUpdate,
    ImportedProgramme,
    PreparedUpdate,
    apply_pack_file,
    commit_update,
    discard_update,
    prepare_update,
    restore_previous,
    restore_shipped,
    slot_status,
)
from guide.updates.keys import (
    KeyFileError,
    PublicKey,
    generate_key_pair,
    load_private_key,
    load_public_key,
    load_public_keys,
)
from guide.updates.log import LOGGER_NAME, log_to_file
from guide.updates.programme import prepare_programme
from guide.updates.source import (
    CheckResult,
    CheckStatus,
    ReadyUpdate,
    check_for_update,
    clear_pending,
    held_update,
)
from guide.updates.staging import Progress
from guide.updates.state import (
    ContentSlot,
    InstalledContent,
    SlotState,
    SlotStateError,
    default_slot,
    installed_content_db,
)

__all__ = [
    "DEFAULT_LIMITS", "LOGGER_NAME", "AppliedUpdate", "ChangeSummary", "CheckResult", "CheckStatus",
    "ConfigError", "ContentSlot", "ImportedProgramme", "InstalledContent", "ItemRef", "KeyFileError",
    "KindChanges", "Limits", "Manifest", "PreparedUpdate", "Progress", "PublicKey", "ReadyUpdate",
    "SlotState", "SlotStateError", "UpdateConfig", "UpdateRefused", "VerifiedPack", "apply_pack_file",
    "build_pack_file", "check_for_update", "clear_pending", "commit_update", "compare_content",
    "default_config_path", "default_slot", "discard_update", "errors", "generate_key_pair",
    "held_update", "installed_content_db", "load_private_key", "load_public_key", "load_public_keys",
    "load_update_config", "log_to_file", "prepare_programme", "prepare_update", "publish_pack_file",
    "restore_previous", "restore_shipped",
    "sign_pack_file", "slot_status", "verify_pack_file",
]
