"""The reference data must match the plan (济商务字〔2022〕90号) exactly."""

from fractions import Fraction

from parkdesk.forms.indicators import INDICATOR_BY_KEY
from parkdesk.reference.categories import CATEGORIES, CATEGORY_BY_KEY, next_category
from parkdesk.reference.distinctions import DISTINCTIONS, from_mask, to_mask
from parkdesk.reference.districts import DIVISIONS, FUNCTIONAL_ZONES
from parkdesk.reference.domains import CHARACTERISTIC_DOMAINS, KEY_DOMAINS
from parkdesk.reference.goals import EXISTING_PARK_COUNT, GOALS, PARK_COUNT_GOAL, STANDARD_LEVELS
from parkdesk.reference.grading import GRADE_TIERS
from parkdesk.reference.parks import PLAN_PARKS
from parkdesk.reference.requirements import REQUIREMENTS
from parkdesk.reference.services import SERVICE_TYPES
from parkdesk.reference.stages import STAGES, stage_theme


def test_categories_and_core_tasks(plan_text):
    expected = {
        "争创一流类": ("国际水准", "创新示范", "品牌突破"),
        "综合提升类": ("特色打造", "产业聚集", "质效突破"),
        "初创新建类": ("顶层设计", "环境完善", "规模突破"),
    }
    assert {c.label.zh: tuple(t.zh for t in c.core_tasks) for c in CATEGORIES} == expected
    for category in CATEGORIES:
        tasks = "、".join(t.zh for t in category.core_tasks[:2]) + "和" + category.core_tasks[2].zh
        assert f"围绕{tasks}三大核心任务" in plan_text


def test_category_leap_order():
    assert next_category(CATEGORY_BY_KEY["startup"]).label.zh == "综合提升类"
    assert next_category(CATEGORY_BY_KEY["comprehensive"]).label.zh == "争创一流类"
    assert next_category(CATEGORY_BY_KEY["first_class"]) is None


def test_domains(plan_text):
    assert [d.label.zh for d in KEY_DOMAINS] == ["数字贸易", "中医药和医疗器械服务", "文化产品和服务", "工业设计和检验维修"]
    assert [d.label.zh for d in CHARACTERISTIC_DOMAINS] == ["知识产权", "人力资源", "地理信息", "语言服务"]
    assert "在数字贸易、中医药和医疗器械服务、文化产品和服务、工业设计和检验维修等四大重点领域" in plan_text
    assert "在知识产权、人力资源、地理信息和语言服务等四大特色领域" in plan_text
    for domain in KEY_DOMAINS:
        assert f"{domain.section_title}园区(基地)" in plan_text


def test_stages_and_themes(plan_text):
    assert [(s.year, s.label.zh) for s in STAGES] == [(2022, "夯实基础"), (2023, "特色发展"), (2024, "突破提升")]
    stage_numbers = {2022: "一", 2023: "二", 2024: "三"}
    for stage in STAGES:
        assert f"第{stage_numbers[stage.year]}阶段({stage.year}年):{stage.label.zh}" in plan_text.replace(" ", "")
        for category in CATEGORIES:
            assert f"{category.label.zh}园区(基地),以“{stage_theme(category, stage.year).zh}”为核心" in plan_text


def test_1234_goals(plan_text):
    assert EXISTING_PARK_COUNT == 12 and PARK_COUNT_GOAL == 25
    assert "现有12个园区(基地)" in plan_text and "达到25个以上" in plan_text
    groups = [g.group.zh for g in GOALS]
    assert groups.count("一个跃升") == 1
    assert groups.count("两个覆盖") == 2
    assert groups.count("三个倍增") == 3
    assert groups.count("四个转型") == 4
    for goal in GOALS:
        assert goal.group.zh in plan_text
    for _, label in STANDARD_LEVELS:
        assert label.zh in plan_text


def test_grading_tiers(plan_text):
    assert [(g.label.zh, g.share, g.reward_cap_wan_yuan) for g in GRADE_TIERS] == [
        ("优秀", Fraction(1, 5), 150), ("良好", Fraction(3, 10), 100), ("合格", None, 50)]
    assert "优秀等级(占园区数量的20%)的给予最高不超过150万元奖励" in plan_text
    assert "良好等级(占园区数量的30%)的给予最高不超过100万元奖励" in plan_text
    assert "合格等级的给予最高不超过50万元" in plan_text


def test_construction_requirements(plan_text):
    assert [r.number for r in REQUIREMENTS] == list(range(1, 8))
    for requirement in REQUIREMENTS:
        assert f"{requirement.number}.{requirement.label.zh},{requirement.headline.zh}" in plan_text


def test_public_service_types(plan_text):
    listed = "、".join(label.zh for _, label in SERVICE_TYPES)
    assert f"提供{listed}等" in plan_text
    assert len(SERVICE_TYPES) == 12


