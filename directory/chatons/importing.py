"""A profile prefilled from the ChatonsInfos files a CHATONS member already publishes.

`read_source` fetches the `organization.properties` and its service files through the safe
fetcher; `proposed_values` turns them into the profile fields they speak of. Only fields a
visitor sees are proposed: the contact e-mail stays private and what the files cannot say
(prestations, territories, prices) is left alone; CHATONS membership is a fact moderators
check, so it is never taken from the files. Nothing here saves: `review` compares the values
with the profile and `apply_changes` writes the chosen ones as a draft.
"""

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Site

from catalogue.models import FreeAlternative
from home.search_terms import fold

from .fetch import Fetcher, FetchError
from .properties import decode, parse
from .vocabulary import CHATONS_TO_STRUCTURE, network_label

# The networks whose account the profile shows as its Fediverse link.
FEDIVERSE_KEYS = ("mastodon", "fediverse")
MAX_URL_LENGTH = 200  # Django's URLField
MAX_LINKS = 20


@dataclass
class Source:
    """The files read for one import, and what could not be read among the service files."""

    url: str
    organization: dict
    services: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


def read_properties(fetcher, url, file_class):
    """One properties file of the given class, or FetchError saying what is wrong with it."""
    body, _content_type = fetcher.get(url)
    if b"\x00" in body:
        raise FetchError(_("%(url)s n'est pas un fichier texte.") % {"url": url})
    properties = parse(decode(body))
    if properties.text("file.class").lower() != file_class:
        raise FetchError(
            _("%(url)s n'est pas un fichier ChatonsInfos «\u00a0%(class)s\u00a0» (file.class).")
            % {"url": url, "class": file_class}
        )
    return properties


def read_source(url):
    """The organization file at `url` and its service files (at most CHATONS_IMPORT_MAX_SERVICES).

    A service file that cannot be read is left out with a warning; a broken organization file
    or too many services stop the import.
    """
    fetcher = Fetcher()
    organization = read_properties(fetcher, url, "organization")
    if not organization.text("organization.name"):
        raise FetchError(_("Le fichier ne donne pas le nom de l'organisation (organization.name)."))
    subs = organization.subs()
    limit = settings.CHATONS_IMPORT_MAX_SERVICES
    if len(subs) > limit:
        raise FetchError(
            _(
                "Le fichier déclare %(count)s services\u00a0; l'import en lit %(limit)s au plus. "
                "Retirez des lignes subs. ou complétez la fiche à la main."
            )
            % {"count": len(subs), "limit": limit}
        )
    source = Source(url=url, organization=organization)
    for key, service_url in subs:
        try:
            source.services.append(read_properties(fetcher, absolute(url, service_url), "service"))
        except FetchError as error:
            source.warnings.append(
                _("Service «\u00a0%(key)s\u00a0» non lu\u00a0: %(reason)s")
                % {"key": key, "reason": error}
            )
    return source


def absolute(base, url):
    """Service addresses may be relative to the organization file."""
    return urljoin(base, url.strip())


def web_address(value):
    """`value` if it is an http(s) address the profile can store, else ""."""
    value = value.strip()
    if len(value) > MAX_URL_LENGTH:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return ""
    return value


def one_line(value, length):
    return Truncator(" ".join(value.split())).chars(length)


def social_links(organization):
    """(label, address) for each social network address, the Fediverse ones first."""
    networks = organization.with_prefix("organization.socialnetworks.")
    ordered = sorted(networks, key=lambda key: key not in FEDIVERSE_KEYS)  # else in file order
    links = []
    for key in ordered:
        for value in organization.values_of(f"organization.socialnetworks.{key}"):
            address = web_address(value)
            if address:
                links.append((key, one_line(network_label(key), 60), address))
    return links


def contact_link(organization):
    """The organization's contact page, unless it is on this hub (a file the hub exported
    points to the profile's own contact form, which the profile already has)."""
    address = web_address(organization.text("organization.contact.url"))
    if not address or urlsplit(address).hostname in hub_hostnames():
        return None
    return ("contact", _("Contact"), address)


def hub_hostnames():
    return {urlsplit(settings.SITE_URL).hostname, *Site.objects.values_list("hostname", flat=True)}


def matched_tools(services):
    """Catalogue alternatives named by the services' software (or service) names, accents and
    case aside, and the names that match none."""
    by_name = {fold(tool.name): tool for tool in FreeAlternative.objects.filter(live=True)}
    tools, unmatched = {}, []
    for service in services:
        name = service.text("software.name") or service.text("service.name")
        if not name:
            continue
        tool = by_name.get(fold(name))
        if tool:
            tools[tool.pk] = tool
        elif name not in unmatched:
            unmatched.append(name)
    return sorted(tools.values(), key=lambda tool: fold(tool.name)), unmatched


def accepting(services):
    """Open if any service takes new members, full if every one that says so is full."""
    loads = {service.text("service.registration.load").upper() for service in services} - {""}
    if "OPEN" in loads:
        return True
    return False if loads == {"FULL"} else None


@dataclass
class Proposal:
    """Profile field → value read from the files (JSON-serialisable, to sign into the review),
    and the software names the catalogue does not know."""

    values: dict
    unmatched_software: list


def proposed_values(source):
    organization = source.organization
    values = {
        "title": one_line(organization.text("organization.name"), 255),
        "introduction": Truncator(organization.text("organization.description")).chars(600),
        "website": web_address(organization.text("organization.website")),
        "logo": web_address(organization.text("organization.logo")),
        "city": one_line(organization.text("organization.geolocation.city"), 80),
    }
    structure = CHATONS_TO_STRUCTURE.get(organization.text("organization.type").upper())
    if structure:
        values["structure_type"] = str(structure)
    links = social_links(organization)
    fediverse = next((link for link in links if link[0] in FEDIVERSE_KEYS), None)
    if fediverse:
        values["fediverse_url"] = fediverse[2]
        links.remove(fediverse)
    contact = contact_link(organization)
    values["links"] = [
        [label, url] for _key, label, url in [*links, *([contact] if contact else [])]
    ][:MAX_LINKS]
    tools, unmatched = matched_tools(source.services)
    values["tools"] = [tool.pk for tool in tools]
    open_or_full = accepting(source.services)
    if open_or_full is not None:
        values["accepting_new_associations"] = open_or_full
    return Proposal(
        values={name: value for name, value in values.items() if value not in ("", [], None)},
        unmatched_software=unmatched,
    )
