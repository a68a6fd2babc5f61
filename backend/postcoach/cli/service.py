"""`postcoach service install | uninstall | status`: the server starts with the user's session.

Linux: a systemd user unit (~/.config/systemd/user/postcoach.service), enabled and started with
`systemctl --user enable --now`. macOS: a LaunchAgent (~/Library/LaunchAgents/…plist), loaded
with `launchctl bootstrap`. Windows: a command file in the Startup folder, started at once.

Every file is made from the running interpreter (`python -m postcoach serve`), so the service
runs the very installation that installed it — a venv, pipx, a checkout. Installing twice is
installing once; uninstalling removes every file install wrote (the data directory, with the
token, the profiles and the log, stays). The home folder is Path.home() (HOME), so tests and
checks install into a temporary one.
"""

from __future__ import annotations

import argparse
import os
import plistlib
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from postcoach.cli.server import port_number, server_version
from postcoach.contract import DEFAULT_PORT
from postcoach.errors import CommandError
from postcoach.paths import data_dir
from postcoach.server.logs import log_path

UNIT_NAME = "postcoach.service"
LAUNCHD_LABEL = "local.postcoach.server"
WINDOWS_ENTRY = "Post Coach.cmd"
COMMAND_TIMEOUT_S = 30


def _serve_arguments(port: int, executable: str | None = None) -> list[str]:
    return [executable or sys.executable, "-m", "postcoach", "serve", "--port", str(port)]


def _environment() -> dict[str, str]:
    """What the service must inherit to find the same data: POSTCOACH_HOME if set."""
    home = os.environ.get("POSTCOACH_HOME")
    return {"POSTCOACH_HOME": str(Path(home).resolve())} if home else {}


class Commands:
    """Runs the service manager's commands; a missing program is a failed command, not a crash.
    Tests give a recording stand-in."""

    def run(self, argv: list[str]) -> tuple[int, str]:
        if shutil.which(argv[0]) is None:
            return 127, f"{argv[0]} is not installed"
        try:
            done = subprocess.run(argv, capture_output=True, text=True, timeout=COMMAND_TIMEOUT_S,
                                  check=False)
        except subprocess.TimeoutExpired:
            return 124, f"{' '.join(argv)} did not answer within {COMMAND_TIMEOUT_S} s"
        return done.returncode, (done.stderr or done.stdout).strip()

    def spawn(self, argv: list[str]) -> None:
        flags = getattr(subprocess, "DETACHED_PROCESS", 0) | getattr(
            subprocess, "CREATE_NEW_PROCESS_GROUP", 0)
        subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, creationflags=flags, start_new_session=True)


@dataclass
class Outcome:
    """What a command did, in lines for the user, and whether it all worked."""

    lines: list[str] = field(default_factory=list)
    ok: bool = True

    def say(self, line: str) -> None:
        self.lines.append(line)

    def fail(self, line: str) -> None:
        self.lines.append(line)
        self.ok = False


class Platform:
    """One system's way of starting a program with the session."""

    name: str

    def __init__(self, home: Path, commands: Commands) -> None:
        self.home = home
        self.commands = commands

    @property
    def path(self) -> Path:
        raise NotImplementedError

    def content(self, port: int) -> bytes:
        raise NotImplementedError

    def installed_port(self) -> int | None:
        try:
            text = self.path.read_bytes().decode("utf-8", "replace")
        except OSError:
            return None
        found = re.search(r"--port\D{1,40}?(\d{1,5})", text)
        return int(found.group(1)) if found else None

    def activate(self, changed: bool, outcome: Outcome) -> None:
        raise NotImplementedError

    def deactivate(self, outcome: Outcome) -> None:
        raise NotImplementedError

    def manager_state(self) -> str | None:
        """What the service manager says of the service, or None if it cannot be asked."""
        return None

    def leftovers(self) -> list[Path]:
        """Files the service manager made for it that uninstall removes too."""
        return []


def _systemd_quote(argument: str) -> str:
    escaped = argument.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("%", "%%").replace("$", "$$") + '"'


