"""Verifying a package offline: structure, checksums, signature, signer, schema, validation rules.

Each check says whether it passed and why not. The failure classes, in the
order they take precedence, each have their own exit code:

    not_a_package  2   not a ZIP, not a bag, unreadable
    damaged        3   truncated, changed, files added/removed/renamed, unsafe ZIP
    signature      4   signature missing, unreadable or not matching
    untrusted      5   signer not in the trust store, expired, wrong park
    invalid        1   report.json against its schema, or the validation rules

Payload files are hashed on worker threads (hashlib releases the GIL) while
the main thread checks the signature, the schema and re-runs the rules.

`BagVerifier` holds the checks every signed bag shares; `PackageVerifier`
adds what a report package needs (its park, report.json, the rules).
Decision receipts and district roll-ups subclass `BagVerifier` the same way
(parkdesk.review) and run through `verify_signed_bag`.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cryptography import x509

from parkdesk.errors import ParkdeskError
from parkdesk.gc_pause import gc_paused
from parkdesk.identity.certificates import fingerprint, subject_text, unit_of
from parkdesk.identity.chain import Untrusted, trusted_path
from parkdesk.texts import text
from parkdesk.packages.bag import (
    TagFileProblem, check_bagit_txt, manifest_algorithm, parse_bag_info, parse_manifest, payload_oxum,
)
from parkdesk.packages.layout import (
    BAG_INFO, BAGIT_TXT, MANIFEST, PAYLOAD_DIR, REPORT_JSON, SIGNATURE, TAG_FILES, TAGMANIFEST,
)
from parkdesk.packages.opening import Decrypt, open_package
from parkdesk.packages.report_import import import_report, scratch_session
from parkdesk.packages.safe_zip import Damaged, NotAPackage, PackageZip, ZipLimits
from parkdesk.packages.schema import SchemaProblem, check_document, load_document
from parkdesk.packages.signing import Signed, SignatureProblem, verify_detached
from parkdesk.validation.engine import validate_report
from parkdesk.validation.findings import RULESET_VERSION

NOT_A_PACKAGE = "not_a_package"
DAMAGED = "damaged"
SIGNATURE_BAD = "signature"
UNTRUSTED = "untrusted"
INVALID = "invalid"
FAILURE_CLASSES = (NOT_A_PACKAGE, DAMAGED, SIGNATURE_BAD, UNTRUSTED, INVALID)  # by precedence
EXIT_CODES = {None: 0, INVALID: 1, NOT_A_PACKAGE: 2, DAMAGED: 3, SIGNATURE_BAD: 4, UNTRUSTED: 5}
CHECKS = ("structure", "checksums", "signature", "trust", "schema", "validation")
PASSED, FAILED, NOT_RUN = "passed", "failed", "not_run"
HASH_WORKERS = max(1, (os.cpu_count() or 2) - 1)  # the main thread keeps a core for the rules


@dataclass
class Check:
    name: str
    status: str = NOT_RUN
    failure_class: str | None = None
    key: str = "check.not_run"
    params: dict = field(default_factory=dict)

    def text(self, lang: str = "zh") -> str:
        return text(self.key, lang, **self.params)

    def to_json(self, lang: str = "zh") -> dict:
        return {"check": self.name, "status": self.status, "failure_class": self.failure_class,
                "reason": self.key, "message": self.text(lang)}


@dataclass
class Verification:
    path: Path
    checks: dict[str, Check] = field(default_factory=lambda: {name: Check(name) for name in CHECKS})
    metadata: dict = field(default_factory=dict)

    def passed(self, name: str, key: str, **params) -> None:
        self.checks[name] = Check(name, PASSED, None, key, params)

    def failed(self, name: str, failure_class: str, problem: ParkdeskError) -> None:
        self.checks[name] = Check(name, FAILED, failure_class, problem.message_key, problem.params)

    def skipped(self, name: str, key: str) -> None:
        self.checks[name] = Check(name, NOT_RUN, None, key, {})

    def ok(self, name: str) -> bool:
        return self.checks[name].status == PASSED

    @property
    def failure(self) -> str | None:
        classes = {check.failure_class for check in self.checks.values() if check.status == FAILED}
        return next((c for c in FAILURE_CLASSES if c in classes), None)

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.failure]

    def to_json(self, lang: str = "zh") -> dict:
        return {"file": str(self.path), "verified": self.failure is None, "failure_class": self.failure,
                "exit_code": self.exit_code, "checks": [c.to_json(lang) for c in self.checks.values()],
                "package": self.metadata}


def verify_package(path: Path, *, anchors: list[x509.Certificate], decrypt: Decrypt | None = None,
                   at: datetime | None = None, limits: ZipLimits = ZipLimits()) -> Verification:
    """Run every check on the package at `path`; never raises for a bad package."""
    return verify_signed_bag(path, PackageVerifier, anchors=anchors, decrypt=decrypt, at=at, limits=limits)


def verify_signed_bag(path: Path, verifier: type["BagVerifier"], *, anchors: list[x509.Certificate],
                      decrypt: Decrypt | None = None, at: datetime | None = None,
                      limits: ZipLimits = ZipLimits()) -> Verification:
    """Run `verifier`'s checks on the signed bag at `path`; never raises for a bad file."""
    result = Verification(Path(path))
    try:
        opened = open_package(path, decrypt, limits)
    except NotAPackage as problem:
        result.failed("structure", NOT_A_PACKAGE, problem)
        return result
    except Damaged as problem:
        result.failed("structure", DAMAGED, problem)
        return result
    with opened, gc_paused():  # report.json's many objects would make the collector run again and again
        result.metadata["encrypted"] = opened.encrypted_for is not None
        verifier(opened.zip, result, anchors, at).run()
    return result


