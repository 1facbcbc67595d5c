"""Convert Python DAG files with AWS's converter for MWAA Serverless (python-to-yaml-dag-converter-mwaa-serverless,
the `dag-converter` of the mwaa-serverless venv), its own functions, in its own order, one process for all files.

Usage: python serverless_convert.py <out dir> <dag.py> [<dag.py> ...]

For each file: the converter's static check (`static_validator.validate_file`: every operator class named in the file
is allowlisted), the DagBag load it uses (`dagbag.get_dag_object`), then for each DAG `get_converted_format`,
`get_cleanup_dag` and `build_yaml`; the YAML goes to `<out dir>/<n>/<dag_id>.yaml`, n the input's index (two inputs may
hold DAGs of the same id).

Before conversion, each DAG object is adapted where the dialect says a thing differently and the converter cannot read
dagsmith's form (the converter reads a DAG object, so the adaptation is on the object and is listed in the output):
  - default_args keys the dialect's default_args does not take are removed from the DAG's default_args (Airflow has
    already given their values to every task that takes them, and the converter reads the tasks' own values), and
    so are keys whose value is None (no value; the converter writes None as the string 'None', which Airflow refuses
    for execution_timeout);
  - a CronDataIntervalTimetable schedule becomes the CronTriggerTimetable of the same expression and timezone (the
    converter reads cron strings and CronTriggerTimetable only; in the dialect a cron schedule is a trigger
    timetable, dagsmith's DS539);
  - task outlets are removed (the dialect's outlets are strings that Airflow 3 does not take; dagsmith drops them,
    DS540);
  - a checked operator subclass the Python target defines (a DataBrew task that waits: checked_subclasses.py) is
    the provider class it extends, in the file the converter reads (its static check reads the source): a workflow
    names the provider's class, dagsmith's DS551.
Prints one JSON object: {"files": [{"file", "error"?, "dags": [{"dag_id", "yaml", "adapted": [...]}]}]}.
Only the JSON goes to stdout.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import traceback
from pathlib import Path

os.environ.setdefault("AIRFLOW_HOME", tempfile.mkdtemp(prefix="dagsmith-airflow-"))
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"


def adapt(dag, validator) -> list[str]:
    from airflow.timetables.interval import CronDataIntervalTimetable
    from airflow.timetables.trigger import CronTriggerTimetable

    notes = []
    allowed = set(validator.get_allowed_default_args())
    dropped = sorted(k for k, v in (dag.default_args or {}).items() if k not in allowed or v is None)
    if dropped:
        for key in dropped:
            dag.default_args.pop(key)
        notes.append(f"default_args without {', '.join(dropped)}")
    schedule = getattr(dag, "schedule", None)
    if isinstance(schedule, CronDataIntervalTimetable):
        # `schedule` is a frozen attrs field of Airflow 3's DAG: set past the guard, on this object only.
        object.__setattr__(dag, "schedule", CronTriggerTimetable(schedule._expression, timezone=schedule._timezone))
        notes.append("CronDataIntervalTimetable as CronTriggerTimetable")
    for task in dag.tasks:
        if getattr(task, "outlets", None):
            task.outlets = []
            notes.append(f"{task.task_id}: outlets removed")
    return notes


def provider_classes(path: Path) -> tuple[Path, list[str]]:
    """The file with dagsmith's checked operator subclasses replaced by the provider classes they extend (a copy in a
    new temporary folder, under the same name), and what was replaced; the file itself when it defines none."""
    import ast

    from checked_subclasses import CHECKED_SUBCLASSES

    tree = ast.parse(path.read_text(encoding="utf-8"))
    bases = {stmt.name: stmt.bases[0].id for stmt in tree.body
             if isinstance(stmt, ast.ClassDef) and stmt.name in CHECKED_SUBCLASSES and len(stmt.bases) == 1
             and isinstance(stmt.bases[0], ast.Name)}
    if not bases:
        return path, []
    tree.body = [stmt for stmt in tree.body if not (isinstance(stmt, ast.ClassDef) and stmt.name in bases)]
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in bases:
            node.id = bases[node.id]
    copy = Path(tempfile.mkdtemp(prefix="dagsmith-convert-")) / path.name
    copy.write_text(ast.unparse(tree) + "\n", encoding="utf-8")
    return copy, [f"{name} as {base}" for name, base in sorted(bases.items())]


def convert_file(path: Path, out_dir: Path) -> dict:
    from dag_converter.cleanup import get_cleanup_dag
    from dag_converter.conversion.converter import get_converted_format
    from dag_converter.conversion_manager import VALIDATOR_SCHEMA_FILE
    from dag_converter.dagbag import get_dag_object
    from dag_converter.schema_parser import ArgumentValidator
    from dag_converter.static_validator import validate_file
    from dag_converter.taskflow_parser import TaskFlowAnalyzer
    from dag_converter.yaml_format import build_yaml
    import dag_converter

    validator = ArgumentValidator(Path(dag_converter.__file__).parent / VALIDATOR_SCHEMA_FILE)
    entry = {"file": path.name, "dags": []}
    try:
        path, replaced = provider_classes(path)
        validate_file(path, validator)
        for dag in get_dag_object(path):
            notes = replaced + adapt(dag, validator)
            converted = get_cleanup_dag(get_converted_format(TaskFlowAnalyzer(path), dag, path, validator))
            target = out_dir / f"{dag.dag_id}.yaml"
            out_dir.mkdir(parents=True, exist_ok=True)
            target.write_text(build_yaml(converted), encoding="utf-8")
            entry["dags"].append({"dag_id": dag.dag_id, "yaml": str(target), "adapted": notes})
    except Exception as exc:
        last = traceback.format_exception_only(type(exc), exc)[-1].strip()
        entry["error"] = last.splitlines()[0][:500]
    return entry


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    out_dir = Path(argv[1])
    out_dir.mkdir(parents=True, exist_ok=True)
    sys.stdout.flush()
    json_out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    result = {"files": [convert_file(Path(p).resolve(), out_dir / str(i)) for i, p in enumerate(argv[2:])]}
    json.dump(result, json_out, indent=1)
    json_out.write("\n")
    json_out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
