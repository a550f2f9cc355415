"""`parkdesk keys …`: identities (key pair + certificate), requests a district signs, and the trust store."""

from __future__ import annotations

import argparse
from pathlib import Path

from parkdesk.cli.options import add_format_option, add_passphrase_option, add_workspace_argument, days_argument

KINDS = ("operator", "district")  # parkdesk.identity.certificates.KINDS
OPERATOR, DISTRICT = KINDS


def add_parser(subparsers, parent) -> None:
    keys = subparsers.add_parser(
        "keys", parents=[parent], help="签名身份与信任证书 / signing identities and trusted certificates",
        description="管理签名身份(密钥对与证书)、证书请求与签发、信任列表。私钥以口令加密保存在工作区中。 / "
                    "Manage signing identities (key pair and certificate), certificate requests and issuing, "
                    "and the trust store. Private keys are kept in the workspace, encrypted with a passphrase.")
    commands = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)

    create = _command(commands, parent, "create", "创建身份(密钥对与自签名证书)/ create an identity (key pair and "
                      "self-signed certificate; a district's is a CA)")
    create.add_argument("--name", required=True, help="身份名称 / the identity's name")
    create.add_argument("--kind", choices=KINDS, default=OPERATOR,
                        help="operator: 园区运营机构 park operator; district: 区县(可签发证书,CA)district office, "
                             "a small CA (default: operator)")
    create.add_argument("--park", metavar="CODE", help="运营机构所属园区 / the operator's park (kind operator)")
    create.add_argument("--division", metavar="CODE", help="区县代码,如 370102 / the district's code (kind district)")
    create.add_argument("--org", help="组织名称(默认取自园区或区县)/ organisation (default: from the park or district)")
    create.add_argument("--common-name", help="证书名称 CN(默认园区名或“区县名商务局”)/ the certificate's CN")
    create.add_argument("--algorithm", choices=("ec", "rsa"),
                        help="ec: EC P-256(运营机构默认);rsa: RSA 3072(区县默认,接收加密数据包需要)/ "
                             "ec: P-256 (operator default); rsa: RSA 3072 (district default, needed to receive "
                             "encrypted packages)")
    create.add_argument("--days", type=days_argument, help="有效天数 / days of validity (operator 1095, district 3650)")
    _passphrase_option(create)
    create.set_defaults(run=run_create)

    export = _command(commands, parent, "export-cert", "导出证书(含签发链,PEM)/ export the certificate "
                      "(with its issuers, PEM)")
    export.add_argument("name", metavar="NAME")
    export.add_argument("--out", type=Path, required=True, help="证书文件 / the certificate file")
    export.add_argument("--der", action="store_true", help="仅导出本证书,DER 格式 / the certificate alone, DER")
    export.set_defaults(run=run_export_cert)

    export_key = _command(commands, parent, "export-key", "导出口令加密的私钥(PKCS#8 PEM,权限 0600)/ export the "
                          "passphrase-encrypted private key (PKCS#8 PEM, mode 0600)")
    export_key.add_argument("name", metavar="NAME")
    export_key.add_argument("--out", type=Path, required=True, help="私钥文件 / the key file")
    export_key.set_defaults(run=run_export_key)

    request = _command(commands, parent, "request", "生成证书请求,交区县签发 / make a certificate request for the "
                       "district to sign")
    request.add_argument("name", metavar="NAME")
    request.add_argument("--out", type=Path, required=True, help="请求文件(.csr)/ the request file (.csr)")
    _passphrase_option(request)
    request.set_defaults(run=run_request)

    issue = _command(commands, parent, "issue", "区县身份签发运营机构的证书请求 / a district identity signs an "
                     "operator's certificate request")
    issue.add_argument("name", metavar="NAME", help="区县身份 / the district identity")
    issue.add_argument("request", type=Path, metavar="REQUEST", help="证书请求文件 / the request file")
    issue.add_argument("--out", type=Path, required=True, help="签发的证书(含区县证书,PEM)/ the issued "
                       "certificate, followed by the district's (PEM)")
    issue.add_argument("--days", type=days_argument, default=1095, help="有效天数 / days of validity (default 1095)")
    _passphrase_option(issue)
    issue.set_defaults(run=run_issue)

    issued = _command(commands, parent, "issued", "列出本区县签发过的运营机构证书 / list the operator certificates "
                      "this district issued")
    add_format_option(issued)
    issued.set_defaults(run=run_issued)

    install = _command(commands, parent, "import-cert", "为自己的身份装入区县签发的证书 / install the certificate "
                       "a district issued into one's own identity")
    install.add_argument("name", metavar="NAME")
    install.add_argument("certificate", type=Path, metavar="CERT")
    install.set_defaults(run=run_import_cert)

    trust = _command(commands, parent, "trust", "将区县 CA 证书或运营机构证书加入信任列表 / add a district CA "
                     "certificate or an operator's certificate to the trust store")
    trust.add_argument("certificate", type=Path, metavar="CERT")
    trust.add_argument("--note", help="备注,如电话核对指纹的情况 / a note, e.g. who confirmed the fingerprint")
    trust.set_defaults(run=run_trust)

    listing = _command(commands, parent, "list", "列出身份与信任证书及其指纹 / list identities and trusted "
                       "certificates with their fingerprints")
    add_format_option(listing)
    listing.set_defaults(run=run_list)


