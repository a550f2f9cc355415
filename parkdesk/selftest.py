"""`parkdesk --selftest`: prove that this installation works, end to end, without a display.

In a temporary folder (removed afterwards): a small demo workspace, validation and
finalizing of a draft report, a throwaway signing identity, a signed package built and
verified, the PDF summary rendered with its font embedded, and the main window drawn
offscreen with both translations loaded. Each step is printed with its time; the first
failure stops the run and is named. The user's settings and data are never touched: the
run uses its own settings and data folders.
"""

from __future__ import annotations

import importlib
import os
import secrets
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from sqlalchemy import select

from parkdesk import __version__
from parkdesk.db.models import Park, Report
from parkdesk.db.workspace import Workspace, open_workspace
from parkdesk.errors import EXIT_OK, EXIT_PROBLEMS, ParkdeskError
from parkdesk.resources import is_frozen
from parkdesk.texts import Text, text


PARK = "QLRJY"  # a plan park whose demo draft validates cleanly
YEAR = 2024  # the demo's draft year
ENTERPRISES = 20  # small: the whole self-test takes a few seconds
ACTOR = "selftest"
GUI_CHECK = ("parkdesk.ui.selftest_gui", "check_gui")  # imported by name: the core never imports Qt


class SelftestProblem(ParkdeskError):
    """A step ran but its result is wrong."""


@dataclass
class SelftestRun:
    """What the steps hand each other."""

    folder: Path
    lang: str
    workspace: Path | None = None
    report_id: int | None = None
    signer: object | None = None  # parkdesk.packages.build.Signer
    package: Path | None = None

    @contextmanager
    def session(self, *, transaction: bool = True) -> Iterator:
        """A session in one transaction; `transaction=False` for work that commits itself (a package build)."""
        workspace: Workspace = open_workspace(self.workspace, actor=ACTOR, backups=None)
        try:
            if not transaction:
                with workspace.session() as session:
                    yield session
                return
            with workspace.session() as session, session.begin():
                yield session
        finally:
            workspace.close()


Step = Callable[[SelftestRun], str]  # does its part, returns what it saw (in run.lang); raises when it failed
# Each step imports what it uses: a module missing from a bundle fails its own step, by name.


def make_workspace(run: SelftestRun) -> str:
    from parkdesk.demo.builder import build_demo

    run.workspace = run.folder / "selftest.parkdesk.sqlite"
    stats = build_demo(run.workspace, enterprises=ENTERPRISES, only_parks=(PARK,))
    with run.session() as session:
        run.report_id = session.scalar(select(Report.id).join(Park).where(Park.code == PARK, Report.year == YEAR))
    return text("selftest.did_workspace", run.lang, parks=stats.parks, reports=stats.reports,
                   enterprises=stats.enterprises)


def validate(run: SelftestRun) -> str:
    from parkdesk.validation.engine import validate_report

    with run.session() as session:
        result = validate_report(session, run.report_id)
    if result.errors:
        raise SelftestProblem("selftest.validation_errors", errors=len(result.errors))
    return text("selftest.did_validate", run.lang, findings=len(result.findings), ruleset=result.ruleset_version)


def finalize_report(run: SelftestRun) -> str:
    from parkdesk.reports.lifecycle import finalize

    with run.session() as session:
        report = session.get(Report, run.report_id)
        finalize(session, report, ACTOR)
        return text("selftest.did_finalize", run.lang, park=report.park.code, year=report.year,
                    status=Text(f"status.{report.status}"))


def make_identity(run: SelftestRun) -> str:
    from parkdesk.identity.certificates import OPERATOR
    from parkdesk.identity.store import NewIdentity, certificate_of, chain_of, create_identity, unlock
    from parkdesk.packages.build import Signer

    passphrase = secrets.token_urlsafe(24).encode()
    with run.session() as session:
        park = session.get(Report, run.report_id).details
        spec = NewIdentity(name="selftest", kind=OPERATOR, common_name=park.name,
                           organization=park.operator_org or park.name, unit=park.code)
        identity = create_identity(session, ACTOR, spec, passphrase)
        run.signer = Signer(unlock(identity, passphrase), certificate_of(identity), chain_of(identity))
        return text("selftest.did_identity", run.lang, algorithm=identity.key_algorithm,
                       fingerprint=identity.fingerprint[:23])


def build(run: SelftestRun) -> str:
    from parkdesk.packages.build import build_package

    run.package = run.folder / "selftest.parkpkg"
    with run.session(transaction=False) as session:
        built = build_package(session, run.report_id, run.package, run.signer, actor=ACTOR, lang=run.lang)
    return text("selftest.did_package", run.lang, size=built.size, documents=", ".join(built.documents) or "-")


