"""The mail area of the GUI: folders, paged message list, safe reader, composer, accounts."""

from mssclient.gui.mail.install import install_mail_area, worker_store_opener
from mssclient.gui.mail.mail_area import MailArea

__all__ = ["MailArea", "install_mail_area", "worker_store_opener"]
