"""The texts of workspace (Chinese, English); see parkdesk.texts."""

TEXTS: dict[str, tuple[str, str]] = {
    "backup.disk_full": (
        "磁盘空间不足,无法写入:{path}。请清理磁盘空间或换一个位置后重试;已有的文件都未受影响。",
        "The disk is full, so this could not be written: {path}. Free some space or choose another place, "
        "then try again; no existing file was touched.",
    ),
    "backup.read_only": (
        "无法写入:{path}。该位置是只读的(例如写保护的 U 盘或光盘),或没有写入权限。请选择可写的位置。",
        "Cannot write: {path}. The place is read-only (a write-protected USB stick or a CD, for example) "
        "or not writable for you. Choose a writable place.",
    ),
    "backup.failed": ("无法写入备份:{path}({reason})", "The backup could not be written: {path} ({reason})"),
    "backup.damaged": (
        "备份文件已损坏,不能使用:{path}({reason})",
        "The backup file is damaged and cannot be used: {path} ({reason})",
    ),
    "backup.target_exists": (
        "工作区已存在:{path}。如要用备份替换它,请加 --force(替换前会先把现有文件另存一份)。",
        "The workspace already exists: {path}. Add --force to replace it with the backup "
        "(the current file is saved first).",
    ),
    "backup.same_file": ("备份和目标是同一个文件:{path}", "The backup and the target are the same file: {path}"),
    "backup.workspace_damaged": (
        "工作区文件已损坏:{path}({reason})。文件未做任何改动。最新的完好备份是 {backup}(备份于 {taken});"
        "可以用它恢复:parkdesk restore \"{backup}\" --to \"{path}\" --force",
        "The workspace file is damaged: {path} ({reason}). It was left unchanged. The newest good backup is "
        "{backup} (taken {taken}); restore it with: parkdesk restore \"{backup}\" --to \"{path}\" --force",
    ),
    "backup.written": ("备份已写入:{path}", "Backup written: {path}"),
    "backup.restored": ("已用备份 {backup} 恢复工作区:{path}", "The workspace {path} was restored from {backup}"),
    "backup.previous_saved": ("被替换的工作区已另存为:{path}", "The workspace it replaced was saved as: {path}"),
    "backup.none": ("没有找到该工作区的备份:{path}", "No backups of this workspace were found: {path}"),
    # the kinds of backup (`parkdesk backup list`)
    "backup.kind.auto": ("自动", "automatic"),
    "backup.kind.manual": ("手动", "manual"),
    "backup.kind.before-restore": ("恢复前", "before restore"),
    "backup.kind.upgrade": ("升级前", "before upgrade"),
    "backup.list_header": ("时间\t类型\t大小\t文件", "Taken\tKind\tSize\tFile"),
}
