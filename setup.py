"""Everything is in pyproject.toml but one step: an installed Post Coach (`pip install .`,
pipx) carries the browser extension's files, so that `postcoach extension` can say where they
are. They live at the repository's top, in extension/; the build copies them into the package
as postcoach/extension/ (its tests and screenshots left out). An editable install finds them in
the checkout instead."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

EXTENSION = Path(__file__).resolve().parent / "extension"
LEFT_OUT = ("test", "screenshots")


class BuildWithExtension(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode or not EXTENSION.is_dir():
            return
        target = Path(self.build_lib) / "postcoach" / "extension"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(EXTENSION, target, ignore=shutil.ignore_patterns(*LEFT_OUT, ".*"))


setup(cmdclass={"build_py": BuildWithExtension})
