"""The fixed functions a generated DAG file may define for a fan-out's list task (src/emit/python/fan-out-lists.ts
writes them word for word; test/test-runner/list-functions.test.ts checks the two copies agree). A function of one of
these names is accepted only when its syntax tree is exactly this text (checks.check_shape), and a PythonOperator
runs only one of them (checks.check_dag)."""

LIST_FUNCTION_SOURCES = {
    "_dagsmith_items_from_json": '''def _dagsmith_items_from_json(payload):
    """The list a fan-out maps over: the upstream task's output, a JSON list of strings."""
    try:
        items = json.loads(payload)
    except (TypeError, ValueError):
        items = None
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ValueError(f"fan-out: the upstream task returned {str(payload)[:200]!r}, not a JSON list of strings")
    return items
''',
    "_dagsmith_items_from_athena": '''def _dagsmith_items_from_athena(query_execution_id, aws_conn_id, region_name):
    """The list a fan-out maps over: the first column of the rows of an Athena query (after its header row)."""
    pages = AthenaHook(aws_conn_id=aws_conn_id, region_name=region_name).get_query_results_paginator(query_execution_id)
    if pages is None:
        raise ValueError(f"fan-out: the results of Athena query {query_execution_id!r} cannot be read")
    rows = [row.get("Data") or [{}] for page in pages for row in page["ResultSet"]["Rows"]]
    items = [row[0].get("VarCharValue") for row in rows[1:]]
    if not all(isinstance(item, str) for item in items):
        raise ValueError("fan-out: a row of the Athena query has no value in its first column")
    return items
''',
    "_dagsmith_items_from_param": '''def _dagsmith_items_from_param(name, params):
    """The list a fan-out maps over: the value of a list param in this run."""
    items = params[name]
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ValueError(f"fan-out: param {name!r} is {str(items)[:200]!r} in this run, not a list of strings")
    return items
''',
}