def test_distinctions(plan_text):
    for distinction in DISTINCTIONS:
        assert distinction.label.zh.replace("企业", "") in plan_text
    assert len({d.bit for d in DISTINCTIONS}) == len(DISTINCTIONS)
    assert from_mask(to_mask(["listed", "little_giant"])) == ("listed", "little_giant")


def test_districts_gb_t_2260():
    assert [(d.code, d.name) for d in DIVISIONS] == [
        ("370102", "历下区"), ("370103", "市中区"), ("370104", "槐荫区"), ("370105", "天桥区"),
        ("370112", "历城区"), ("370113", "长清区"), ("370114", "章丘区"), ("370115", "济阳区"),
        ("370116", "莱芜区"), ("370117", "钢城区"), ("370124", "平阴县"), ("370126", "商河县"),
    ]
    assert {"高新区", "起步区", "南部山区", "莱芜高新区"} <= {z.name for z in FUNCTIONAL_ZONES}


def test_the_twelve_parks(plan_text):
    expected = [
        ("齐鲁软件园", "数字贸易", "争创一流类"), ("山东数字产业大厦", "数字贸易", "综合提升类"),
        ("槐荫数字科技产业园", "数字贸易", "初创新建类"), ("山东中医药大学", "中医药和医疗器械服务", "争创一流类"),
        ("博科控股集团有限公司", "中医药和医疗器械服务", "争创一流类"),
        ("山东宏济堂制药集团股份有限公司", "中医药和医疗器械服务", "争创一流类"),
        ("国家文化出口基地", "文化产品和服务", "争创一流类"), ("新光影文化贸易创客基地", "文化产品和服务", "综合提升类"),
        ("山东网络视听产业园区", "文化产品和服务", "初创新建类"), ("济南国际创新设计产业园", "工业设计和检验维修", "综合提升类"),
        ("临空经济区发展中心", "工业设计和检验维修", "初创新建类"), ("山东语言服务出口基地", "语言服务", "初创新建类"),
    ]
    from parkdesk.reference.domains import DOMAIN_BY_KEY

    actual = [(p.name, DOMAIN_BY_KEY[p.domain].label.zh, CATEGORY_BY_KEY[p.category].label.zh) for p in PLAN_PARKS]
    assert actual == expected
    for park in PLAN_PARKS:
        category = CATEGORY_BY_KEY[park.category].label.zh
        assert f"{park.name}({category})" in plan_text
        assert f"——{park.name}:" in plan_text
    assert len({p.code for p in PLAN_PARKS}) == 12


def test_stated_targets_are_the_plans_words_and_numbers(plan_text):
    targets = {(p.code, t.indicator): t for p in PLAN_PARKS for t in p.targets}
    assert targets[("QLRJY", "core_enterprise_count")].value == 10000
    assert targets[("QLRJY", "industry_scale")].value == 5000
    assert targets[("QLRJY", "service_exports")].value == 150000  # 15亿美元 in 万美元
    assert targets[("QLRJY", "service_export_share")].value == 55
    assert targets[("BKKG", "core_enterprise_count")].value == 10
    assert targets[("BKKG", "industry_scale")].value == 10
    assert targets[("LKJJQ", "core_enterprise_count")].value == 200
    assert targets[("LKJJQ", "industry_scale")].value == 300
    assert targets[("LKJJQ", "service_export_share")].value == 15
    assert targets[("SDWLST", "enterprise_count")].value == 60
    for (_, indicator), target in targets.items():
        assert indicator in INDICATOR_BY_KEY
        assert target.text.replace("”", "").replace("“", "") in plan_text.replace("”", "").replace("“", "")
    for park in PLAN_PARKS:
        for goal in park.goals:
            assert goal in plan_text, goal


def test_terms_follow_the_plan(plan_text):
    """两图一表 and the annex as the plan words them; the plan is a 行动计划(方案), not a 规划."""
    from parkdesk.excel.task_table import ANNEX_TITLE, TITLE
    from parkdesk.forms.sections import CHAIN, ENTERPRISES
    from parkdesk.texts import text
    from parkdesk.resources import resource_path

    assert "编制“两图一表”,即目标产业链全景图、产业发展路径图和重点企业、配套企业名录表" in plan_text
    assert CHAIN.label.zh == "目标产业链全景图" and ENTERPRISES.label.zh == "重点企业、配套企业名录表"
    assert text("chart.chain_title", "zh") == "目标产业链全景图"
    assert f"附件:{ANNEX_TITLE.zh}" in plan_text and TITLE.zh.startswith(ANNEX_TITLE.zh)
    assert f"《{text('pdf.plan')}》" in plan_text or text("pdf.plan") + "的通知" in plan_text
    translations = resource_path("translations", "parkdesk_zh_CN.ts").read_text(encoding="utf-8")
    assert "规划" not in translations
