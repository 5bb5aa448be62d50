"""Importing a profile from ChatonsInfos files: a safe fetch, a tolerant reading, a review of
each change, a draft revision, and the round trip with the export.

Every file comes from a server the test starts on 127.0.0.1 (tests/directory/chatons_server.py);
the test settings allow that loopback address, and the tests of the refusal turn it back off.
"""

import io
import re
import threading
import time
from pathlib import Path

import pytest
from django.core import signing
from django.test import override_settings
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail_factories import ImageFactory

from directory.chatons import fetch
from directory.chatons.fetch import Fetcher, FetchError, address_is_public
from directory.chatons.import_views import SIGNING_SALT
from directory.chatons.importing import proposed_values, read_source
from directory.models import ProviderLink, ProviderPage
from tests.directory import test_provider_permissions as permission_tests
from tests.directory.chatons_server import LocalServer
from tests.directory.test_provider_space import submit
from tests.factories.directory import ProviderPageFactory, ToolFactory

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).parent / "chatons_samples"
# Two profiles A and B, their providers, an editor and a moderator, built once for the module.
world_rows = permission_tests.world_rows
world = permission_tests.world


@pytest.fixture
def server():
    local = LocalServer().start()
    yield local
    local.stop()


def png(width=40, height=20, colour="green"):
    data = io.BytesIO()
    PillowImage.new("RGB", (width, height), colour).save(data, "PNG")
    return data.getvalue()


def sample(name, server):
    return (SAMPLES / name).read_text(encoding="utf-8").replace("{base}", server.base)


@pytest.fixture
def samples(server):
    """The sample files as members publish them: the organization file with a byte order
    mark and CRLF line ends, one service file in Latin-1, one service file missing."""
    organization = "\ufeff" + sample("organization.properties", server).replace("\n", "\r\n")
    server.routes.update(
        {
            "/chatonsinfos/organization.properties": (organization.encode(), "text/plain"),
            "/chatonsinfos/services/nuage.properties": (
                sample("service-nuage.properties", server).encode(),
                "text/plain; charset=utf-8",
            ),
            "/services/calc.properties": (
                sample("service-calc.properties", server).encode("latin-1"),
                "application/octet-stream",
            ),
            "/services/pad.properties": (sample("service-pad.properties", server).encode(), ""),
            "/logo.png": (png(), "image/png"),
        }
    )
    return server.url("/chatonsinfos/organization.properties")


@pytest.fixture
def tools():
    return {
        "nextcloud": ToolFactory(name="Nextcloud", slug="nextcloud"),
        "ethercalc": ToolFactory(name="Éthercalc", slug="ethercalc"),
        "framadate": ToolFactory(name="Framadate", slug="framadate"),
    }


# Reading the files


def test_the_sample_files_become_profile_values(samples, tools):
    source = read_source(samples)
    proposal = proposed_values(source)
    values = proposal.values

    assert values["title"] == "Chatons des Monts d'Ardèche"
    assert values["introduction"].startswith("Association d'hébergement de services libres")
    assert values["website"] == "https://chatons-ardeche.example.org/"
    assert values["logo"].endswith("/logo.png")  # organization.logo.url, the older key
    assert values["structure_type"] == "association"  # "association" read as ASSOCIATION
    assert values["city"] == "Privas"
    assert values["fediverse_url"] == "https://mastodon.example.org/@chatons07"
    assert values["links"] == [
        ["PeerTube", "https://video.example.org/a/chatons07"],
        ["PeerTube", "https://video2.example.org/a/chatons07"],
        ["Contact", "https://chatons-ardeche.example.org/contact"],
    ]  # "xmpp" is not a web address, the empty "diaspora" says nothing
    # NEXTCLOUD and Ethercalc found whatever their case and accents; Etherpad is not listed.
    assert values["tools"] == [tools["ethercalc"].pk, tools["nextcloud"].pk]
    assert proposal.unmatched_software == ["Etherpad"]
    assert values["accepting_new_associations"] is True  # one service still open
    assert "contact_email" not in values and "chatons_member" not in values
    assert len(source.warnings) == 1 and "ancien" in source.warnings[0]


def test_a_member_whose_services_are_all_full_is_proposed_as_full(server, tools):
    server.routes["/org.properties"] = (
        b"file.class=organization\norganization.name=Complet\nsubs.pad=/pad.properties\n",
        "text/plain",
    )
    server.routes["/pad.properties"] = (sample("service-pad.properties", server).encode(), "")
    values = proposed_values(read_source(server.url("/org.properties"))).values
    assert values["accepting_new_associations"] is False


