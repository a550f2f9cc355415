"""District roll-up → city import → the city's dashboard counts the parks; roll-ups from districts the city does
not trust are refused; the year-over-year comparison; the city demo shows the 12 parks."""

from __future__ import annotations

import json

import pytest

from parkdesk.city.dashboard import goals_dashboard
from parkdesk.db.workspace import open_workspace
from parkdesk.errors import InputProblem
from parkdesk.identity.trust_store import trust_certificate
from parkdesk.review.decisions import set_state
from parkdesk.review.inbox import ACCEPTED, DUPLICATE, REJECTED
from parkdesk.review.inbox_rows import list_inbox
from parkdesk.review.rollup_build import build_rollup
from parkdesk.review.rollup_import import import_rollups
from parkdesk.review.rollup_table import district_rollup
from parkdesk.review.setup import create_city_workspace
from parkdesk.history.year_over_year import compare_years
from package_kit import read_bag, resign, write_bag
from review_kit import YEAR, make_world, misplace_park, receive, send

PARKS = ("QLRJY", "GJWHCK")


@pytest.fixture(scope="module")
def district(tmp_path_factory, demo_master):
    """高新区 with both its parks' 2022 and 2023 packages approved, and its 2023 roll-up."""
    world = make_world(tmp_path_factory.mktemp("rollup"), demo_master, parks=PARKS)
    files = [send(world, f"{park}-{year}.parkpkg", park=park, year=year)[0]
             for year in (YEAR - 1, YEAR) for park in PARKS]
    results = receive(world, *files)
    signer = world.district_signer()
    with open_workspace(world.reviewer) as ws, ws.session() as session:
        for result in results:
            set_state(session, result.entry_id, "approved", actor="审核员")
        session.commit()
        world.rollup = build_rollup(session, YEAR, world.folder / "Z01-2023.parkrollup", signer)
    return world


def city(tmp_path, *certificates):
    path = create_city_workspace(tmp_path / "city.sqlite")
    with open_workspace(path) as ws, ws.session() as session, session.begin():
        for cert in certificates:
            trust_certificate(session, ws.actor, cert)
    return path


def test_the_city_imports_a_trusted_roll_up_and_its_dashboard_counts_the_parks(district, tmp_path):
    assert district.rollup.parks == tuple(sorted(PARKS))
    path = city(tmp_path, district.district_certificate())
    with open_workspace(path) as ws, ws.session() as session:
        [result] = import_rollups(session, [district.rollup.path], actor="市局")
        assert result.outcome == ACCEPTED and result.district_code == "Z01"
        assert [p.outcome for p in result.packages] == [ACCEPTED, ACCEPTED]
        dashboard = goals_dashboard(session, YEAR)
        assert sorted(p.code for p in dashboard.parks) == sorted(PARKS)
        assert {p.status for p in dashboard.parks} == {"accepted"}
        assert {row.state for row in list_inbox(session)} == {"approved"}
        [again] = import_rollups(session, [district.rollup.path], actor="市局")
        assert again.outcome == DUPLICATE and {p.outcome for p in again.packages} == {DUPLICATE}


def test_a_roll_up_from_an_untrusted_district_is_refused_and_nothing_is_imported(district, tmp_path, demo_master):
    stranger = make_world(tmp_path / "elsewhere", demo_master, district="370102", parks=())
    path = city(tmp_path, stranger.district_certificate())
    with open_workspace(path) as ws, ws.session() as session:
        [result] = import_rollups(session, [district.rollup.path], actor="市局")
        assert result.outcome == REJECTED and "不受信任" in result.reason("zh")
        assert goals_dashboard(session, YEAR).parks == ()


