"""Mount the teleexpertise area in the main window and wire it to mail and the directory.

- mails leave through the mail area's outbox, sent at once by its account workers;
- after each synced folder, new mails are read for teleexpertise parts (signed or
  encrypted ones in the form the sync decrypted; see ``teleexpertise.secure_mail``);
- the directory's "Demander une télé-expertise" opens the wizard preset to that specialty;
- answers to my requests become desktop notifications (neutral while locked).
"""

from __future__ import annotations

from typing import Any

from mssclient.errors import MssError
from mssclient.gui.mail import MailArea
from mssclient.gui.teleexpertise.area import TeleexpertiseArea
from mssclient.profile import Profile
from mssclient.transport.accounts import Account, load_accounts
from mssclient.transport.events import FolderSynced

STATUS_MESSAGE_MS = 15_000


def install_teleexpertise_area(
    window: Any, profile: Profile, mail_area: MailArea, annuaire_view: Any
) -> TeleexpertiseArea:
    def accounts() -> list[Account]:
        if mail_area.accounts:
            return list(mail_area.accounts)
        try:
            return load_accounts(profile.store)
        except MssError:
            return []

    area = TeleexpertiseArea(
        lambda: profile.store,
        accounts,
        lambda: annuaire_view.hospital,
        active=lambda: profile.is_unlocked,
    )
    window.set_area_widget("teleexpertise", area)

    def send_now(account_id: int) -> None:
        mail_area.outbox_panel.reload()
        if mail_area.workers is not None:
            mail_area.workers.send_now(account_id)

    def on_transport_event(event: object) -> None:
        if isinstance(event, FolderSynced) and event.added and profile.is_unlocked:
            area.scan_mail()

    def open_preset(specialty_id: str) -> None:
        window.show_area("teleexpertise")
        area.open_wizard(specialty_id)

    area.queued.connect(send_now)
    area.notification.connect(window.notify)
    area.status_changed.connect(
        lambda text: window.statusBar().showMessage(text, STATUS_MESSAGE_MS)
    )
    if mail_area.workers is not None:
        mail_area.workers.transport_event.connect(on_transport_event)
    annuaire_view.teleexpertise_requested.connect(open_preset)
    annuaire_view.refresh_finished.connect(
        lambda _status: area.reload() if profile.is_unlocked else None
    )
    annuaire_view.set_features(mail=True, teleexpertise=True)
    if profile.is_unlocked:
        area.restore_sensitive()
    return area
