"""One machine: nginx from deploy/nginx in front of gunicorn from deploy/gunicorn.conf.py, with
the production settings, PostgreSQL and uploaded files on the local disk."""

import gzip
import re

from tests.deploy.servers import HOST, log_in
from tests.deploy.uploads import rendition_url, upload_image


def test_pages_come_through_nginx_with_the_security_headers(one_machine):
    response = one_machine.visitor().get("/")
    assert response.status_code == 200
    assert "Emancip" in response.text
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src" in response.headers["Content-Security-Policy"]
    assert "nginx/" not in response.headers.get("Server", "")


def test_plain_http_is_sent_to_https(one_machine):
    session = one_machine.visitor()
    response = session.get(f"http://127.0.0.1:{one_machine.http_port}/guides/?page=2")
    assert response.status_code == 301
    assert response.headers["Location"] == f"https://{HOST}/guides/?page=2"


def test_hashed_static_files_are_compressed_and_cached_for_a_year(one_machine):
    session = one_machine.visitor()
    stylesheet = re.search(r'<link[^>]+href="(/static/[^"]+\.css)"', session.get("/").text)
    assert stylesheet, "la page d'accueil ne lie aucune feuille de style"
    response = session.get(stylesheet.group(1), headers={"Accept-Encoding": "gzip"}, stream=True)
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]
    assert b"{" in gzip.decompress(response.raw.read())


def test_an_uploaded_image_is_served_by_nginx_and_can_never_run_script(one_machine):
    editor = one_machine.visitor()
    assert log_in(editor, "admin", "emancipasso-admin").status_code == 302
    url = rendition_url(editor, upload_image(editor, "affiche-locale"))
    assert url.startswith("/media/images/")

    image = one_machine.visitor().get(url)
    assert image.status_code == 200
    assert image.headers["Content-Type"] == "image/png"
    assert image.content.startswith(b"\x89PNG")
    assert image.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert image.headers["X-Content-Type-Options"] == "nosniff"


def test_a_script_dropped_among_the_images_is_only_a_download(one_machine):
    images = one_machine.root / "media" / "images"
    images.mkdir(parents=True, exist_ok=True)
    (images / "piege.html").write_text("<script>alert(document.cookie)</script>")
    (images / "piege.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')
    session = one_machine.visitor()
    for name in ("piege.html", "piege.svg"):
        response = session.get(f"/media/images/{name}")
        assert response.headers["Content-Type"] == "application/octet-stream"
        assert response.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_documents_and_originals_are_never_served_from_the_media_folder(one_machine):
    for folder in ("documents", "original_images"):
        target = one_machine.root / "media" / folder
        target.mkdir(parents=True, exist_ok=True)
        (target / "prive.pdf").write_bytes(b"%PDF-1.4 prive")
        response = one_machine.visitor().get(f"/media/{folder}/prive.pdf")
        assert response.status_code == 404
        assert b"prive" not in response.content


def test_the_login_lockout_follows_the_visitor_nginx_saw_not_a_forged_header(one_machine):
    """Five wrong passwords from one address lock that visitor, whatever X-Forwarded-For it
    writes; another visitor still logs in: the app reads the address nginx appended."""
    attacker = one_machine.visitor(source="127.0.0.3")
    answers = []
    for attempt in range(5):
        attacker.headers["X-Forwarded-For"] = f"198.51.100.{attempt}"
        answers.append(log_in(attacker, "moderateur", "wrong-password").status_code)
    assert answers == [200, 200, 200, 200, 429]
    attacker.headers["X-Forwarded-For"] = "198.51.100.200"
    assert log_in(attacker, "moderateur", "emancipasso-moderateur").status_code == 429

    colleague = one_machine.visitor(source="127.0.0.4")
    assert log_in(colleague, "moderateur", "emancipasso-moderateur").status_code == 302
