"""Upload an image through the admin, as an editor's browser does, and find its rendition."""

import base64
import re

# A 1×1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)


def admin_csrf_token(session):
    """The CSRF cookie of a logged-in admin session (the admin's JavaScript sends it)."""
    return session.cookies.get("csrftoken")


def upload_image(session, title):
    """POST to Wagtail's multiple-upload endpoint, then give the image's id."""
    session.get("/admin/images/multiple/add/")
    response = session.post(
        "/admin/images/multiple/add/",
        files={"files[]": (f"{title}.png", PNG, "image/png")},
        data={"title": title},
        headers={
            "X-CSRFToken": admin_csrf_token(session),
            "X-Requested-With": "XMLHttpRequest",
            "Referer": "https://hub.example.org/admin/images/multiple/add/",
        },
    )
    assert response.status_code == 200, response.text[:500]
    payload = response.json()
    assert payload["success"], payload
    return payload["image_id"]


def rendition_url(session, image_id):
    """The preview rendition the admin's edit page shows for the image (made on the server
    that answers, from the original wherever it is stored)."""
    page = session.get(f"/admin/images/{image_id}/")
    assert page.status_code == 200, page.status_code
    match = re.search(r'<img[^>]+src="([^"]*/images/[^"]+)"', page.text)
    assert match, "pas d'aperçu de l'image dans la page de l'administration"
    return match.group(1).replace("&amp;", "&")