def test_a_roll_up_cannot_send_the_report_of_another_districts_park(tmp_path, demo_master):
    """历下区's workspace wrongly places 齐鲁软件园 in 历下区, so it took, approved and rolled up the park's report;
    the city knows the park is 高新区's and refuses it."""
    lixia = make_world(tmp_path / "lixia", demo_master, district="370102", parks=("QLRJY",))
    misplace_park(lixia, "QLRJY", "370102")
    [result] = receive(lixia, send(lixia, "QLRJY.parkpkg", park="QLRJY")[0])
    assert result.outcome == ACCEPTED
    with open_workspace(lixia.reviewer) as ws, ws.session() as session:
        set_state(session, result.entry_id, "approved", actor="审核员")
        session.commit()
        rollup = build_rollup(session, YEAR, tmp_path / "370102-2023.parkrollup", lixia.district_signer())
    path = city(tmp_path, lixia.district_certificate())
    with open_workspace(path) as ws, ws.session() as session:
        [imported] = import_rollups(session, [rollup.path], actor="市局")
        assert imported.outcome == ACCEPTED  # the roll-up itself is the trusted district's
        [package] = imported.packages
        assert package.outcome == REJECTED and package.reason_key == "inbox.park_other_district"
        assert "高新区" in package.reason("zh") and "历下区" in package.reason("zh"), package.reason("zh")
        assert "QLRJY" in package.reason("en")
        assert goals_dashboard(session, YEAR).parks == ()
        [row] = list_inbox(session)
        assert row.verified is False and row.failure_class == "untrusted"


def test_a_roll_up_whose_list_disagrees_with_its_packages_is_refused(district, tmp_path):
    top, files = read_bag(district.rollup.path)
    extra = next(name for name in files if name.startswith("data/packages/"))
    files[extra.replace(".parkpkg", "-copy.parkpkg")] = files[extra]
    tampered = write_bag(tmp_path / "more.parkrollup", top, resign(files, district.district_signer()))
    path = city(tmp_path, district.district_certificate())
    with open_workspace(path) as ws, ws.session() as session:
        [result] = import_rollups(session, [tampered], actor="市局")
    assert result.outcome == REJECTED and result.reason_key == "review.rollup_package_mismatch"


def test_nothing_approved_nothing_to_roll_up(district, tmp_path):
    signer = district.district_signer()
    with open_workspace(district.reviewer) as ws, ws.session() as session:
        with pytest.raises(InputProblem) as nothing:
            build_rollup(session, 2024, tmp_path / "none.parkrollup", signer)
    assert nothing.value.message_key == "review.nothing_approved"


def test_district_roll_up_table_and_year_over_year(district):
    with open_workspace(district.reviewer) as ws, ws.session() as session:
        table = district_rollup(session, YEAR)
        assert [row.park.code for row in table.rows] == sorted(PARKS)
        assert table.total("enterprise_count") == sum(row.actual("enterprise_count") for row in table.rows)
        report_id = table.rows[0].park.report_id
        comparison = compare_years(session, report_id)
        assert comparison.previous_year == YEAR - 1
        added = len(comparison.enterprises.added)
        assert added > 0 and not comparison.enterprises.removed  # the demo's list grows each year
        enterprise_count = next(i for i in comparison.indicators if i.key == "enterprise_count")
        assert enterprise_count.current > enterprise_count.previous and enterprise_count.progress_current > \
            enterprise_count.progress_previous
        assert json.dumps(comparison.to_json(), ensure_ascii=False)
        first_year = compare_years(session, next(r.report_id for r in list_inbox(session) if r.year == YEAR - 1))
        assert not first_year.has_previous and first_year.indicators == ()


def test_the_city_demo_shows_the_12_parks(tmp_path):
    from parkdesk.demo.review_demo import build_city_demo

    stats = build_city_demo(tmp_path / "city.sqlite")
    assert (stats.rollups, stats.packages, stats.rejected) == (7, 12, 0)
    with open_workspace(tmp_path / "city.sqlite") as ws, ws.session() as session:
        assert len(goals_dashboard(session, 2023).parks) == 12


@pytest.mark.needs_tool("pdftotext", "poppler-utils")
def test_roll_up_exports_as_workbook_and_pdf(district, tmp_path):
    import subprocess

    import openpyxl

    from parkdesk.cli.main import main as cli

    book_path, pdf_path = tmp_path / "rollup.xlsx", tmp_path / "rollup.pdf"
    assert cli(["rollup", "export", str(district.reviewer), "--year", str(YEAR), "--out", str(book_path)]) == 0
    assert cli(["rollup", "export", str(district.reviewer), "--year", str(YEAR), "--out", str(pdf_path)]) == 0
    book = openpyxl.load_workbook(book_path)
    assert len(book.sheetnames) == 3
    sheet = book.worksheets[0]
    codes = [sheet.cell(row=r, column=1).value for r in range(2, 2 + len(PARKS))]
    assert codes == sorted(PARKS)
    with open_workspace(district.reviewer) as ws, ws.session() as session:
        expected = district_rollup(session, YEAR).total("enterprise_count")
    header = [cell.value for cell in sheet[1]]
    column = next(i for i, h in enumerate(header, start=1) if h and h.startswith("园区企业数量"))
    assert sheet.cell(row=2 + len(PARKS), column=column).value == float(expected)
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout
    assert all(name in text for name in ("齐鲁软件园",))