def _command(commands, parent, name: str, words: str) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, parents=[parent], help=words, description=words)
    add_workspace_argument(parser)
    return parser


def _passphrase_option(parser: argparse.ArgumentParser) -> None:
    add_passphrase_option(parser)


def _kind_text(kind: str, lang: str) -> str:
    from parkdesk.texts import text

    return text(f"identity.kind.{kind}", lang)


def _passphrase(args, name: str, new: bool = False) -> bytes:
    from parkdesk.identity.passphrase import read_passphrase

    return read_passphrase(name, passphrase_file=args.passphrase_file, new=new, lang=args.lang)


def run_create(args: argparse.Namespace) -> int:
    from parkdesk.app import identities
    from parkdesk.db.workspace import open_workspace
    from parkdesk.errors import WorkspaceError
    from parkdesk.texts import text

    from parkdesk.app.reports import park_id_of

    with open_workspace(args.workspace) as workspace:
        if args.kind == OPERATOR and not args.park:
            raise WorkspaceError("keys.park_needed")
        if args.kind == OPERATOR:
            park_id_of(workspace, args.park)  # an unknown park is refused before the passphrase is asked for
        options = dict(organization=args.org, common_name=args.common_name, days=args.days)
        if args.algorithm:
            options["algorithm"] = args.algorithm
        passphrase = _passphrase(args, args.name, new=True)
        if args.kind == OPERATOR:
            created = identities.create_operator_identity(workspace, args.name, args.park, passphrase, **options)
        else:
            created = identities.create_district_identity(workspace, args.name, args.division, passphrase, **options)
    print(text("identity.created", args.lang, name=created.name, kind=_kind_text(created.kind, args.lang),
                  fingerprint=created.fingerprint))
    return 0


def run_export_cert(args: argparse.Namespace) -> int:
    from parkdesk.app import identities
    from parkdesk.db.workspace import open_workspace
    from parkdesk.identity.certificates import fingerprint
    from parkdesk.texts import text

    from parkdesk.cli.common import output_path

    out = output_path(args.out, (".der", ".cer", ".crt") if args.der else (".pem", ".crt", ".cer"), args.lang)
    with open_workspace(args.workspace) as workspace:
        cert = identities.export_certificate(workspace, args.name, out, der=args.der)
    print(text("cert.written", args.lang, path=out))
    print(f"SHA-256: {fingerprint(cert)}")
    return 0


def run_export_key(args: argparse.Namespace) -> int:
    from parkdesk.app import identities
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text

    from parkdesk.cli.common import output_path

    out = output_path(args.out, (".pem", ".key"), args.lang)
    with open_workspace(args.workspace) as workspace:
        identities.export_key(workspace, args.name, out)
    print(text("cert.written", args.lang, path=out))
    return 0


def run_request(args: argparse.Namespace) -> int:
    from parkdesk.app import identities
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text

    from parkdesk.cli.common import output_path

    out = output_path(args.out, (".csr", ".pem"), args.lang)
    with open_workspace(args.workspace) as workspace:
        identities.request_certificate(workspace, args.name, _passphrase(args, args.name), out)
    print(text("cert.written", args.lang, path=out))
    return 0


