"""`postcoach service`: what a machine without a session bus can check — the files written in a
temporary home, systemd's own verdict on the unit, install twice = once, uninstall leaves
nothing — and each platform's files and service-manager calls with a recording stand-in."""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from postcoach.cli import service


def _service(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "HOME": str(home),
        # No session bus here, whatever the machine: systemctl --user must not reach a real one.
        "DBUS_SESSION_BUS_ADDRESS": f"unix:path={home}/no-bus",
        "XDG_RUNTIME_DIR": str(home / "run"),
    }
    env.pop("XDG_CONFIG_HOME", None)
    return subprocess.run([sys.executable, "-m", "postcoach", "service", *args], env=env,
                          capture_output=True, text=True, timeout=120)


def _files(home: Path) -> dict[str, bytes]:
    return {str(path.relative_to(home)): path.read_bytes()
            for path in sorted(home.rglob("*")) if path.is_file() and "run" not in path.parts}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the systemd unit is Linux's")
def test_install_twice_is_once_and_uninstall_removes_everything(tmp_path, isolated_home):
    home = tmp_path / "home"
    (home / "run").mkdir(parents=True)
    first = _service(home, "install", "--port", "18731")
    unit = home / ".config" / "systemd" / "user" / "postcoach.service"
    assert unit.is_file(), first.stdout + first.stderr
    # Without a session bus the unit is written and the user told what to run.
    assert first.returncode == 1
    assert "systemctl --user enable --now postcoach.service" in first.stdout
    assert str(isolated_home / "postcoach.log") in first.stdout
    text = unit.read_text()
    assert f'ExecStart="{sys.executable}" "-m" "postcoach" "serve" "--port" "18731"' in text
    assert f'Environment="POSTCOACH_HOME={isolated_home.resolve()}"' in text
    assert "WantedBy=default.target" in text
    files = _files(home)

    second = _service(home, "install", "--port", "18731")
    assert "Already installed" in second.stdout
    assert _files(home) == files

    status = _service(home, "status")
    assert status.returncode == 3
    assert f"installed ({unit})" in status.stdout
    assert "not running" in status.stdout and "127.0.0.1:18731" in status.stdout
    assert str(isolated_home / "postcoach.log") in status.stdout

    removed = _service(home, "uninstall")
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert _files(home) == {}
    assert "Not installed" in _service(home, "uninstall").stdout
    assert "not installed" in _service(home, "status").stdout


@pytest.mark.skipif(shutil.which("systemd-analyze") is None and not os.environ.get("CI"),
                    reason="systemd-analyze is not installed")
def test_systemd_accepts_the_unit(tmp_path):
    platform = service.Systemd(tmp_path, service.Commands())
    unit = tmp_path / "postcoach.service"
    unit.write_bytes(platform.content(8731))
    verdict = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True,
                             text=True, timeout=120)
    assert verdict.returncode == 0, verdict.stderr
    assert "postcoach.service" not in verdict.stderr, verdict.stderr
    # The check has teeth: a unit that runs a program that is not there is refused.
    broken = tmp_path / "broken.service"
    broken.write_text(unit.read_text().replace(f'"{sys.executable}"', '"/nonexistent/python"'))
    assert subprocess.run(["systemd-analyze", "verify", str(broken)], capture_output=True,
                          timeout=120).returncode != 0


class Recorder(service.Commands):
    def __init__(self, answers: dict[str, tuple[int, str]] | None = None) -> None:
        self.calls: list[list[str]] = []
        self.spawned: list[list[str]] = []
        self.answers = answers or {}

    def run(self, argv: list[str]) -> tuple[int, str]:
        self.calls.append(argv)
        return self.answers.get(" ".join(argv[1:3]), (0, ""))

    def spawn(self, argv: list[str]) -> None:
        self.spawned.append(argv)


def test_systemd_enables_starts_and_restarts_on_change(tmp_path):
    commands = Recorder()
    platform = service.Systemd(tmp_path, commands)
    assert service.install(platform, 8731).ok
    assert commands.calls == [["systemctl", "--user", "daemon-reload"],
                              ["systemctl", "--user", "enable", "--now", "postcoach.service"]]
    commands.calls.clear()
    assert service.install(platform, 8732).ok  # another port: the unit changes, it restarts
    assert ["systemctl", "--user", "restart", "postcoach.service"] in commands.calls
    assert platform.installed_port() == 8732
    wants = platform.folder / "default.target.wants" / "postcoach.service"
    wants.parent.mkdir()
    wants.symlink_to(platform.path)  # what a real `systemctl enable` leaves
    assert service.uninstall(platform).ok
    assert ["systemctl", "--user", "disable", "--now", "postcoach.service"] in commands.calls
    assert not platform.path.exists() and not wants.is_symlink()


def test_systemd_status_reports_the_managers_word(tmp_path):
    platform = service.Systemd(tmp_path, Recorder({"--user is-active": (3, "inactive")}))
    service.install(platform, 1)
    outcome = service.status(platform)
    assert not outcome.ok
    assert "the service manager says: inactive" in "\n".join(outcome.lines)


def test_systemd_quotes_what_it_must(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "executable", "/opt/My Apps/100%/py$thon")
    line = next(line for line in service.Systemd(tmp_path, Recorder()).content(8731).decode()
                .splitlines() if line.startswith("ExecStart="))
    assert line.startswith('ExecStart="/opt/My Apps/100%%/py$$thon" "-m"')


def test_launch_agent(tmp_path):
    commands = Recorder()
    platform = service.Launchd(tmp_path, commands)
    outcome = service.install(platform, 8731)
    assert outcome.ok
    assert platform.path == tmp_path / "Library" / "LaunchAgents" / "local.postcoach.server.plist"
    agent = plistlib.loads(platform.path.read_bytes())
    assert agent["Label"] == "local.postcoach.server"
    assert agent["ProgramArguments"] == [sys.executable, "-m", "postcoach", "serve", "--port",
                                         "8731"]
    assert agent["RunAtLoad"] is True
    assert agent["EnvironmentVariables"]["POSTCOACH_HOME"]
    assert commands.calls[-1][:2] == ["launchctl", "bootstrap"]
    assert platform.installed_port() == 8731
    service.install(platform, 8731)
    assert "Already installed" in "\n".join(service.install(platform, 8731).lines)
    assert service.uninstall(platform).ok
    assert commands.calls[-1][:2] == ["launchctl", "bootout"]
    assert not any(tmp_path.rglob("*.plist"))


def test_windows_startup_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    commands = Recorder()
    platform = service.WindowsStartup(tmp_path, commands)
    assert service.install(platform, 18999).ok
    assert platform.path.parent.name == "Startup"
    text = platform.path.read_bytes().decode()
    assert '"-m" "postcoach" "serve" "--port" "18999"' in text and "\r\n" in text
    assert 'set "POSTCOACH_HOME=' in text
    assert commands.spawned and commands.spawned[0][-2:] == ["--port", "18999"]
    assert service.uninstall(platform).ok
    assert not platform.path.exists()


def test_an_unknown_system_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="run `postcoach serve` instead"):
        service.platform_for("aix", tmp_path, Recorder())
