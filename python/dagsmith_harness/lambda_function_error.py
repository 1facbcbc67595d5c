"""Show what a generated LambdaInvokeFunctionOperator does when the function itself fails.

Usage: python lambda_function_error.py <dag file> <dag_id> <task_id>

A function that raises answers Invoke with HTTP 200, `FunctionError: Unhandled` and the error as the payload. No
server here can produce that (moto without Docker has only its "simple" Lambda backend, which echoes the payload),
so this is the one place a response is faked: botocore's own Stubber answers the operator's Invoke call, and the
task loaded from the generated DAG file runs its real execute() from the pinned amazon provider.

Prints one JSON object: {"airflow_version", "provider_version", "raised": <exception class or null>, "message"}.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
import tempfile

_HOME = tempfile.mkdtemp(prefix="dagsmith-airflow-")
os.environ["AIRFLOW_HOME"] = _HOME
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
os.environ.setdefault("AIRFLOW__LOGGING__LOGGING_LEVEL", "WARNING")
# No AWS anywhere: fixed credentials and region, and an endpoint nothing listens on (the Stubber answers first).
os.environ["AIRFLOW_CONN_AWS_DEFAULT"] = json.dumps({
    "conn_type": "aws", "login": "testing", "password": "testing",
    "extra": {"region_name": "us-east-1", "endpoint_url": "http://127.0.0.1:9"},
})
os.environ["AWS_DEFAULT_REGION"] = "us-east-1"

ERROR_PAYLOAD = {"errorMessage": "3 rows without order_id", "errorType": "ValidationError"}


def main(argv) -> dict:
    dag_file, dag_id, task_id = argv
    sys.stdout.flush()
    json_out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # Airflow's logs go to stderr; stdout is the JSON only

    import airflow
    from botocore.response import StreamingBody
    from botocore.stub import Stubber

    from airflow.providers.amazon import __version__ as provider_version
    from airflow_compat import load_dagbag

    bag = load_dagbag(dag_file)
    if bag.import_errors or dag_id not in bag.dags:
        raise SystemExit(f"cannot load {dag_id} from {dag_file}: {bag.import_errors}")
    task = bag.dags[dag_id].get_task(task_id)
    body = json.dumps(ERROR_PAYLOAD).encode()
    stubber = Stubber(task.hook.conn)
    stubber.add_response(
        "invoke",
        {"StatusCode": 200, "FunctionError": "Unhandled", "ExecutedVersion": "$LATEST",
         "Payload": StreamingBody(io.BytesIO(body), len(body))},
    )
    result = {"airflow_version": airflow.__version__, "provider_version": provider_version, "raised": None, "message": None}
    with stubber:
        try:
            returned = task.execute(context={})
            result["returned"] = returned
        except Exception as exc:  # what the operator raises is the result
            result["raised"] = type(exc).__name__
            result["message"] = str(exc)
    json.dump(result, json_out)
    json_out.write("\n")
    json_out.flush()
    return result


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    finally:
        shutil.rmtree(_HOME, ignore_errors=True)
