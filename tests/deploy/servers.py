"""Real servers on loopback for the deployment tests: gunicorn with the production settings,
the nginx configuration of deploy/, and an S3-compatible server (moto).

Everything listens on 127.0.0.1 only and is stopped by the fixtures that start it.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests
from requests.adapters import HTTPAdapter

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
HOST = "hub.example.org"
# The bucket policy deploy/README.md gives: anyone may read the renditions, nothing else.
PUBLIC_IMAGES_POLICY = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": "arn:aws:s3:::emancipasso-media/images/*",
            }
        ],
    }
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"le processus s'est arrêté (code {process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"rien n'écoute sur le port {port} après {timeout} s")


def production_env(tmp, database_url, **extra):
    """The environment a systemd unit would give the app (deploy/systemd/*.env.example)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "emancipasso.settings.production",
        "SECRET_KEY": "deploy-test-secret-key-that-is-long-enough-for-django-checks-1234",
        "SITE_URL": f"https://{HOST}",
        "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "TRUSTED_PROXIES": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(tmp / "staticfiles"),
        "MEDIA_ROOT": str(tmp / "media"),
        "EMAIL_URL": "dummy://",
        "LOG_LEVEL": "ERROR",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("REDIS_URL", None)
    env.update({key: str(value) for key, value in extra.items()})
    return env


def manage(env, *args, timeout=600):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=timeout,
        stdout=subprocess.DEVNULL,
    )


def prepare_site(env):
    """What a deployment does once per release: tables, demo site, static files."""
    manage(env, "createcachetable")
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo_content")
    manage(env, "collectstatic", "--noinput")
    manage(env, "compress", "--force")


def start_gunicorn(env, port, log, app="emancipasso.wsgi"):
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "-c",
            str(DEPLOY / "gunicorn.conf.py"),
            app,
        ],
        cwd=ROOT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    wait_for_port(port, process)
    return process


def make_certificate(tmp):
    key, cert = tmp / "tls.key", tmp / "tls.crt"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            f"/CN={HOST}",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return key, cert


def nginx_site(tmp, app_ports, http_port, https_port):
    """deploy/nginx/emancipasso.conf with this machine's paths, ports and certificate: the
    same file, only the parts a deployment fills in are replaced."""
    key, cert = make_certificate(tmp)
    text = (DEPLOY / "nginx" / "emancipasso.conf").read_text()
    servers = "".join(
        f"    server 127.0.0.1:{port} max_fails=3 fail_timeout=10s;\n" for port in app_ports
    )
    replacements = [
        ("    server 127.0.0.1:8000 max_fails=3 fail_timeout=10s;\n", servers),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl;"),
        ("/etc/letsencrypt/live/hub.example.org/fullchain.pem", str(cert)),
        ("/etc/letsencrypt/live/hub.example.org/privkey.pem", str(key)),
        ("/srv/emancipasso/app/staticfiles/", f"{tmp}/staticfiles/"),
        ("/srv/emancipasso/media/", f"{tmp}/media/"),
    ]
    for old, new in replacements:
        assert old in text, f"{old!r} n'est plus dans deploy/nginx/emancipasso.conf"
        text = text.replace(old, new)
    return re.sub(r"\n\s*listen \[::\]:\d+[^\n]*;", "", text)


def start_nginx(tmp, site):
    """Debian's nginx with a minimal main file around the site, as /etc/nginx/nginx.conf
    does (mime types, temp folders), in the foreground."""
    prefix = tmp / "nginx"
    for folder in ("logs", "body", "proxy"):
        (prefix / folder).mkdir(parents=True, exist_ok=True)
    (prefix / "site.conf").write_text(site)
    main = f"""
user root;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/proxy;
    uwsgi_temp_path {prefix}/proxy;
    scgi_temp_path {prefix}/proxy;
    include {prefix}/site.conf;
}}
"""
    (prefix / "nginx.conf").write_text(main)
    subprocess.run(
        [NGINX, "-t", "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return subprocess.Popen(
        [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def stop(process):
    if process and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class SourceAddressAdapter(HTTPAdapter):
    """Connect from a chosen loopback address, as a distinct visitor would."""

    def __init__(self, source, **kwargs):
        self.source = source
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.source, 0)
        super().init_poolmanager(*args, **kwargs)


class Visitor(requests.Session):
    """A browser-like session on nginx's https port: paths are relative to it, the Host is the
    site's, the test certificate is not checked, and redirects are never followed (they point
    to the real domain)."""

    def __init__(self, base_url, source="127.0.0.1"):
        super().__init__()
        self.base_url = base_url
        self.verify = False
        self.trust_env = False  # no proxy or CA bundle from the environment: loopback only
        self.headers["Host"] = HOST
        self.mount(base_url, SourceAddressAdapter(source))

    def get_redirect_target(self, response):
        return None

    def request(self, method, url, *args, **kwargs):
        if url.startswith("/"):
            url = self.base_url + url
        return super().request(method, url, *args, **kwargs)


class AppServerVisitor(Visitor):
    """A session straight on one gunicorn, with what nginx adds: X-Forwarded-Proto, and the
    "Secure" cookies a browser sends to nginx over https."""

    def __init__(self, base_url, source="127.0.0.1"):
        super().__init__(base_url, source)
        self.headers["X-Forwarded-Proto"] = "https"

    def request(self, method, url, *args, **kwargs):
        cookies = "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.cookies)
        kwargs["headers"] = {**(kwargs.get("headers") or {}), "Cookie": cookies}
        return super().request(method, url, *args, **kwargs)


def csrf_token(response):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
    assert match, "pas de jeton CSRF dans la page"
    return match.group(1)


def log_in(session, username, password):
    """Log in to the admin through the site's own form; returns the response."""
    page = session.get("/admin/login/")
    return session.post(
        "/admin/login/",
        data={
            "csrfmiddlewaretoken": csrf_token(page),
            "username": username,
            "password": password,
            "next": "/admin/",
        },
        headers={"Referer": f"https://{HOST}/admin/login/"},
    )
