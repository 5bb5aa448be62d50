"""The "Remplacer …" page names the use in guillemets that never end a line on their own."""

from tests.factories.catalogue import CategoryFactory, ProprietaryServiceFactory

NBSP = "\u00a0"


def test_the_use_of_a_service_is_quoted_with_non_breaking_spaces(client, catalogue_index):
    mail = CategoryFactory(name="Courrier électronique")
    ProprietaryServiceFactory(name="Gmail", slug="gmail", vendor="Google", category=mail)
    html = client.get("/alternatives/remplacer/gmail/").content.decode()
    assert f"Un service de Google, pour l'usage «{NBSP}Courrier électronique{NBSP}»." in html