class BagVerifier:
    """The checks of any signed bag; a subclass names its main document and says what it must hold."""

    document_path: str  # the payload file read and checked at once (a subclass names it)

    def __init__(self, package: PackageZip, result: Verification, anchors: list[x509.Certificate],
                 at: datetime | None):
        self.package, self.result, self.anchors, self.at = package, result, anchors, at
        self.bag_info: dict[str, str] = {}
        self.manifest: dict[str, str] = {}
        self.report_digest: str | None = None
        self.report_problem: Damaged | None = None

    def run(self) -> None:
        result = self.result
        try:
            self._structure()
        except NotAPackage as problem:
            result.failed("structure", NOT_A_PACKAGE, problem)
            return
        except (Damaged, TagFileProblem) as problem:
            result.failed("structure", DAMAGED, problem)
            return
        with ThreadPoolExecutor(max_workers=HASH_WORKERS, thread_name_prefix="parkdesk-verify") as pool:
            hashes, report_bytes = self._start_checksums(pool)
            signed = self._signature()
            if signed is not None:
                self._trust(signed)
            document = self._schema(report_bytes)
            if document is not None:
                self._validation(document)
            self._finish_checksums(hashes)

    # structure ------------------------------------------------------------------------------------------

    def _structure(self) -> None:
        package = self.package
        if BAGIT_TXT not in package.entries:
            raise NotAPackage("package.not_bag")
        check_bagit_txt(package.read(BAGIT_TXT))
        for name in (BAG_INFO, MANIFEST, TAGMANIFEST, self.document_path):
            if name not in package.entries:
                raise Damaged("package.missing_file", name=name)
        self.bag_info = parse_bag_info(package.read(BAG_INFO), BAG_INFO)
        self.manifest = parse_manifest(package.read(MANIFEST), MANIFEST)
        self.result.metadata.update(self.describe(self.bag_info))
        self.result.metadata["files"] = len(package.entries)
        self.result.passed("structure", "check.structure_ok", files=len(package.entries))

    # checksums -------------------------------------------------------------------------------------------

    def _start_checksums(self, pool: ThreadPoolExecutor) -> tuple[dict[str, Future], bytes | None]:
        """Start hashing every payload file; report.json is read here, it is needed at once."""
        package = self.package
        hashes = {name: pool.submit(package.sha256, name)
                  for name in sorted(package.entries, key=package.size, reverse=True)
                  if name.startswith(PAYLOAD_DIR) and name != self.document_path and name in self.manifest}
        try:
            report_bytes = package.read(self.document_path)
        except Damaged as problem:
            self.report_problem, report_bytes = problem, b""
        self.report_digest = hashlib.sha256(report_bytes).hexdigest()
        intact = self.report_problem is None and self.manifest.get(self.document_path) == self.report_digest
        return hashes, report_bytes if intact else None

    def _finish_checksums(self, hashes: dict[str, Future]) -> None:
        try:
            self._tag_checksums()
            self._payload_checksums(hashes)
        except (Damaged, TagFileProblem) as problem:
            self.result.failed("checksums", DAMAGED, problem)

    def _tag_checksums(self) -> None:
        """The signed tag manifest covers every tag file; other manifests a tool added must hold too.

        RFC 8493 keeps tag manifests out of each other, so another tag manifest (tagmanifest-sha512.txt) is
        not listed anywhere: what it lists is checked, but it proves nothing, the signed one does. Any other
        tag file, another payload manifest included, must be listed in the signed tag manifest.
        """
        package = self.package
        tagmanifest = parse_manifest(package.read(TAGMANIFEST), TAGMANIFEST)
        for name in TAG_FILES:
            if name not in tagmanifest:
                raise Damaged("checksum.tag_not_covered", name=name)
        self._check_listed(tagmanifest, "sha256")
        for name in sorted(package.entries):
            kind = manifest_algorithm(name)
            if name.startswith(PAYLOAD_DIR) or name in (TAGMANIFEST, SIGNATURE, MANIFEST):
                continue
            if name not in tagmanifest and not (kind and kind[0]):
                raise Damaged("checksum.not_listed", name=name)
            if kind is not None:
                self._check_listed(parse_manifest(package.read(name), name, kind[1]), kind[1])

    def _check_listed(self, manifest: dict[str, str], algorithm: str) -> None:
        """Every file `manifest` lists is there with that digest."""
        for name, digest in manifest.items():
            if name not in self.package.entries:
                raise Damaged("checksum.missing", name=name)
            if self.package.hexdigest(name, algorithm) != digest:
                raise Damaged("checksum.mismatch", name=name)

    def _payload_checksums(self, hashes: dict[str, Future]) -> None:
        package = self.package
        payload = sorted(name for name in package.entries if name.startswith(PAYLOAD_DIR))
        for name in payload:
            if name not in self.manifest:
                raise Damaged("checksum.not_listed", name=name)
        for name in sorted(self.manifest):
            if name not in package.entries:
                raise Damaged("checksum.missing", name=name)
        if self.report_problem is not None:
            raise self.report_problem
        if self.manifest[self.document_path] != self.report_digest:
            raise Damaged("checksum.mismatch", name=self.document_path)
        for name, future in hashes.items():
            if future.result() != self.manifest[name]:
                raise Damaged("checksum.mismatch", name=name)
        sizes = [package.size(name) for name in payload]
        declared = self.bag_info.get("Payload-Oxum")
        if declared is not None and declared != payload_oxum(sizes):
            raise Damaged("checksum.oxum", declared=declared, actual=payload_oxum(sizes))
        self.result.passed("checksums", "check.checksums_ok", files=len(payload), size=sum(sizes))

    # signature and signer --------------------------------------------------------------------------------

    def _signature(self) -> Signed | None:
        try:
            if SIGNATURE not in self.package.entries:
                raise SignatureProblem("signature.missing")
            signature = self.package.read(SIGNATURE, check_crc=False)  # a changed byte is the signature's problem
            signed = verify_detached(signature, self.package.read(TAGMANIFEST, check_crc=False))
            if not self.package.crc_matches(SIGNATURE, signature):
                raise SignatureProblem("signature.altered")
        except SignatureProblem as problem:
            self.result.failed("signature", SIGNATURE_BAD, problem)
            return None
        except Damaged as problem:
            self.result.failed("signature", DAMAGED, problem)
            return None
        self.result.metadata.update({
            "signer": signed.subject, "signer_fingerprint": fingerprint(signed.signer), "signer_issuer": signed.issuer,
            "signing_time": signed.signing_time.isoformat() if signed.signing_time else None,
        })
        self.result.passed("signature", "check.signature_ok", subject=signed.subject)
        return signed

    def _trust(self, signed: Signed) -> None:
        try:
            path = trusted_path(signed.signer, signed.certificates, self.anchors, self.at)
            self.check_signer_unit(unit_of(signed.signer))
        except Untrusted as problem:
            self.result.failed("trust", UNTRUSTED, problem)
            return
        except Exception as exc:  # a certificate's extensions or key are parsed only now, and may be malformed
            self.result.failed("trust", UNTRUSTED, Untrusted("signature.certificate_unreadable",
                                                             reason=f"{type(exc).__name__}: {exc}"[:200]))
            return
        self.result.passed("trust", "check.trust_ok", subject=subject_text(signed.signer),
                           anchor=subject_text(path[-1]), fingerprint=fingerprint(signed.signer))

    # schema and rules ------------------------------------------------------------------------------------

    def _schema(self, report_bytes: bytes | None) -> dict | None:
        if report_bytes is None:
            self.result.skipped("schema", "check.skipped_damaged")
            self.result.skipped("validation", "check.skipped_damaged")
            return None
        try:
            document = load_document(report_bytes)  # SchemaProblem for bytes that are not JSON, or nest too deep
            version = self.check_document(document)
            self._consistent(document)
        except SchemaProblem as problem:
            self.result.failed("schema", INVALID, problem)
            self.result.skipped("validation", "check.skipped_schema")
            return None
        self.result.passed("schema", "check.schema_ok", version=version)
        return document

    # what a kind of bag adds ------------------------------------------------------------------------------

    def describe(self, bag_info: dict[str, str]) -> dict:
        """What bag-info.txt says, for Verification.metadata."""
        return {"bag_id": bag_info.get("External-Identifier"),
                "source_organization": bag_info.get("Source-Organization"),
                "bagging_date": bag_info.get("Bagging-Date")}

    def check_signer_unit(self, unit: str | None) -> None:
        """Raise Untrusted when the signer's certificate (its OU) may not sign this bag."""

    def check_document(self, document) -> int:
        """Raise SchemaProblem unless the main document has its documented form; return its version."""
        raise NotImplementedError

    def _consistent(self, document: dict) -> None:
        """The main document agrees with bag-info.txt and with the files the bag holds."""

    def _validation(self, document: dict) -> None:
        self.result.skipped("validation", "check.not_run")


