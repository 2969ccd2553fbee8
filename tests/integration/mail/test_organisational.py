"""An organisational mailbox opened by a member with their own password (SASL authzid).

Runs on the embedded sandbox, whose IMAP server maps members to organisational mailboxes;
the Dovecot fixture has no such mapping configured (it would need master users).
"""

from __future__ import annotations

import pytest

from mssclient.mailstore import MailRepository
from mssclient.security.tls import TrustAnchors
from mssclient.transport.accounts import (
    Account,
    AccountKind,
    PasswordAuth,
    Security,
    ServerSettings,
    save_account,
)
from mssclient.transport.errors import AuthenticationFailedError
from mssclient.transport.imap_connection import connect_imap
from mssclient.transport.imap_sync import MailSync
from mssclient.transport.parsing import ParsePool
from tests.integration.mail.messages import build, crlf

pytestmark = pytest.mark.integration


def test_member_opens_the_department_mailbox(sandbox_server, temp_store):
    department = sandbox_server.add_user("orga-dermato@sandbox.test", "pw-orga")
    member = sandbox_server.add_user("dr.membre@sandbox.test", "pw-membre")
    outsider = sandbox_server.add_user("autre@sandbox.test", "pw-autre")
    sandbox_server.add_user(department, "pw-orga", members=[member])
    sandbox_server.deliver(
        department, crlf(build("ide@sandbox.test", department, "Demande d'avis", "Photo jointe"))
    )
    account = save_account(
        temp_store,
        Account(
            address=department,
            login=member,
            authorization_identity=department,
            kind=AccountKind.ORGANISATIONAL,
            display_name="Service de dermatologie",
            imap=ServerSettings("127.0.0.1", sandbox_server.imap_port, Security.TLS),
            smtp=ServerSettings("127.0.0.1", sandbox_server.smtp_port, Security.TLS),
            trust_anchors=TrustAnchors.CA_FILE,
            ca_file=str(sandbox_server.ca_path),
        ),
    )
    auth = PasswordAuth(member, "pw-membre", authorization_identity=department)
    engine = MailSync(
        account.id,
        MailRepository(temp_store),
        lambda: connect_imap(account, auth),
        parse_pool=ParsePool(0),
    )
    try:
        engine.sync_folder("INBOX")
    finally:
        engine.close()
    repo = MailRepository(temp_store)
    subjects = [r.subject for r in repo.page(repo.folder_by_name(account.id, "INBOX").id)]
    assert subjects == ["Demande d'avis"]

    with pytest.raises(AuthenticationFailedError) as caught:
        connect_imap(account, PasswordAuth(outsider, "pw-autre", authorization_identity=department))
    assert "refusé" in caught.value.user_message
