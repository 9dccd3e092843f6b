"""Why a pack or an update was refused: a stable reason code plus a sentence for people.

The UI translates by ``reason`` and shows ``message`` (English) and ``details`` (for
``invalid-content``: one ``FILE: PATH: message`` line per problem, exactly as
``guide build-db`` prints them).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

# Reason codes. Permanent ones say something about the pack itself; a poller remembers them
# for that index and does not download the same pack again.
CORRUPT = "corrupt"                  # a damaged archive: cut short, bad CRC, damaged member
NOT_A_PACK = "not-a-pack"            # some other file (a database, a text, another zip) or a folder
NOT_FOUND = "not-found"              # the file named does not exist
TRUNCATED = "truncated"              # fewer bytes arrived than the server or index announced
UNSAFE = "unsafe"                    # path traversal, symlink, duplicate or unexpected member
TOO_LARGE = "too-large"              # over a size or count limit
UNSIGNED = "unsigned"                # no signature at all
UNKNOWN_KEY = "unknown-key"          # signed, but not by a trusted key
NO_TRUSTED_KEYS = "no-trusted-keys"  # nothing is trusted, so nothing can be applied
BAD_SIGNATURE = "bad-signature"      # a trusted key's signature does not match the manifest
BAD_MANIFEST = "bad-manifest"        # manifest missing, malformed or contradicting the pack
HASH_MISMATCH = "hash-mismatch"      # a file's bytes differ from the signed manifest
WRONG_PACK = "wrong-pack"            # a pack for other content (another pack id)
NOT_NEWER = "not-newer"              # rollback protection: version <= what this machine has
INVALID_CONTENT = "invalid-content"  # the pack's content fails validation (build-db errors)
NO_PREVIOUS = "no-previous"          # nothing to restore
SHIPPED_IN_USE = "shipped-in-use"    # "back to the shipped content" when nothing installed is in use
NO_SOURCE = "no-source"              # no update source configured or it does not exist
DOWNLOAD_FAILED = "download-failed"  # network error, timeout, HTTP error (transient)
STALE = "stale"                      # a prepared update was overtaken before it was committed
STAFF_IMPORT = "staff-import"        # a poll's pack waits: staff opened a programme by hand here

def no_trusted_keys(config_file: str | None = None, *, option: bool = True) -> str:
    """Why no pack can be accepted when no key is trusted, and where the key goes: in
    ``config_file`` (the updates config a machine uses, and why that one), else in the one
    ``guide update status`` names; ``option``: or with --trusted (the commands). It had always
    said the user data folder's updates.toml, which a kiosk with a root-owned one never reads."""
    where = (f"the trusted_keys of {config_file}" if config_file else
             "trusted_keys in updates.toml (`guide update status` names the file this machine uses)")
    return ("no trusted public keys are configured, so no pack can be accepted; add the content "
            f"team's .pub key to {where}" + (", or give it with --trusted" if option else ""))


# Said wherever nothing is trusted and the config file is not known.
NO_TRUSTED_KEYS_MESSAGE = no_trusted_keys()


def wrong_pack_offer(offered: str, in_use: str, location: str, file: str) -> str:
    """Why a poll refuses what a source (its pack ``file`` at ``location``, a folder or a URL)
    offers for another pack's content than the one in use, and how staff move the machine to
    it: once, by hand, as a poll never does (a kiosk still on the bundled content)."""
    import shlex
    import urllib.parse

    if location.lower().startswith(("http://", "https://")):
        url = urllib.parse.urljoin(location, urllib.parse.quote(file))
        where = f"PACK (the file {url}, downloaded)"
    else:
        where = shlex.quote(str(Path(location) / file))
    return (f"the source offers pack {offered!r}, the content in use is {in_use!r}, and a poll "
            f"never replaces content with another pack's. To show {offered} here, switch once by "
            f"hand: `guide update apply --file {where} --switch` (with the --kiosk-config the "
            "kiosk starts with; or leave kiosk mode and use the staff menu's \"Open content "
            f"pack...\"); {offered}'s later versions then apply on their own")


def held_by_staff_import(pack_id: str, version: int, signer: str, staff_file: str,
                         staff_version: int) -> str:
    """Why a poll's verified pack of ``pack_id`` waits: the content in use is a programme staff
    opened by hand here (from ``staff_file``), which a poll never replaces, and how staff
    take the content team's version instead."""
    opened = f"from {staff_file}, " if staff_file else ""
    return (f"version {version} of {pack_id} signed by {signer} is downloaded and verified, but "
            f"the content in use is the programme staff opened by hand here ({opened}this "
            f"machine's version {staff_version}), and a poll never replaces what staff opened. "
            "To show the content team's version instead: `guide update apply "
            "--replace-staff-import` (with the --kiosk-config the kiosk starts with), or leave "
            "kiosk mode and choose the staff menu's \"Show the content team's version "
            f"{version}...\"")


PERMANENT = frozenset({
    CORRUPT, NOT_A_PACK, UNSAFE, TOO_LARGE, UNSIGNED, UNKNOWN_KEY, BAD_SIGNATURE, BAD_MANIFEST,
    HASH_MISMATCH, WRONG_PACK, NOT_NEWER, INVALID_CONTENT,
})
# Refusals of the file itself, whatever the machine holds; the rest of PERMANENT depend on
# its state (the keys it trusts, the content it shows) and are judged again when that changes.
FILE_FAULTS = frozenset({
    CORRUPT, NOT_A_PACK, UNSAFE, TOO_LARGE, UNSIGNED, BAD_SIGNATURE, BAD_MANIFEST, HASH_MISMATCH,
    INVALID_CONTENT,
})


class UpdateRefused(Exception):
    """A pack file or update was refused; nothing was changed.

    ``reason`` is one of the codes above, ``message`` a full sentence, ``details``
    extra lines (validation errors of the content).
    """

    def __init__(self, reason: str, message: str, details: Sequence[str] = ()) -> None:
        self.reason = reason
        self.message = message
        self.details = tuple(details)
        super().__init__(f"{reason}: {message}")
