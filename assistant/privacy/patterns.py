"""Regular expressions for identifiers with a recognisable shape or label.

Each pattern starts where nothing word-like precedes it, so a long run of characters is tried
from one place only and no pattern backtracks badly on hostile text. A pattern with a group
named `v` redacts only that value ("MRN: [MRN]"), otherwise the whole match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from assistant.privacy.models import PhiType


@dataclass(frozen=True)
class ShapePattern:
    type: PhiType
    source: str

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """Compiled on the first answer scanned: 40-50 ms no command that only lists or shows
        saved sessions, and no bot worker before its first acknowledgement, should pay."""
        return re.compile(self.source, re.IGNORECASE | re.VERBOSE)


def _p(kind: PhiType, pattern: str) -> ShapePattern:
    return ShapePattern(kind, pattern)


# A labelled identifier: 4 to 25 letters, digits or dashes with at least one digit.
_VALUE = r"(?P<v>(?=[A-Z0-9/-]{0,24}\d)[A-Z0-9][A-Z0-9/-]{3,24})(?![\w/-])"
_LABEL_GAP = r"\s*(?:\bis\s+)?[:#=]?\s*"
_NUMBER_WORD = r"(?:\s*(?:number|num|no\.?|\#|id|identifier))?"
_MONTH = (
    r"(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NUMERIC_DATE = r"""
    (?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}) | \d{4}[/.-]\d{1,2}[/.-]\d{1,2})
    (?![\w/-]|\.\d)