# The fetch refuses what it must


@pytest.mark.parametrize(
    "url", ["ftp://chatons.example.org/organization.properties", "file:///etc/passwd",
            "javascript:alert(1)", "gopher://127.0.0.1:70/", "//chatons.example.org/x"],
)  # fmt: skip
def test_only_http_and_https_addresses_are_fetched(url):
    with pytest.raises(FetchError, match="seules les adresses http:// et https://"):
        Fetcher().get(url)


@override_settings(CHATONS_IMPORT_ALLOW_PRIVATE_ADDRESSES=False)
@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]", "0.0.0.0"])  # noqa: S104
def test_loopback_is_refused_unless_allowed_and_never_asked(server, samples, host):
    port = server.httpd.server_address[1]
    with pytest.raises(FetchError, match="Adresse refusée\u00a0: .* adresse privée ou locale"):
        Fetcher().get(f"http://{host}:{port}/chatonsinfos/organization.properties")
    assert server.requests == []


@pytest.mark.parametrize(
    "address",
    ["10.1.2.3", "172.16.0.1", "192.168.1.10", "169.254.169.254", "100.64.0.1", "224.0.0.1",
     "240.0.0.1", "0.0.0.0", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1",  # noqa: S104
     "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "2002:7f00:1::1",
     "2001:0:4136:e378:8000:63bf:f5ff:fffe"],
)  # fmt: skip
def test_private_local_and_special_addresses_are_not_public(address):
    assert not address_is_public(address)


@pytest.mark.parametrize("address", ["80.67.169.12", "2001:910:800::12"])
def test_internet_addresses_are_public(address):
    assert address_is_public(address)


def test_the_connection_goes_to_the_address_that_was_checked(server, monkeypatch):
    """The host is resolved once, and the socket opens to that answer (no second lookup that
    a rebinding DNS server could answer differently); Host keeps the name."""
    server.routes["/organization.properties"] = (b"file.class=organization", "text/plain")
    lookups = []

    def resolve(host, port, *args, **kwargs):
        lookups.append(host)
        return [(2, 1, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(fetch.socket, "getaddrinfo", resolve)
    port = server.httpd.server_address[1]
    body, _ = Fetcher().get(f"http://chatons.example.org:{port}/organization.properties")
    assert body == b"file.class=organization"
    assert lookups == ["chatons.example.org"]
    assert server.requests == [("/organization.properties", f"chatons.example.org:{port}")]


def redirect_to(location):
    return lambda handler: handler.answer(302, b"", "text/plain", [("Location", location)])


def test_redirects_are_followed_a_few_times_and_each_is_checked(server, monkeypatch):
    server.routes.update(
        {
            "/a": redirect_to("/b"),
            "/b": redirect_to("/organization.properties"),
            "/organization.properties": (b"file.class=organization", "text/plain"),
            "/loop": redirect_to("/loop"),
            "/to-ftp": redirect_to("ftp://chatons.example.org/organization.properties"),
        }
    )
    assert Fetcher().get(server.url("/a"))[0] == b"file.class=organization"
    with pytest.raises(FetchError, match="Trop de redirections"):
        Fetcher().get(server.url("/loop"))
    assert len([path for path, _ in server.requests if path == "/loop"]) == 4
    with pytest.raises(FetchError, match="seules les adresses http"):
        Fetcher().get(server.url("/to-ftp"))

    # A redirect to an address refused is refused, even when the first one was accepted.
    checks = iter([True])
    monkeypatch.setattr(fetch, "address_is_public", lambda address: next(checks, False))
    with override_settings(CHATONS_IMPORT_ALLOW_PRIVATE_ADDRESSES=False):
        server.requests.clear()
        with pytest.raises(FetchError, match="adresse privée ou locale"):
            Fetcher().get(server.url("/a"))
    assert [path for path, _ in server.requests] == ["/a"]


@override_settings(CHATONS_IMPORT_MAX_BYTES=1024)
def test_an_oversized_file_is_refused_whether_announced_or_not(server):
    def unannounced(handler):
        """No Content-Length: the size is only known by reading, up to 64 Kio."""
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain")
        handler.end_headers()
        handler.close_connection = True
        try:
            for _ in range(64):
                handler.wfile.write(b"# " + b"x" * 1021 + b"\n")
        except OSError:
            pass  # the fetcher stopped reading, as it should

    server.routes["/announced"] = (b"#" * 2048, "text/plain")
    server.routes["/unannounced"] = unannounced
    for path in ("/announced", "/unannounced"):
        with pytest.raises(FetchError, match="Le fichier dépasse 1 Kio"):
            Fetcher().get(server.url(path))


def test_a_slow_server_is_given_up(server):
    """CHATONS_IMPORT_TIMEOUT is 1 s in tests. One server waits before answering; the other
    sends a byte every 0.2 s for 4 s, which no per-read timeout would ever stop: the fetch
    cuts the connection before the last byte."""
    sent, dripped = [], threading.Event()

    def silent(handler):
        time.sleep(2)

    def dripping(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", "20")
        handler.end_headers()
        try:
            for _ in range(20):
                handler.wfile.write(b"x")
                handler.wfile.flush()
                sent.append(1)
                time.sleep(0.2)
        except OSError:
            pass
        finally:
            dripped.set()

    server.routes.update({"/silent": silent, "/dripping": dripping})
    for path in ("/silent", "/dripping"):
        with pytest.raises(FetchError, match="Le serveur n'a pas répondu à temps"):
            Fetcher().get(server.url(path))
    assert dripped.wait(timeout=10)
    assert len(sent) < 20


@override_settings(CHATONS_IMPORT_MAX_SERVICES=2)
def test_too_many_service_files_stop_the_import_before_fetching_them(server):
    subs = "".join(f"subs.s{n} = /s{n}.properties\n" for n in range(3))
    server.routes["/org.properties"] = (
        f"file.class = organization\norganization.name = Trop\n{subs}".encode(),
        "text/plain",
    )
    with pytest.raises(FetchError, match="déclare 3 services\u00a0; l'import en lit 2 au plus"):
        read_source(server.url("/org.properties"))
    assert [path for path, _ in server.requests] == ["/org.properties"]


NOT_ORGANIZATION = "«\u00a0organization\u00a0» (file.class)"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "n'est pas un fichier texte"),
        (b"<!doctype html><html><body>Bienvenue</body></html>", NOT_ORGANIZATION),
        (b"file.class = service\nservice.name = Pad", NOT_ORGANIZATION),
        (
            b"file.class = organization\norganization.website = https://x.example",
            "organization.name",
        ),
    ],
)
def test_invalid_content_is_refused(server, body, message):
    server.routes["/org.properties"] = (body, "text/plain")
    with pytest.raises(FetchError, match=re.escape(message)):
        read_source(server.url("/org.properties"))


