from __future__ import annotations

import json

import pytest

from mssclient.errors import StoreError, WrongPassphraseError
from mssclient.security.keywrap import KdfParams, unwrap_key, wrap_key
from tests.conftest import FAST_KDF


def test_round_trip_and_params_travel_with_the_wrapped_key():
    key = bytes(range(32))
    wrapped = wrap_key(key, "correct horse battery", FAST_KDF)
    assert wrapped["kdf"]["algorithm"] == "argon2id"
    assert wrapped["kdf"]["memory_kib"] == FAST_KDF.memory_kib
    assert key.hex() not in json.dumps(wrapped)
    assert unwrap_key(json.loads(json.dumps(wrapped)), "correct horse battery") == key


def test_wrong_passphrase_is_detected():
    wrapped = wrap_key(bytes(32), "bonne phrase de passe", FAST_KDF)
    with pytest.raises(WrongPassphraseError) as caught:
        unwrap_key(wrapped, "mauvaise phrase de passe")
    assert "incorrecte" in caught.value.user_message


def test_tampered_or_malformed_wrap_is_refused():
    wrapped = wrap_key(bytes(32), "phrase de passe", FAST_KDF)
    tampered = dict(wrapped, ciphertext=wrapped["ciphertext"][:-4] + "AAAA")
    with pytest.raises(WrongPassphraseError):
        unwrap_key(tampered, "phrase de passe")
    for broken in ({}, {"format": "x"}, dict(wrapped, nonce="***"), dict(wrapped, kdf=None)):
        with pytest.raises(StoreError) as caught:
            unwrap_key(broken, "phrase de passe")
        assert caught.value.user_message


def test_default_parameters_are_memory_hard():
    params = KdfParams()
    assert params.memory_kib >= 64 * 1024
    assert params.iterations >= 3


def test_empty_passphrase_refused():
    with pytest.raises(ValueError):
        wrap_key(bytes(32), "", FAST_KDF)


@pytest.mark.parametrize(
    "kdf_change",
    [
        {"iterations": 10**9},
        {"iterations": 0},
        {"memory_kib": 2**40},
        {"memory_kib": 1},
        {"lanes": 10**6},
        {"lanes": -1},
        {"iterations": "3; rm"},
    ],
)
def test_tampered_kdf_parameters_are_refused_before_deriving(kdf_change: dict[str, object]):
    # Obeying these would spin for days, exhaust memory or crash the KDF.
    wrapped = wrap_key(bytes(32), "phrase de passe", FAST_KDF)
    wrapped["kdf"] = {**wrapped["kdf"], **kdf_change}
    with pytest.raises(StoreError) as caught:
        unwrap_key(wrapped, "phrase de passe")
    assert caught.value.user_message == (
        "Le fichier de protection de la clé est illisible ou incomplet."
    )
    assert not isinstance(caught.value, WrongPassphraseError)