def run_issue(args: argparse.Namespace) -> int:
    from parkdesk.app import identities
    from parkdesk.db.workspace import open_workspace
    from parkdesk.identity.certificates import fingerprint, subject_text, valid_until
    from parkdesk.texts import text

    from parkdesk.cli.common import output_path

    out = output_path(args.out, (".pem", ".crt", ".cer"), args.lang)
    with open_workspace(args.workspace) as workspace:
        cert = identities.issue_operator_certificate(workspace, args.name, _passphrase(args, args.name),
                                                     args.request, out, days=args.days)
    print(text("csr.issued", args.lang, subject=subject_text(cert), until=valid_until(cert).date(),
                  fingerprint=fingerprint(cert)))
    return 0


def run_issued(args: argparse.Namespace) -> int:
    from parkdesk.app import identities
    from parkdesk.cli.common import print_json
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text

    with open_workspace(args.workspace) as workspace:
        issued = identities.issued_certificates(workspace)
    if args.format == "json":
        print_json([item.to_json() for item in issued])
        return 0
    print(text("keys.issued", args.lang, count=len(issued)))
    for item in issued:
        print(f"  {item.park_code}  {item.subject}  {text('keys.valid_until', args.lang)}: "
              f"{item.not_after.date().isoformat()}  {item.issued_at:%Y-%m-%d}")
        print(f"      SHA-256: {item.fingerprint}")
    return 0


def run_import_cert(args: argparse.Namespace) -> int:
    from parkdesk.app import identities
    from parkdesk.db.workspace import open_workspace
    from parkdesk.identity.certificates import name_text
    from parkdesk.texts import text

    with open_workspace(args.workspace) as workspace:
        info, cert = identities.install_issued_certificate(workspace, args.name, args.certificate)
    print(text("identity.installed", args.lang, name=info.name, issuer=name_text(cert.issuer),
                  fingerprint=info.fingerprint))
    return 0


def run_trust(args: argparse.Namespace) -> int:
    from parkdesk.app import identities
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text

    with open_workspace(args.workspace) as workspace:
        entry = identities.trust(workspace, args.certificate, args.note)
    kind = "CA" if entry.kind == "ca" else text("trust.kind_signer", args.lang)
    print(text("trust.added", args.lang, kind=kind, subject=entry.subject, fingerprint=entry.fingerprint))
    return 0


def run_list(args: argparse.Namespace) -> int:
    from parkdesk.app import identities
    from parkdesk.cli.common import print_json
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text

    with open_workspace(args.workspace) as workspace:
        found = [_identity_json(info) for info in identities.identities(workspace)]
        trusted = [{"kind": e.kind, "subject": e.subject, "fingerprint": e.fingerprint,
                    "not_before": e.not_before.isoformat(), "not_after": e.not_after.isoformat(), "note": e.note,
                    "added_by": e.added_by, "added_at": e.added_at.isoformat(timespec="seconds")}
                   for e in identities.trusted(workspace)]
    if args.format == "json":
        print_json({"identities": found, "trusted": trusted})
        return 0
    print(text("keys.identities", args.lang, count=len(found)))
    for item in found:
        print(f"  {item['name']}  [{_kind_text(item['kind'], args.lang)}, {item['key_algorithm']}]  {item['subject']}")
        print(f"      {text('keys.issuer', args.lang)}: {item['issuer']}  "
              f"{text('keys.valid_until', args.lang)}: {item['not_after'][:10]}")
        print(f"      SHA-256: {item['fingerprint']}")
    print(text("keys.trusted", args.lang, count=len(trusted)))
    for item in trusted:
        until = text("keys.valid_until", args.lang)
        print(f"  [{item['kind']}] {item['subject']}  {until}: {item['not_after'][:10]}")
        print(f"      SHA-256: {item['fingerprint']}" + (f"  ({item['note']})" if item["note"] else ""))
    return 0


def _identity_json(info) -> dict:
    from parkdesk.identity.certificates import name_text, subject_text

    cert = info.certificate
    return {"name": info.name, "kind": info.kind, "key_algorithm": info.key_algorithm,
            "subject": info.subject, "issuer": name_text(cert.issuer), "fingerprint": info.fingerprint,
            "park": info.park, "division": info.division,
            "not_before": cert.not_valid_before_utc.isoformat(), "not_after": cert.not_valid_after_utc.isoformat(),
            "chain": [subject_text(c) for c in info.chain]}
