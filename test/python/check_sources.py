"""Reads a JSON list of {"name": str, "source": str} from stdin and writes one JSON list of results to stdout:
{"name", "ok", "error"} per source, in order. A source is ok when it parses with Python 3.9 grammar
(ast.parse(feature_version=(3, 9))) and compiles (which also catches e.g. repeated keyword arguments).
One process checks every file, so the suite pays for one interpreter start."""
import ast
import json
import sys


def check(name, source):
    try:
        tree = ast.parse(source, filename=name, feature_version=(3, 9))
        compile(tree, name, "exec")
        compile(source, name, "exec")
        return None
    except SyntaxError as e:
        return "%s:%s:%s: %s: %s" % (name, e.lineno, e.offset, type(e).__name__, e.msg)
    except Exception as e:  # ValueError for NUL bytes, RecursionError, ...
        return "%s: %s: %s" % (name, type(e).__name__, e)


def main():
    items = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    out = []
    for item in items:
        error = check(item["name"], item["source"])
        out.append({"name": item["name"], "ok": error is None, "error": error})
    sys.stdout.write(json.dumps(out, ensure_ascii=True))


if __name__ == "__main__":
    main()
