import pytest
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from guides.blocks import AlternativesBlock, ArgumentBlock, GuideStreamBlock
from tests.factories.catalogue import FreeAlternativeFactory, ProprietaryServiceFactory
from tests.factories.guides import GuideStreamBlockFactory

ARGUMENT = {
    "title": "La triple domination",
    "problem": "<p>Quelques entreprises concentrent le pouvoir.</p>",
    "why_it_matters": "<p>L'association renforce ce qu'elle combat.</p>",
    "ethical_answer": "<p>Des logiciels libres chez un hébergeur éthique.</p>",
    "sources": [],
}


def test_an_argument_without_its_parts_is_rejected_in_french():
    block = ArgumentBlock()
    empty = {**ARGUMENT, "problem": "<p> </p>", "why_it_matters": "", "ethical_answer": "<p></p>"}
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(empty))
    assert set(error.value.block_errors) == {"problem", "why_it_matters", "ethical_answer"}
    assert "Décrivez le problème" in str(error.value.block_errors["problem"])


def test_a_complete_argument_is_accepted_and_rendered_with_its_anchor():
    block = ArgumentBlock()
    value = block.clean(block.to_python(ARGUMENT))
    html = block.render(value)
    assert '<h2 id="la-triple-domination">La triple domination</h2>' in html
    assert "La réponse éthique" in html
    assert "Des logiciels libres chez un hébergeur éthique." in html


@pytest.mark.django_db
def test_an_image_without_alt_text_is_rejected_inside_a_guide_body():
    """The guide body keeps the image block's own French message for blank alt text."""
    stream_block = GuideStreamBlock()
    body = GuideStreamBlockFactory(**{"0__image__image__alt_text": " "})
    with pytest.raises(StreamBlockValidationError) as error:
        stream_block.clean(body)
    errors = error.value.block_errors[0].block_errors["image"].block_errors
    assert set(errors) == {"alt_text"}
    assert "Décrivez l'image pour qui ne la voit pas" in str(errors["alt_text"])
    described = GuideStreamBlockFactory(**{"0__image__image__alt_text": "Un atelier"})
    assert stream_block.clean(described)[0].value["image"].contextual_alt_text == "Un atelier"


@pytest.mark.django_db
def test_alternatives_block_says_instead_of_x_use_y():
    drive = ProprietaryServiceFactory(name="Google Drive", vendor="Google")
    nextcloud = FreeAlternativeFactory(name="Nextcloud")
    block = AlternativesBlock()
    value = block.to_python(
        {"title": "Remplacer Drive", "service": drive.pk, "alternatives": [nextcloud.pk]}
    )
    html = block.render(value)
    assert "Au lieu de <strong>Google Drive</strong> (Google), utilisez" in html
    assert "Nextcloud" in html


@pytest.mark.django_db
def test_alternatives_block_requires_at_least_one_alternative():
    drive = ProprietaryServiceFactory()
    block = AlternativesBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"title": "X", "service": drive.pk, "alternatives": []}))
    assert "alternatives" in error.value.block_errors


@pytest.mark.django_db
def test_every_guide_block_is_documented_and_previews():
    service = ProprietaryServiceFactory()
    FreeAlternativeFactory(replaces=[service])
    for name, block in GuideStreamBlock().child_blocks.items():
        assert block.meta.icon, name
        assert block.meta.template.startswith("components/streamfield/"), name
        assert str(block.meta.description), name
        preview = block.get_preview_value()
        if name in {"image", "document"}:
            continue  # chooser blocks need a real file; covered by page rendering tests
        assert preview, name
        assert block.render(preview).strip(), name