@pytest.mark.needs_tool("pdftotext", "poppler-utils")
def test_a_share_is_recomputed_alike_in_every_roll_up_output(district, tmp_path, capsys):
    """服务出口占外贸出口比重 over several parks is Σ exports ÷ Σ foreign-trade exports, in show, export and PDF."""
    import subprocess

    import openpyxl

    from parkdesk.cli.main import main as cli
    from parkdesk.pdf.blocks import fmt_number

    with open_workspace(district.reviewer) as ws, ws.session() as session:
        table = district_rollup(session, YEAR)
    exports = sum(row.actual("service_exports") for row in table.rows)
    trade = sum(row.actual("foreign_trade_exports") for row in table.rows)
    expected = exports / trade * 100
    percentages = sum(row.actual("service_export_share") for row in table.rows)
    assert table.total("service_export_share") == expected and abs(expected - percentages) > 1
    assert cli(["rollup", "show", str(district.reviewer), "--year", str(YEAR), "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)["totals"]["service_export_share"]
    assert shown == pytest.approx(float(expected))
    book_path, pdf_path = tmp_path / "rollup.xlsx", tmp_path / "rollup.pdf"
    assert cli(["rollup", "export", str(district.reviewer), "--year", str(YEAR), "--out", str(book_path)]) == 0
    assert cli(["rollup", "export", str(district.reviewer), "--year", str(YEAR), "--out", str(pdf_path)]) == 0
    sheet = openpyxl.load_workbook(book_path).worksheets[0]
    column = next(i for i, cell in enumerate(sheet[1], start=1) if cell.value.startswith("服务出口占外贸出口比重"))
    assert sheet.cell(row=2 + len(PARKS), column=column).value == pytest.approx(float(expected))
    text = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True, text=True,
                          check=True).stdout
    line = next(line for line in text.splitlines() if "服务出口占外贸出口比重" in line)
    assert fmt_number(float(expected)) in line and fmt_number(float(percentages)) not in line


@pytest.mark.needs_tool("pdftotext", "poppler-utils")
def test_doubling_progress_is_one_figure_on_the_dashboard_the_roll_up_and_its_pdf(district, tmp_path):
    """倍增进度 = (Σ actual − Σ baseline) ÷ (2 × Σ baseline − Σ baseline), wherever it is shown."""
    import subprocess

    from parkdesk.figures.formulas import formula
    from parkdesk.pdf.district_pdf import write_district_pdf

    path = city(tmp_path, district.district_certificate())
    with open_workspace(path) as ws, ws.session() as session:
        import_rollups(session, [district.rollup.path], actor="市局")
        dashboard = goals_dashboard(session, YEAR)
    with open_workspace(district.reviewer) as ws, ws.session() as session:
        table = district_rollup(session, YEAR)
        pdf = write_district_pdf(session, "Z01", YEAR, tmp_path / "district.pdf")
    on_dashboard = dashboard.goal("enterprise_count_doubling").progress
    in_rollup = next(d for d in table.doubling if d.indicator == "enterprise_count").progress
    baseline = sum(row.park.figures("enterprise_count").baseline for row in table.rows)
    actual = sum(row.actual("enterprise_count") for row in table.rows)
    assert on_dashboard == in_rollup == (actual - baseline) / baseline
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert formula("doubling_progress") in text.replace("\n", "")
    line = next(line for line in text.splitlines()[text.splitlines().index(
        next(x for x in text.splitlines() if "三个倍增" in x)):] if "园区企业数量" in line)
    assert f"{float(in_rollup) * 100:.0f}%" in line