def test_a_server_error_is_said(server):
    with pytest.raises(FetchError, match=r"erreur \(code 404\)"):
        Fetcher().get(server.url("/absent.properties"))


# The admin screens


def import_url(page):
    return f"/admin/annuaire/fiches/{page.pk}/importer-chatonsinfos/"


def fetch_review(client, page, url):
    response = client.post(import_url(page), {"url": url})
    assert response.status_code == 200
    return response


def signed_proposal(response):
    return response.context["signed"]


def confirm(client, page, proposal, chosen):
    return client.post(import_url(page), {"proposal": proposal, "apply": chosen})


def revisions(page):
    return page.revisions.count()


def test_a_provider_reviews_each_change_and_nothing_is_saved_yet(client, world, samples, tools):
    page = world["A"]
    client.force_login(world["provider_a"])
    before = revisions(page)

    form = client.get(import_url(page))
    assert form.status_code == 200
    assert "Adresse de votre fichier organization.properties" in form.content.decode()

    response = fetch_review(client, page, samples)
    html = response.content.decode()
    changes = {change.name: change for change in response.context["changes"]}
    assert changes["title"].current == "Structure A"
    assert changes["title"].proposed == "Chatons des Monts d'Ardèche"
    assert changes["tools"].proposed == "ajoute\u00a0: Nextcloud, Éthercalc"
    for name in changes:
        assert f'<input type="checkbox" name="apply" value="{name}"' in html
    assert "→ </span>Chatons des Monts d&#x27;Ardèche</td>" in html
    assert "Etherpad" in html  # said as absent from the catalogue
    assert "ancien" in html  # the service file that could not be read
    assert revisions(page) == before
    assert ProviderPage.objects.get(pk=page.pk).title == "Structure A"


