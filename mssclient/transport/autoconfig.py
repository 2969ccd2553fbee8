"""Thunderbird-style autoconfiguration over HTTPS (config-v1.1.xml).

Looked up at ``https://autoconfig.<domain>/mail/config-v1.1.xml`` then
``https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml``. The XML is untrusted:
size-capped, parsed with expat with any DTD or entity declaration refused (no entity
expansion, no external fetch), and only the fields we need are read.
"""

from __future__ import annotations

import ssl
import xml.parsers.expat
from dataclasses import dataclass, field

import httpx

from mssclient.security.tls import is_loopback
from mssclient.transport.accounts import Security, ServerSettings
from mssclient.transport.errors import AutoconfigError

MAX_BYTES = 256 * 1024
TIMEOUT = 10.0
DEFAULT_URLS = (
    "https://autoconfig.{domain}/mail/config-v1.1.xml?emailaddress={address}",
    "https://{domain}/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress={address}",
)
_SECURITY = {"ssl": Security.TLS, "tls": Security.TLS, "starttls": Security.STARTTLS}
_PREFERENCE = {Security.TLS: 0, Security.STARTTLS: 1, Security.PLAIN: 2}


@dataclass(frozen=True)
class AutoconfigResult:
    imap: ServerSettings
    smtp: ServerSettings
    login: str
    display_name: str
    source: str
    auth_methods: tuple[str, ...] = ()


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    children: list[_Node] = field(default_factory=list)
    text: str = ""

    def find_all(self, tag: str) -> list[_Node]:
        return [c for c in self.children if c.tag == tag]

    def child_text(self, tag: str) -> str:
        found = self.find_all(tag)
        return found[0].text.strip() if found else ""


class _Refused(Exception):
    pass


def _parse_xml(data: bytes) -> _Node:
    if len(data) > MAX_BYTES:
        raise AutoconfigError("autoconfig document too large")
    parser = xml.parsers.expat.ParserCreate()
    root = _Node("#root", {})
    stack = [root]

    def refuse(*_args: object) -> None:
        raise _Refused("DTD or entity declaration")

    def start(tag: str, attrs: dict[str, str]) -> None:
        if len(stack) > 32:
            raise _Refused("nesting too deep")
        node = _Node(tag, attrs)
        stack[-1].children.append(node)
        stack.append(node)

    def end(_tag: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        if len(stack[-1].text) < 4096:
            stack[-1].text += data

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse  # type: ignore[assignment]
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(data, True)
    except (xml.parsers.expat.ExpatError, _Refused, RecursionError) as exc:
        raise AutoconfigError(f"invalid autoconfig XML: {exc}") from None
    return root


def _expand(template: str, address: str) -> str:
    local, _, domain = address.partition("@")
    return (
        template.replace("%EMAILADDRESS%", address)
        .replace("%EMAILLOCALPART%", local)
        .replace("%EMAILDOMAIN%", domain)
    )


def _servers(provider: _Node, tag: str, kind: str) -> list[tuple[ServerSettings, str, str]]:
    found = []
    for node in provider.find_all(tag):
        if node.attrs.get("type", "").lower() != kind:
            continue
        host = node.child_text("hostname")
        try:
            port = int(node.child_text("port"))
        except ValueError:
            continue
        socket_type = node.child_text("socketType").lower()
        security = _SECURITY.get(socket_type, Security.PLAIN)
        if not host or not 0 < port < 65536:
            continue
        if security is Security.PLAIN and not is_loopback(host):
            continue  # never propose plaintext to a remote server
        found.append(
            (
                ServerSettings(host, port, security),
                node.child_text("username"),
                node.child_text("authentication"),
            )
        )
    found.sort(key=lambda s: _PREFERENCE[s[0].security])
    return found


def parse_config(data: bytes, address: str, source: str = "") -> AutoconfigResult:
    root = _parse_xml(data)
    configs = root.find_all("clientConfig")
    providers = configs[0].find_all("emailProvider") if configs else []
    if not providers:
        raise AutoconfigError("no emailProvider in autoconfig document")
    provider = providers[0]
    imap = _servers(provider, "incomingServer", "imap")
    smtp = _servers(provider, "outgoingServer", "smtp")
    if not imap or not smtp:
        raise AutoconfigError("no usable IMAP or SMTP server in autoconfig document")
    imap_settings, username, auth = imap[0]
    return AutoconfigResult(
        imap=imap_settings,
        smtp=smtp[0][0],
        login=_expand(username, address) if username else address,
        display_name=provider.child_text("displayName"),
        source=source,
        auth_methods=tuple(a for a in (auth, smtp[0][2]) if a),
    )


def discover(
    address: str,
    *,
    verify: ssl.SSLContext | bool = True,
    url_templates: tuple[str, ...] = DEFAULT_URLS,
    timeout: float = TIMEOUT,
) -> AutoconfigResult:
    """The first usable configuration published for the address's domain."""
    local, _, domain = address.strip().rpartition("@")
    if not local or not domain or "/" in domain or ":" in domain:
        raise AutoconfigError(
            f"not an address: {address!r}",
            user_message=(
                "Adresse de messagerie invalide : la configuration automatique est impossible."
            ),
        )
    problems: list[str] = []
    with httpx.Client(verify=verify, timeout=timeout, follow_redirects=False) as client:
        for template in url_templates:
            url = template.format(domain=domain, address=address)
            try:
                with client.stream("GET", url) as response:
                    if response.status_code != 200:
                        problems.append(f"{url}: HTTP {response.status_code}")
                        continue
                    body = b""
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > MAX_BYTES:
                            break
                return parse_config(body, address, url)
            except httpx.HTTPError as exc:
                problems.append(f"{url}: {exc!r}")
            except AutoconfigError as exc:
                problems.append(f"{url}: {exc}")
    raise AutoconfigError("; ".join(problems))
