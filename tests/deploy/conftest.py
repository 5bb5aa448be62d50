"""Fixtures of the deployment tests (`make test-deploy`): one PostgreSQL database with the demo
site and collected static files, then the servers of deploy/ in front of it.

They need PostgreSQL, Redis and Debian's nginx; without them the tests are skipped with the
reason, unless REQUIRE_DEPLOY=1 (CI) makes that a failure.
"""

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import boto3
import psycopg
import pytest
import redis
from moto.server import ThreadedMotoServer

from tests.deploy import servers

ADMIN_URL = os.environ.get(
    "DEPLOY_ADMIN_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("DEPLOY_REDIS_URL", "redis://127.0.0.1:6379/14")
DATABASE = "emancipasso_deploy_test"


def _missing():
    if not shutil.which(servers.NGINX) and not os.path.exists(servers.NGINX):
        return "nginx absent (apt-get install nginx)"
    try:
        psycopg.connect(ADMIN_URL, connect_timeout=3).close()
    except psycopg.Error as error:
        return f"PostgreSQL injoignable ({ADMIN_URL}) : {error}"
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        return f"Redis injoignable ({REDIS_URL}) : {error}"
    return None


@pytest.fixture(scope="session")
def deploy_services():
    reason = _missing()
    if reason:
        if os.environ.get("REQUIRE_DEPLOY") == "1":
            pytest.fail(reason)
        pytest.skip(reason)


@dataclass
class Release:
    root: Path
    database_url: str


@pytest.fixture(scope="session")
def release(deploy_services, tmp_path_factory):
    """A release, prepared as deploy/README.md says, on a fresh PostgreSQL database."""
    root = tmp_path_factory.mktemp("deploy")
    with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")
    database_url = ADMIN_URL.rsplit("/", 1)[0] + f"/{DATABASE}"
    servers.prepare_site(servers.production_env(root, database_url))
    yield Release(root, database_url)
    with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


class Deployment:
    """nginx in front of one or several gunicorn processes; `visitor()` opens a session."""

    def __init__(self, root, env, app_ports, logs):
        self.root, self.env, self.app_ports, self.logs = root, env, app_ports, logs
        self.processes = []
        self.http_port, self.https_port = servers.free_port(), servers.free_port()

    def start(self):
        for port in self.app_ports:
            log = open(self.logs / f"gunicorn-{port}.log", "wb")  # noqa: SIM115
            self.processes.append(servers.start_gunicorn(self.env, port, log))
        site = servers.nginx_site(self.root, self.app_ports, self.http_port, self.https_port)
        nginx = servers.start_nginx(self.root, site)
        self.processes.append(nginx)
        servers.wait_for_port(self.https_port, nginx)
        return self

    def stop(self):
        for process in self.processes:
            servers.stop(process)

    def visitor(self, source="127.0.0.1"):
        return servers.Visitor(f"https://127.0.0.1:{self.https_port}", source)

    def app_server(self, index, source="127.0.0.1"):
        """A session straight on one gunicorn, as nginx would reach it (https said by it)."""
        return servers.AppServerVisitor(f"http://127.0.0.1:{self.app_ports[index]}", source)


@pytest.fixture(scope="module")
def one_machine(release, tmp_path_factory):
    """One gunicorn, uploaded files on its disk, served by nginx."""
    env = servers.production_env(release.root, release.database_url)
    deployment = Deployment(
        release.root, env, [servers.free_port()], tmp_path_factory.mktemp("logs")
    ).start()
    yield deployment
    deployment.stop()


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3-compatible server on loopback, with the bucket for uploaded files."""
    port = servers.free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )
    client.create_bucket(Bucket="emancipasso-media")
    client.put_bucket_policy(Bucket="emancipasso-media", Policy=servers.PUBLIC_IMAGES_POLICY)
    yield endpoint
    server.stop()


@pytest.fixture(scope="module")
def two_app_servers(release, s3_server, tmp_path_factory):
    """Two gunicorn processes sharing PostgreSQL, Redis and S3, behind one nginx."""
    redis.Redis.from_url(REDIS_URL).flushdb()
    env = servers.production_env(
        release.root,
        release.database_url,
        REDIS_URL=REDIS_URL,
        MEDIA_S3_BUCKET="emancipasso-media",
        MEDIA_S3_ENDPOINT_URL=s3_server,
        MEDIA_S3_REGION="us-east-1",
        MEDIA_S3_URL_PROTOCOL="http:",
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
        PUBLIC_FORM_POST_RATE="6/h",
    )
    ports = [servers.free_port(), servers.free_port()]
    deployment = Deployment(release.root, env, ports, tmp_path_factory.mktemp("logs")).start()
    yield deployment
    deployment.stop()
    redis.Redis.from_url(REDIS_URL).flushdb()


def run_sql(database_url, sql, *params):
    with psycopg.connect(database_url, autocommit=True) as connection:
        return connection.execute(sql, params).fetchall()


def pytest_collection_modifyitems(items):
    """nginx's test certificate is self-signed on purpose: no warning for it."""
    ignore = pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")
    for item in items:
        if "tests/deploy/" in str(item.path):
            item.add_marker(ignore)