def test_confirming_saves_the_chosen_changes_as_a_draft_only(client, world, samples, tools):
    page = world["A"]
    page.links.add(ProviderLink(label="Forge", url="https://forge.example.org/a"))
    page.tools.set([tools["framadate"]])
    page.save_revision().publish()
    client.force_login(world["provider_a"])
    proposal = signed_proposal(fetch_review(client, page, samples))

    response = confirm(client, page, proposal, ["title", "links", "tools", "logo"])

    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    live = ProviderPage.objects.get(pk=page.pk)
    assert live.title == "Structure A" and live.logo is None
    assert [tool.slug for tool in live.tools.all()] == ["framadate"]
    assert live.has_unpublished_changes and not live.workflow_in_progress
    draft = live.get_latest_revision_as_object()
    assert draft.title == "Chatons des Monts d'Ardèche"
    assert draft.introduction == page.introduction  # not ticked, not changed
    assert draft.website == page.website
    assert sorted(tool.slug for tool in draft.tools.all()) == [
        "ethercalc",
        "framadate",
        "nextcloud",
    ]
    assert [(link.label, link.url) for link in draft.links.all()] == [
        ("Forge", "https://forge.example.org/a"),
        ("PeerTube", "https://video.example.org/a/chatons07"),
        ("PeerTube", "https://video2.example.org/a/chatons07"),
        ("Contact", "https://chatons-ardeche.example.org/contact"),
    ]
    assert draft.logo.description == "Logo de Chatons des Monts d'Ardèche"
    assert draft.logo.uploaded_by_user == world["provider_a"]
    assert live.get_latest_revision().user == world["provider_a"]


def test_nothing_ticked_saves_nothing(client, world, samples, tools):
    page = world["A"]
    client.force_login(world["provider_a"])
    proposal = signed_proposal(fetch_review(client, page, samples))
    before = revisions(page)
    response = confirm(client, page, proposal, [])
    assert response.status_code == 302
    assert revisions(page) == before


def test_a_logo_that_is_not_an_image_saves_nothing(client, world, samples, tools, server):
    server.routes["/logo.png"] = (b'<svg xmlns="http://www.w3.org/2000/svg"/>', "image/svg+xml")
    page = world["A"]
    client.force_login(world["provider_a"])
    proposal = signed_proposal(fetch_review(client, page, samples))
    images, before = get_image_model().objects.count(), revisions(page)
    response = confirm(client, page, proposal, ["title", "logo"])
    assert response.status_code == 302
    assert revisions(page) == before and get_image_model().objects.count() == images
    messages = [str(message) for message in response.wsgi_request._messages]
    assert any("est pas une image PNG, JPEG, GIF ou WebP" in message for message in messages)


def refused(response):
    """Wagtail's refusal in the admin, as for the edit view: back to the dashboard, with its
    "no permission" message."""
    messages = [str(message) for message in response.wsgi_request._messages]
    return response.status_code == 302 and response["Location"] == "/admin/" and messages


def test_a_provider_cannot_import_into_another_profile(client, world, samples, tools, server):
    other = world["B"]
    client.force_login(world["provider_a"])
    assert refused(client.get(import_url(other)))
    assert refused(client.post(import_url(other), {"url": samples}))
    assert server.requests == []  # refused before anything was fetched

    # A review signed for its own profile cannot be confirmed on another one.
    proposal = signed_proposal(fetch_review(client, world["A"], samples))
    before = revisions(other)
    assert refused(confirm(client, other, proposal, ["title"]))
    assert revisions(other) == before
    assert ProviderPage.objects.get(pk=other.pk).title == "Structure B"


def test_a_review_altered_by_hand_is_refused(client, world, samples, tools):
    page = world["A"]
    client.force_login(world["provider_a"])
    forged = signing.dumps({"page": page.pk, "values": {"title": "Autre"}}, salt="autre")
    before = revisions(page)
    response = confirm(client, page, forged, ["title"])
    assert response.status_code == 302 and revisions(page) == before
    assert signing.loads(signed_proposal(fetch_review(client, page, samples)), salt=SIGNING_SALT)


def test_anonymous_visitors_and_editors_are_refused(client, world, samples, server):
    page = world["A"]
    response = client.post(import_url(page), {"url": samples})
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    client.force_login(world["editor"])  # may change profiles, neither keeps nor publishes one
    assert refused(client.post(import_url(page), {"url": samples}))
    assert server.requests == []


