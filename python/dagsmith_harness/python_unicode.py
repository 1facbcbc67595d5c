"""Print, as one JSON object, the character tables of this Python's `re` and `str` that dagsmith's TypeScript ports of
Python's value checks need (src/base/python-unicode.generated.ts holds them; test/base/python-unicode.test.ts checks
that file against this script's output in every Airflow virtualenv).

Usage: python python_unicode.py

Every table is read from the running interpreter itself (its `re` engine, `_sre` and `unicodedata`), never from a
Unicode data file: what dagsmith must reproduce is what this Python does, Unicode version included.
"""

import json
import re
import sys
import unicodedata

import _sre
from re._casefix import _EXTRA_CASES

MAX = 0x110000


def ranges(pred):
    """[start, end] pairs (inclusive) of the code points where pred holds."""
    out = []
    start = None
    for cp in range(MAX):
        if pred(cp):
            if start is None:
                start = cp
        elif start is not None:
            out.append([start, cp - 1])
            start = None
    if start is not None:
        out.append([start, MAX - 1])
    return out


def matches(pattern):
    rx = re.compile(pattern)
    return lambda cp: rx.match(chr(cp)) is not None


def main():
    digit = matches(r"\d")
    # Every \d character is a decimal digit whose value int() reads; zeros[i] starts a run of ten (or more, in
    # steps of ten) with values 0..9.
    zeros = []
    for start, end in ranges(digit):
        for cp in range(start, end + 1):
            value = unicodedata.decimal(chr(cp))
            if value == 0:
                zeros.append(cp)
            assert int(chr(cp)) == value
    space = matches(r"\s")
    assert all(space(cp) == chr(cp).isspace() for cp in range(MAX)), r"\s is str.isspace()"
    lower = [[cp, _sre.unicode_tolower(cp)] for cp in range(MAX) if _sre.unicode_tolower(cp) != cp]
    # Simple uppercase above U+FFFF (sre's RANGE_UNI_IGNORE): there str.upper() is one character wherever it changes.
    upper_astral = []
    for cp in range(0x10000, MAX):
        up = chr(cp).upper()
        if up != chr(cp):
            assert len(up) == 1
            upper_astral.append([cp, ord(up)])
    # Characters whose str.lower() holds ASCII although they are not ASCII (croniter lowercases its expression).
    lower_to_ascii = [[cp, chr(cp).lower()] for cp in range(0x80, MAX) if any(ord(c) < 0x80 for c in chr(cp).lower())]
    print(
        json.dumps(
            {
                "python": "%d.%d" % sys.version_info[:2],
                "unicode": unicodedata.unidata_version,
                "digit": ranges(digit),
                "digitZeros": zeros,
                "word": ranges(matches(r"\w")),
                "space": ranges(space),
                "cased": ranges(_sre.unicode_iscased),
                "lower": lower,
                "upperAstral": upper_astral,
                "extraCases": [[k, len(v), *v] for k, v in sorted(_EXTRA_CASES.items())],
                "lowerToAscii": lower_to_ascii,
                "assigned": ranges(lambda cp: unicodedata.category(chr(cp)) != "Cn"),
                # str.isidentifier() (re's group names): the first character, and the ones after it.
                "identifierStart": ranges(lambda cp: chr(cp).isidentifier()),
                "identifierContinue": ranges(lambda cp: ("a" + chr(cp)).isidentifier()),
            },
            separators=(",", ":"),
        )
    )


if __name__ == "__main__":
    main()
