"""What a run refuses before anything of the DAG runs: imports, operator and callback classes, unsandboxed templates.

Each refusal carries a code from dagsmith's catalog (DS7xx, src/diagnostics/codes/test.ts), a message a
person can act on, and, where it concerns one task, the task id.
"""

from __future__ import annotations

import ast
import importlib
import os
import sys
import types

from .checked_operators import CHECKED_OPERATORS
from .list_functions import LIST_FUNCTION_SOURCES

# Modules a generated DAG imports for its own structure (DAG, params, task groups, timetables, assets, times);
# importing them runs no operator. Operator and notifier modules are allowed by the classes the request allows.
SCAFFOLD_MODULES = frozenset({
    "airflow", "airflow.sdk", "airflow.models", "airflow.models.dag", "airflow.models.param",
    "airflow.utils.task_group", "airflow.datasets", "airflow.sdk.definitions.asset", "airflow.assets",
    "airflow.timetables.interval", "airflow.timetables.trigger", "airflow.timetables.simple",
    "airflow.timetables.events", "airflow.timetables.datasets", "airflow.timetables.assets", "datetime", "pendulum",
    "json",
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


# What a generated DAG file is made of (src/emit/python writes only these): imports, assignments, calls of
# imported names with literal arguments, `with DAG(...) as dag:`, `a >> b`, negative numbers.
_NODES = (ast.Module, ast.Assign, ast.Expr, ast.Import, ast.ImportFrom, ast.alias, ast.With, ast.withitem, ast.Call,
          ast.keyword, ast.Name, ast.Attribute, ast.Constant, ast.Dict, ast.List, ast.Tuple, ast.BinOp, ast.UnaryOp,
          ast.Load, ast.Store, ast.RShift, ast.LShift, ast.USub, ast.UAdd)
_BUILTINS = frozenset({"dict"})
# Attributes of imported modules a DAG file may use (other module attributes could reach any module they import).
_MODULE_ATTRS = {"pendulum": frozenset({"datetime", "duration", "timezone", "date", "time", "DateTime", "Date"}),
                 "datetime": frozenset({"datetime", "timedelta", "date", "time", "timezone"})}


# The one function a generated DAG file may define: the factory of the post_execute hook of tasks that update assets
# through an alias (src/emit/python/airflow3-features.ts writes it, word for word, with `Asset` on Airflow 3 and
# `Dataset` on Airflow 2). A definition is accepted only when its syntax tree is exactly this one.
ALIAS_HOOK = "_dagsmith_alias_events"
_ALIAS_HOOK_SOURCE = '''def _dagsmith_alias_events(*outlets):
    """A post_execute hook recording, for each [alias, URI template], an event of the asset the URI renders to."""

    def post_execute(context, result=None):
        for alias, uri in outlets:
            context["outlet_events"][alias].add(ASSET(context["task"].render_template(uri, context)))

    return post_execute
'''
_ASSET_CLASSES = {("airflow.sdk", "Asset"), ("airflow.datasets", "Dataset")}


def _alias_hook(stmt, asset_names: dict) -> bool:
    """Whether a top-level statement is dagsmith's alias hook factory, with an asset class the file imported."""
    if not isinstance(stmt, ast.FunctionDef) or stmt.name != ALIAS_HOOK:
        return False
    for local, origin in asset_names.items():
        if origin in _ASSET_CLASSES:
            expected = ast.parse(_ALIAS_HOOK_SOURCE.replace("ASSET", local)).body[0]
            if ast.dump(stmt) == ast.dump(expected):
                return True
    return False


_LIST_FUNCTION_TREES = {name: ast.dump(ast.parse(text).body[0]) for name, text in LIST_FUNCTION_SOURCES.items()}
# The names a list function uses that the file must bind to these imports (json: `import json`).
_LIST_FUNCTION_IMPORTS = {"_dagsmith_items_from_athena": ("AthenaHook", ("airflow.providers.amazon.aws.hooks.athena", "AthenaHook"))}


def _list_function(stmt, imported: dict) -> bool:
    """Whether a top-level statement is one of the fixed functions of a fan-out's list task, word for word, with the
    names it uses imported from where they must come."""
    if not isinstance(stmt, ast.FunctionDef) or _LIST_FUNCTION_TREES.get(stmt.name) != ast.dump(stmt):
        return False
    need = _LIST_FUNCTION_IMPORTS.get(stmt.name)
    return need is None or imported.get(need[0]) == need[1]


def _checked_operator(stmt, imported: dict) -> bool:
    """Whether a top-level statement is one of dagsmith's checked operator subclasses, word for word, its base the
    name the file bound to the provider class it extends."""
    if not isinstance(stmt, ast.ClassDef) or stmt.name not in CHECKED_OPERATORS or len(stmt.bases) != 1:
        return False
    module, name, text = CHECKED_OPERATORS[stmt.name]
    base = stmt.bases[0]
    if not isinstance(base, ast.Name) or imported.get(base.id) != (module, name):
        return False
    expected = ast.parse(text.replace("(BASE)", f"({base.id})", 1)).body[0]
    return ast.dump(stmt) == ast.dump(expected)


def check_shape(source: str, filename: str) -> list[dict]:
    """DS701 for Python a generated DAG file never has: a construct other than imports, assignments, literal
    calls and dependencies; a name neither imported nor assigned in the file (a builtin such as open, eval or
    __import__); an attribute starting with an underscore, of an attribute, or of a module outside a few known
    ones. Checked on the source before it is imported: the DAG file's own code runs at import."""
    try:
        tree = ast.parse(source, filename=filename)
    except SyntaxError:
        return []  # check_imports reports it (DS706)
    modules: set = set()
    problems = []

    def refuse(node, what):
        problems.append(refusal("DS701", f"the DAG file has {what} (line {getattr(node, 'lineno', '?')}), which a DAG "
                                         "dagsmith generated never has; only generated DAG files run in a test"))

    asset_names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(a.asname or a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level:
            asset_names.update({a.asname or a.name: (node.module, a.name) for a in node.names})
    # dagsmith's alias hook factory, a fan-out's list functions and a fanned-out step's item function (def f(item): return {...}) are checked
    # whole (_alias_hook, item_function); their parts are not walked again (nodes a DAG file has nowhere else).
    hooks = [stmt for stmt in tree.body
             if _alias_hook(stmt, asset_names) or _list_function(stmt, asset_names) or _checked_operator(stmt, asset_names)]
    item_functions = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    inside = {id(n) for hook in hooks for n in ast.walk(hook)}
    inside |= {id(n) for f in item_functions if item_function(f) for n in ast.walk(f)}
    for node in ast.walk(tree):
        if id(node) in inside:
            continue
        if isinstance(node, ast.Attribute) and expansion_attribute(node):
            continue
        if not isinstance(node, _NODES):
            refuse(node, f"the Python construct {type(node).__name__}")
        elif isinstance(node, ast.BinOp) and not isinstance(node.op, (ast.RShift, ast.LShift)):
            refuse(node, f"a {type(node.op).__name__} expression")
        elif isinstance(node, ast.Attribute):
            if node.attr.startswith("_"):
                refuse(node, f"the attribute {node.attr!r}")
            elif not isinstance(node.value, ast.Name):
                refuse(node, f"an attribute of an expression (.{node.attr})")
            elif node.value.id in modules and node.attr not in _MODULE_ATTRS.get(node.value.id, ()):
                refuse(node, f"the module attribute {node.value.id}.{node.attr}")

    # Names, in the order the file defines them: a name is used only after an import or assignment made it (so
    # `open = open` does not make the builtin usable).
    known = set(_BUILTINS)

    def loads(expr):
        for n in ast.walk(expr):
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.id not in known:
                refuse(n, f"the name {n.id!r} before an import or assignment defines it")

    def stores(target):
        for n in ast.walk(target):
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                known.add(n.id)

    def statements(body):
        for stmt in body:
            if isinstance(stmt, (ast.FunctionDef, ast.ClassDef)) and id(stmt) in inside:
                known.add(stmt.name)
            elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
                known.update(a.asname or a.name for a in stmt.names)
            elif isinstance(stmt, ast.Assign):
                loads(stmt.value)
                for target in stmt.targets:
                    stores(target)
            elif isinstance(stmt, ast.With):
                for item in stmt.items:
                    loads(item.context_expr)
                    if item.optional_vars is not None:
                        stores(item.optional_vars)
                statements(stmt.body)
            elif isinstance(stmt, ast.Expr):
                loads(stmt.value)

    statements(tree.body)
    return problems


def item_function(fn) -> bool:
    """Whether a top-level function is what dagsmith writes for a fanned-out step (src/emit/python/dag.ts): one
    parameter `item`, no decorators or defaults, and one statement returning a dict of string keys whose values are
    `item`, `item["p"]`, or a string + one of those."""
    a = fn.args
    if fn.decorator_list or fn.returns or a.posonlyargs or a.kwonlyargs or a.vararg or a.kwarg or a.defaults:
        return False
    if len(a.args) != 1 or a.args[0].arg != "item" or a.args[0].annotation is not None or len(fn.body) != 1:
        return False
    ret = fn.body[0]
    if not isinstance(ret, ast.Return) or not isinstance(ret.value, ast.Dict):
        return False

    def is_str(n):
        return isinstance(n, ast.Constant) and isinstance(n.value, str)

    def is_item(n):
        if isinstance(n, ast.Name):
            return n.id == "item"
        return isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name) and n.value.id == "item" and is_str(n.slice)

    def value_ok(v):
        if isinstance(v, ast.BinOp):
            return isinstance(v.op, ast.Add) and is_str(v.left) and is_item(v.right)
        return is_item(v)

    return all(k is not None and is_str(k) for k in ret.value.keys) and all(value_ok(v) for v in ret.value.values)


def expansion_attribute(node) -> bool:
    """The attributes of a fanned-out task: `Class.partial(...).expand(...)` / `.expand_kwargs(...)`, and
    `task.output.map` (the list an item function is applied to)."""
    if node.attr in ("expand", "expand_kwargs"):
        call = node.value
        return (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "partial"
                and isinstance(call.func.value, ast.Name))
    if node.attr == "map":
        out = node.value
        return isinstance(out, ast.Attribute) and out.attr == "output" and isinstance(out.value, ast.Name)
    return False


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
        # A checked subclass the DAG file defined (check_shape accepted its text) is judged as the class it extends.
        if _is_checked_operator(cls, dag):
            cls = cls.__bases__[0]
        if cls not in allowed and cls not in noops:
            problems.append(refusal(
                "DS700", f"task '{task.task_id}' is a {class_path(cls)}, which dagsmith test does not run by default "
                         f"(it runs the operators of dagsmith's step kinds and EmptyOperator); allow {class_path(cls)} "
                         f"to run it", task.task_id))
        if cls.__name__ == "PythonOperator" and not _is_list_function(getattr(task, "python_callable", None)):
            problems.append(refusal(
                "DS700", f"task '{task.task_id}' is a PythonOperator that does not run one of dagsmith's fan-out list "
                         "functions; a test runs no other Python callable", task.task_id))
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


def _is_checked_operator(cls, dag) -> bool:
    """Whether a task's class is one of dagsmith's checked operator subclasses defined in the DAG file itself (whose
    text check_shape accepted), directly extending the provider class of that name."""
    if not isinstance(cls, type) or cls.__name__ not in CHECKED_OPERATORS or cls.__qualname__ != cls.__name__:
        return False
    module, name, _ = CHECKED_OPERATORS[cls.__name__]
    defined_in = getattr(sys.modules.get(cls.__module__), "__file__", None)
    fileloc = getattr(dag, "fileloc", None)
    return (len(cls.__bases__) == 1 and class_path(cls.__bases__[0]) == f"{module}.{name}"
            and defined_in is not None and fileloc is not None and os.path.realpath(defined_in) == os.path.realpath(fileloc))


def _is_list_function(fn) -> bool:
    """Whether a PythonOperator's callable is a fan-out list function the DAG file defined (check_shape accepted its
    text): a plain function of that name whose code was compiled from the DAG file itself."""
    return (isinstance(fn, types.FunctionType) and fn.__name__ in LIST_FUNCTION_SOURCES
            and fn.__code__.co_name == fn.__name__ and fn.__qualname__ == fn.__name__)


def _callable_name(cb) -> str:
    if isinstance(cb, type) or callable(cb) and hasattr(cb, "__qualname__"):
        return getattr(cb, "__qualname__", repr(cb))
    return type(cb).__qualname__
