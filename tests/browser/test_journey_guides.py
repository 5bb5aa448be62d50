"""An editor writes a guide and submits it, a moderator approves it, the guide is live."""

import pytest

from guides.demo import EDITOR_LOGIN, MODERATOR_LOGIN
from guides.models import GuideIndexPage, GuidePage
from home.groups import MODERATION_WORKFLOW_NAME
from tests.browser.admin import add_stream_block, run_footer_action, sign_in
from tests.browser.inspection import open_context, run_axe

SLUG = "ag-en-visio-libre"
TITLE = "Tenir son assemblée générale en visio libre"
HEADING = "Préparer la réunion"
PARAGRAPH = "Choisissez un outil que les membres ouvrent dans leur navigateur, sans compte."
QUOTE = "Nous avons tenu notre AG sans demander à personne de créer un compte."


@pytest.fixture
def tabs(browser, demo_site):
    """One context per person: the editor, the moderator, an anonymous reader."""
    contexts = [open_context(browser, demo_site.url) for _person in range(3)]
    yield [context.new_page() for context in contexts]
    for context in contexts:
        context.close()
    GuidePage.objects.filter(slug=SLUG).delete()


def choose(tab, field, label):
    """Pick a choice of a many-to-many field, whether the form shows a list or checkboxes."""
    wrapper = tab.locator(f"[data-contentpath={field}]")
    if wrapper.locator("select").count():
        wrapper.locator("select").select_option(label=label)
    else:
        wrapper.get_by_label(label, exact=True).check()


def write_guide(tab, index):
    tab.goto(f"/admin/pages/add/guides/guidepage/{index.pk}/")
    tab.fill("#id_title", TITLE)
    tab.fill("#id_introduction", "Une assemblée générale à distance, avec des outils libres.")
    choose(tab, "topics", "Visioconférence")
    tab.fill("#id_authors", "L'équipe d'essai")
    add_stream_block(tab, "body", "Intertitre")
    tab.fill("[name='body-0-value-text']", HEADING)
    add_stream_block(tab, "body", "Texte")
    tab.locator("#body-root [contenteditable=true]").last.click()
    tab.keyboard.type(PARAGRAPH)
    add_stream_block(tab, "body", "Citation")
    tab.fill("[name='body-2-value-quote']", QUOTE)
    tab.fill("[name='body-2-value-attribution']", "Une trésorière")
    tab.get_by_role("tab", name="Promotion").click()
    tab.fill("#id_slug", SLUG)


def test_editor_writes_moderator_approves_guide_goes_live(tabs, demo_site):
    editor, moderator, reader = tabs
    index = GuideIndexPage.objects.get()

    sign_in(editor, demo_site.url, EDITOR_LOGIN[0])
    write_guide(editor, index)
    run_footer_action(editor, f"Soumettre à {MODERATION_WORKFLOW_NAME}")
    assert "soumise pour modération" in editor.locator(".messages").inner_text()

    guide = GuidePage.objects.get(slug=SLUG)
    assert not guide.live
    assert guide.current_workflow_state.status == "in_progress"
    assert reader.goto(f"{index.url}{SLUG}/").status == 404

    sign_in(moderator, demo_site.url, MODERATOR_LOGIN[0])
    moderator.goto(f"/admin/pages/{guide.pk}/edit/")
    run_footer_action(moderator, "Approuver et Publier")

    guide.refresh_from_db()
    assert guide.live
    assert [block.block_type for block in guide.body] == ["heading", "paragraph", "quote"]
    response = reader.goto(guide.url)
    assert response.status == 200
    assert reader.locator("h1").inner_text() == TITLE
    main = reader.locator("main").inner_text()
    assert HEADING in main
    assert PARAGRAPH in main
    assert QUOTE in main
    assert run_axe(reader) == []
