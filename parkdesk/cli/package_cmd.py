"""`parkdesk package build|verify|inspect`: signed submission packages (.parkpkg, .parkpkg.p7m)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parkdesk.cli.options import (
    PASSPHRASE_HELP, add_format_option, add_park_option, add_workspace_argument, year_argument,
)

EXIT_CODES_HELP = (
    "退出码 / exit codes: 0 全部通过 all checks passed; 1 数据格式或校验规则未通过 schema or validation failure; "
    "2 不是数据包 not a package at all (or unreadable); 3 已损坏或被篡改 damaged or tampered with; "
    "4 签名无效或缺失 signature bad or missing; 5 签名者不受信任或证书过期 signer untrusted or expired."
)
STATUS_MARKS = {"passed": "check.passed", "failed": "check.failed"}  # parkdesk.packages.verify PASSED, FAILED


def add_parser(subparsers, parent) -> None:
    package = subparsers.add_parser(
        "package", parents=[parent], help="签名数据包:生成、验证、查看 / signed packages: build, verify, inspect",
        description="年报数据包(.parkpkg):ZIP 中的 BagIt 包,CMS 分离式签名,可加密为 .parkpkg.p7m。 / "
                    "Report packages (.parkpkg): a BagIt bag in a ZIP with a detached CMS signature, optionally "
                    "encrypted (.parkpkg.p7m).")
    commands = package.add_subparsers(dest="package_command", metavar="ACTION", required=True)

    build = commands.add_parser(
        "build", parents=[parent], help="为已定稿的年报生成签名数据包 / build the signed package of a finalized report",
        description="为已定稿的年报生成签名数据包;先写入临时文件,完成后再改名。 / Build the signed package of a "
                    "finalized report; written to a temporary file and renamed when complete.")
    add_workspace_argument(build)
    add_park_option(build)
    build.add_argument("--year", type=year_argument, required=True, help="年度 / report year")
    build.add_argument("--out", type=Path, required=True, help="数据包文件 / the package file (.parkpkg)")
    build.add_argument("--identity", metavar="NAME",
                       help="签名身份(默认该园区的运营机构身份)/ the signing identity (default: the park's operator)")
    build.add_argument("--encrypt-to", type=Path, metavar="CERT",
                       help="加密给区县的 RSA 证书(输出 .parkpkg.p7m)/ encrypt to the district's RSA certificate "
                            "(name the output .parkpkg.p7m)")
    build.add_argument("--passphrase-file", type=Path, metavar="FILE", help=PASSPHRASE_HELP)
    build.set_defaults(run=run_build)

    verify = commands.add_parser(
        "verify", parents=[parent], help="离线验证数据包 / verify a package offline",
        description="离线验证:结构、校验和、签名、签名者证书(信任列表、有效期、证书链)、数据格式、按数据包的规则集版本复核校验规则。"
                    " / Offline verification: structure, checksums, signature, the signer's certificate (trust "
                    "store, validity, chain), the schema, and the validation rules re-run with the package's rule "
                    "set.\n\n" + EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    verify.add_argument("file", type=Path, metavar="FILE")
    verify.add_argument("--trust", type=Path, action="append", default=[], metavar="PATH",
                        help="信任该文件中的第一个证书(区县 CA 证书或运营机构证书,可多次指定;与 keys trust 相同)"
                             "/ trust the first certificate of this file (a district CA's or an operator's; "
                             "repeatable; as `keys trust` does)")
    verify.add_argument("--trust-chain", action="store_true",
                        help="信任 --trust 文件中的全部证书(如 keys export-cert 写出的运营机构证书连同区县 CA)"
                             "/ trust every certificate of the --trust files (an operator certificate exported by "
                             "`keys export-cert` carries its district CA too: that trusts the whole district)")
    _workspace_option(verify)
    add_format_option(verify)
    verify.set_defaults(run=run_verify)

    inspect = commands.add_parser(
        "inspect", parents=[parent], help="查看数据包的元数据(不验证)/ print a package's metadata (no verification)",
        description="查看数据包的元数据(不验证),包括文件名所用的编码(name_encoding:utf-8、未标记的 utf-8、gb18030、"
                    "cp437)。 / Print what a package says about itself, without verifying it, including the encoding "
                    "its file names were found in (name_encoding: utf-8, unflagged utf-8, gb18030, cp437).\n\n"
                    "退出码 / exit codes: 0; 2 不是数据包 not a package; 3 已损坏 damaged.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    inspect.add_argument("file", type=Path, metavar="FILE")
    _workspace_option(inspect)
    add_format_option(inspect)
    inspect.set_defaults(run=run_inspect)


def _workspace_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workspace", type=Path, metavar="WORKSPACE",
                        help="使用该工作区的信任列表,并用其中的区县身份解密加密的数据包 / use this workspace's trust "
                             "store, and its district identity to decrypt an encrypted package")
    parser.add_argument("--passphrase-file", type=Path, metavar="FILE", help=PASSPHRASE_HELP)


def run_build(args: argparse.Namespace) -> int:
    from parkdesk.app import packages, reports
    from parkdesk.db.workspace import open_workspace
    from parkdesk.identity.passphrase import read_passphrase
    from parkdesk.texts import text

    from parkdesk.cli.common import output_path

    out = output_path(args.out, (".parkpkg.p7m",) if args.encrypt_to else (".parkpkg",), args.lang)
    with open_workspace(args.workspace) as workspace:
        report_id = reports.report_id_of(workspace, args.park, args.year)
        identity = packages.signing_identity(workspace, report_id, args.identity)
        passphrase = read_passphrase(identity, passphrase_file=args.passphrase_file, lang=args.lang)
        built = packages.build_package(workspace, report_id, out, identity, passphrase,
                                       encrypt_to=args.encrypt_to, lang=args.lang)
    print(text("package.built", args.lang, path=built.path, size=built.size, package_id=built.package_id,
                  fingerprint=built.signer_fingerprint))
    if built.supersedes:
        print(text("package.superseded", args.lang, previous=built.supersedes))
    if built.encrypted_to:
        print(text("package.encrypted_to", args.lang, subject=built.encrypted_to))
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from parkdesk.app import packages
    from parkdesk.cli.common import print_json
    from parkdesk.texts import text

    verified = packages.verify(args.file, trust_files=args.trust, trust_chain=args.trust_chain,
                               workspace=args.workspace, passphrase_of=_passphrase_reader(args))
    result, lang = verified.result, args.lang
    if args.format == "json":
        print_json({**result.to_json(lang), "trusted": [entry.to_json() for entry in verified.trusted]})
        return result.exit_code
    for entry in verified.trusted:
        print(text("verify.trusted", lang, subject=entry.subject, fingerprint=entry.fingerprint,
                      source=entry.source))
    for path, count in verified.left_out:
        print(text("verify.trust_first_only", lang, path=path, count=count))
    for check in result.checks.values():
        mark = text(STATUS_MARKS.get(check.status, "check.not_run"), lang)
        print(f"[{mark}] {text('check.' + check.name, lang)}: {check.text(lang)}")
    if result.failure is None:
        print(text("verify.result_ok", lang, path=args.file))
    else:
        print(text("verify.result_failed", lang, path=args.file, failure=text(f"failure.{result.failure}", lang)),
              file=sys.stderr)
    return result.exit_code


def run_inspect(args: argparse.Namespace) -> int:
    from parkdesk.app import packages
    from parkdesk.cli.common import print_json

    info = packages.inspect(args.file, workspace=args.workspace, passphrase_of=_passphrase_reader(args))
    if args.format == "json":
        print_json(info)
        return 0
    from parkdesk.cli.package_text import print_inspection

    print_inspection(info, args.lang)
    return 0


def _passphrase_reader(args: argparse.Namespace):
    def read(name: str) -> bytes:
        from parkdesk.identity.passphrase import read_passphrase

        return read_passphrase(name, passphrase_file=args.passphrase_file, lang=args.lang)

    return read