def test_a_moderator_imports_into_any_profile_but_confirms_on_the_one_reviewed(
    client, world, samples, tools
):
    client.force_login(world["moderator"])
    review_of_b = fetch_review(client, world["B"], samples)
    assert review_of_b.context["changes"]
    before = revisions(world["A"])
    assert refused(confirm(client, world["A"], signed_proposal(review_of_b), ["title"]))
    assert revisions(world["A"]) == before


def test_a_profile_in_review_waits_for_the_decision(client, world, samples, server):
    page = world["A"]
    client.force_login(world["provider_a"])
    submit(client, page)
    response = client.post(import_url(page), {"url": samples})
    assert response.status_code == 302
    assert server.requests == []


@override_settings(CHATONS_IMPORT_RATE="1/h")
def test_imports_are_limited_per_account(client, world, samples, tools, server):
    client.force_login(world["provider_a"])
    fetch_review(client, world["A"], samples)
    server.requests.clear()
    response = client.post(import_url(world["A"]), {"url": samples})
    assert "Trop d&#x27;imports en peu de temps" in response.content.decode()
    assert server.requests == []


def test_the_import_is_offered_on_the_dashboard_and_the_profile_header(client, world):
    client.force_login(world["provider_a"])
    dashboard = client.get("/admin/").content.decode()
    assert f'href="{import_url(world["A"])}"' in dashboard
    assert import_url(world["B"]) not in dashboard
    client.force_login(world["moderator"])
    header = client.get(f"/admin/pages/{world['B'].pk}/edit/").content.decode()
    assert import_url(world["B"]) in header
    client.force_login(world["editor"])
    assert (
        import_url(world["B"])
        not in client.get(f"/admin/pages/{world['B'].pk}/edit/").content.decode()
    )


# The round trip


PUBLIC_FACTS = (
    "title", "introduction", "structure_type", "city", "website", "fediverse_url",
    "accepting_new_associations",
)  # fmt: skip


def public_facts(page):
    facts = {name: getattr(page, name) for name in PUBLIC_FACTS}
    facts["links"] = [(link.label, link.url) for link in page.links.all()]
    facts["tools"] = sorted(tool.slug for tool in page.tools.all())
    with page.logo.open_file() as logo:
        facts["logo"] = logo.read()
    return facts


def test_an_exported_profile_imports_into_an_empty_one_with_the_same_public_facts(
    client, world, server, tools, settings
):
    """Export a demo-like profile with the export views, serve what they wrote from the local
    server, import it into an empty profile: the public facts are the same."""
    settings.SITE_URL = server.base  # the exported files point to the local server
    logo = ImageFactory(title="Logo Breizh", description="Logo de Breizh Libre", file__data=png())
    exported = ProviderPageFactory(
        parent=world["A"].get_parent(),
        title="Breizh Libre",
        slug="breizh-libre",
        introduction="Breizh Libre accompagne les associations autour de Rennes : hébergement, "
        "migration, formation.",
        structure_type="cooperative",
        city="Rennes",
        website="https://breizh-libre.example.org",
        fediverse_url="https://social.example.org/@breizh-libre",
        accepting_new_associations=False,
        logo=logo,
        tools=[tools["nextcloud"], tools["framadate"]],
    )
    exported.links.add(ProviderLink(label="PeerTube", url="https://video.example.org/c/breizh"))
    exported.links.add(ProviderLink(label="Forge", url="https://forge.example.org/breizh"))
    exported.save_revision().publish()
    for path in (
        "/donnees/chatonsinfos/breizh-libre/organization.properties",
        "/donnees/chatonsinfos/breizh-libre/services/nextcloud.properties",
        "/donnees/chatonsinfos/breizh-libre/services/framadate.properties",
    ):
        response = client.get(path)
        assert response.status_code == 200
        server.routes[path] = (response.content, response["Content-Type"])
    with logo.open_file() as original:
        server.routes[logo.file.url] = (original.read(), "image/png")

    empty = ProviderPageFactory(parent=exported.get_parent(), title="Fiche vide", city="",
                                introduction="", accepting_new_associations=True)  # fmt: skip
    client.force_login(world["moderator"])
    response = fetch_review(
        client, empty, server.url("/donnees/chatonsinfos/breizh-libre/organization.properties")
    )
    chosen = [change.name for change in response.context["changes"]]
    assert confirm(client, empty, signed_proposal(response), chosen).status_code == 302

    imported = ProviderPage.objects.get(pk=empty.pk).get_latest_revision_as_object()
    assert public_facts(imported) == public_facts(ProviderPage.objects.get(pk=exported.pk))
