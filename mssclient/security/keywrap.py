"""Wrap a store key with a passphrase: Argon2id (memory-hard) then AES-256-GCM.

The wrapped form is a JSON-able dict that carries its own KDF parameters, so that
parameters can be raised later without breaking existing profiles. AES-GCM authenticates
the wrap: a wrong passphrase is detected before the database is touched.
"""

from __future__ import annotations

import base64
import os
from dataclasses import asdict, dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from mssclient.errors import StoreError, WrongPassphraseError

WRAP_FORMAT = "mssclient-keywrap-v1"
_AAD = WRAP_FORMAT.encode()


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The defaults follow RFC 9106's second recommended option (64 MiB)."""

    iterations: int = 3
    memory_kib: int = 64 * 1024
    lanes: int = 4

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        kdf = Argon2id(
            salt=salt,
            length=32,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(passphrase.encode("utf-8"))


#: Bounds on parameters read back from disk (ours are well inside them).
MAX_ITERATIONS = 64
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_LANES = 64


def _params_are_sane(params: KdfParams) -> bool:
    return (
        1 <= params.iterations <= MAX_ITERATIONS
        and 1 <= params.lanes <= MAX_LANES
        and 8 * params.lanes <= params.memory_kib <= MAX_MEMORY_KIB
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def wrap_key(key: bytes, passphrase: str, params: KdfParams | None = None) -> dict[str, Any]:
    if not passphrase:
        raise ValueError("an empty passphrase cannot protect a key")
    params = params or KdfParams()
    salt = os.urandom(16)
    nonce = os.urandom(12)
    kek = params.derive(passphrase, salt)
    ciphertext = AESGCM(kek).encrypt(nonce, key, _AAD)
    return {
        "format": WRAP_FORMAT,
        "kdf": {"algorithm": "argon2id", **asdict(params), "salt": _b64(salt)},
        "nonce": _b64(nonce),
        "ciphertext": _b64(ciphertext),
    }


def unwrap_key(wrapped: dict[str, Any], passphrase: str) -> bytes:
    try:
        if wrapped["format"] != WRAP_FORMAT or wrapped["kdf"]["algorithm"] != "argon2id":
            raise StoreError(f"unknown key wrap format {wrapped.get('format')!r}")
        kdf = wrapped["kdf"]
        params = KdfParams(int(kdf["iterations"]), int(kdf["memory_kib"]), int(kdf["lanes"]))
        if not _params_are_sane(params):
            # A tampered file must not make us spin or allocate without end.
            raise ValueError("KDF parameters out of range")
        salt = base64.b64decode(kdf["salt"], validate=True)
        nonce = base64.b64decode(wrapped["nonce"], validate=True)
        ciphertext = base64.b64decode(wrapped["ciphertext"], validate=True)
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(
            f"malformed wrapped key: {type(exc).__name__}",
            user_message="Le fichier de protection de la clé est illisible ou incomplet.",
        ) from None
    kek = params.derive(passphrase, salt)
    try:
        return AESGCM(kek).decrypt(nonce, ciphertext, _AAD)
    except InvalidTag:
        raise WrongPassphraseError("passphrase does not unwrap the store key") from None
