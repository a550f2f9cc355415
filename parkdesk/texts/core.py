"""The texts of core (Chinese, English); see parkdesk.texts."""

TEXTS: dict[str, tuple[str, str]] = {
    "gui.file_missing": ("文件不存在:{path}", "The file does not exist: {path}"),
    "gui.package_needs_reviewer": (
        "数据包须导入区县的审核工作区:{path}。当前工作区不是审核工作区({workspace})。"
        "请先打开(或创建)审核工作区,再从中导入该数据包。",
        "A package is imported into a district's reviewer workspace: {path}. The current workspace is not a "
        "reviewer workspace ({workspace}). Open (or create) a reviewer workspace first, then import the package "
        "there.",
    ),
    "gui.receipt_needs_operator": (
        "审核回执须导入园区运营机构的工作区:{path}。当前工作区不是运营机构工作区({workspace})。"
        "请先打开报送该年报的工作区,再从中导入回执。",
        "A review receipt is imported into the park operator's workspace: {path}. The current workspace is not an "
        "operator workspace ({workspace}). Open the workspace the report was sent from first, then import the "
        "receipt there.",
    ),
    "gui.rollup_needs_city": (
        "区县汇总包须导入市局的工作区:{path}。当前工作区不是市局工作区({workspace})。"
        "请先打开(或创建)市局工作区,再从中导入该汇总包。",
        "A district roll-up is imported into the city bureau's workspace: {path}. The current workspace is not a "
        "city workspace ({workspace}). Open (or create) the city workspace first, then import the roll-up there.",
    ),
    "gui.no_last_workspace": ("尚未打开过工作区", "no workspace opened yet"),
    "gui.handed_over": ("已交给正在运行的 parkdesk 窗口(进程 {pid}):{path}",
                        "Handed to the parkdesk window already running (process {pid}): {path}"),
    "file.not_regular": (
        "这不是普通文件(而是管道、设备或套接字),不予读取:{path}",
        "This is not a regular file (it is a pipe, a device or a socket), so it is not read: {path}",
    ),
    # workspace
    "ws.missing": ("工作区文件不存在:{path}", "The workspace file does not exist: {path}"),
    "ws.is_directory": ("这是一个文件夹,不是工作区文件:{path}", "This is a folder, not a workspace file: {path}"),
    "ws.unreadable": ("无法读取工作区文件:{path}({reason})", "Cannot read the workspace file: {path} ({reason})"),
    "ws.read_only": (
        "工作区文件或其所在文件夹是只读的,无法保存修改:{path}。请将文件复制到可写的位置后再打开。",
        "The workspace file or its folder is read-only, so changes cannot be saved: {path}. "
        "Copy it to a writable place and open it there.",
    ),
    "ws.not_sqlite": (
        "该文件不是 parkdesk 工作区(不是 SQLite 数据库):{path}。文件未做任何改动。",
        "This file is not a parkdesk workspace (not an SQLite database): {path}. It was left unchanged.",
    ),
    "ws.not_parkdesk": (
        "该 SQLite 数据库不是 parkdesk 工作区:{path}。文件未做任何改动。",
        "This SQLite database is not a parkdesk workspace: {path}. It was left unchanged.",
    ),
    "ws.corrupt": (
        "工作区文件已损坏:{path}({reason})。文件未做任何改动;请从备份恢复。",
        "The workspace file is damaged: {path} ({reason}). It was left unchanged; restore it from a backup.",
    ),
    "ws.disk_full": (
        "磁盘空间不足,无法使用工作区:{path}。工作区文件完好,未做任何改动。请清理该磁盘的空间"
        "(或把工作区复制到空间充足的磁盘)后再打开。",
        "The disk is full, so the workspace cannot be used: {path}. The file is intact and was left unchanged. "
        "Free some space on that disk (or copy the workspace to a disk with room), then open it again.",
    ),
    "ws.io_error": (
        "读写工作区时设备出错:{path}({reason})。请检查磁盘或 U 盘是否已拔出、是否有故障,然后重试。",
        "The device failed while reading or writing the workspace: {path} ({reason}). Check the disk or USB stick "
        "(unplugged? faulty?) and try again.",
    ),
    "ws.write_busy": (
        "修改未保存:工作区正忙(另一项操作占用了它超过 5 秒):{path}。请稍后重试;已输入的内容仍保留在界面上。",
        "Not saved: the workspace was busy (another task held it for more than 5 seconds): {path}. Try again in a "
        "moment; what you typed is still there.",
    ),
    "ws.write_disk_full": (
        "修改未保存:磁盘空间不足:{path}。请清理该磁盘的空间后重试;已保存的内容都完好。",
        "Not saved: the disk is full: {path}. Free some space on that disk and try again; everything saved "
        "before is intact.",
    ),
    "ws.write_read_only": (
        "修改未保存:工作区所在的位置已变为只读(例如 U 盘被写保护或拔出):{path}。",
        "Not saved: the workspace's place has become read-only (a write-protected or unplugged USB stick, for "
        "example): {path}.",
    ),
    "ws.locked": (
        "工作区正被另一个程序使用:{path}。请关闭另一个 parkdesk 窗口后重试。",
        "The workspace is in use by another program: {path}. Close the other parkdesk window and try again.",
    ),
    "ws.held_by_window": (
        "工作区已在 parkdesk 窗口中打开(进程 {pid},用户 {user},计算机 {host},自 {since} 起):{path}。"
        "请在该窗口中操作,或关闭该窗口后重试。",
        "The workspace is open in a parkdesk window (process {pid}, user {user}, computer {host}, since {since}): "
        "{path}. Do this in that window, or close it and try again.",
    ),
    "ws.held_by_command": (
        "工作区正被另一个 parkdesk 命令使用(“{what}”,进程 {pid},自 {since} 起):{path}。请等它结束后重试。",
        "The workspace is in use by another parkdesk command ('{what}', process {pid}, since {since}): {path}. "
        "Wait for it to finish and try again.",
    ),
    "ws.held": (
        "工作区正被另一个 parkdesk 程序使用:{path}。请关闭它后重试。",
        "The workspace is in use by another parkdesk program: {path}. Close it and try again.",
    ),
    "ws.lock_unusable": (
        "无法锁定工作区(锁文件 {lock}:{reason}):{path}。请把工作区放到本机磁盘上再打开。",
        "The workspace cannot be locked (lock file {lock}: {reason}): {path}. Put it on a local disk and open it "
        "there.",
    ),
    "ws.newer": (
        "该工作区由更新版本的 parkdesk 创建(数据库版本 {revision}),本程序无法打开:{path}。请升级 parkdesk。",
        "This workspace was made by a newer parkdesk (schema {revision}) and cannot be opened by this one: "
        "{path}. Please upgrade parkdesk.",
    ),
    "ws.migration_failed": (
        "工作区升级失败:{reason}。原文件未做任何改动:{path};升级前的备份在:{backup}",
        "Upgrading the workspace failed: {reason}. The original file is unchanged: {path}; "
        "the backup taken before the upgrade is at: {backup}",
    ),
    "ws.exists": (
        "文件已存在,不会覆盖:{path}",
        "The file already exists and will not be overwritten: {path}",
    ),
    "ws.migrated": (
        "工作区已升级到当前版本;升级前的备份:{backup}",
        "The workspace was upgraded to the current version; backup taken before the upgrade: {backup}",
    ),
    # report lifecycle
    "report.locked": ("{park} {year} 年报状态为“{status}”,已锁定,不能修改;如需修改请先重新打开",
                      "The {year} report of {park} is '{status}' and locked; reopen it before changing it"),
    "report.locked_sent": ("{park} {year} 年报状态为“{status}”,已报送区县,不能修改;只有区县退回后才能修改",
                           "The {year} report of {park} is '{status}': it was sent to the district and changes "
                           "only after the district returns it"),
    "report.cannot_finalize": ("不能定稿:还有 {errors} 个错误、{warnings} 个未说明理由的警告",
                               "Cannot finalize: {errors} errors and {warnings} warnings without a justification"),
    "report.empty_justification": ("规则 {rule} 的说明理由不能为空", "The justification for rule {rule} is empty"),
    "report.not_finalized": ("{park} {year} 年报状态为“{status}”,不是已定稿,无需重新打开",
                             "The {year} report of {park} is '{status}', not finalized: nothing to reopen"),
    "report.reopen_reason": ("重新打开年报须填写原因", "Reopening a report needs a reason"),
    "report.not_found": ("{park} 没有 {year} 年的年报", "{park} has no report for {year}"),
    # CLI
    "cli.park_not_found": ("找不到园区:{park}(请使用园区代码或完整名称)",
                           "No such park: {park} (use the park's short code or its exact name)"),
    "cli.demo_written": ("演示工作区已生成:{path}({parks} 个园区,{reports} 份年报,{enterprises} 家企业)",
                         "Demo workspace written: {path} ({parks} parks, {reports} reports, {enterprises} enterprises)"),
    "cli.init_written": ("已创建空工作区:{path}", "Empty workspace created: {path}"),
    "cli.no_display": (
        "没有可用的图形显示(未设置 DISPLAY/WAYLAND_DISPLAY)。请在桌面环境中运行,或使用 --no-gui。",
        "No graphical display is available (DISPLAY/WAYLAND_DISPLAY not set). "
        "Run it on a desktop, or use --no-gui.",
    ),
    "cli.internal_error": ("parkdesk 内部错误:{error}。详细信息已写入:{log}",
                           "parkdesk internal error: {error}. Details were written to: {log}"),
    "cli.write_failed": ("无法写入文件:{path}({reason})", "Cannot write the file: {path} ({reason})"),
    "out.suffix_added": ("输出文件没有扩展名,已写为:{path}", "The output file had no extension; written as: {path}"),
    "out.wrong_suffix": ("输出文件的扩展名与写入的内容不符:{path}(应为 {suffixes})",
                         "The output file's extension does not match what is written: {path} (use {suffixes})"),
}
