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


# (one, several) for each type: "1 email address", "2 email addresses", "3 ages over 89".
_NOUNS = {
    PhiType.NAME: ("name", "names"),
    PhiType.DATE: ("date", "dates"),
    PhiType.AGE: ("age over 89", "ages over 89"),
    PhiType.PHONE: ("phone number", "phone numbers"),
    PhiType.FAX: ("fax number", "fax numbers"),
    PhiType.EMAIL: ("email address", "email addresses"),
    PhiType.SSN: ("social security number", "social security numbers"),
    PhiType.MRN: ("medical record number", "medical record numbers"),
    PhiType.ACCOUNT: ("account or plan number", "account or plan numbers"),
    PhiType.LICENSE: ("licence or certificate number", "licence or certificate numbers"),
    PhiType.VEHICLE: ("vehicle identifier", "vehicle identifiers"),
    PhiType.DEVICE: ("device identifier", "device identifiers"),
    PhiType.ADDRESS: ("street address", "street addresses"),
    PhiType.ZIP: ("ZIP or postcode", "ZIP or postcodes"),
    PhiType.URL: ("web address", "web addresses"),
    PhiType.IP: ("IP address", "IP addresses"),
    PhiType.ID: ("identifying number", "identifying numbers"),
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
            f"{count} {_NOUNS[kind][0 if count == 1 else 1]}"
            for kind, count in self.counts_by_type.items()
        )
