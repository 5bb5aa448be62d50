"""The database goes away under a running gunicorn (production settings): pages answer within
a few seconds with the friendly 503 page, a form sent meanwhile leaves nothing half-written,
and the site comes back by itself when the database does, without a restart."""

import re
import time

import pytest

from tests.deploy import servers
from tests.deploy.conftest import run_sql
from tests.deploy.faulty_proxy import FaultyProxy

CONNECT_TIMEOUT = 2


@pytest.fixture(scope="module")
def proxy():
    relay = FaultyProxy(5432)
    yield relay
    relay.close()


@pytest.fixture(scope="module")
def app(release, proxy, tmp_path_factory):
    """One gunicorn whose database connection goes through the breakable relay."""
    database_url = re.sub(r"@[^/]+/", f"@127.0.0.1:{proxy.port}/", release.database_url)
    env = servers.production_env(
        release.root,
        database_url,
        DATABASE_CONNECT_TIMEOUT=CONNECT_TIMEOUT,
        DATABASE_CONN_MAX_AGE=60,
    )
    port = servers.free_port()
    log = open(tmp_path_factory.mktemp("logs") / "gunicorn.log", "wb")  # noqa: SIM115
    process = servers.start_gunicorn(env, port, log)
    yield servers.AppServerVisitor(f"http://127.0.0.1:{port}")
    servers.stop(process)


def timed_get(session, path):
    started = time.monotonic()
    response = session.get(path, timeout=30)
    return response, time.monotonic() - started


@pytest.mark.parametrize("fault", [FaultyProxy.REFUSE, FaultyProxy.SILENT])
def test_pages_answer_503_quickly_and_come_back_by_themselves(app, proxy, fault):
    assert app.get("/").status_code == 200

    proxy.set_mode(fault)
    for path in ("/", "/guides/", "/recherche/?q=gmail"):
        response, seconds = timed_get(app, path)
        assert response.status_code == 503, path
        assert "momentanément indisponible" in response.text
        assert seconds < CONNECT_TIMEOUT + 3, f"{path} a mis {seconds:.1f} s"

    proxy.set_mode(FaultyProxy.FORWARD)
    response, _ = timed_get(app, "/")
    assert response.status_code == 200
    assert "Emancip" in response.text


def test_a_form_sent_while_the_database_is_down_leaves_nothing_half_written(app, proxy, release):
    profile = re.search(r'href="(/annuaire/[\w-]+/)"', app.get("/annuaire/").text).group(1)
    form = app.get(f"{profile}contacter/")
    region = re.search(r'<option value="(\d+)"', form.text).group(1)
    proxy.set_mode(FaultyProxy.REFUSE)
    response = app.post(
        f"{profile}contacter/",
        data={
            "csrfmiddlewaretoken": servers.csrf_token(form),
            "association_name": "Les Amis de la Panne",
            "person_name": "Sacha",
            "email": "sacha@example.org",
            "region": region,
            "message": "Envoyé pendant la panne.",
            "consent": "on",
        },
        headers={"Referer": f"https://{servers.HOST}{profile}contacter/"},
    )
    proxy.set_mode(FaultyProxy.FORWARD)
    assert response.status_code == 503
    assert run_sql(
        release.database_url,
        "SELECT count(*) FROM directory_contactrequest WHERE association_name = %s",
        "Les Amis de la Panne",
    ) == [(0,)]
    assert run_sql(
        release.database_url,
        "SELECT count(*) FROM outbox_outgoingemail WHERE body_text LIKE %s",
        "%pendant la panne%",
    ) == [(0,)]