def verify(run: SelftestRun) -> str:
    from parkdesk.packages.verify import PASSED, verify_package

    result = verify_package(run.package, anchors=[run.signer.certificate])
    failed = [f"{c.name}: {c.text(run.lang)}" for c in result.checks.values() if c.status != PASSED]
    if failed:
        raise SelftestProblem("selftest.not_verified", checks="; ".join(failed))
    return text("selftest.did_verify", run.lang, passed=len(result.checks), total=len(result.checks))


def render_pdf(run: SelftestRun) -> str:
    from parkdesk.pdf.fonts import find_pdf_font
    from parkdesk.pdf.report_pdf import write_report_pdf

    path = run.folder / "selftest.pdf"
    with run.session() as session:
        write_report_pdf(session, run.report_id, path, lang=run.lang)
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:] or b"/FontFile2" not in data:
        raise SelftestProblem("selftest.bad_pdf", path=path)
    font = find_pdf_font().file
    if is_frozen() and font.origin == "system":  # a bare machine would have none
        raise SelftestProblem("selftest.font_not_bundled", path=font)
    return text("selftest.did_pdf", run.lang, size=len(data), origin=font.origin, font=font.path.name)


def show_window(run: SelftestRun) -> str:
    module_name, function = GUI_CHECK
    seen = getattr(importlib.import_module(module_name), function)(run.workspace, run.folder / "selftest.png")
    return text("selftest.did_gui", run.lang, platform=seen.platform, width=seen.width, height=seen.height,
                   translations=", ".join(seen.translations))


STEPS: tuple[tuple[str, Step], ...] = (
    ("workspace", make_workspace),
    ("validate", validate),
    ("finalize", finalize_report),
    ("identity", make_identity),
    ("package", build),
    ("verify", verify),
    ("pdf", render_pdf),
    ("gui", show_window),
)


@contextmanager
def _isolated_environment(folder: Path) -> Iterator[None]:
    """Own settings and data folders; Qt offscreen. Restored afterwards."""
    wanted = {"PARKDESK_CONFIG_DIR": str(folder / "config"), "PARKDESK_DATA_DIR": str(folder / "data"),
              "QT_QPA_PLATFORM": "offscreen"}
    saved = {name: os.environ.get(name) for name in wanted}
    os.environ.update(wanted)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _error_text(error: BaseException, lang: str) -> str:
    if isinstance(error, ParkdeskError):
        return error.message(lang)
    return f"{type(error).__name__}: {error}"


def run_selftest(lang: str = "zh", *, folder: Path | None = None,
                 steps: tuple[tuple[str, Step], ...] | None = None, out: TextIO | None = None) -> int:
    """Run `steps` (default: STEPS) in `folder` (default: a temporary folder, removed afterwards).

    Returns 0 when every step worked, else 1 after naming the step that failed.
    """
    out = out or sys.stdout
    steps = steps or STEPS
    if folder is None:
        with tempfile.TemporaryDirectory(prefix="parkdesk-selftest-") as temp:
            return run_selftest(lang, folder=Path(temp), steps=steps, out=out)
    folder.mkdir(parents=True, exist_ok=True)
    frozen = text("selftest.frozen" if is_frozen() else "selftest.source", lang)
    print(text("selftest.start", lang, version=__version__, frozen=frozen, folder=folder), file=out, flush=True)
    run = SelftestRun(folder=folder, lang=lang)
    started = time.perf_counter()
    with _isolated_environment(folder):
        for number, (name, step) in enumerate(steps, start=1):
            step_started = time.perf_counter()
            try:
                detail = step(run)
            except Exception as error:  # any failure of a step is the self-test's answer, not a crash
                seconds = time.perf_counter() - step_started
                print(text("selftest.step_failed", lang, number=number, total=len(steps), step=name,
                              seconds=seconds, error=_error_text(error, lang)), file=out, flush=True)
                if not isinstance(error, ParkdeskError):
                    traceback.print_exception(error, file=sys.stderr)
                print(text("selftest.failed", lang, step=name), file=out, flush=True)
                return EXIT_PROBLEMS
            print(text("selftest.step_ok", lang, number=number, total=len(steps), step=name,
                          seconds=time.perf_counter() - step_started, detail=detail), file=out, flush=True)
    print(text("selftest.passed", lang, total=len(steps), seconds=time.perf_counter() - started), file=out,
          flush=True)
    return EXIT_OK
