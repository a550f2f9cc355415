"""Typed SQLAlchemy 2 models of a workspace, one module per part of the report."""

from parkdesk.db.models.base import Base, WorkspaceInfo
from parkdesk.db.models.park import Division, Park
from parkdesk.db.models.report import Report
from parkdesk.db.models.park_details import ParkDetails
from parkdesk.db.models.chain import ChainLink, ChainSegment
from parkdesk.db.models.path import Milestone, PathStage
from parkdesk.db.models.enterprise import Enterprise
from parkdesk.db.models.indicator import IndicatorDefinition, IndicatorValue
from parkdesk.db.models.assessment import Attachment, Platform, RequirementAssessment
from parkdesk.db.models.audit import AuditEntry
from parkdesk.db.models.justification import Justification
from parkdesk.db.models.identity import Identity, IssuedCertificate, SignedPackage, TrustedCertificate
from parkdesk.db.models.evaluation import EvaluationRecord
from parkdesk.db.models.recognition import RecognitionChange, ThirdPartyResult
from parkdesk.db.models.review import (
    BuiltRollup, InboxEntry, InboxRecordId, ReceiptComment, ReceivedReceipt, ReceivedRollup, ReviewComment, ReviewEvent,
    StoredFile,
)

__all__ = [
    "Attachment",
    "AuditEntry",
    "Base",
    "BuiltRollup",
    "ChainLink",
    "ChainSegment",
    "Division",
    "Enterprise",
    "EvaluationRecord",
    "InboxEntry",
    "InboxRecordId",
    "Identity",
    "IssuedCertificate",
    "IndicatorDefinition",
    "IndicatorValue",
    "Justification",
    "Milestone",
    "Park",
    "ParkDetails",
    "PathStage",
    "Platform",
    "ReceiptComment",
    "ReceivedReceipt",
    "ReceivedRollup",
    "RecognitionChange",
    "Report",
    "RequirementAssessment",
    "ReviewComment",
    "ReviewEvent",
    "SignedPackage",
    "StoredFile",
    "ThirdPartyResult",
    "TrustedCertificate",
    "WorkspaceInfo",
]
