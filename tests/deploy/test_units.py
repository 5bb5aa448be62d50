"""The systemd units of deploy/: valid for systemd, and one timer for each scheduled command
of the README, each running a command that exists."""

import re
import shutil
import subprocess

import pytest
from django.core.management import get_commands

from tests.deploy.servers import DEPLOY, ROOT

SYSTEMD = DEPLOY / "systemd"


def timer_commands():
    commands = {}
    for timer in SYSTEMD.glob("*.timer"):
        unit = re.search(r"^Unit=emancipasso-manage@(\w+)\.service$", timer.read_text(), re.M)
        assert unit, f"{timer.name} ne lance pas emancipasso-manage@<commande>.service"
        commands[unit.group(1)] = timer.name
    return commands


def test_every_timer_runs_an_existing_command():
    known = get_commands()
    assert set(timer_commands()) <= set(known)


def test_every_scheduled_command_of_the_readme_has_its_timer_and_no_more():
    readme = (ROOT / "README.md").read_text()
    table = readme[readme.index("Tâches planifiées") :].split("\n\n")[1]
    listed = set(re.findall(r"^\| `(\w+)` \|", table, re.M))
    assert listed == set(timer_commands())


def test_systemd_accepts_the_units(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze absent")
    venv_bin = ROOT / ".venv" / "bin"
    for unit in [*SYSTEMD.glob("*.service"), *SYSTEMD.glob("*.timer")]:
        text = (
            unit.read_text()
            .replace("/srv/emancipasso/venv/bin/", f"{venv_bin}/")
            .replace("/srv/emancipasso/app", str(ROOT))
            .replace("/etc/emancipasso/env", str(SYSTEMD / "emancipasso.env.example"))
            .replace("User=emancipasso", "User=root")
            .replace("Group=emancipasso", "Group=root")
        )
        (tmp_path / unit.name).write_text(text)
    units = sorted(str(path) for path in tmp_path.iterdir())
    result = subprocess.run(
        [analyze, "verify", "--man=no", *units], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == ""
