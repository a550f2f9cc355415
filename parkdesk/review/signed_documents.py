"""Verifying decision receipts and district roll-ups: the package checks (parkdesk.packages.verify),
with the district as signer and their own JSON Schema (shipped beside report-v1.schema.json)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

import fastjsonschema

from parkdesk.identity.chain import Untrusted
from parkdesk.packages.schema import SchemaProblem
from parkdesk.packages.verify import BagVerifier
from parkdesk.review.layout import RECEIPT_JSON, RECEIPT_SCHEMA, ROLLUP_JSON, ROLLUP_PACKAGES_DIR, ROLLUP_SCHEMA

SCHEMA_FILES = {RECEIPT_SCHEMA: "receipt-v1.schema.json", ROLLUP_SCHEMA: "rollup-v1.schema.json"}


@cache
def _validator(schema: str):
    text = resources.files("parkdesk.packages").joinpath("schema", SCHEMA_FILES[schema]).read_text("utf-8")
    return fastjsonschema.compile(json.loads(text))


def check_schema(document, schema: str) -> int:
    """Raise SchemaProblem unless `document` is a version-1 `schema` document; returns the version."""
    if not isinstance(document, dict) or document.get("schema") != schema:
        raise SchemaProblem("schema.invalid", reason=f"schema is not {schema}")
    if document.get("schema_version") != 1:
        raise SchemaProblem("schema.version", version=document.get("schema_version"), supported="1")
    try:
        _validator(schema)(document)
    except fastjsonschema.JsonSchemaValueException as exc:
        raise SchemaProblem("schema.invalid", reason=exc.message[:300]) from None
    return 1


class DistrictSignedVerifier(BagVerifier):
    """A bag the district signs: the signer's certificate names the district the bag says it comes from."""

    def check_signer_unit(self, unit: str | None) -> None:
        district = self.bag_info.get("District-Code")
        if unit != district:
            raise Untrusted("review.signer_other_district", signer_district=unit, district=district)

    def _consistent_with_bag_info(self, pairs: tuple[tuple[str, object, str], ...]) -> None:
        for field_name, json_value, label in pairs:
            if self.bag_info.get(label) != str(json_value):
                raise SchemaProblem("schema.mismatch", field=field_name, json_value=json_value,
                                    bag_value=self.bag_info.get(label))


class ReceiptVerifier(DistrictSignedVerifier):
    document_path = RECEIPT_JSON

    def describe(self, bag_info: dict[str, str]) -> dict:
        return {"receipt_id": bag_info.get("External-Identifier"), "district_code": bag_info.get("District-Code"),
                "district_name": bag_info.get("District-Name"), "package_id": bag_info.get("Answers-Package"),
                "park_code": bag_info.get("Park-Code"), "year": bag_info.get("Report-Year"),
                "decision": bag_info.get("Decision"), "bagging_date": bag_info.get("Bagging-Date")}

    def check_document(self, document) -> int:
        return check_schema(document, RECEIPT_SCHEMA)

    def _validation(self, document: dict) -> None:
        self.result.skipped("validation", "review.check_no_rules")

    def _consistent(self, document: dict) -> None:
        self._consistent_with_bag_info((
            ("receipt.id", document["receipt"]["id"], "External-Identifier"),
            ("district.code", document["district"]["code"], "District-Code"),
            ("package.id", document["package"]["id"], "Answers-Package"),
            ("decision.state", document["decision"]["state"], "Decision")))


class RollupVerifier(DistrictSignedVerifier):
    document_path = ROLLUP_JSON

    def describe(self, bag_info: dict[str, str]) -> dict:
        return {"rollup_id": bag_info.get("External-Identifier"), "district_code": bag_info.get("District-Code"),
                "district_name": bag_info.get("District-Name"), "year": bag_info.get("Report-Year"),
                "bagging_date": bag_info.get("Bagging-Date")}

    def check_document(self, document) -> int:
        return check_schema(document, ROLLUP_SCHEMA)

    def _validation(self, document: dict) -> None:
        self.result.skipped("validation", "review.check_inner_packages")

    def _consistent(self, document: dict) -> None:
        self._consistent_with_bag_info((
            ("rollup.id", document["rollup"]["id"], "External-Identifier"),
            ("district.code", document["district"]["code"], "District-Code"),
            ("year", document["year"], "Report-Year")))
        listed = set()
        for package in document["packages"]:
            path = package["path"]
            if self.manifest.get(path) != package["sha256"] or path not in self.package.entries \
                    or self.package.size(path) != package["size"]:
                raise SchemaProblem("review.rollup_package_mismatch", name=path)
            listed.add(path)
        unlisted = [name for name in self.package.entries
                    if name.startswith(ROLLUP_PACKAGES_DIR) and name not in listed]
        if unlisted:
            raise SchemaProblem("review.rollup_package_mismatch", name=unlisted[0])

