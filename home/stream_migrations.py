"""Stream data operations the apps' migrations share (Wagtail's MigrateStreamData runs them)."""

from django.utils.deconstruct import deconstructible
from wagtail.blocks.migrations.operations import BaseBlockOperation


@deconstructible
class WrapImageInImageBlockOperation(BaseBlockOperation):
    """The old image block's value in the shape of `home.blocks.CaptionedImageBlock`.

    Before: `{"image": 12, "alt_text": "…", "caption": "…"}`, the alt text beside the image.
    After: `{"image": {"image": 12, "alt_text": "…", "decorative": false}, "caption": "…"}`,
    the alt text inside Wagtail's ImageBlock. A value already in the new shape is kept, so
    running it twice changes nothing.
    """

    def apply(self, block_value):
        if not isinstance(block_value, dict) or isinstance(block_value.get("image"), dict):
            return block_value
        return {
            "image": {
                "image": block_value.get("image"),
                "alt_text": block_value.get("alt_text", ""),
                "decorative": False,
            },
            "caption": block_value.get("caption", ""),
        }

    @property
    def operation_name_fragment(self):
        return "wrap_image_in_image_block"