class Systemd(Platform):
    name = "systemd user unit"

    @property
    def folder(self) -> Path:
        config = os.environ.get("XDG_CONFIG_HOME")
        return (Path(config) if config else self.home / ".config") / "systemd" / "user"

    @property
    def path(self) -> Path:
        return self.folder / UNIT_NAME

    def content(self, port: int) -> bytes:
        lines = [
            "# Written by `postcoach service install`; `postcoach service uninstall` removes it.",
            "[Unit]",
            f"Description=Post Coach local server on 127.0.0.1:{port} (drafts never leave this "
            "machine)",
            "",
            "[Service]",
            "Type=simple",
            "ExecStart=" + " ".join(_systemd_quote(a) for a in _serve_arguments(port)),
            *(f"Environment={_systemd_quote(f'{k}={v}')}" for k, v in _environment().items()),
            # The server logs to its own rotating file; the terminal banner has no reader here.
            "StandardOutput=null",
            "StandardError=journal",
            "Restart=on-failure",
            "RestartSec=5",
            "",
            "[Install]",
            "WantedBy=default.target",
            "",
        ]
        return "\n".join(lines).encode()

    def _systemctl(self, *args: str) -> tuple[int, str]:
        return self.commands.run(["systemctl", "--user", *args])

    def activate(self, changed: bool, outcome: Outcome) -> None:
        status, message = self._systemctl("daemon-reload")
        if status == 0:
            status, message = self._systemctl("enable", "--now", UNIT_NAME)
        if status == 0 and changed:
            status, message = self._systemctl("restart", UNIT_NAME)
        if status != 0:
            outcome.fail(f"systemd could not start it ({message or f'exit status {status}'}); "
                         f"in a desktop session run: systemctl --user enable --now {UNIT_NAME}")
        else:
            outcome.say("Enabled and started: it starts with every session from now on.")

    def deactivate(self, outcome: Outcome) -> None:
        status, message = self._systemctl("disable", "--now", UNIT_NAME)
        if status != 0 and self.manager_state() is not None:
            outcome.fail(f"systemd could not stop it ({message}); "
                         f"run: systemctl --user disable --now {UNIT_NAME}")

    def after_removal(self) -> None:
        self._systemctl("daemon-reload")

    def manager_state(self) -> str | None:
        status, message = self._systemctl("is-active", UNIT_NAME)
        # is-active answers a state word, with status 0 (active) or 3 (anything else).
        return message if status in (0, 3) and re.fullmatch(r"[a-z-]+", message) else None

    def leftovers(self) -> list[Path]:
        return [self.folder / "default.target.wants" / UNIT_NAME]


class Launchd(Platform):
    name = "LaunchAgent"

    @property
    def path(self) -> Path:
        return self.home / "Library" / "LaunchAgents" / f"{LAUNCHD_LABEL}.plist"

    def content(self, port: int) -> bytes:
        agent = {
            "Label": LAUNCHD_LABEL,
            "ProgramArguments": _serve_arguments(port),
            "RunAtLoad": True,
            "KeepAlive": {"SuccessfulExit": False},
            "ProcessType": "Background",
            "StandardOutPath": "/dev/null",
            "StandardErrorPath": str(data_dir() / "service-errors.log"),
        }
        if environment := _environment():
            agent["EnvironmentVariables"] = environment
        return plistlib.dumps(agent)

    @property
    def _domain(self) -> str:
        return f"gui/{os.getuid()}" if hasattr(os, "getuid") else "gui/0"

    def activate(self, changed: bool, outcome: Outcome) -> None:
        self.commands.run(["launchctl", "bootout", f"{self._domain}/{LAUNCHD_LABEL}"])
        status, message = self.commands.run(["launchctl", "bootstrap", self._domain,
                                             str(self.path)])
        if status != 0:
            outcome.fail(f"launchd could not load it ({message}); log out and in to start it")
        else:
            outcome.say("Loaded: it starts with every session from now on.")

    def deactivate(self, outcome: Outcome) -> None:
        self.commands.run(["launchctl", "bootout", f"{self._domain}/{LAUNCHD_LABEL}"])

    def manager_state(self) -> str | None:
        status, message = self.commands.run(["launchctl", "print",
                                             f"{self._domain}/{LAUNCHD_LABEL}"])
        if status != 0:
            return "not loaded" if status != 127 else None
        found = re.search(r"^\s*state = (\S+)", message, re.MULTILINE)
        return found.group(1) if found else "loaded"


