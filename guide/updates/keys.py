"""Ed25519 keys for signing content packs.

Files written by :func:`generate_key_pair`:

- ``BASE.key``: the private key, PKCS#8 PEM, created with mode 0600 and never overwritten.
  (The 48-byte PKCS#8 form of RFC 8410, as OpenSSL and the cryptography package write it.)
- ``BASE.pub``: the public key as one line, ``ed25519 <base64 of the 32 raw bytes> <name>``
  (the OpenSSH layout), so it can be pasted into a kiosk's config as it is.

A key is known by its id: the first 16 hex digits of the sha256 of its raw bytes.

Signing and verification are libsodium's (PyNaCl): a 1.5 MB library in the installers,
where the cryptography package was 11.6 MB for this one algorithm. Only the fixed PKCS#8
wrapping of the private key's 32-byte seed is done here.
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

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from guide.updates.log import log

ALGORITHM = "ed25519"
# PKCS#8 v1 of an Ed25519 private key (RFC 8410 section 7): this DER prefix, then the 32-byte seed.
PKCS8_PREFIX = bytes.fromhex("302e020100300506032b657004220420")
ED25519_OID = bytes.fromhex("06032b6570")
PEM_BEGIN, PEM_END = "-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----"


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
        if len(signature) != 64:
            return False
        try:
            VerifyKey(self.raw).verify(data, signature)
        except BadSignatureError:
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
    if PEM_BEGIN in content:  # the team's secret, given where its public half belongs
        pub = path.with_suffix(".pub")
        instead = f"give its public key {pub}" if pub.is_file() else "give its public key (.pub)"
        raise KeyFileError(f"{path} is a private key (.key), not a public one; trusted keys are "
                           f"public keys: {instead}, and keep the .key with the content team, "
                           "who sign packs with it")
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
    private = SigningKey.generate()
    raw = bytes(private.verify_key)
    try:
        _create_private(private_path, _pem(bytes(private)))
    except FileExistsError:  # another keygen of the same name made it since the check above
        raise KeyFileError(f"{private_path} already exists; keys are never overwritten") from None
    public_path.write_text(PublicKey(raw, name).line() + "\n", encoding="utf-8")
    log.info("generated key pair %s (ed25519:%s)", base, PublicKey(raw).key_id)
    return private_path, public_path


@dataclass(frozen=True)
class PrivateKey:
    """A loaded signing key."""

    key: SigningKey

    @property
    def public(self) -> PublicKey:
        """The matching public key (nameless: names live in .pub files and configs)."""
        return PublicKey(bytes(self.key.verify_key))

    def sign(self, data: bytes) -> bytes:
        """The Ed25519 signature of ``data``."""
        return self.key.sign(data).signature


def _pem(seed: bytes) -> bytes:
    body = base64.b64encode(PKCS8_PREFIX + seed).decode()
    return f"{PEM_BEGIN}\n{body}\n{PEM_END}\n".encode()


def _seed_from_pem(data: bytes) -> bytes:
    """The 32-byte seed of an unencrypted PKCS#8 PEM Ed25519 key; ValueError saying what is wrong."""
    text = data.decode("ascii", errors="replace").strip()
    if not (text.startswith(PEM_BEGIN) and text.endswith(PEM_END)):
        raise ValueError("not an unencrypted PEM private key (BEGIN PRIVATE KEY)")
    body = "".join(text[len(PEM_BEGIN):-len(PEM_END)].split())
    try:
        der = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"its PEM body is not base64: {exc}") from exc
    if ED25519_OID not in der[:16]:
        raise ValueError("not an Ed25519 key")
    if len(der) != len(PKCS8_PREFIX) + 32 or not der.startswith(PKCS8_PREFIX):
        raise ValueError("an Ed25519 key in a PKCS#8 layout other than RFC 8410's")
    return der[len(PKCS8_PREFIX):]


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
        seed = _seed_from_pem(data)
    except ValueError as exc:
        raise KeyFileError(f"{path}: {exc}") from exc
    return PrivateKey(SigningKey(seed))
