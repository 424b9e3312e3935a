"""Schemathesis hooks of the contract fuzz (scripts/fuzz.mjs loads them with SCHEMATHESIS_HOOKS).

Schemathesis 4.32's coverage phase draws header values from letters and digits only. For a header whose
pattern needs another character (If-Match: an ETag is quoted, `"3"`) no value can satisfy both, and it
sends a placeholder (`If-Match: 0`) while still calling the case positive: the server's correct 400 then
counts as a schema-valid request rejected. This hook drops exactly those cases: a coverage case called
positive whose header does not match its own documented pattern. Negative cases, and every case of the
other phases, go through untouched.
"""

import re

import schemathesis
from schemathesis.generation import GenerationMode
from schemathesis.generation.meta import CoveragePhaseData


def _mislabelled_header(case) -> bool:
    headers = {str(name).lower(): value for name, value in (case.headers or {}).items()}
    for parameter in case.operation.headers:
        pattern = (parameter.definition.get("schema") or {}).get("pattern")
        value = headers.get(parameter.name.lower())
        if pattern and isinstance(value, str) and re.search(pattern, value) is None:
            return True
    return False


@schemathesis.hook
def filter_case(context, case):
    meta = case.meta
    if meta is None or meta.generation.mode != GenerationMode.POSITIVE or not isinstance(meta.phase.data, CoveragePhaseData):
        return True
    return not _mislabelled_header(case)
