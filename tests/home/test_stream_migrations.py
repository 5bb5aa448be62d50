"""The image block's stream data migration: old values take the new shape, new ones stay."""

from home.blocks import CaptionedImageBlock
from home.stream_migrations import WrapImageInImageBlockOperation

OLD = {"image": 12, "alt_text": "Un atelier", "caption": "Légende"}
NEW = {
    "image": {"image": 12, "alt_text": "Un atelier", "decorative": False},
    "caption": "Légende",
}


def test_an_old_image_value_is_wrapped_in_wagtails_image_block_shape():
    operation = WrapImageInImageBlockOperation()
    assert operation.apply(OLD) == NEW
    assert set(NEW["image"]) == set(CaptionedImageBlock().child_blocks["image"].child_blocks)


def test_running_the_migration_twice_changes_nothing():
    operation = WrapImageInImageBlockOperation()
    assert operation.apply(operation.apply(OLD)) == NEW