class PackageVerifier(BagVerifier):
    """A report package: signed by its park's operator, report.json in its schema, the rules re-run."""

    document_path = REPORT_JSON

    def describe(self, bag_info: dict[str, str]) -> dict:
        return {
            "package_id": bag_info.get("External-Identifier"), "park_code": bag_info.get("Park-Code"),
            "park_name": bag_info.get("Park-Name"), "year": bag_info.get("Report-Year"),
            "source_organization": bag_info.get("Source-Organization"),
            "bagging_date": bag_info.get("Bagging-Date"), "supersedes": bag_info.get("Supersedes"),
        }

    def check_signer_unit(self, unit: str | None) -> None:
        park = self.bag_info.get("Park-Code")
        if unit != park:
            raise Untrusted("chain.other_park", signer_park=unit, park=park)

    def check_document(self, document) -> int:
        version = check_document(document, parsed_json=True)
        self.result.metadata["ruleset_version"] = document["ruleset_version"]
        return version

    def _consistent(self, document: dict) -> None:
        """report.json agrees with bag-info.txt and with the files the bag holds."""
        for field_name, json_value, label in (
                ("package.id", document["package"]["id"], "External-Identifier"),
                ("park.code", document["park"]["code"], "Park-Code"),
                ("report.year", str(document["report"]["year"]), "Report-Year")):
            if self.bag_info.get(label) != json_value:
                raise SchemaProblem("schema.mismatch", field=field_name, json_value=json_value,
                                    bag_value=self.bag_info.get(label))
        for attachment in document["attachments"]:
            path = attachment["path"]
            if self.manifest.get(path) != attachment["sha256"] or path not in self.package.entries \
                    or self.package.size(path) != attachment["size"]:
                raise SchemaProblem("schema.attachment", name=attachment["filename"])
        for path in document["package"]["documents"]:
            if path not in self.manifest:
                raise SchemaProblem("schema.document_missing", name=path)

    def _validation(self, document: dict) -> None:
        ruleset = document["ruleset_version"]
        if ruleset != RULESET_VERSION:
            self.result.failed("validation", INVALID, SchemaProblem("validation.ruleset", package=ruleset,
                                                                   current=RULESET_VERSION))
            return
        try:
            with scratch_session() as session:
                imported = import_report(session, document, with_previous_indicators=True)
                session.commit()  # committed rows can be scanned on a second connection (side_query)
                outcome = validate_report(session, imported.report_id)
        except Exception as exc:  # the document matched its schema yet cannot be loaded: say so, never crash
            self.result.failed("validation", INVALID, SchemaProblem("validation.import_failed",
                                                                   reason=str(exc)[:200]))
            return
        # the bag's checksums compare each attachment's bytes with its SHA-256 (checked in _consistent);
        # the scratch workspace holds no attachment bytes, so its own ATT-HASH findings are not meaningful
        outcome.findings = [f for f in outcome.findings if f.rule_id != "ATT-HASH"]
        self.result.metadata["findings"] = {"errors": len(outcome.errors), "warnings": len(outcome.warnings),
                                            "infos": len(outcome.infos)}
        if not outcome.can_finalize:
            first = (outcome.errors + outcome.unjustified_warnings)[0]
            self.result.failed("validation", INVALID, SchemaProblem(
                "validation.failed", errors=len(outcome.errors), warnings=len(outcome.unjustified_warnings),
                first=f"{first.rule_id} {first.location.key()}"))
            return
        self.result.passed("validation", "check.validation_ok", ruleset=ruleset, warnings=len(outcome.warnings))

