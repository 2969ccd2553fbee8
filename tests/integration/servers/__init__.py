"""Real mail servers (Dovecot, Postfix) for integration tests, started from private configs."""

from tests.integration.servers.mail_servers import (
    DEFAULT_DOMAIN,
    MailServers,
    start_mail_servers,
    stop_mail_servers,
)
from tests.integration.servers.prerequisites import missing_prerequisites

__all__ = [
    "DEFAULT_DOMAIN",
    "MailServers",
    "missing_prerequisites",
    "start_mail_servers",
    "stop_mail_servers",
]