"""
_WORD_DATE = rf"""
    (?:{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?(?!\d)
     | {_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?(?!\d)
     | {_MONTH},?\s+{_YEAR}(?!\d))
"""
_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ"
    "|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
_STREET_SUFFIX = (
    r"(?-i:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Place|Pl|Way"
    r"|Terrace|Tce|Crescent|Cres|Close|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Grove"
    r"|Gardens|Gdns|Row|Walk|Mews|Hill|Parade|Pde)\b\.?"
)
_CAPWORD = r"(?-i:[A-Z][A-Za-z'-]*[a-z])"
# The parts of a US street address around its name, as usaddress labels them: a direction
# before or after ("4410 W Maple Ave", "1200 N Lake Shore Dr", "88 SE Division St", "Ave NW"),
# a numbered street ("22 East 14th Street") and the unit after ("Apt 2B", "Unit 1504", "#3").
_DIRECTION = r"(?-i:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?"
_STREET_WORD = rf"(?:{_CAPWORD}|\d{{1,3}}(?-i:st|nd|rd|th))"
_UNIT = r"""(?-i:Apt|APT|Apartment|Unit|Suite|Ste|Flat|Fl|Floor|Rm|Room|Bldg|Building|Lot|Trlr
    |Space|Spc|\#)\.?\s*\#?[A-Z0-9]{1,5}\b"""
# A street written in lower case ("9 hollybush lane", "14 main st"): only after a house number,
# with one or two words between that are no function word or measure ("2 miles down the road",
# "3 hours drive", "4 lines in a row" are no address).
_NOT_STREET_WORD = r"""(?:the|a|an|my|his|her|their|our|your|this|that|down|up|along|across|over|on
    |in|at|to|of|for|from|by|and|or|with|into|round|past|off|near|more|less|very|too|so|all|one
    |miles?|mins?|minutes?|hours?|hrs?|days?|weeks?|years?|cans?|pints?|pills?|lines?|times?
    |bottles?|grams?|quid|pounds|units|drinks?|steps?|doors?|blocks?|stops?|tabs?)\b"""
_LOWER_STREET = r"(?-i:street|st|road|rd|avenue|ave|lane|ln|boulevard|blvd|crescent|terrace|grove)"
_POSTCODE = r"(?-i:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b)"
# The town or district after a street address, closed by a comma, a full stop or the end:
# "14 Larkspur Close[, Wythenshawe], M22 9QT".
_LOCALITY = rf"(?:,[ \t]*{_CAPWORD}(?:[ \t]+{_CAPWORD})?(?=[ \t]*(?:[,.;)\n]|$|{_POSTCODE})))"
_UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
# 90 to 149, in digits or words ("ninety-two", "a hundred and two").
_AGE_NUMBER = rf"""(?:(?:9\d|1[0-4]\d)(?!\d)|ninety(?:[\s-]+(?:{_UNIT_WORDS}))?
    |(?:a|one)[\s-]+hundred(?:[\s-]+(?:and[\s-]+)?(?:{_UNIT_WORDS}|{_TEENS}
    |(?:twenty|thirty|forty)(?:[\s-]+(?:{_UNIT_WORDS}))?))?\b)"""
_NOT_AN_AGE = r"""(?!\s*(?:%|/|\.\d|percent|mg|ml|kg|lbs?|pounds|points|bpm|days|hours|minutes|mins
    |times|cans|units|drinks|quid|dollars|euros|sessions|meetings))"""
_PERSON = r"""(?:he|she|who|gran\w*|nan\w*|grand\w+|mum|mom|mother|dad|father|aunt\w*|uncle
    |patient|pt|client|husband|wife|partner|neighbou?r|sister|brother|widow\w*)"""
_ORDINAL_WORD = r"""(?:(?:twenty|thirty)[\s-]+)?(?:first|second|third|fourth|fifth|sixth|seventh
    |eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth
    |eighteenth|nineteenth|twentieth|thirtieth"""
_YEAR_WORDS = r"""(?:nineteen|twenty)[\s-]+(?:oh[\s-]+)?[a-z]+(?:[\s-](?:one|two|three|four|five
    |six|seven|eight|nine))?|two\s+thousand(?:\s+and)?(?:\s+[a-z]+)?"""
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|hundred)"
_SPELLED_AT = r"(?:\s*[(\[]\s*at\s*[)\]]\s*|\s+at\s+)"
_SPELLED_DOT = r"(?:\s*[(\[]\s*dot\s*[)\]]\s*|\s+dot\s+)"
_TLD = r"""(?:com|org|net|edu|gov|co|uk|us|ca|au|nz|ie|es|fr|de|it|pl|nl|be|pt|br|in|ng|za|ru|jp
    |cn|se|no|dk|fi|ch|at|me|io|info)"""
_CAP = r"(?-i:[A-ZÀ-ÖØ-ÞĀĆČĐĘŁŃŚŠŹŻŽ])[\w'’-]*"
_NAME_PARTICLE = r"(?:de|del|de\s+la|des|du|di|da|do|dos|das|la|le|les|el|della|van|von)"
# Streets named before the number ("Calle Mayor 12", "Rue de Rivoli 5", "ul. Marszałkowska 104").
_STREET_FIRST = r"""(?:calle|c/|avenida|avda\.?|paseo|plaza|carrer|camino|carretera|rue|boulevard
    |bd\.?|allée|chemin|quai|impasse|via|viale|piazza|corso|largo|vicolo|rua|travessa|praça
    |alameda|estrada|ul\.|ulica|aleja|al\.|plac)"""
# Street words written as the end of the name ("Hauptstraße 7", "Kerkstraat 45").
_STREET_END = r"""(?:straße|strasse|str\.|weg|gasse|platz|allee|damm|ufer|straat|laan|gracht
    |plein|steeg|kade|singel|vej|gade|gatan|vägen|gränd|veien|gata|gaten|utca|ulice|katu|tie)"""

SHAPES: tuple[ShapePattern, ...] = (
    _p(PhiType.EMAIL, r"(?<![\w.+'-])[\w.+'-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}\b"),
    _p(PhiType.ID, r"(?<![\w@.])@(?=[A-Z.]{0,29}[0-9_])[A-Z0-9_][A-Z0-9_.]{2,29}(?<!\.)(?![\w@])"),
    _p(
        PhiType.URL,
        r"""(?<![\w/])(?:https?://|ftp://|www\.)[^\s<>"'`]*[^\s<>"'`.,;:!?)\]}]""",
    ),
    _p(
        PhiType.URL,
        r"""(?<![\w@./-])(?:[A-Z0-9-]+\.)+(?:com|org|net|edu|gov|io|info|biz|co\.uk|org\.uk
            |nhs\.uk|com\.au|org\.au|ly|me|app)\b(?:/[^\s<>"'`]*[^\s<>"'`.,;:!?)\]}])?""",
    ),
    _p(
        PhiType.IP,
        r"""(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)
            (?!\.?\d)""",
    ),
    _p(PhiType.IP, r"(?<![\w:])(?:[0-9A-F]{1,4}:){7}[0-9A-F]{1,4}(?![\w:])"),
    _p(PhiType.IP, r"(?<![\w:])(?:[0-9A-F]{1,4}:){1,6}(?::[0-9A-F]{1,4}){1,6}(?![\w:])"),
    _p(PhiType.SSN, r"(?<![\w-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\w-])"),
    _p(
        PhiType.SSN,
        r"\b(?:SSN|social\s+security(?:\s+(?:number|no\.?|\#))?)"
        + _LABEL_GAP
        + r"(?P<v>\d{3}[- ]?\d{2}[- ]?\d{4})(?!\d)",
    ),
    _p(
        PhiType.MRN,
        r"""\b(?:MRN|medical\s+record|hospital\s+(?:number|no\.?)|chart|patient\s+(?:id|identifier
            |number|no\.?)|pt\s+(?:id|\#)|NHS|CHI|case|record)"""
        + _NUMBER_WORD
        + _LABEL_GAP
        + _VALUE,
    ),
    _p(
        PhiType.MRN,
        r"\b(?:NHS|CHI)" + _NUMBER_WORD + _LABEL_GAP + r"(?P<v>\d{3}[ -]?\d{3}[ -]?\d{4})(?![\w-])",
    ),
    _p(
        PhiType.ACCOUNT,
        r"""\b(?:account|acct|a/c|member|policy|health\s+plan|insurance|beneficiary|subscriber
            |group|medicaid|medicare|claim|invoice|bank\s+card|card)"""
        + _NUMBER_WORD
        + _LABEL_GAP
        + _VALUE,
    ),
    _p(
        PhiType.LICENSE,
        r"""\b(?:driver'?s?\s+licen[cs]e|driving\s+licen[cs]e|licen[cs]e|DL|certificate|DEA|NPI
            |passport)"""
        + _NUMBER_WORD
        + _LABEL_GAP
        + _VALUE,
    ),
    _p(
        PhiType.VEHICLE,
        r"""\b(?:(?:licen[cs]e|number|registration|reg)\s+plate|plate|registration|reg|VIN
            |vehicle\s+(?:id|identification\s+number))"""
        + _NUMBER_WORD
        + _LABEL_GAP
        + r"(?P<v>(?-i:(?=[A-Z0-9 -]{0,9}\d)[A-Z0-9]{2,8}(?:[ -][A-Z0-9]{1,4}){0,2}))(?![\w-])",
    ),
    _p(
        PhiType.VEHICLE,
        r"(?-i:\b(?=[A-HJ-NPR-Z]{0,16}\d)(?=\d{0,16}[A-HJ-NPR-Z])[A-HJ-NPR-Z0-9]{17}\b)",
    ),
    _p(
        PhiType.DEVICE,
        r"""\b(?:serial|device|IMEI|UDI|S/N|pacemaker|pump|implant)"""
        + _NUMBER_WORD
        + _LABEL_GAP
        + _VALUE,
    ),
    _p(
        PhiType.DATE,
        r"""\b(?:DOB|D\.O\.B\.?|date\s+of\s+(?:birth|death|admission|discharge)|birth\s*date
            |birthday|bday
            |born(?:\s+on|\s+in)?|DOD|died(?:\s+on)?|admitted(?:\s+on)?|discharged(?:\s+on)?)"""
        + _LABEL_GAP
        + rf"(?P<v>{_NUMERIC_DATE}|{_WORD_DATE}|\d{{1,2}}/\d{{1,2}}(?![\w/])|{_YEAR})",
    ),
    _p(PhiType.DATE, r"(?<![\w/.-])" + _NUMERIC_DATE),
    _p(PhiType.DATE, r"(?<![\w/.-])" + _WORD_DATE),
    _p(
        PhiType.PHONE,
        r"""(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}(?![\w-])""",
    ),
    _p(PhiType.PHONE, r"(?<![\w+])\+(?:[\s.()-]?\d){8,14}(?![\w-])"),
    _p(PhiType.PHONE, r"(?<![\w+])0(?:[\s-]?\d){9,10}(?![\w-])"),
    _p(PhiType.PHONE, r"(?<![\w-])\d{3}-\d{4}(?![\w-])"),
    _p(
        PhiType.ADDRESS,
        rf"""(?<![\w-])\d{{1,5}}[A-Z]?(?:[-/]\d{{1,5}})?\s+(?:{_DIRECTION}\s+)?
            (?:{_STREET_WORD}\s+){{1,3}}{_STREET_SUFFIX}(?:\s+{_DIRECTION}(?![\w'-]))?
            (?:,?\s+{_UNIT})?{_LOCALITY}?""",
    ),
    _p(
        PhiType.ADDRESS,
        rf"""(?<![\w-])\d{{1,5}}(?-i:[a-z])?\s+(?:(?!{_NOT_STREET_WORD})(?-i:[a-z][a-z'-]+)\s+){{1,2}}
            {_LOWER_STREET}\b\.?(?:,?\s+{_UNIT})?""",
    ),
    _p(
        PhiType.ADDRESS,
        rf"""(?<![\w-])(?<!the\s)(?:{_CAPWORD}\s+){{1,2}}(?-i:Street|Road|Avenue|Lane|Drive|Boulevard
            |Terrace|Crescent|Close|Parkway|Highway)\b""",
    ),
    _p(PhiType.ADDRESS, r"\bP\.?\s?O\.?\s+Box\s+\d+\b"),
    _p(
        PhiType.ZIP,
        r"\b(?:zip(?:\s*code)?|postcode|post\s+code)"
        + _LABEL_GAP
        + r"(?P<v>\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})\b",
    ),
    _p(PhiType.ZIP, r"(?<![\w-])\d{5}-\d{4}(?![\w-])"),
    _p(PhiType.ZIP, rf"(?-i:\b(?:{_US_STATES}),?\s+(?P<v>\d{{5}}(?:-\d{{4}})?)\b)"),
    _p(PhiType.ZIP, r"(?-i:\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\s+(?P<v>\d{4})\b)"),
    _p(PhiType.ZIP, r"(?-i:\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b)"),
    _p(
        PhiType.EMAIL,
        r"(?<![\w.+-])[\w.+-]+(?:\s+(?:dot|underscore|dash|hyphen)\s+[\w.+-]+)*"
        + _SPELLED_AT
        + r"[\w-]+(?:"
        + _SPELLED_DOT
        + r"[\w-]+)*"
        + _SPELLED_DOT
        + _TLD
        + r"\b",
    ),
    _p(PhiType.PHONE, rf"\b(?:{_DIGIT_WORD}[\s,-]+){{6,}}{_DIGIT_WORD}\b"),
    _p(PhiType.ACCOUNT, r"(?<![\w-])\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?(?![\w-])"),
    _p(
        PhiType.DATE,
        r"\b(?:appt|appointment|seen|due|since|until|till|dated?)\s+(?:on\s+)?"
        r"(?P<v>(?:[12]\d|3[01]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9]))(?![\w/])",
    ),
    _p(
        PhiType.DATE,
        rf"""\b(?:the\s+)?(?:{_ORDINAL_WORD})\s+(?:of\s+)?{_MONTH}(?:,?\s+(?:{_YEAR}|{_YEAR_WORDS}))?
            |{_MONTH}\s+(?:the\s+)?(?:{_ORDINAL_WORD})\b(?:,?\s+(?:{_YEAR}|{_YEAR_WORDS}))?""",
    ),
    _p(
        PhiType.AGE,
        rf"""\b(?P<v>{_AGE_NUMBER})[\s-]*(?:years?|yrs?)[\s-]*old\b
            |\b(?P<v2>{_AGE_NUMBER})[\s-]*(?:year-old|y/?o)\b""",
    ),
    _p(PhiType.AGE, rf"\b(?:aged?|age:)\s*(?P<v>{_AGE_NUMBER})"),
    _p(
        PhiType.AGE,
        rf"""\b(?:{_PERSON}(?:'s|\s+is|\s+was|\s+will\s+be)(?:\s+now)?|turned|turns|turning)
            \s+(?P<v>{_AGE_NUMBER}){_NOT_AN_AGE}""",
    ),
    _p(
        PhiType.ADDRESS,
        r"""\b(?:apt|apto|apartment|appartement|flat|unit|suite|ste|piso|wohnung)\.?\s*
            (?:no\.?\s*|\#\s*)?\d{1,5}[A-Z]?\b
            (?!\s*(?:weeks?|days?|months?|years?|times|hours?|mins?|minutes|x\b|%))""",
    ),
    _p(
        PhiType.ADDRESS,
        rf"""(?<![\w-]){_STREET_FIRST}\s*(?:{_NAME_PARTICLE}\s+)?(?:{_CAP}\s+){{0,2}}{_CAP}
            ,?\s+\d{{1,5}}[A-Z]?\b""",
    ),
    _p(
        PhiType.ADDRESS,
        rf"""(?<![\w-])\d{{1,5}}[A-Z]?,?\s+{_STREET_FIRST}\s+(?:{_NAME_PARTICLE}\s+)?
            (?:{_CAP}\s+){{0,2}}{_CAP}""",
    ),
    _p(PhiType.ADDRESS, rf"(?<![\w-]){_CAP}{_STREET_END}\s+\d{{1,5}}[A-Z]?\b"),
    _p(PhiType.ZIP, r"(?<=,\s)(?P<v>\d{4,5})(?=\s+(?-i:[A-ZÄÖÜ][a-zäöüß]+))"),
    _p(
        PhiType.ID,
        r"\b(?:ID|identifier|ref|reference|number|no\.?)" + _LABEL_GAP + _VALUE,
    ),
    _p(PhiType.ID, r"(?<![\w.,/-])\d{7,}(?![\w,/-]|\.\d)"),
)
