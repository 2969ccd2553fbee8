"""Accounts: stored settings, passwords only in the keyring."""

from __future__ import annotations

import pytest

from mssclient.errors import KeyringUnavailableError
from mssclient.security.tls import TrustAnchors
from mssclient.transport.accounts import (
    Account,
    AccountKind,
    PasswordAuth,
    Security,
    ServerSettings,
    delete_account,
    get_password,
    load_account,
    load_accounts,
    save_account,
    set_password,
)
from mssclient.transport.errors import PasswordMissingError


def _account(address: str = "service.dermato@chu.example.test") -> Account:
    return Account(
        address=address,
        login="dermato",
        display_name="Service de dermatologie",
        kind=AccountKind.ORGANISATIONAL,
        imap=ServerSettings("imap.chu.example.test", 993, Security.TLS),
        smtp=ServerSettings("smtp.chu.example.test", 587, Security.STARTTLS),
        trust_anchors=TrustAnchors.IGC_SANTE,
        product_nil="MSSClient/0.1",
    )


def test_accounts_round_trip_and_update(temp_store, memory_keyring):
    saved = save_account(temp_store, _account())
    other = save_account(temp_store, _account("moi@example.test"))
    assert saved.id != other.id
    assert load_account(temp_store, saved.id) == saved
    renamed = save_account(temp_store, Account(**{**saved.__dict__, "display_name": "Dermato"}))
    assert renamed.id == saved.id
    assert [a.display_name for a in load_accounts(temp_store)] == [
        "Dermato",
        "Service de dermatologie",
    ]


def test_password_lives_in_the_keyring_only(temp_store, memory_keyring):
    account = save_account(temp_store, _account())
    with pytest.raises(PasswordMissingError):
        get_password(account)
    set_password(account, "s3cret-é")
    assert PasswordAuth.from_keyring(account).password == "s3cret-é"
    assert "s3cret" not in repr(PasswordAuth.from_keyring(account))
    dump = b"".join(
        bytes(str(tuple(r)), "utf-8") for r in temp_store.query("SELECT * FROM mail_accounts")
    )
    assert b"s3cret" not in dump
    delete_account(temp_store, account)
    assert load_accounts(temp_store) == []
    assert memory_keyring.secrets == {}


def test_no_keyring_is_said_plainly(temp_store, no_keyring):
    account = save_account(temp_store, _account())
    with pytest.raises(KeyringUnavailableError):
        set_password(account, "x")
