"""docker-compose.yml and deploy/ agree with the code: settings, port and health route.

Docker cannot run here, so the compose file is checked as YAML against what the assistant
reads; HAProxy's own checker validates deploy/haproxy.cfg when haproxy is installed.
"""

import re
import shutil
import subprocess

import pytest
import yaml

from bot.directory.db import DATABASE_URL_ENV
from bot.paths import PROJECT_ROOT
from bot.runtime.agent import REDIS_URL_ENV, TRACKER_DATABASE_URL_ENV
from bot.runtime.health import HealthChannel

COMPOSE = PROJECT_ROOT / "docker-compose.yml"
HAPROXY = PROJECT_ROOT / "deploy" / "haproxy.cfg"
DOCKERFILE = PROJECT_ROOT / "deploy" / "Dockerfile"


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load(COMPOSE.read_text())


def test_compose_wires_two_assistants_postgres_redis_and_the_proxy(compose):
    assert set(compose["services"]) == {"postgres", "redis", "assistant1", "assistant2", "proxy"}
    for name in ("assistant1", "assistant2"):
        service = compose["services"][name]
        assert {TRACKER_DATABASE_URL_ENV, DATABASE_URL_ENV, REDIS_URL_ENV} <= set(
            service["environment"]
        )
        assert service["environment"][REDIS_URL_ENV].startswith("redis://redis:")
        assert "@postgres:5432/" in service["environment"][TRACKER_DATABASE_URL_ENV]
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert (
        "./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro"
        in (compose["services"]["proxy"]["volumes"])
    )


def test_the_proxy_checks_the_health_route_the_assistant_serves():
    config = HAPROXY.read_text()
    ready = f"/webhooks/{HealthChannel.name()}/ready"
    assert config.count(f"option httpchk GET {ready}") == 2
    assert f"{ready}'" in DOCKERFILE.read_text()


def test_the_proxy_targets_the_port_the_containers_listen_on(compose):
    port = re.search(r'"--port", "(\d+)"', DOCKERFILE.read_text()).group(1)
    servers = re.findall(r"^\s*server (\S+) (\S+):(\d+)", HAPROXY.read_text(), re.MULTILINE)
    assert servers and {(name, host, p) for name, host, p in servers} == {
        ("assistant1", "assistant1", port),
        ("assistant2", "assistant2", port),
    }


@pytest.mark.skipif(shutil.which("haproxy") is None, reason="haproxy is not installed")
def test_haproxy_accepts_the_configuration():
    checked = subprocess.run(
        ["haproxy", "-c", "-f", str(HAPROXY)], capture_output=True, text=True, timeout=30
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
