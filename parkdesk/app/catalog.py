"""Every use case, with the command and the window action that reach it.

`gui` is the object name of the action or button a person clicks in the
window (the main window, an open report, its identities dialog, a district's
inbox and review panel, the city's desk). A use case without a command
or an action says why in `missing` (tests/test_app_catalog.py checks both
ends; docs/architecture.md lists the exceptions).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UseCase:
    name: str
    function: str  # "module:function" in parkdesk.app
    cli: tuple[str, ...] | None  # the command words, e.g. ("package", "build")
    gui: str | None  # the object name of the action or button a person clicks, e.g. "action_finalize"
    missing: str = ""  # why `cli` or `gui` is None

    @property
    def module(self) -> str:
        return "parkdesk.app." + self.function.split(":")[0]

    @property
    def attribute(self) -> str:
        return self.function.split(":")[1]


USE_CASES: tuple[UseCase, ...] = (
    # workspaces
    UseCase("create_operator_workspace", "workspaces:create_operator", ("init",), "action_new_workspace"),
    UseCase("create_reviewer_workspace", "workspaces:create_reviewer", ("init",), "action_new_desk_workspace"),
    UseCase("create_city_workspace", "workspaces:create_city", ("init",), "action_new_desk_workspace"),
    UseCase("create_demo", "workspaces:create_demo", ("demo",), "action_demo"),
    UseCase("list_parks", "workspaces:parks", ("parks",), "action_open_workspace"),
    UseCase("add_park", "parks:add_park", ("park", "add"), None,
            "the window adds a park when it creates a workspace (新建工作区 › 新园区); a second park in one workspace "
            "is added with a command"),
    UseCase("list_districts", "parks:districts", ("districts",), None,
            "the window offers the districts in its drop-downs (new park, basic information); the list with codes "
            "is a command"),
    UseCase("back_up", "workspaces:backup", ("backup",), None,
            "the window backs a workspace up each day it is opened (kept seven); a manual backup is a command"),
    UseCase("restore_backup", "workspaces:restore", ("restore",), None,
            "the window offers the newest good backup when a workspace is damaged; any other restore is a command"),
    # the operator's report
    UseCase("edit_report", "reports:apply_change", None, "action_undo",
            "the command line edits a report through its workbook: excel export, change any sheet, excel "
            "import (every section imports)"),
    UseCase("show_report", "reports:content", ("report", "show"), "navigator"),
    UseCase("read_comments", "reports:comments", ("comments",), "navigator"),
    UseCase("validate_report", "reports:validate", ("validate",), "action_validate"),
    UseCase("justify_warning", "reports:justify", ("justify",), "action_finalize"),
    UseCase("remove_justification", "reports:remove_justification", ("justify",), None,
            "the window asks for a justification of each warning when finalizing; listing and deleting them is a "
            "command"),
    UseCase("finalize_report", "reports:finalize", ("finalize",), "action_finalize"),
    UseCase("reopen_report", "reports:reopen", ("reopen",), "action_reopen"),
    UseCase("export_pdf", "exports:report_pdf", ("report", "pdf"), "action_export_pdf"),
    UseCase("export_workbook", "exports:report_workbook", ("excel", "export"), "action_export_workbook"),
    UseCase("import_workbook", "workbooks:apply", ("excel", "import"), "action_import_excel"),
    UseCase("import_template", "exports:template", ("excel", "template"), None,
            "the window imports any workbook the user has (an exported report is the template); the empty template is a command"),
    UseCase("task_table", "exports:task_table", ("excel", "task-table"), "button_task_table"),
    # identities
    UseCase("create_identity", "identities:create_operator_identity", ("keys", "create"), "button_create_identity"),
    UseCase("create_district_identity", "identities:create_district_identity", ("keys", "create"),
            "action_new_desk_workspace"),  # a district office's workspace is made with its identity
    UseCase("request_certificate", "identities:request_certificate", ("keys", "request"),
            "button_request_certificate"),
    UseCase("issue_certificate", "identities:issue_operator_certificate", ("keys", "issue"),
            "button_issue_certificate"),
    UseCase("issued_certificates", "identities:issued_certificates", ("keys", "issued"), "issued_certificates"),
    UseCase("install_certificate", "identities:install_issued_certificate", ("keys", "import-cert"),
            "button_install_certificate"),
    UseCase("trust_certificate", "identities:trust", ("keys", "trust"), "button_trust_certificate"),
    UseCase("export_certificate", "identities:export_certificate", ("keys", "export-cert"),
            "button_export_certificate"),
    UseCase("export_key", "identities:export_key", ("keys", "export-key"), None,
            "moving a private key to another computer is rare and deliberate: a command only"),
    UseCase("list_identities", "identities:identities", ("keys", "list"), "action_identities"),
    # packages
    UseCase("build_package", "packages:build_package", ("package", "build"), "action_package"),
    UseCase("verify_package", "packages:verify", ("package", "verify"), "button_import_packages"),
    UseCase("inspect_package", "packages:inspect", ("package", "inspect"), None,
            "a look inside a package without verifying it, for support staff: a command only"),
    # the district's desk
    UseCase("receive_packages", "review:receive_packages", ("review", "import"), "button_import_packages"),
    UseCase("list_inbox", "review:inbox", ("review", "list"), "action_inbox"),
    UseCase("district_overview", "review:district_overview", ("review", "overview"), "district_overview"),
    UseCase("show_entry", "review:entry_details", ("review", "show"), "button_review"),
    UseCase("comment", "review:comment", ("review", "comment"), "button_comment"),
    UseCase("edit_comment", "review:edit_comment", ("review", "comment-edit"), "button_edit_comment"),
    UseCase("remove_comment", "review:remove_comment", ("review", "comment-delete"), "button_delete_comment"),
    UseCase("decide", "review:decide", ("review", "decide"), "button_set_state"),
    UseCase("make_receipt", "review:make_receipt", ("review", "receipt"), "button_receipt"),
    UseCase("export_entry", "review:export_entry", ("review", "export"), "button_review_export"),
    UseCase("review_sheet", "review:review_sheet", ("review", "sheet"), "button_review_sheet"),
    UseCase("import_receipt", "receipts:import_receipt", ("receipt", "import"), "action_import_receipt"),
    UseCase("rollup_table", "rollups:rollup_table", ("rollup", "show"), "rollup_preview"),
    UseCase("export_rollup", "rollups:export_rollup", ("rollup", "export"), "button_rollup_export"),
    UseCase("build_rollup", "rollups:build_rollup", ("rollup", "build"), "button_rollup_build"),
    # the city's desk
    UseCase("import_rollups", "rollups:import_rollups", ("city", "import"), "button_import_rollups"),
    UseCase("received_rollups", "rollups:received_rollups", ("city", "rollups"), "received_rollups"),
    UseCase("dashboard", "city:dashboard", ("city", "dashboard"), "button_dashboard_pdf"),
    UseCase("evaluate", "city:evaluate", ("city", "evaluate"), "button_evaluation_workbook"),
    UseCase("scoring_scheme", "city:write_default_scheme", ("city", "scheme"), "button_save_scheme"),
    UseCase("recognize_park", "city:recognize", ("city", "recognize"), "button_recognize"),
    UseCase("recognitions", "city:recognitions", ("city", "recognitions"), "recognitions"),
    UseCase("record_third_party", "city:record_third_party", ("city", "third-party"), "button_third_party"),
)
