"""Mount the feature areas in the main window and connect them to one another.

The directory's "Écrire" button and its phone-advice confirmation open the mail
composer; its "Demander une télé-expertise" button opens the request wizard preset to
the specialty; the national directory import is a File menu action.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from mssclient.directory import call_log
from mssclient.directory.annuaire_sante import live_client
from mssclient.directory.hours import system_clock
from mssclient.errors import MssError
from mssclient.gui.app_settings import AppSettings
from mssclient.gui.directory.annuaire_view import AnnuaireView
from mssclient.gui.directory.national_import_dialog import NationalImportDialog
from mssclient.gui.mail import MailArea, install_mail_area
from mssclient.gui.main_window import MainWindow
from mssclient.gui.teleexpertise.install import TeleexpertiseArea, install_teleexpertise_area
from mssclient.mail import Address, Draft
from mssclient.profile import Profile
from mssclient.sandbox.attached import RunningSandbox
from mssclient.transport.parsing import default_parse_workers


@dataclass
class FeatureAreas:
    mail: MailArea
    directory: AnnuaireView
    import_action: QAction
    teleexpertise: TeleexpertiseArea


def directory_settings(settings: AppSettings, sandbox: RunningSandbox | None) -> dict[str, Any]:
    """The hospital directory's address: the configured one, else the sandbox's demo."""
    url = settings.hospital_directory_url
    ca_file = settings.hospital_directory_ca_file or None
    if not url and sandbox is not None:
        url, ca_file = sandbox.directory_url, str(sandbox.ca_path)
    return {
        "hospital_directory_url": url,
        "hospital_directory_ca_file": ca_file,
        "mail_enabled": True,
        "teleexpertise_enabled": False,
    }


def install_feature_areas(
    window: MainWindow,
    profile: Profile,
    settings: AppSettings,
    *,
    sandbox: RunningSandbox | None = None,
    poll_seconds: float = 300.0,
) -> FeatureAreas:
    mail = install_mail_area(
        window,
        profile,
        sandbox=sandbox,
        poll_seconds=poll_seconds,
        parse_workers=default_parse_workers(),
    )
    # Read at each lookup: turning the live Annuaire Santé on or off applies at once.
    mail.live_client_factory = lambda: live_client(
        settings.annuaire_sante_live, settings.annuaire_sante_url
    )
    directory = AnnuaireView(lambda: profile.store, directory_settings(settings, sandbox))
    window.set_area_widget("directory", directory)

    def write_to(mailbox: str) -> None:
        window.show_area("mail")
        mail.open_composer(Draft(identity=Address("", ""), to=[mailbox]))

    def confirm_in_writing(draft: dict[str, Any]) -> None:
        window.show_area("mail")
        composer = mail.open_composer(
            Draft(
                identity=Address("", ""),
                to=list(draft["to"]),
                subject=draft["subject"],
                text=draft["body"],
            )
        )
        call_id = int(draft["call_id"])
        # The composer closes with "accepted" only once the mail sits in the outbox.
        composer.accepted.connect(lambda: _note_sent(profile, directory, call_id))

    def follow_hospital_domain(*_: object) -> None:
        hospital = directory.hospital
        mail.hospital_domain = hospital.organization_mailbox_domain if hospital else ""

    follow_hospital_domain()
    directory.refresh_finished.connect(follow_hospital_domain)
    directory.write_requested.connect(write_to)
    directory.confirmation_draft_ready.connect(confirm_in_writing)

    import_action = QAction(
        QCoreApplication.translate("Areas", "Import the national MSSanté directory…"), window
    )
    import_action.triggered.connect(lambda: choose_and_import(window, profile))
    window.file_menu.insertAction(window.settings_action, import_action)
    if directory.url:
        directory.refresh()  # cheap when unchanged: the server answers 304 to our ETag
    teleexpertise = install_teleexpertise_area(window, profile, mail, directory)
    return FeatureAreas(mail, directory, import_action, teleexpertise)


def _note_sent(profile: Profile, directory: AnnuaireView, call_id: int) -> None:
    try:
        call_log.mark_note_sent(profile.store, call_id, system_clock())
    except MssError as exc:
        directory.message.setText(exc.user_message)
        return
    directory.reload()


def choose_and_import(
    window: MainWindow, profile: Profile, path: Path | None = None
) -> NationalImportDialog | None:
    """Ask for the extraction file (ZIP or text) and import it with a progress dialog."""
    if path is None:
        chosen, _filter = QFileDialog.getOpenFileName(
            window,
            QCoreApplication.translate("Areas", "National MSSanté directory extraction"),
            "",
            QCoreApplication.translate("Areas", "Extraction (*.zip *.txt *.csv);;All files (*)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
    dialog = NationalImportDialog(profile.open_worker_store, path, window)
    dialog.setModal(True)
    dialog.show()
    dialog.start()
    return dialog
