"""What a run refuses before anything of the DAG runs: imports, operator and callback classes, unsandboxed templates.

Each refusal carries a code from dagsmith's catalog (DS7xx, src/diagnostics/codes/test-runner.ts), a message a
person can act on, and, where it concerns one task, the task id.
"""

from __future__ import annotations

import ast
import importlib

# Modules a generated DAG imports for its own structure (DAG, params, task groups, timetables, assets, times);
# importing them runs no operator. Operator and notifier modules are allowed by the classes the request allows.
SCAFFOLD_MODULES = frozenset({
    "airflow", "airflow.sdk", "airflow.models", "airflow.models.dag", "airflow.models.param",
    "airflow.utils.task_group", "airflow.datasets", "airflow.sdk.definitions.asset", "airflow.assets",
    "airflow.timetables.interval", "airflow.timetables.trigger", "airflow.timetables.simple",
    "airflow.timetables.events", "datetime", "pendulum", "json",
})
# Modules of Airflow's no-op operator (always allowed).
NOOP_MODULES = frozenset({"airflow.operators.empty", "airflow.providers.standard.operators.empty"})
CALLBACK_ATTRS = ("on_failure_callback", "on_retry_callback", "on_success_callback", "on_execute_callback",
                  "on_skipped_callback")


def refusal(code: str, message: str, task_id: str | None = None) -> dict:
    out = {"code": code, "message": message}
    if task_id is not None:
        out["taskId"] = task_id
    return out


def check_imports(source: str, filename: str, allowed_classes: list[str]) -> list[dict]:
    """DS701 for each import of the DAG file outside the scaffold and the allowed classes' modules (checked on the
    source, before the file is imported: importing a module runs its code)."""
    try:
        tree = ast.parse(source, filename=filename)
    except SyntaxError as exc:
        return [refusal("DS706", f"the DAG file does not parse: {exc.msg} (line {exc.lineno})")]
    allowed_modules = {path.rsplit(".", 1)[0] for path in allowed_classes} | SCAFFOLD_MODULES | NOOP_MODULES
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            if node.level or module not in allowed_modules:
                for alias in node.names:
                    path = f"{module}.{alias.name}"
                    if alias.name[:1].isupper() and not node.level:
                        problems.append(refusal(
                            "DS700", f"the DAG uses {path}, which dagsmith test does not run by default (it runs the "
                                     f"operators of dagsmith's step kinds and EmptyOperator); allow {path} to run it"))
                    else:
                        problems.append(refusal("DS701", f"the DAG imports {alias.name} from {module}, which a test does not load"))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name not in SCAFFOLD_MODULES:
                    problems.append(refusal("DS701", f"the DAG imports the module {alias.name}, which a test does not run"))
    return problems


def import_classes(paths: list[str]) -> dict:
    """{class object: dotted path} for each allowed path that imports on this Airflow version."""
    out = {}
    for path in paths:
        module, _, name = path.rpartition(".")
        try:
            cls = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            continue
        if isinstance(cls, type):
            out[cls] = path
    return out


def class_path(cls) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def operator_class(task):
    """The operator class of a task (a mapped task's own class is MappedOperator)."""
    if type(task).__name__ == "MappedOperator":
        cls = getattr(task, "operator_class", None)
        if isinstance(cls, type):
            return cls
    return type(task)


def callbacks_of(obj, attr: str) -> list:
    value = getattr(obj, attr, None)
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def check_dag(dag, allowed: dict, noops: list) -> list[dict]:
    """DS700 for tasks of classes not allowed, DS705 for callbacks that are not instances of allowed classes, DS704
    when templates would render outside Airflow's sandboxed Jinja environment."""
    problems = []
    for task in dag.tasks:
        cls = operator_class(task)
        if cls not in allowed and cls not in noops:
            problems.append(refusal(
                "DS700", f"task '{task.task_id}' is a {class_path(cls)}, which dagsmith test does not run by default "
                         f"(it runs the operators of dagsmith's step kinds and EmptyOperator); allow {class_path(cls)} "
                         f"to run it", task.task_id))
        for attr in CALLBACK_ATTRS:
            for cb in callbacks_of(task, attr):
                if type(cb) not in allowed:
                    problems.append(refusal(
                        "DS705", f"task '{task.task_id}' has an {attr} {_callable_name(cb)} that is not an allowed class",
                        task.task_id))
    for attr in ("on_failure_callback", "on_success_callback"):
        for cb in callbacks_of(dag, attr):
            if type(cb) not in allowed:
                problems.append(refusal("DS705", f"the DAG has an {attr} {_callable_name(cb)} that is not an allowed class"))
    try:
        import jinja2.sandbox

        env = dag.get_template_env()
        if not isinstance(env, jinja2.sandbox.SandboxedEnvironment):
            problems.append(refusal(
                "DS704", f"the DAG renders templates with {type(env).__name__} (render_template_as_native_obj), outside "
                         "Airflow's sandboxed Jinja environment; a test renders them as MWAA does by default, sandboxed"))
    except Exception as exc:  # a DAG whose template environment cannot be built is refused as well
        problems.append(refusal("DS704", f"the DAG's template environment cannot be built: {exc}"))
    return problems


def _callable_name(cb) -> str:
    if isinstance(cb, type) or callable(cb) and hasattr(cb, "__qualname__"):
        return getattr(cb, "__qualname__", repr(cb))
    return type(cb).__qualname__
