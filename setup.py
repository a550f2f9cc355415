"""The wheel's build hook; everything else about the build is in pyproject.toml.

parkdesk keeps its run-time data in the top-level `resources/` (translation sources, icons).
A wheel has no such folder, so building one also writes, into the package, what the app
reads at run time: `parkdesk/_data/translations/*.qm` compiled from the .ts sources (with
PySide6's lrelease, a build requirement) and `parkdesk/_data/icons/`. parkdesk.resources
finds them there. An editable install reads `resources/` itself and gets nothing here.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildPyWithRuntimeData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        sys.path[:0] = [str(ROOT), str(ROOT / "installers")]
        import bundle_contents
        from parkdesk.resources import WHEEL_DATA_DIR
        from parkdesk.ui.build_translations import build as build_translations

        target = Path(self.build_lib) / "parkdesk" / WHEEL_DATA_DIR
        shutil.rmtree(target, ignore_errors=True)
        build_translations(ROOT / "resources" / "translations", target / "translations")
        for source, folder in bundle_contents.wheel_data(ROOT):
            (target / folder).mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / folder)


setup(cmdclass={"build_py": BuildPyWithRuntimeData})
