"""Load dag-factory YAML files with dag-factory (in the mwaa-serverless venv: dag-factory 1.0.1, Airflow 3.0.6) and
print one JSON description of the DAGs each file makes.

Usage: python dagfactory_dump.py --root <dags folder> <file.yml> [<file.yml> ...]

Each file is loaded the way a dag-factory project loads it: a DagBag over a folder holding one loader module that
calls `dagfactory.load_yaml_dags(globals_dict=globals(), config_filepath=<file>, defaults_config_path=<root>)`,
so import errors are Airflow's own. `--root` plays the project's DAG folder: `defaults.yml` files are looked up
from the file's folder up to it (dag-factory's rule), it is on sys.path (for `customized.operators.X` and
`python_callable: module.function`) and it is $CONFIG_ROOT_DIR (which dag-factory's examples use in
`python_callable_file`). Telemetry is off. The DAGs are described exactly as dagbag_dump.py describes the DAGs of
dagsmith's Python target (same JSON per DAG), so the two can be compared field by field:

    {"airflow_version": "3.0.6", "dag_factory_version": "1.0.1",
     "files": [{"file": "<path relative to root>", "import_errors": ["<final exception of each traceback>"],
                "dags": {"<dag_id>": {<dagbag_dump.describe_dag>}}}]}

Exit status 0 whenever the JSON was written (import errors included), 2 for bad usage.
"""

from __future__ import annotations

import os
import sys
import tempfile

os.environ["AIRFLOW__DAG_FACTORY__ENABLE_TELEMETRY"] = "False"
os.environ["DO_NOT_TRACK"] = "True"
os.environ["SCARF_NO_ANALYTICS"] = "True"

import dagbag_dump  # noqa: E402  (sets up AIRFLOW_HOME in a temp dir; must come before Airflow is imported)

import json  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402

from airflow_compat import load_dagbag  # noqa: E402

LOADER = """\
# dagsmith harness: one dag-factory YAML file, loaded as a dag-factory project loads it (airflow DAG file)
import sys

sys.path.insert(0, {root!r})
from dagfactory import load_yaml_dags

load_yaml_dags(globals_dict=globals(), config_filepath={config!r}, defaults_config_path={root!r})
"""


_EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt)\b(:|$)")


def exception_line(traceback_text: str, root: str, folder: str) -> str:
    """The final exception of a traceback ("yaml.scanner.ScannerError: mapping values are not allowed here"),
    with the root and loader folders made relative; the last line when no line looks like one."""
    lines = [line.strip() for line in str(traceback_text).strip().splitlines() if line.strip()]
    matches = [line for line in lines if _EXCEPTION_LINE.match(line)]
    text = matches[-1] if matches else (lines[-1] if lines else "")
    return text.replace(root + os.sep, "").replace(folder + os.sep, "")


def dump_file(root: str, config: str) -> dict:
    folder = tempfile.mkdtemp(prefix="dagsmith-dagfactory-")
    try:
        loader = os.path.join(folder, "load_dagfactory_yaml.py")
        with open(loader, "w", encoding="utf-8") as f:
            f.write(LOADER.format(root=root, config=config))
        bag = load_dagbag(folder)
        dags = {}
        for dag_id in sorted(bag.dags):
            try:
                described = dagbag_dump.describe_dag(bag.dags[dag_id])
                described.pop("fileloc", None)  # always the loader module
                dags[dag_id] = described
            except Exception as exc:  # one odd DAG must not hide the others
                dags[dag_id] = {"dag_id": dag_id, "dump_error": f"{type(exc).__name__}: {exc}"}
        return {
            "file": os.path.relpath(config, root),
            "import_errors": [exception_line(msg, root, folder) for _, msg in sorted(bag.import_errors.items())],
            "dags": dags,
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv):
    if len(argv) < 4 or argv[1] != "--root":
        print("usage: python dagfactory_dump.py --root <dags folder> <file.yml> [<file.yml> ...]", file=sys.stderr)
        return 2
    root = os.path.abspath(argv[2])
    files = [os.path.abspath(a) for a in argv[3:]]
    for path in [root, *files]:
        if not os.path.exists(path):
            print(f"dagfactory_dump: {path} does not exist", file=sys.stderr)
            return 2
    os.environ["CONFIG_ROOT_DIR"] = root
    os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = root

    # Keep stdout for the JSON alone: point fd 1 at stderr while Airflow and the DAG files run.
    sys.stdout.flush()
    json_out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)

    import airflow
    from importlib import metadata

    result = {
        "airflow_version": airflow.__version__,
        "dag_factory_version": metadata.version("dag-factory"),
        "files": [dump_file(root, config) for config in files],
    }
    json.dump(result, json_out, indent=2, sort_keys=False)
    json_out.write("\n")
    json_out.flush()
    return 0


if __name__ == "__main__":
    try:
        code = main(sys.argv)
    finally:
        shutil.rmtree(dagbag_dump._HOME, ignore_errors=True)
    sys.exit(code)
