"""Ed25519 keys for signing content packs.

Files written by :func:`generate_key_pair`:

- ``BASE.key``: the private key, PKCS#8 PEM, created with mode 0600 and never overwritten.
- ``BASE.pub``: the public key as one line, ``ed25519 <base64 of the 32 raw bytes> <name>``
  (the OpenSSH layout), so it can be pasted into a kiosk's config as it is.

A key is known by its id: the first 16 hex digits of the sha256 of its raw bytes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from guide.updates.log import log

ALGORITHM = "ed25519"


class KeyFileError(ValueError):
    """A key file or key line cannot be used; the message says why."""


@dataclass(frozen=True)
class PublicKey:
    """A public Ed25519 key and the name its owner gave it."""

    raw: bytes
    name: str = ""

    @property
    def key_id(self) -> str:
        """First 16 hex digits of sha256(raw key): short, stable, shown to people."""
        return hashlib.sha256(self.raw).hexdigest()[:16]

    @property
    def label(self) -> str:
        """``name (ed25519:id)``, or just ``ed25519:id`` for a nameless key."""
        tag = f"{ALGORITHM}:{self.key_id}"
        return f"{self.name} ({tag})" if self.name else tag

    def line(self) -> str:
        """The one-line text form written to ``.pub`` files."""
        text = f"{ALGORITHM} {base64.b64encode(self.raw).decode()}"
        return f"{text} {self.name}" if self.name else text

    def verify(self, signature: bytes, data: bytes) -> bool:
        """True when ``signature`` is this key's signature of ``data``."""
        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, data)
        except InvalidSignature:
            return False
        return True


def parse_public_key(text: str) -> PublicKey:
    """Read the ``ed25519 BASE64 [name]`` form (or a bare base64 key)."""
    parts = text.strip().split(maxsplit=2)
    if parts and parts[0] == ALGORITHM:
        parts = parts[1:]
    if not parts:
        raise KeyFileError("empty public key")
    try:
        raw = base64.b64decode(parts[0], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise KeyFileError(f"public key is not base64: {exc}") from exc
    if len(raw) != 32:
        raise KeyFileError(f"an Ed25519 public key has 32 bytes, this one {len(raw)}")
    return PublicKey(raw=raw, name=parts[1].strip() if len(parts) > 1 else "")


def load_public_key(spec: str | Path, base_dir: Path | None = None) -> PublicKey:
    """A trusted key from a ``.pub`` file path or from the key line itself.

    Relative paths are taken relative to ``base_dir`` (the config file's folder).
    """
    text = str(spec).strip()
    if text.startswith(f"{ALGORITHM} "):
        return parse_public_key(text)
    path = Path(text).expanduser()
    if base_dir is not None and not path.is_absolute():
        path = base_dir / path
    try:
        content = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KeyFileError(f"cannot read public key {path}: {exc.strerror or exc}") from exc
    try:
        return parse_public_key(content)
    except KeyFileError as exc:
        raise KeyFileError(f"{path}: {exc}") from exc


def load_public_keys(specs: Iterable[str | Path], base_dir: Path | None = None) -> tuple[PublicKey, ...]:
    """Several trusted keys, duplicates dropped (first name wins)."""
    keys: dict[bytes, PublicKey] = {}
    for spec in specs:
        key = load_public_key(spec, base_dir)
        keys.setdefault(key.raw, key)
    return tuple(keys.values())


def _create_private(path: Path, data: bytes) -> None:
    # O_EXCL: never overwrite a key; 0600 from the start, not chmod after the bytes are out.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def generate_key_pair(base: Path, name: str = "") -> tuple[Path, Path]:
    """Write ``BASE.key`` (private, mode 0600) and ``BASE.pub``; refuse to overwrite either."""
    base = Path(base)
    private_path = base.with_name(base.name + ".key")
    public_path = base.with_name(base.name + ".pub")
    for path in (private_path, public_path):
        if path.exists():
            raise KeyFileError(f"{path} already exists; keys are never overwritten")
    if any(c in name for c in "\r\n"):
        raise KeyFileError("a key name is one line")
    base.parent.mkdir(parents=True, exist_ok=True)
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    _create_private(private_path, pem)
    public_path.write_text(PublicKey(raw, name).line() + "\n", encoding="utf-8")
    log.info("generated key pair %s (ed25519:%s)", base, PublicKey(raw).key_id)
    return private_path, public_path


@dataclass(frozen=True)
class PrivateKey:
    """A loaded signing key."""

    key: Ed25519PrivateKey

    @property
    def public(self) -> PublicKey:
        """The matching public key (nameless: names live in .pub files and configs)."""
        raw = self.key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return PublicKey(raw)

    def sign(self, data: bytes) -> bytes:
        """The Ed25519 signature of ``data``."""
        return self.key.sign(data)


def load_private_key(path: Path) -> PrivateKey:
    """Read a private key written by :func:`generate_key_pair`; warn if others can read it."""
    path = Path(path)
    try:
        data = path.read_bytes()
        mode = path.stat().st_mode
    except OSError as exc:
        raise KeyFileError(f"cannot read private key {path}: {exc.strerror or exc}") from exc
    if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
        log.warning("private key %s is readable by other users (mode %o)", path, mode & 0o777)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise KeyFileError(f"{path} is not an unencrypted PEM private key: {exc}") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{path} is not an Ed25519 key")
    return PrivateKey(key)