class WindowsStartup(Platform):
    name = "Startup entry"

    @property
    def path(self) -> Path:
        appdata = os.environ.get("APPDATA")
        roaming = Path(appdata) if appdata else self.home / "AppData" / "Roaming"
        return (roaming / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"
                / WINDOWS_ENTRY)

    @staticmethod
    def _windowless_python() -> str:
        pythonw = Path(sys.executable).with_name("pythonw.exe")
        return str(pythonw) if pythonw.exists() else sys.executable

    def content(self, port: int) -> bytes:
        command = " ".join(f'"{a}"' for a in _serve_arguments(port, self._windowless_python()))
        lines = ["@echo off", "rem Written by `postcoach service install`; "
                 "`postcoach service uninstall` removes it."]
        lines += [f'set "{k}={v}"' for k, v in _environment().items()]
        lines += [f'start "Post Coach" /b {command}', ""]
        return "\r\n".join(lines).encode("utf-8")

    def activate(self, changed: bool, outcome: Outcome) -> None:
        port = self.installed_port() or DEFAULT_PORT
        if server_version(port) is None:
            self.commands.spawn(_serve_arguments(port, self._windowless_python()))
            outcome.say("Started: it starts with every session from now on.")
        else:
            outcome.say("A server already answers; from the next session on, it starts by "
                        "itself.")

    def deactivate(self, outcome: Outcome) -> None:
        outcome.say("A server still running stops when the session ends.")


def platform_for(system: str, home: Path, commands: Commands) -> Platform:
    if system.startswith("linux"):
        return Systemd(home, commands)
    if system == "darwin":
        return Launchd(home, commands)
    if system in ("win32", "cygwin"):
        return WindowsStartup(home, commands)
    raise ValueError(f"no service support for {system}; run `postcoach serve` instead")


def install(platform: Platform, port: int) -> Outcome:
    outcome = Outcome()
    content = platform.content(port)
    try:
        current = platform.path.read_bytes()
    except OSError:
        current = None
    changed = current is not None and current != content
    if current == content:
        outcome.say(f"Already installed: {platform.path}")
    else:
        platform.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = platform.path.with_name(f".{platform.path.name}.new")
        temporary.write_bytes(content)
        temporary.replace(platform.path)
        outcome.say(f"{'Updated' if changed else 'Installed'} the {platform.name}: "
                    f"{platform.path}")
    platform.activate(changed, outcome)
    outcome.say(f"Log: {log_path()}")
    outcome.say("Pair the extension: `postcoach pair` prints a code for its settings page.")
    return outcome


def uninstall(platform: Platform) -> Outcome:
    outcome = Outcome()
    if not platform.path.exists():
        outcome.say(f"Not installed (no {platform.path}).")
    else:
        platform.deactivate(outcome)
    removed = [path for path in (platform.path, *platform.leftovers())
               if path.is_file() or path.is_symlink()]
    for path in removed:
        path.unlink()
    if isinstance(platform, Systemd) and removed:
        platform.after_removal()
    if removed:
        outcome.say("Removed " + ", ".join(str(path) for path in removed) + ".")
    return outcome


def status(platform: Platform) -> Outcome:
    """Whether the service is installed and the server answers, and where the log is."""
    outcome = Outcome()
    port = platform.installed_port()
    if port is None:
        outcome.say(f"Service: not installed (`postcoach service install` installs the "
                    f"{platform.name}).")
        port = DEFAULT_PORT
    else:
        state = platform.manager_state()
        said = f"; the service manager says: {state}" if state else ""
        outcome.say(f"Service: installed ({platform.path}){said}.")
    version = server_version(port)
    if version is None:
        outcome.fail(f"Server: not running (nothing answers on http://127.0.0.1:{port}).")
    else:
        outcome.say(f"Server: running, Post Coach {version} on http://127.0.0.1:{port}.")
    outcome.say(f"Log: {log_path()}")
    return outcome


def _current_platform() -> Platform:
    try:
        return platform_for(sys.platform, Path.home(), Commands())
    except ValueError as error:
        raise CommandError(str(error)) from None


def cmd_service(args: argparse.Namespace) -> int:
    platform = _current_platform()
    if args.action == "install":
        outcome = install(platform, args.port)
    elif args.action == "uninstall":
        outcome = uninstall(platform)
    else:
        outcome = status(platform)
    print("\n".join(outcome.lines))
    if args.action == "status":
        return 0 if outcome.ok else 3  # as systemctl status: 3 is "not running"
    return 0 if outcome.ok else 1


def register(subparsers: argparse._SubParsersAction) -> None:
    service = subparsers.add_parser(
        "service", help="start the server with your session (install | uninstall | status)"
    )
    service.add_argument("action", choices=("install", "uninstall", "status"))
    service.add_argument("--port", type=port_number, default=DEFAULT_PORT,
                         help="the port the service listens on (install; default: %(default)s)")
    service.set_defaults(handler=cmd_service)
