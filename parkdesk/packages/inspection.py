"""What a package says about itself, without verifying it: bag-info, report.json's header, the signer, the files."""

from __future__ import annotations

from pathlib import Path

from parkdesk.identity.certificates import fingerprint, name_text, subject_text, valid_from, valid_until
from parkdesk.packages.bag import parse_bag_info
from parkdesk.packages.layout import BAG_INFO, REPORT_JSON, SIGNATURE
from parkdesk.packages.opening import Decrypt, open_package
from parkdesk.packages.safe_zip import ZipLimits
from parkdesk.packages.schema import SchemaProblem, load_document
from parkdesk.packages.signing import SignatureProblem, read_signature


def inspect_package(path: Path, decrypt: Decrypt | None = None, limits: ZipLimits = ZipLimits()) -> dict:
    """Metadata for people; raises NotAPackage or Damaged when the file cannot be read as a package."""
    with open_package(path, decrypt, limits) as opened:
        package = opened.zip
        info: dict = {"file": str(path), "encrypted": opened.encrypted_for is not None, "folder": package.top,
                      "name_encoding": dict(sorted(package.name_encodings.items()))}
        if BAG_INFO in package.entries:
            info["bag_info"] = parse_bag_info(package.read(BAG_INFO), BAG_INFO)
        if REPORT_JSON in package.entries:
            info["report"] = _report_header(package.read(REPORT_JSON))
        if SIGNATURE in package.entries:
            info["signer"] = _signer(package.read(SIGNATURE))
        info["files"] = [{"path": name, "size": package.size(name)} for name in package.names()]
    return info


def _report_header(data: bytes) -> dict:
    try:
        document = load_document(data)
    except SchemaProblem as problem:
        return {"unreadable": problem.message("en")}
    try:
        return {
            "schema_version": document.get("schema_version"), "ruleset_version": document.get("ruleset_version"),
            "package_id": document["package"]["id"], "supersedes": document["package"]["supersedes"],
            "created_at": document["package"]["created_at"], "created_by": document["package"]["created_by"],
            "park_code": document["park"]["code"], "park_name": document["park"]["name"],
            "year": document["report"]["year"], "status": document["report"]["status"],
            "finalized_at": document["report"]["finalized_at"], "enterprises": len(document["enterprises"]),
            "attachments": len(document["attachments"]), "justifications": len(document["justifications"]),
            "documents": document["package"]["documents"],
        }
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        return {"unreadable": str(exc)[:200]}


def _signer(data: bytes) -> dict:
    try:
        _, certificates, signer = read_signature(data)
    except SignatureProblem as problem:
        return {"unreadable": problem.message("en")}
    return {"subject": subject_text(signer), "issuer": name_text(signer.issuer), "fingerprint": fingerprint(signer),
            "not_before": valid_from(signer).isoformat(), "not_after": valid_until(signer).isoformat(),
            "certificates": [subject_text(cert) for cert in certificates]}
