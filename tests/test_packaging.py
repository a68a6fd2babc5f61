"""Real packages: one version number for the Python package, the manifest and the file names;
`make package`'s zip and xpi; and a real `pip install .` whose `postcoach extension` says where
the extension's files are. Offline: pip installs from this checkout with the project venv's
setuptools and dependencies."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

import postcoach
from postcoach.cli import extension as extension_command

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "backend" / "tools"))
import package_extension  # noqa: E402

MANIFEST = json.loads((ROOT / "extension" / "manifest.json").read_text(encoding="utf-8"))


def test_one_version_number_everywhere():
    assert MANIFEST["version"] == postcoach.__version__
    for browser, name in extension_command.PACKAGE_NAMES.items():
        assert name == package_extension.package_name(browser, postcoach.__version__)
        assert postcoach.__version__ in name


def test_the_checkout_tells_where_the_extension_is():
    result = subprocess.run([sys.executable, "-m", "postcoach", "extension"],
                            capture_output=True, text=True, check=True)
    assert str(ROOT / "extension") in result.stdout
    assert "Load unpacked" in result.stdout


@pytest.mark.slow
def test_make_package_builds_linted_packages_with_their_sums(tmp_path):
    subprocess.run(["make", "--no-print-directory", "-s",
                    "tests/e2e/fixtures/node_modules/.package-lock.json"], cwd=ROOT, check=True)
    built = package_extension.build(tmp_path)
    names = sorted(path.name for path in built)
    assert names == sorted(extension_command.PACKAGE_NAMES.values())
    for path in built:
        with zipfile.ZipFile(path) as archive:
            files = set(archive.namelist())
            manifest = json.loads(archive.read("manifest.json"))
        assert "background/service-worker.js" in files and "options/options.html" in files
        assert not any(name.startswith(("test/", "screenshots/")) for name in files)
        assert manifest["version"] == postcoach.__version__
        if path.suffix == ".zip":  # Chrome's manifest has no Firefox-only keys
            assert "scripts" not in manifest["background"]
            assert "browser_specific_settings" not in manifest
        else:
            assert "service_worker" not in manifest["background"]
            assert manifest["browser_specific_settings"]["gecko"]["id"]
    sums = (tmp_path / "SHA256SUMS").read_text().splitlines()
    assert sums == [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}" for p in built]


def _copy_sources(into: Path) -> Path:
    """The files a source distribution holds, so the build leaves the checkout untouched."""
    source = into / "src"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    shutil.copytree(ROOT / "backend", source / "backend", ignore=ignore)
    shutil.copytree(ROOT / "extension", source / "extension", ignore=ignore)
    return source


@pytest.mark.slow
def test_pip_install_gives_a_working_postcoach_that_carries_the_extension(tmp_path):
    venv = tmp_path / "venv"
    # A bare venv: pip runs from the project venv against it (pip --python), and its build uses
    # the project venv's setuptools.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=300)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    # Dependencies and setuptools come from the project venv, read-only: nothing is downloaded.
    purelib = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True).stdout.strip())
    project_site = [*site.getsitepackages(), sysconfig.get_paths()["purelib"]]
    (purelib / "project-venv.pth").write_text("\n".join(dict.fromkeys(project_site)) + "\n")
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-index",
         "--no-build-isolation", "--no-deps",
         "--disable-pip-version-check", "--quiet", str(_copy_sources(tmp_path))],
        capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stdout + install.stderr
    postcoach_command = venv / ("Scripts/postcoach.exe" if sys.platform == "win32"
                                else "bin/postcoach")

    def run(*args: str) -> str:
        return subprocess.run([str(postcoach_command), *args], cwd=tmp_path, capture_output=True,
                              text=True, check=True, timeout=120).stdout

    folder = Path(run("extension", "--path").strip())
    assert folder.is_relative_to(purelib), folder  # the installed copy, not this checkout
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == MANIFEST
    assert (folder / "options" / "options.html").is_file()
    assert not (folder / "test").exists() and not (folder / "screenshots").exists()
    assert f"Unpacked extension (version {postcoach.__version__}): {folder}" in run("extension")
    assert run("--version").strip() == f"postcoach {postcoach.__version__}"
    result = json.loads(run("check", "Achetez vite !!!", "--json"))
    assert result["scores"]["salesiness"] > 0
    # The report inlines the extension's report script and Chart.js: from the installed copy.
    report = tmp_path / "report.html"
    subprocess.run([str(postcoach_command), "report", "--html", str(report)], cwd=tmp_path,
                   env={**os.environ, "POSTCOACH_HOME": str(tmp_path / "home")},
                   capture_output=True, text=True, check=True, timeout=120)
    page = report.read_text(encoding="utf-8")
    assert "Chart" in page and "renderReport" in page
