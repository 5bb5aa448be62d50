"""A provider as a schema.org Organization (JSON-LD), from its public facts only.

The contact address (`contact_email`) receives the associations' requests and is never shown:
it stays out of this data as it stays off the page and out of the API. Only the fields named
here leave the model, so a new private field cannot slip in.
"""

from django.utils.html import strip_tags

from home.structured_data import SCHEMA, absolute_rendition_url, without_empty_values

LOGO_RENDITION = "max-400x400"
FRANCE = {"@type": "Country", "name": "France"}


def areas_served(provider):
    """The régions and départements it covers, or France as a whole when it works remotely."""
    areas = [
        {"@type": "AdministrativeArea", "name": region.name} for region in provider.regions.all()
    ]
    areas += [
        {"@type": "AdministrativeArea", "name": department.name}
        for department in provider.departments.all()
    ]
    if provider.remote:
        areas.append(FRANCE)
    return areas


def public_links(provider):
    """Its website, Fediverse account and other public links, each once."""
    urls = [provider.website, provider.fediverse_url, *(link.url for link in provider.links.all())]
    return list(dict.fromkeys(url for url in urls if url))


def address(provider):
    """The town it is based in; the région when it covers exactly one."""
    regions = list(provider.regions.all())
    return without_empty_values(
        {
            "@type": "PostalAddress",
            "addressLocality": provider.city,
            "addressRegion": regions[0].name if len(regions) == 1 else "",
            "addressCountry": "FR",
        }
    )


def provider_organization(provider, request):
    page_url = provider.get_full_url(request)
    return without_empty_values(
        {
            "@context": SCHEMA,
            "@type": "Organization",
            "name": provider.title,
            "url": provider.website or page_url,
            "mainEntityOfPage": page_url,
            "description": provider.introduction or strip_tags(provider.description).strip(),
            "address": address(provider) if provider.city else None,
            "areaServed": areas_served(provider),
            "logo": absolute_rendition_url(provider.logo, LOGO_RENDITION),
            "sameAs": public_links(provider),
            "knowsLanguage": provider.languages,
        }
    )
