"""The directory published in the ChatonsInfos format, for the CHATONS tools to read.

One `organization.properties` per live profile, one `service.properties` per published tool
it hosts, and a federation file listing every profile. Only what the profile page shows:
the contact e-mail is private, so the contact form's address stands for it.
"""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from directory.models import DirectoryIndexPage, ProviderPage
from directory.models.taxonomy import StructureType

from .properties import write
from .vocabulary import STRUCTURE_TO_CHATONS, network_key

FEDERATION_NAME = "Annuaire des prestataires Emancip'Asso"


def absolute(path):
    return settings.SITE_URL + path


def organization_url(provider):
    return absolute(reverse("chatonsinfos_organization", args=[provider.slug]))


def service_url(provider, tool):
    return absolute(reverse("chatonsinfos_service", args=[provider.slug, tool.slug]))


def logo_url(logo):
    """The original upload, absolute even when media are served from this site."""
    if logo is None:
        return ""
    url = logo.file.url
    return url if url.startswith(("http://", "https://")) else absolute(url)


def published_providers():
    return ProviderPage.objects.live().public()


def hosted_tools(provider):
    return provider.tools.filter(live=True).order_by("name")


def properties_response(text):
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def federation(request):
    directory = DirectoryIndexPage.objects.live().public().first()
    providers = published_providers().order_by("slug")
    text = write(
        "federation",
        [
            (
                "Federation",
                [
                    ("federation.name", FEDERATION_NAME),
                    ("federation.description", directory.introduction if directory else ""),
                    ("federation.website", directory.full_url if directory else ""),
                    ("federation.country.name", "France"),
                    ("federation.country.code", "FR"),
                ],
            ),
            ("Subs", [(f"subs.{p.slug}", organization_url(p)) for p in providers]),
        ],
    )
    return properties_response(text)


def organization_text(provider):
    links = [
        (f"organization.socialnetworks.{network_key(link.label)}", link.url)
        for link in provider.links.all()
    ]
    return write(
        "organization",
        [
            (
                "Organisation",
                [
                    ("organization.name", provider.title),
                    ("organization.description", provider.introduction),
                    ("organization.website", provider.website),
                    ("organization.logo", logo_url(provider.logo)),
                    (
                        "organization.type",
                        STRUCTURE_TO_CHATONS.get(StructureType(provider.structure_type), "OTHER"),
                    ),
                    ("organization.status.level", "ACTIVE"),
                    (
                        "organization.contact.url",
                        provider.full_url + provider.reverse_subpage("contact"),
                    ),
                    (
                        "organization.memberof.chatons.status.level",
                        "ACTIVE" if provider.chatons_member else "",
                    ),
                    ("organization.country.name", "France"),
                    ("organization.country.code", "FR"),
                    ("organization.geolocation.city", provider.city),
                ],
            ),
            (
                "Réseaux sociaux",
                [("organization.socialnetworks.fediverse", provider.fediverse_url), *links],
            ),
            (
                "Services",
                [
                    (f"subs.{tool.slug}", service_url(provider, tool))
                    for tool in hosted_tools(provider)
                ],
            ),
        ],
    )


def organization(request, slug):
    provider = get_object_or_404(published_providers(), slug=slug)
    return properties_response(organization_text(provider))


def service(request, slug, tool_slug):
    provider = get_object_or_404(published_providers(), slug=slug)
    tool = hosted_tools(provider).filter(slug=tool_slug).first()
    if tool is None:
        raise Http404
    text = write(
        "service",
        [
            (
                "Service",
                [
                    ("service.name", tool.name),
                    ("service.description", tool.description),
                    ("service.website", provider.website),
                    ("service.registration", "Client"),
                    (
                        "service.registration.load",
                        "OPEN" if provider.accepting_new_associations else "FULL",
                    ),
                ],
            ),
            (
                "Logiciel",
                [
                    ("software.name", tool.name),
                    ("software.website", tool.website),
                    ("software.license.name", tool.licence),
                ],
            ),
            ("Hébergement", [("host.name", provider.title), ("host.country.code", "FR")]),
        ],
    )
    return properties_response(text)
