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
from parkdesk.messages import message, register
from parkdesk.resources import is_frozen

register({
    "selftest.start": ("parkdesk {version} 自检({frozen}),临时文件夹:{folder}",
                       "parkdesk {version} self-test ({frozen}), temporary folder: {folder}"),
    "selftest.frozen": ("安装包", "installed bundle"),
    "selftest.source": ("Python 环境", "Python environment"),
    "selftest.step_ok": ("[{number}/{total}] {step}:通过({seconds:.2f} 秒)— {detail}",
                         "[{number}/{total}] {step}: ok ({seconds:.2f} s) — {detail}"),
    "selftest.step_failed": ("[{number}/{total}] {step}:失败({seconds:.2f} 秒)— {error}",
                             "[{number}/{total}] {step}: FAILED ({seconds:.2f} s) — {error}"),
    "selftest.passed": ("自检通过:{total} 个步骤全部成功,共 {seconds:.2f} 秒",
                        "Self-test passed: all {total} steps worked, {seconds:.2f} s in all"),
    "selftest.failed": ("自检失败:步骤“{step}”出错,其后的步骤未运行",
                        "Self-test FAILED at step '{step}'; the steps after it did not run"),
    "selftest.validation_errors": ("演示年报有 {errors} 个校验错误,应为 0 个",
                                   "The demo report has {errors} validation errors instead of none"),
    "selftest.not_verified": ("数据包未通过验证:{checks}", "The package did not verify: {checks}"),
    "selftest.bad_pdf": ("PDF 文件不完整或未嵌入 TrueType 字体:{path}",
                         "The PDF is incomplete or has no embedded TrueType font: {path}"),
    "selftest.did_workspace": ("{parks} 个园区,{reports} 份年报,{enterprises} 家企业",
                               "{parks} park, {reports} reports, {enterprises} enterprises"),
    "selftest.did_validate": ("{findings} 个问题,0 个错误,规则集 {ruleset}",
                              "{findings} findings, 0 errors, rule set {ruleset}"),
    "selftest.did_finalize": ("{park} {year} 年报状态:{status}", "{park} {year} report: {status}"),
    "selftest.did_identity": ("{algorithm} 密钥,证书 {fingerprint}…", "{algorithm} key, certificate {fingerprint}…"),
    "selftest.did_package": ("{size:,} 字节,内含:{documents}", "{size:,} bytes, documents: {documents}"),
    "selftest.did_verify": ("{passed}/{total} 项检查通过", "{passed}/{total} checks passed"),
    "selftest.did_pdf": ("{size:,} 字节,字体({origin}):{font}", "{size:,} bytes, font ({origin}): {font}"),
    "selftest.did_gui": ("{platform} 平台,窗口 {width}×{height},已加载翻译 {translations}",
                         "{platform} platform, {width}×{height} window, translations {translations} loaded"),
    "selftest.font_not_bundled": ("安装包中没有可用的 PDF 字体,使用了系统字体:{path}",
                                  "The bundle has no usable PDF font of its own; a system font was used: {path}"),
})

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
    return message("selftest.did_workspace", run.lang, parks=stats.parks, reports=stats.reports,
                   enterprises=stats.enterprises)


def validate(run: SelftestRun) -> str:
    from parkdesk.validation.engine import validate_report

    with run.session() as session:
        result = validate_report(session, run.report_id)
    if result.errors:
        raise SelftestProblem("selftest.validation_errors", errors=len(result.errors))
    return message("selftest.did_validate", run.lang, findings=len(result.findings), ruleset=result.ruleset_version)


def finalize_report(run: SelftestRun) -> str:
    from parkdesk.reports.lifecycle import finalize

    with run.session() as session:
        report = session.get(Report, run.report_id)
        finalize(session, report, ACTOR)
        return message("selftest.did_finalize", run.lang, park=report.park.code, year=report.year,
                       status=report.status)


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
        return message("selftest.did_identity", run.lang, algorithm=identity.key_algorithm,
                       fingerprint=identity.fingerprint[:23])


def build(run: SelftestRun) -> str:
    from parkdesk.packages.build import build_package

    run.package = run.folder / "selftest.parkpkg"
    with run.session(transaction=False) as session:
        built = build_package(session, run.report_id, run.package, run.signer, actor=ACTOR, lang=run.lang)
    return message("selftest.did_package", run.lang, size=built.size, documents=", ".join(built.documents) or "-")


def verify(run: SelftestRun) -> str:
    from parkdesk.packages.verify import PASSED, verify_package

    result = verify_package(run.package, anchors=[run.signer.certificate])
    failed = [f"{c.name}: {c.text(run.lang)}" for c in result.checks.values() if c.status != PASSED]
    if failed:
        raise SelftestProblem("selftest.not_verified", checks="; ".join(failed))
    return message("selftest.did_verify", run.lang, passed=len(result.checks), total=len(result.checks))


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
    return message("selftest.did_pdf", run.lang, size=len(data), origin=font.origin, font=font.path.name)


def show_window(run: SelftestRun) -> str:
    module_name, function = GUI_CHECK
    seen = getattr(importlib.import_module(module_name), function)(run.workspace, run.folder / "selftest.png")
    return message("selftest.did_gui", run.lang, platform=seen.platform, width=seen.width, height=seen.height,
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
    frozen = message("selftest.frozen" if is_frozen() else "selftest.source", lang)
    print(message("selftest.start", lang, version=__version__, frozen=frozen, folder=folder), file=out, flush=True)
    run = SelftestRun(folder=folder, lang=lang)
    started = time.perf_counter()
    with _isolated_environment(folder):
        for number, (name, step) in enumerate(steps, start=1):
            step_started = time.perf_counter()
            try:
                detail = step(run)
            except Exception as error:  # any failure of a step is the self-test's answer, not a crash
                seconds = time.perf_counter() - step_started
                print(message("selftest.step_failed", lang, number=number, total=len(steps), step=name,
                              seconds=seconds, error=_error_text(error, lang)), file=out, flush=True)
                if not isinstance(error, ParkdeskError):
                    traceback.print_exception(error, file=sys.stderr)
                print(message("selftest.failed", lang, step=name), file=out, flush=True)
                return EXIT_PROBLEMS
            print(message("selftest.step_ok", lang, number=number, total=len(steps), step=name,
                          seconds=time.perf_counter() - step_started, detail=detail), file=out, flush=True)
    print(message("selftest.passed", lang, total=len(steps), seconds=time.perf_counter() - started), file=out,
          flush=True)
    return EXIT_OK
