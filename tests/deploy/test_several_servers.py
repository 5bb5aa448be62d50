"""Several app servers: two gunicorn processes on loopback share PostgreSQL, Redis and an
S3-compatible store (moto), with nginx in front of both. Nothing lives in one process."""

import re

import requests

from tests.deploy.conftest import run_sql
from tests.deploy.servers import csrf_token, log_in
from tests.deploy.uploads import rendition_url, upload_image

REFERER = {"Referer": "https://hub.example.org/admin/"}


def logged_in_pair(deployment, username, password):
    """One session logged in through the first server, and its cookies on the second."""
    first = deployment.app_server(0)
    assert log_in(first, username, password).status_code == 302
    second = deployment.app_server(1)
    second.cookies.update(first.cookies)
    return first, second


def a_live_guide(database_url):
    page_id, url_path = run_sql(
        database_url,
        "SELECT p.id, p.url_path FROM wagtailcore_page p JOIN django_content_type c"
        " ON c.id = p.content_type_id WHERE c.app_label = 'guides' AND c.model = 'guidepage'"
        " AND p.live ORDER BY p.id LIMIT 1",
    )[0]
    return page_id, "/" + url_path.strip("/").partition("/")[2] + "/"


def test_a_session_opened_on_one_server_is_valid_on_the_other(two_app_servers):
    _, second = logged_in_pair(two_app_servers, "editrice", "emancipasso-editrice")
    dashboard = second.get("/admin/")
    assert dashboard.status_code == 200
    assert "/admin/logout/" in dashboard.text
    assert 'name="password"' not in dashboard.text


def test_a_page_unpublished_or_published_through_one_server_is_served_fresh_by_the_other(
    two_app_servers, release
):
    page_id, path = a_live_guide(release.database_url)
    reader = two_app_servers.app_server(1)
    assert reader.get(path).status_code == 200
    moderator, _ = logged_in_pair(two_app_servers, "admin", "emancipasso-admin")

    form = moderator.get(f"/admin/pages/{page_id}/unpublish/")
    answer = moderator.post(
        f"/admin/pages/{page_id}/unpublish/",
        data={"csrfmiddlewaretoken": csrf_token(form)},
        headers=REFERER,
    )
    assert answer.status_code == 302
    assert reader.get(path).status_code == 404

    publish = f"/admin/bulk/wagtailcore/page/publish/?id={page_id}"
    form = moderator.get(publish)
    answer = moderator.post(
        publish, data={"csrfmiddlewaretoken": csrf_token(form)}, headers=REFERER
    )
    assert answer.status_code == 302
    assert reader.get(path).status_code == 200


def test_the_public_forms_rate_limit_is_shared_by_both_servers(two_app_servers):
    """PUBLIC_FORM_POST_RATE is 6 an hour here: six posts spread over both servers use it up."""
    first, second = two_app_servers.app_server(0), two_app_servers.app_server(1)
    profile = re.search(r'href="(/annuaire/[\w-]+/)"', first.get("/annuaire/").text).group(1)
    form = first.get(f"{profile}contacter/")
    token = csrf_token(form)
    second.cookies.update(first.cookies)
    answers = []
    for attempt in range(7):
        server = (first, second)[attempt % 2]
        response = server.post(
            f"{profile}contacter/",
            data={"csrfmiddlewaretoken": token, "message": ""},
            headers={"Referer": f"https://hub.example.org{profile}contacter/"},
        )
        answers.append(response.status_code)
    assert answers == [200] * 6 + [429]


def test_an_image_uploaded_through_one_server_is_served_by_the_other(
    two_app_servers, s3_server, release
):
    first, second = logged_in_pair(two_app_servers, "admin", "emancipasso-admin")
    image_id = upload_image(first, "affiche-partagee")
    url = rendition_url(second, image_id)
    assert url.startswith(f"{s3_server}/emancipasso-media/images/")
    assert not list((release.root / "media").rglob("affiche-partagee*"))

    image = requests.get(url, timeout=10)
    assert image.status_code == 200
    assert image.content.startswith(b"\x89PNG")
