"""The texts of review (Chinese, English); see parkdesk.texts."""

TEXTS: dict[str, tuple[str, str]] = {
    "district_report.bad_choice": ("新建园区“{park}”的{field}“{value}”不在可选范围内(可选:{choices})",
                                   "Planned park '{park}': {field} '{value}' is not one of: {choices}"),
    "district_report.bad_year": ("新建园区“{park}”的预计年度“{value}”应为 2000–2100 之间的整数",
                                 "Planned park '{park}': the expected year '{value}' must be a whole number "
                                 "from 2000 to 2100"),
    "district_report.empty_name": ("新建园区的名称不能为空", "A planned park needs a name"),
    "district_report.unreadable": ("无法读取建设发展情况文件:{path}({reason})",
                                   "Cannot read the progress text file: {path} ({reason})"),
    "district_report.too_long": ("建设发展情况不能超过 {maximum} 个字符(当前 {length} 个)",
                                 "The progress text takes at most {maximum} characters ({length} given)"),
    # inbox
    "inbox.changed_while_reading": ("文件在导入过程中被改动,未导入:{path}(请在文件不再变化后重新导入)",
                                    "The file changed while it was being imported and was not kept: {path} (import it "
                                    "again once it no longer changes)"),
    "inbox.duplicate": ("已在收件箱中(第 {entry} 条,接收于 {received_at}),未重复导入",
                        "Already in the inbox (entry {entry}, received {received_at}); not imported again"),
    "inbox.same_id_other_content": ("收件箱中已有编号相同({package_id})但内容不同的数据包(第 {entry} 条),疑似被改动",
                                    "The inbox already holds a different package with the same id ({package_id}, "
                                    "entry {entry}): one of them was altered"),
    "inbox.park_other_district": ("{park} 属于{park_district},不属于{district}的辖区:其汇总不能替它报送,拒收",
                                  "{park} belongs to {park_district}, not to {district}: that office's roll-up cannot "
                                  "send its report; refused"),
    "inbox.park_not_ours": ("{park} 属于{park_district},不在本区县({district})辖区内,拒收;请园区向所属区县报送",
                            "{park} belongs to {park_district}, not to this district ({district}); refused — the "
                            "park reports to its own district"),
    "review.no_entry": ("收件箱中没有第 {entry} 条", "The inbox has no entry {entry}"),
    "review.no_entry_for": ("收件箱中没有 {park} {year} 年度的有效数据包",
                            "The inbox has no verified package of {park} for {year}"),
    "review.not_kept": ("第 {entry} 条未通过验证,没有保存数据包内容",
                        "Entry {entry} did not verify: its contents were not kept"),
    "review.bad_entry": ("无法识别的条目:{entry}(请使用条目编号,或 园区代码:年度)",
                         "Not an entry: {entry} (give the entry number, or PARK:YEAR)"),
    # review
    "review.not_current": ("第 {entry} 条不是该园区该年度当前有效的数据包(未通过验证,或已被更新的数据包替代),不能审核",
                           "Entry {entry} is not the package standing for its park and year (it did not verify, "
                           "or a newer package replaced it): it cannot be reviewed"),
    "review.bad_state": ("无效的审核状态:{state}(可选:{states})", "Not a review state: {state} (one of: {states})"),
    "review.no_decision": ("第 {entry} 条尚未作出决定(当前状态:{state});回执只能在“已退回”或“已通过”后生成",
                           "Entry {entry} has no decision yet (state: {state}); a receipt is made once it is "
                           "returned or approved"),
    "review.bad_location": ("年报中找不到这个位置:{location}(按 review show 打印的写法,如“重点企业、配套企业名录表 › "
                            "某某有限公司 › 统一社会信用代码”;或位置键 栏目/记录/记录编号/字段,未指定的部分写 -)",
                            "The report has no such place: {location} (write it as review show prints it, "
                            "section › row › field, or as its key section/record/record_id/field, '-' for a part "
                            "left out)"),
    "review.no_such_record": ("该年报中没有这条记录:{location}", "The report has no such record: {location}"),
    "review.empty_comment": ("意见内容不能为空", "A comment needs some text"),
    "review.no_comment": ("没有编号为 {comment} 的意见", "No comment with id {comment}"),
    "review.no_district_identity": ("工作区中没有区县身份 {name}(用 parkdesk keys create --kind district 创建)",
                                    "The workspace has no district identity {name} (create one with parkdesk keys "
                                    "create --kind district)"),
    "review.signer_not_district": ("身份“{name}”不是本区县({district})的区县证书,不能签署回执或汇总",
                                   "Identity '{name}' is not this district's ({district}) certificate and cannot "
                                   "sign receipts or roll-ups"),
    "review.signer_other_district": ("签名者证书属于区县 {signer_district},而文件声明来自区县 {district}",
                                     "The signer's certificate belongs to district {signer_district}, but the file "
                                     "says it comes from district {district}"),
    "review.check_no_rules": ("回执不含年报数据,无需复核校验规则",
                              "a receipt holds no report data: no rules to re-run"),
    "review.check_inner_packages": ("汇总中的每个数据包在导入时逐一验证",
                                    "each package in the roll-up is verified on its own when imported"),
    "review.rollup_package_mismatch": ("rollup.json 与汇总中的数据包不一致:{name}",
                                       "rollup.json does not match the packages the roll-up holds: {name}"),
    "review.nothing_approved": ("{year} 年度没有已通过审核的年报,无法生成汇总",
                                "No report of {year} is approved: there is nothing to roll up"),
    # receipts, operator side
    "receipt.unreadable": ("无法读取审核回执 {path}:{reason}",
                           "Cannot read the decision receipt {path}: {reason}"),
    "receipt.untrusted": ("拒绝导入审核回执 {path}:签发区县“{district}”不受信任({reason})",
                          "Refused the decision receipt {path}: the district '{district}' that signed it is not "
                          "trusted ({reason})"),
    "receipt.refused": ("拒绝导入审核回执 {path}:{reason}", "Refused the decision receipt {path}: {reason}"),
    "receipt.no_package": ("拒绝导入审核回执:它答复的数据包 {package_id}({park} {year} 年度)不是由本工作区生成的",
                           "Refused the decision receipt: the package it answers, {package_id} ({park} {year}), "
                           "was not built in this workspace"),
    "receipt.content_changed": (
        "拒绝导入审核回执:{park} {year} 年度年报在生成数据包 {package_id} 之后已被修改,回执的决定针对的是修改前的内容。"
        "请重新生成数据包报送区县,等待对新数据包的回执。",
        "Refused the decision receipt: the {year} report of {park} was changed after package {package_id} was built, "
        "so the decision is about content the report no longer has. Build a new package, send it to the district "
        "and wait for its receipt.",
    ),
    "receipt.older": (
        "拒绝导入审核回执:区县对数据包 {package_id} 已有更晚的决定(回执 {newer},{newer_at}),这份回执({decided_at})"
        "较早,不能推翻它。",
        "Refused the decision receipt: the district decided on package {package_id} later (receipt {newer}, "
        "{newer_at}); this one ({decided_at}) is older and cannot override it.",
    ),
    # command line
    "review.outcome_accepted": ("已接收", "received"),
    "review.outcome_superseded": ("已被替代", "superseded"),
    "review.refused": ("已拒收", "Refused"),
    "review.comment_sent": ("意见 {comment} 已随回执发出,不能再修改或撤回;如需补充,请提出新的意见。",
                            "Comment {comment} went out with a receipt; it can no longer be edited or taken back. "
                            "Add a new comment instead."),
    "review.reason_needed": ("该数据包已签发“已通过”回执,改为其他状态须说明理由(--note)。",
                             "An approval receipt was already signed for this package: changing its state needs a "
                             "reason (--note)."),
    "review.history.taken_back": ("撤回", "taken back:"),
    "review.history.edited": ("修改", "reworded:"),
    "review.resubmitted": ("与被替代的数据包({file},{state})相比:{count} 处修改",
                           "Since the package it replaced ({file}, {state}): {count} changes"),
    "review.change.added": ("新增", "added"),
    "review.change.removed": ("删除", "removed"),
    "review.change.changed": ("修改", "changed"),
    "review.previous_comments": ("区县对被替代数据包的意见:", "The district's comments on the package replaced:"),
    "sheet.title": ("审核单:{park} {year} 年度报告", "Review sheet: {park}, report {year}"),
    "sheet.subject": ("区县审核单", "District review sheet"),
    "sheet.refused": ("第 {entry} 条是被拒收的文件,没有可审核的年报", "Entry {entry} is a refused file: no report to review"),
    "sheet.year": ("年度", "Year"),
    "sheet.file": ("文件", "File"),
    "sheet.signer": ("签名者", "Signed by"),
    "sheet.fingerprint": ("证书指纹", "Certificate fingerprint"),
    "sheet.received": ("接收", "Received"),
    "sheet.state": ("审核状态", "Review state"),
    "sheet.decision": ("审核结论", "Decision"),
    "sheet.summary": ("概要", "Summary"),
    "sheet.findings": ("校验结果与说明", "Findings and justifications"),
    "sheet.comments": ("审核意见", "Comments"),
    "sheet.history": ("审核历史", "History"),
    "sheet.none": ("无。", "None."),
    "sheet.severity": ("级别", "Severity"),
    "sheet.error": ("错误", "Error"),
    "sheet.warning": ("警告", "Warning"),
    "sheet.info": ("提示", "Info"),
    "sheet.where": ("位置", "Where"),
    "sheet.finding": ("问题", "Finding"),
    "sheet.justification": ("园区的说明", "The park's justification"),
    "sheet.comment": ("意见", "Comment"),
    "sheet.author": ("提出人", "By"),
    "sheet.when": ("时间", "When"),
    "sheet.sent": ("随回执发出", "Sent"),
    "sheet.actor": ("操作人", "Who"),
    "sheet.action": ("操作", "Action"),
    "sheet.note": ("备注", "Remark"),
    "sheet.written": ("审核单已写入:{path}", "Review sheet written: {path}"),
    "review.comment_mark": ("审核意见:{text}({author})", "District comment: {text} ({author})"),
    "review.sent_with_receipt": ("已随回执发出", "sent with a receipt"),
    "review.comment_edited": ("意见 {comment} 已修改", "Comment {comment} edited"),
    "review.comment_removed": ("意见 {comment} 已撤回", "Comment {comment} taken back"),
    "review.overview.not_received": ("未收到", "not received"),
    "review.overview.refused_only": ("只有被拒收的文件", "refused only"),
    "review.overview.none": ("本区县尚无已知园区:签发证书或收到数据包后列出。",
                             "The district knows no park yet: they are listed once certified or heard from."),
    "review.replaces_approved": ("(替代已通过的年报;作出决定前,汇总仍用已通过的版本)",
                                 " (replaces an approved report; until it is decided, the roll-up keeps the approved "
                                 "one)"),
    "review.approved_stands": ("(有新版本待审;在新版本通过前仍计入汇总)",
                               " (a newer version awaits review; this one stays in the roll-up until that is "
                               "approved)"),
    "review.outcome_duplicate": ("重复", "duplicate"),
    "review.outcome_rejected": ("已拒收", "REJECTED"),
    "review.import_summary": ("共 {files} 个文件,拒收 {rejected} 个", "{files} files, {rejected} rejected"),
    "review.comments": ("意见({count} 条):", "Comments ({count}):"),
    "review.history": ("审核历史:", "History:"),
    "review.yoy_summary": ("与 {previous} 年度相比:新增企业 {added} 家,减少 {removed} 家,信息变化 {changed} 家;"
                           "里程碑变动 {moved} 项",
                           "Against {previous}: {added} enterprises added, {removed} removed, {changed} changed; "
                           "{moved} milestones moved"),
    "review.commented": ("已记录对第 {entry} 条的意见(位置 {location})",
                         "Comment recorded on entry {entry} (at {location})"),
    "review.decided": ("第 {entry} 条的审核状态:{state}", "Entry {entry} is now: {state}"),
    "review.receipt_written": ("已生成审核回执:{path}(决定:{decision},意见 {comments} 条,签名证书指纹 SHA-256:{fingerprint})",
                               "Decision receipt written: {path} (decision: {decision}, {comments} comments, "
                               "signer's certificate fingerprint SHA-256: {fingerprint})"),
    "receipt.imported": ("已导入 {district} 的审核回执:{park} {year} 年度 {decision},意见 {comments} 条;年报状态 {before} → {after}",
                         "Imported the decision receipt of {district}: {park} {year} {decision}, {comments} comments; "
                         "report status {before} → {after}"),
    "receipt.not_applied": ("此后已报送更新的数据包,年报状态未改变", "A newer package was sent since: the report's status "
                            "was left as it is"),
    "receipt.already": ("该回执此前已导入,未做改动", "This receipt was imported before: nothing changed"),
    "rollup.written": ("已生成 {year} 年度汇总:{path}({parks} 个园区,签名证书指纹 SHA-256:{fingerprint})",
                       "Roll-up of {year} written: {path} ({parks} parks, signer's certificate fingerprint SHA-256: "
                       "{fingerprint})"),
    "rollup.imported": ("[{outcome}] {file}:{district} {year} 年度,{packages} 个数据包,导入 {accepted} 个,拒收 {rejected} 个",
                        "[{outcome}] {file}: {district} {year}, {packages} packages, {accepted} imported, "
                        "{rejected} rejected"),
    "rollup.older": (
        "不是{district} {year} 年度最新的汇总(本汇总序号 {sequence},已收到序号 {newer}:{newer_file}),不予导入:"
        "较早的汇总不能撤销较新的汇总。",
        "not the newest roll-up of {district} for {year} (this one is number {sequence}, number {newer} was received: "
        "{newer_file}), so it is not imported: an older roll-up cannot undo a newer one.",
    ),
    "rollup.rejected": ("[拒收] {file}:{reason}", "[REJECTED] {file}: {reason}"),
    "init.reviewer_written": ("已创建区县工作区:{path}({district},身份“{identity}”,证书指纹 SHA-256:{fingerprint})",
                              "District workspace written: {path} ({district}, identity '{identity}', certificate "
                              "fingerprint SHA-256: {fingerprint})"),
    "init.district_needed": ("--role reviewer 需要 --district 指定区县代码(如 370102)",
                             "--role reviewer needs the district: --district CODE (e.g. 370102)"),
    "review.demo_written": ("演示工作区已生成:{path}({packages} 个数据包,其中拒收 {rejected} 个;{rollups} 份区县汇总)。"
                            "演示身份的口令:parkdesk-demo",
                            "Demo workspace written: {path} ({packages} packages, {rejected} rejected; {rollups} "
                            "district roll-ups). The demo identities' passphrase: parkdesk-demo"),
    "rollup.not_reviewer": ("只有区县审核工作区能导出区县汇总 PDF。", "Only a district reviewer workspace exports the district PDF."),
    # the district roll-up workbook
    "rollup_book.parks": ("园区×指标", "Parks x indicators"),
    "rollup_book.coverage": ("领域覆盖", "Coverage"),
    "rollup_book.doubling": ("倍增进度", "Doubling"),
    "rollup_book.code": ("代码", "Code"),
    "rollup_book.name": ("园区", "Park"),
    "rollup_book.status": ("状态", "Status"),
    "rollup_book.total": ("合计", "Total"),
    "rollup_book.filled": ("已覆盖", "Filled"),
    "rollup_book.baseline": ("2021 年基数合计", "2021 baseline total"),
    "rollup_book.actual": ("本年实际合计", "Actual total"),
    "rollup_book.target": ("倍增目标(基数合计 × 2)", "Doubling target (baseline total × 2)"),
    "rollup_book.progress": ("倍增进度", "Doubling progress"),
    "rollup_book.yes": ("是", "yes"),
    "rollup_book.no": ("否", "no"),
    "receipt.not_storable": ("内容无法保存:{reason}", "its contents cannot be stored: {reason}"),
    # the review's states (parkdesk/review/states.py)
    "review_state.received": ("已接收", "Received"),
    "review_state.has_problems": ("有问题", "Has problems"),
    "review_state.returned": ("已退回", "Returned"),
    "review_state.approved": ("已通过", "Approved"),
    "review_state.withdrawn": ("已撤回", "Withdrawn"),
    # `parkdesk review show`, in words
    "review.show.entry": ("条目", "Entry"),
    "review.show.file": ("文件", "File"),
    "review.show.park": ("园区", "Park"),
    "review.show.year": ("年度", "Year"),
    "review.show.signer": ("签名者", "Signed by"),
    "review.show.fingerprint": ("证书指纹", "Certificate fingerprint"),
    "review.show.verified": ("验证通过", "Verified"),
    "review.show.state": ("审核状态", "Review state"),
    "review.show.findings": ("校验结果", "Findings"),
    "review.show.counts": ("错误 {errors} 个,警告 {warnings} 个,提示 {infos} 个",
                           "{errors} errors, {warnings} warnings, {infos} notes"),
    "review.show.encrypted": ("加密", "Encrypted"),
    "review.show.package": ("数据包编号", "Package id"),
    "review.show.received": ("接收", "Received"),
    "review.show.supersedes": ("替代数据包", "Replaces package"),
    "review.show.superseded_by": ("已被替代,新条目", "Replaced by entry"),
    "review.show.standing": ("当前", "Standing"),
    "review.show.stands_approved": ("本年度已通过的数据包", "the approved package of the year"),
    "review.show.replaces_approved": ("新报送,将替代已通过的数据包", "newer, replaces the approved package"),
    "review.show.yes": ("是", "yes"),
    "review.show.no": ("否", "no"),
    "review.action.received": ("接收", "received"),
    "review.action.state": ("设置状态", "state set"),
    "review.action.comment": ("提出意见", "commented"),
    "review.action.receipt": ("生成回执", "receipt written"),
    "review.action.superseded": ("被新数据包替代", "replaced by a newer package"),
    "review.action.withdrawn": ("撤回", "withdrawn"),
    "comments.header": ("位置\t意见\t审核人\t时间\t审核决定", "Where\tComment\tBy\tWhen\tDecision"),
    "comments.none": ("这份年报还没有审核意见", "The report has no comments yet"),
    "comments.earlier": ("(针对较早报送的版本)", "(on an earlier package)"),
    "review.list_header": ("条目\t状态\t园区代码\t园区\t年度\t签名者\t证书指纹(前 8 字节)\t错误/警告/提示\t接收时间\t文件",
                           "Entry\tState\tPark code\tPark\tYear\tSigner\tFingerprint (first 8 bytes)\t"
                           "Errors/warnings/infos\tReceived\tFile"),
    "review.show.findings_heading": ("校验结果({count} 条):", "Findings ({count}):"),
    "review.show.content": ("\n年报内容:", "\nThe report:"),
    "review.exported": ("已把条目 #{entry} 的 {count} 个文件写入 {folder}:", "Wrote {count} files of entry #{entry} "
                                                                       "into {folder}:"),
    "review.nothing_to_export": ("条目 #{entry} 没有可导出的数据包(已拒收的文件不保存)",
                                 "Entry #{entry} has no package to export (a refused file is not kept)"),
    "review.ambiguous_location": ("“{location}”对应 {count} 条记录;请改用位置键(见 review show --format json)",
                                  "'{location}' names {count} records; use the location's key instead (see "
                                  "review show --format json)"),
    "rollup.exported": ("已写出汇总:{path}", "Roll-up written: {path}"),
    "rollup.code": ("代码", "Code"),
    "rollup.park": ("园区", "Park"),
    "rollup.total": ("合计", "Total"),
}
