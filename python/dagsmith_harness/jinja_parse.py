"""Parse templates with the Jinja environment Airflow renders DAG templates with, and print what each gives.

Usage: python jinja_parse.py <file holding a JSON list of template strings>
Prints one JSON list, one entry per template: {"ok": true} when Environment.parse accepts it, else
{"error": "<TemplateSyntaxError class name>", "message": "...", "lineno": n}. test/base/jinja.test.ts (@airflow)
holds src/base/jinja/ (the TypeScript port of Jinja's lexer and parser) to this, template by template.
"""

import json
import os
import sys
import tempfile

os.environ["AIRFLOW_HOME"] = tempfile.mkdtemp(prefix="dagsmith-jinja-")
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"

import warnings  # noqa: E402

warnings.simplefilter("ignore")

import jinja2  # noqa: E402
from airflow_compat import template_env  # noqa: E402

env = template_env()


def parse(text):
    try:
        env.parse(text)
        return {"ok": True}
    except jinja2.TemplateSyntaxError as e:
        return {"error": type(e).__name__, "message": e.message, "lineno": e.lineno}


with open(sys.argv[1], encoding="utf-8") as f:
    templates = json.load(f)
print(json.dumps([parse(t) for t in templates]))
