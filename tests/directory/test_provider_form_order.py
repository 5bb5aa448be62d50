"""A provider's profile form offers its long lists in French alphabetical order."""

import re

from tests.directory import test_provider_permissions as permission_tests
from tests.directory.test_provider_permissions import edit_url
from tests.factories.catalogue import FreeAlternativeFactory

# Two profiles A and B, their providers, an editor and a moderator, built once for the module.
world_rows = permission_tests.world_rows
world = permission_tests.world


def checkbox_labels(html, name):
    return re.findall(rf'<input type="checkbox" name="{name}"[^>]*>\s*([^<]+?)\s*</label>', html)


def test_tools_and_regions_come_in_french_order(client, world):
    for name in ("zulip", "Écrire", "agora", "Etherpad"):
        FreeAlternativeFactory(name=name)
    client.force_login(world["provider_a"])
    html = client.get(edit_url(world["A"])).content.decode()
    assert checkbox_labels(html, "tools") == ["agora", "Écrire", "Etherpad", "zulip"]
    regions = checkbox_labels(html, "regions")
    assert regions.index("Hauts-de-France") < regions.index("Île-de-France")
    assert regions.index("Île-de-France") < regions.index("Normandie")
