"""The figures the city, the districts and the parks read, each defined once with its formula.

Qt-free and below parkdesk.city, parkdesk.review and parkdesk.pdf (it imports
none of them): every table, workbook, PDF and window that shows one of these
figures computes it here, and shows the formula of `formulas.FIGURES` beside it.

    progress.progress_toward(baseline, target, actual)   目标进度
    progress.share(part, whole) / share_percent(...)     比重
    progress.change_share(previous, current)             同比变化
    doubling.doubling_status(parks, indicator)           三个倍增 (city totals)
    totals.indicator_totals(rows, keys)                  合计 (ratios recomputed, counts whole)
    coverage.domain_coverage / district_coverage         两个覆盖
    plan_bars.plan_bar(code, indicator, baseline)        the plan's bar for a park's indicator
"""
