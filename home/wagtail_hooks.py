"""In the admin, an account lists only the images and documents it could edit.

Wagtail's admin API (/admin/api/main/images/ and /documents/) lists every upload to any account
with admin access, private collections included, and the image chooser lists every image of
the collections one may choose from. Editors and moderators may change every upload, so they
still see them all; an account that may only add (a provider, for its logo) sees its own.
"""

from wagtail import hooks
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from home.uploads import only_editable


class EditableImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return only_editable(super().get_queryset(), self.request.user)


class EditableDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return only_editable(super().get_queryset(), self.request.user)


@hooks.register("construct_admin_api", order=1)
def list_only_editable_uploads(router):
    """Runs after Wagtail's own hooks (order 0) and replaces their two endpoints."""
    router.register_endpoint("images", EditableImagesAdminAPIViewSet)
    router.register_endpoint("documents", EditableDocumentsAdminAPIViewSet)


@hooks.register("construct_image_chooser_queryset")
def choose_only_editable_images(images, request):
    return only_editable(images, request.user)


@hooks.register("construct_document_chooser_queryset")
def choose_only_editable_documents(documents, request):
    return only_editable(documents, request.user)
