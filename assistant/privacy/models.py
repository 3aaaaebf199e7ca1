"""What the PHI guard finds (type and place, never the value) and what redaction returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class PhiType(StrEnum):
    """HIPAA Safe Harbor identifiers that can be seen in free text."""

    NAME = "NAME"
    DATE = "DATE"
    AGE = "AGE"  # ages over 89
    PHONE = "PHONE"
    FAX = "FAX"
    EMAIL = "EMAIL"
    SSN = "SSN"
    MRN = "MRN"
    ACCOUNT = "ACCOUNT"  # account, health plan, insurance and member numbers
    LICENSE = "LICENSE"  # licence, certificate and passport numbers
    VEHICLE = "VEHICLE"  # number plates, VINs
    DEVICE = "DEVICE"  # device serial numbers
    ADDRESS = "ADDRESS"
    ZIP = "ZIP"  # ZIP codes and postcodes
    URL = "URL"
    IP = "IP"
    ID = "ID"  # any other long identifying number

    @property
    def placeholder(self) -> str:
        return f"[{self.value}]"


_NOUNS = {
    PhiType.NAME: "name",
    PhiType.DATE: "date",
    PhiType.AGE: "age over 89",
    PhiType.PHONE: "phone number",
    PhiType.FAX: "fax number",
    PhiType.EMAIL: "email address",
    PhiType.SSN: "social security number",
    PhiType.MRN: "medical record number",
    PhiType.ACCOUNT: "account or plan number",
    PhiType.LICENSE: "licence or certificate number",
    PhiType.VEHICLE: "vehicle identifier",
    PhiType.DEVICE: "device identifier",
    PhiType.ADDRESS: "street address",
    PhiType.ZIP: "ZIP or postcode",
    PhiType.URL: "web address",
    PhiType.IP: "IP address",
    PhiType.ID: "identifying number",
}


@dataclass(frozen=True)
class PhiFinding:
    """One identifier: its type and where it sits in the text (never the value itself)."""

    type: PhiType
    start: int
    end: int


@dataclass(frozen=True)
class Redaction:
    """The text with each identifier replaced by its placeholder, and how many of each."""

    text: str
    counts_by_type: Mapping[PhiType, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.counts_by_type)

    def summary(self) -> str:
        """What was redacted, by type and never by value: '2 names, 1 phone number'."""
        return ", ".join(
            f"{count} {_NOUNS[kind]}{'' if count == 1 else 's'}"
            for kind, count in self.counts_by_type.items()
        )
