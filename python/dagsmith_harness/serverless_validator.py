"""AWS's MWAA Serverless validator schema, run by Yamale (the engine it is written for), in the mwaa-serverless venv.

Usage:
  python serverless_validator.py schema <schema.yaml>
      Yamale's reading of the schema, and where the installed AWS converter keeps its own copy:
      {"installed": {"package", "version", "path", "sha256"},
       "operators": [...], "default_args_keys": [...],
       "dag": {"<key>": {"validator": "str", "required": false}}, "task": {...}}
  python serverless_validator.py validate <schema.yaml>   (the workflow definition YAML on stdin)
      {"valid": bool, "errors": [{"path": "my_dag.tasks.t1.operator", "message": "..."}]}
      A definition that is not YAML at all: valid false and one error with path "".
  python serverless_validator.py validate-files <schema.yaml> <definition.yaml> [...]
      {"files": [{"file": "<path as given>", "valid": bool, "errors": [...]}, ...]}: many definitions, one process.

Yamale validates strictly (keys the schema does not list are errors), as AWS's converter's schema intends.
Only the JSON goes to stdout. No Airflow import: this takes well under a second.
"""

from __future__ import annotations

import hashlib
import json
import sys
from importlib import metadata
from pathlib import Path

import yamale
from yamale.validators import validators as yv

PACKAGE = "python-to-yaml-dag-converter-mwaa-serverless"


def installed_copy():
    """The converter's own validator_schema.yaml in this venv (the file its ConversionManager reads)."""
    import dag_converter  # the converter's import package

    path = Path(dag_converter.__file__).parent / "validator_schema.yaml"
    return {
        "package": PACKAGE,
        "version": metadata.version(PACKAGE),
        "path": str(path),
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
    }


def describe_section(section):
    return {
        key: {"validator": validator.tag, "required": bool(validator.is_required)}
        for key, validator in section._schema.items()
    }


def describe_schema(schema_path):
    schema = yamale.make_schema(schema_path)
    dag = schema.includes["dag"]
    task = schema.includes["task"]
    default_args = dag._schema["default_args"]
    key_rule = default_args.kwargs.get("key")
    return {
        "installed": installed_copy(),
        "operators": list(task._schema["operator"].enums),
        "default_args_keys": list(key_rule.enums) if isinstance(key_rule, yv.Enum) else [],
        "dag": describe_section(dag),
        "task": describe_section(task),
    }


def validate(schema_path, text):
    schema = yamale.make_schema(schema_path)
    try:
        data = yamale.make_data(content=text)
    except Exception as exc:  # not YAML at all
        return {"valid": False, "errors": [{"path": "", "message": f"{type(exc).__name__}: {exc}"}]}
    results = yamale.validate(schema, data, strict=True, _raise_error=False)
    errors = []
    for result in results:
        for error in result.errors:
            path, sep, message = str(error).partition(": ")
            errors.append({"path": path, "message": message} if sep else {"path": "", "message": str(error)})
    return {"valid": not errors, "errors": errors}


def main(argv):
    if argv[1:2] == ["validate-files"] and len(argv) >= 4:
        result = {
            "files": [{"file": f, **validate(argv[2], Path(f).read_text(encoding="utf-8"))} for f in argv[3:]]
        }
        json.dump(result, sys.stdout)
        sys.stdout.write("\n")
        return 0
    if len(argv) != 3 or argv[1] not in ("schema", "validate"):
        print(__doc__, file=sys.stderr)
        return 2
    if argv[1] == "schema":
        result = describe_schema(argv[2])
    else:
        result = validate(argv[2], sys.stdin.read())
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
