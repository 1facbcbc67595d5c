"""Reads a JSON list of {"src": str, "context": str} from stdin. For each item, evaluates `src` with
ast.literal_eval and parses `context` (the literal placed in an assignment at its indentation) with ast.parse.
Writes a JSON list (ASCII only) of {"ok": true, "value": CANON} or {"ok": false, "error": str}, in order.

CANON is a tagged, order-preserving form that JavaScript can rebuild exactly from its own input:
  ["null"] | ["bool", b] | ["int", "<decimal>"] | ["float", "<16 hex digits of the IEEE-754 bits>"]
  | ["str", s] | ["list", [CANON...]] | ["dict", [[key, CANON]...]]
"""
import ast
import json
import struct
import sys


def canon(v):
    if v is None:
        return ["null"]
    if isinstance(v, bool):
        return ["bool", v]
    if isinstance(v, int):
        return ["int", str(v)]
    if isinstance(v, float):
        return ["float", struct.pack(">d", v).hex()]
    if isinstance(v, str):
        return ["str", v]
    if isinstance(v, list):
        return ["list", [canon(x) for x in v]]
    if isinstance(v, dict):
        for k in v:
            if not isinstance(k, str):
                raise TypeError("non-string key %r" % (k,))
        return ["dict", [[k, canon(x)] for k, x in v.items()]]
    raise TypeError("unexpected type %s" % type(v).__name__)


def main():
    sys.set_int_max_str_digits(0) if hasattr(sys, "set_int_max_str_digits") else None
    items = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    out = []
    for item in items:
        try:
            value = ast.literal_eval(item["src"])
            ast.parse(item["context"])
            out.append({"ok": True, "value": canon(value)})
        except Exception as e:  # report, never stop: every item gets a result
            out.append({"ok": False, "error": "%s: %s" % (type(e).__name__, e)})
    sys.stdout.write(json.dumps(out, ensure_ascii=True))


if __name__ == "__main__":
    main()
