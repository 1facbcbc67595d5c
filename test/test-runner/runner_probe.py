"""Drives the runner's parts without Airflow, in an Airflow virtualenv (its boto3/botocore): environment scrubbing,
the network guard, request checks, import checks, and the recording proxy with declared outcomes answering real
boto3 clients through moto. Prints one JSON object (test/test-runner/runner-parts.test.ts checks it).

Usage: <venv>/bin/python runner_probe.py <folder holding dagsmith_runner> <moto endpoint>
"""

import io
import json
import os
import socket
import sys

sys.path.insert(0, sys.argv[1])
MOTO = sys.argv[2]

from dagsmith_runner import checks, environment, netguard, request  # noqa: E402

out = {}

# --- environment -----------------------------------------------------------------------------------------------
env = {"AWS_PROFILE": "prod", "AWS_ACCESS_KEY_ID": "AKIAREAL", "AWS_SESSION_TOKEN": "t", "aws_secret_access_key": "s",
       "AIRFLOW_CONN_AWS_DEFAULT": "aws://x", "AIRFLOW__SECRETS__BACKEND": "x", "BOTO_CONFIG": "/etc/boto",
       "AWS_ENDPOINT_URL_S3": "https://s3.amazonaws.com", "PATH": "/usr/bin", "HOME": "/home/u"}
out["scrubbed"] = environment.scrub(env)
out["kept"] = sorted(env)
out["endpoints"] = {e: environment.endpoint_problem(e) is None for e in [
    "http://127.0.0.1:5000", "http://localhost:5000", "http://[::1]:5000", "http://10.0.0.1:5000",
    "https://127.0.0.1:5000", "http://127.0.0.1", "http://127.0.0.1:5000/path", "http://169.254.169.254:80",
    "http://user:pw@127.0.0.1:5000", "http://127.0.0.1.nip.io:5000"]}
fake = {"AWS_ACCESS_KEY_ID": environment.DUMMY_ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": environment.DUMMY_SECRET_KEY}
out["credentials"] = {
    "dummy": environment.credentials_problem(fake),
    "real": environment.credentials_problem({**fake, "AWS_ACCESS_KEY_ID": "AKIAREAL"}),
    "profile": environment.credentials_problem({**fake, "AWS_PROFILE": "prod"}),
    "endpoint": environment.credentials_problem({**fake, "AWS_ENDPOINT_URL_S3": "https://s3.amazonaws.com"}),
}

# --- requests ----------------------------------------------------------------------------------------------------
_, problems = request.parse({"id": "x", "dagFile": "/d.py", "dagId": "d", "logicalDate": "2026-13-40", "moto": MOTO,
                             "allowedClasses": ["os.system", "not a path"], "outcomes": {"glueJob": []},
                             "limits": {"sensorTimeout": -1}, "given": {"s3": [{"bucket": "", "key": "k"}]}})
out["requestProblems"] = problems
ok, problems = request.parse({"id": "x", "dagFile": "/d.py", "dagId": "d", "logicalDate": "2026-03-01", "moto": MOTO,
                              "allowedClasses": ["a.B"]})
out["requestOk"] = {"problems": problems, "dateOnly": ok.date_only, "limits": ok.limits}

# --- imports of a DAG file ---------------------------------------------------------------------------------------
allowed = ["airflow.providers.amazon.aws.operators.s3.S3CopyObjectOperator"]
out["imports"] = {
    name: [p["code"] for p in checks.check_imports(src, "dag.py", allowed)]
    for name, src in {
        "generated": "from airflow.sdk import DAG\nimport pendulum\nfrom datetime import timedelta\n"
                     "from airflow.providers.amazon.aws.operators.s3 import S3CopyObjectOperator\n",
        "bash": "from airflow.operators.bash import BashOperator\n",
        "os": "import os\n",
        "relative": "from . import helpers\n",
        "function": "from subprocess import run\n",
        "syntax": "def (:\n",
    }.items()
}

out["shape"] = {
    name: [p["message"].split(" (line")[0] for p in checks.check_shape(src, "dag.py")]
    for name, src in {
        "generated": "import pendulum\nfrom airflow import DAG\nfrom datetime import timedelta\n"
                     "default_args = dict(retries=-1, retry_delay=timedelta(minutes=5))\n"
                     "with DAG(dag_id='x', start_date=pendulum.datetime(2026, 1, 1, tz='UTC'), default_args=default_args) as dag:\n"
                     "    a = DAG(dag_id='y')\n    a >> dag\n",
        "builtin": "x = open('/etc/passwd')\n",
        "shadowed": "open = open\n",
        "dunder": "from datetime import timedelta\nx = timedelta.__class__\n",
        "chain": "import pendulum\nx = pendulum.helpers.os\n",
        "lambda": "f = lambda: 1\n",
        "subscript": "x = [1][0]\n",
        # A fanned-out step as dagsmith writes it (src/emit/python/dag.ts): the fixed item function, partial/expand.
        "fan_out": "from airflow.providers.amazon.aws.operators.s3 import S3CopyObjectOperator, S3ListOperator\n"
                   "def each_item_args(item):\n    return {\"source_bucket_key\": item, \"dest_bucket_key\": \"p/\" + item}\n"
                   "listed = S3ListOperator(task_id='l', bucket='b')\n"
                   "each = S3CopyObjectOperator.partial(task_id='e').expand_kwargs(listed.output.map(each_item_args))\n"
                   "one = S3CopyObjectOperator.partial(task_id='o').expand(source_bucket_key=listed.output)\n",
        "function_body": "def f(item):\n    return {'k': open(item)}\n",
        "function_args": "def f(item, x=__import__('os')):\n    return {'k': item}\n",
        "expand_elsewhere": "from airflow import DAG\nx = DAG(dag_id='d').expand(a=1)\n",
    }.items()
}

# A fan-out's list task as dagsmith writes it (src/emit/python/fan-out-lists.ts): the fixed functions, word for word,
# and PythonOperator tasks running them; a changed function, or AthenaHook bound to another class, is refused.
from dagsmith_runner.list_functions import LIST_FUNCTION_SOURCES  # noqa: E402

_json_fn = LIST_FUNCTION_SOURCES["_dagsmith_items_from_json"]
_athena_fn = LIST_FUNCTION_SOURCES["_dagsmith_items_from_athena"]
_tasks = ("x = PythonOperator(task_id='x_items', python_callable=_dagsmith_items_from_json, op_kwargs={'payload': l.output})\n"
          "y = PythonOperator(task_id='y_items', python_callable=_dagsmith_items_from_athena,"
          " op_kwargs={'query_execution_id': l.output, 'aws_conn_id': 'aws_default', 'region_name': None})\n"
          "z = PythonOperator(task_id='z_items', python_callable=_dagsmith_items_from_param, op_kwargs={'name': 'keys'})\n")
_head = ("import json\nfrom airflow.operators.python import PythonOperator\n"
         "from airflow.providers.amazon.aws.operators.lambda_function import LambdaInvokeFunctionOperator\n")
_hook = "from airflow.providers.amazon.aws.hooks.athena import AthenaHook\n"
out["listShape"] = {
    name: [p["message"].split(" (line")[0] for p in checks.check_shape(src, "dag.py")]
    for name, src in {
        "generated": _head + _hook + "".join(LIST_FUNCTION_SOURCES.values())
                     + "l = LambdaInvokeFunctionOperator(task_id='l', function_name='f')\n" + _tasks,
        "changed": _head + _json_fn.replace("json.loads(payload)", "eval(payload)"),
        "hook_elsewhere": _head + "from airflow.operators.python import PythonOperator as AthenaHook\n" + _athena_fn,
    }.items()
}
_ns = {}
exec(compile("import json\n" + _json_fn, "dag.py", "exec"), _ns)  # noqa: S102 - the fixed text, as a DAG file defines it
out["listCallables"] = {
    "fixed": checks._is_list_function(_ns["_dagsmith_items_from_json"]),
    "builtin": checks._is_list_function(print),
    "lambda": checks._is_list_function(lambda payload: []),
    "other_name": checks._is_list_function(checks.refusal),
}

# A checked operator subclass as dagsmith writes it (src/emit/python/checked-operators.ts): the fixed class, word for
# word, its base bound to the provider class; a changed class, or a base bound to another class, is refused.
from dagsmith_runner.checked_operators import CHECKED_OPERATORS  # noqa: E402

_brew_module, _brew_class, _brew_text = CHECKED_OPERATORS["_DagsmithDataBrewStartJobOperator"]
_brew_head = f"from {_brew_module} import {_brew_class}\n"
_brew_task = "p = _DagsmithDataBrewStartJobOperator(task_id='p', job_name='j', wait_for_completion=True)\n"
out["checkedShape"] = {
    name: [p["message"].split(" (line")[0] for p in checks.check_shape(src, "dag.py")]
    for name, src in {
        "generated": _brew_head + _brew_text.replace("(BASE)", f"({_brew_class})") + _brew_task,
        "aliased": f"from {_brew_module} import {_brew_class} as {_brew_class}_2\n"
                   + _brew_text.replace("(BASE)", f"({_brew_class}_2)") + _brew_task,
        "changed": _brew_head + _brew_text.replace("(BASE)", f"({_brew_class})").replace('!= "SUCCEEDED"', '== "NEVER"') + _brew_task,
        "base_elsewhere": "from airflow.operators.python import PythonOperator as GlueDataBrewStartJobOperator\n"
                          + _brew_text.replace("(BASE)", f"({_brew_class})") + _brew_task,
        "other_class": _brew_head + "class Other(GlueDataBrewStartJobOperator):\n    pass\n",
    }.items()
}

# --- network guard -----------------------------------------------------------------------------------------------
netguard.install()
blocked = {}
for label, attempt in {
    "connect": lambda: socket.create_connection(("10.255.255.1", 80), timeout=1),
    "resolve": lambda: socket.getaddrinfo("s3.amazonaws.com", 443),
    "udp": lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("8.8.8.8", 53)),
}.items():
    try:
        attempt()
        blocked[label] = "not blocked"
    except OSError as exc:
        blocked[label] = type(exc).__name__ + (" dagsmith" if "dagsmith test" in str(exc) else "")
host, port = MOTO.split("//")[1].split(":")
socket.create_connection((host, int(port)), timeout=5).close()
blocked["loopback"] = "connected"
blocked["recorded"] = netguard.take_blocked()
out["network"] = blocked

# --- the recording proxy with declared outcomes, against moto ----------------------------------------------------
import boto3  # noqa: E402
from botocore.config import Config  # noqa: E402
from botocore.exceptions import ClientError  # noqa: E402

from dagsmith_runner.awsdecode import Decoder  # noqa: E402
from dagsmith_runner.outcomes import Outcomes  # noqa: E402
from dagsmith_runner.proxy import RecordingProxy, Recorder  # noqa: E402
from dagsmith_runner.world import World  # noqa: E402

world = World(MOTO, "us-east-1")
world.reset()
recorder = Recorder(Decoder())
proxy = RecordingProxy(recorder)
declared = {
    "glueJobs": [{"job": "etl", "result": "failed", "error": "OOM", "writes": [{"bucket": "out", "key": "etl/part-0", "body": "x"}]},
                 {"job": "etl", "result": "succeeded"}],
    "athena": [{"match": "broken", "result": "failed", "error": "SYNTAX_ERROR: line 1"},
               {"match": "SELECT n", "columns": ["n", "label"], "rows": [[1, "a"], [2, None]]}],
    "redshiftData": [{"match": "DROP", "result": "failed", "error": "permission denied"},
                     {"match": "SELECT", "columns": ["c"], "rows": [[7], ["x"], [None]]}],
    "databrew": [{"job": "prep", "result": "failed", "error": "bad recipe"}],
    "flink": [{"application": "broken-app", "result": "failed", "error": "no snapshot"}],
    "emrSteps": [{"match": "build", "result": "failed", "error": "exit 1"}],
}
world.create_bucket("out")
world.apply({"calls": [
    {"service": "glue", "operation": "CreateJob", "args": {"Name": "etl", "Role": "arn:aws:iam::123456789012:role/r",
                                                          "Command": {"Name": "glueetl", "ScriptLocation": "s3://x/y.py"}}},
    {"service": "athena", "operation": "CreateWorkGroup", "args": {"Name": "wg", "Configuration": {}}}]})
from dagsmith_runner.world import SetupError  # noqa: E402

setup_errors = []
for bad in ({"service": "s3", "operation": "__init__"}, {"service": "no-such-service", "operation": "Get"},
            {"service": "glue", "operation": "GetJob", "args": {"JobName": "missing"}},
            {"service": "glue", "operation": "CreateDatabase", "args": {"DatabaseInput": {"Name": "raw"}}, "ignoreExisting": True}):
    try:
        world.apply({"calls": [bad, bad] if bad.get("ignoreExisting") else [bad]})
        setup_errors.append(None)
    except SetupError as exc:
        setup_errors.append(str(exc).split(":")[0] + ": " + type(exc.__cause__).__name__ if exc.__cause__ else str(exc))
out["setupErrors"] = setup_errors
recorder.begin(MOTO, Outcomes(declared, world.put_objects))
recorder.scope = {"task": "probe", "try": 1, "phase": "task"}
session = boto3.session.Session(aws_access_key_id=environment.DUMMY_ACCESS_KEY,
                                aws_secret_access_key=environment.DUMMY_SECRET_KEY, region_name="us-east-1")
client = lambda name: session.client(name, endpoint_url=proxy.endpoint, config=Config(retries={"max_attempts": 1}))  # noqa: E731
res = {}

glue = client("glue")
first = glue.start_job_run(JobName="etl", Arguments={"--day": "2026-03-01"})["JobRunId"]
second = glue.start_job_run(JobName="etl")["JobRunId"]
run1 = glue.get_job_run(JobName="etl", RunId=first)["JobRun"]
res["glue"] = [[run1["JobRunState"], run1.get("ErrorMessage")],
               [glue.get_job_run(JobName="etl", RunId=second)["JobRun"]["JobRunState"], None]]
res["glueWrote"] = world.small_body("out", "etl/part-0", 10)

athena = client("athena")
bad = athena.start_query_execution(QueryString="SELECT broken", WorkGroup="wg")["QueryExecutionId"]
good = athena.start_query_execution(QueryString="SELECT n, label FROM t", WorkGroup="wg")["QueryExecutionId"]
status = athena.get_query_execution(QueryExecutionId=bad)["QueryExecution"]["Status"]
rows = athena.get_query_results(QueryExecutionId=good)["ResultSet"]["Rows"]
res["athena"] = {"failed": [status["State"], status.get("StateChangeReason")],
                 "succeeded": athena.get_query_execution(QueryExecutionId=good)["QueryExecution"]["Status"]["State"],
                 "rows": [[d.get("VarCharValue") for d in r["Data"]] for r in rows]}

rs = client("redshift-data")
drop = rs.execute_statement(Sql="DROP TABLE t", Database="d", WorkgroupName="wg-serverless")["Id"]
batch = rs.batch_execute_statement(Sqls=["DELETE FROM t", "SELECT c FROM t"], Database="d", ClusterIdentifier="cluster-1")["Id"]
plain = rs.execute_statement(Sql="VACUUM", Database="d", WorkgroupName="wg-serverless")["Id"]
d1 = rs.describe_statement(Id=drop)
d2 = rs.describe_statement(Id=batch)
res["redshift"] = {
    "failed": [d1["Status"], d1.get("Error")],
    "batch": [d2["Status"], [s["Status"] for s in d2["SubStatements"]], [s["QueryString"] for s in d2["SubStatements"]]],
    "default": rs.describe_statement(Id=plain)["Status"],
    "rows": [[list(v.values())[0] for v in rec] for rec in rs.get_statement_result(Id=batch)["Records"]],
}

brew = client("databrew")
r1 = brew.start_job_run(Name="prep")["RunId"]
r2 = brew.start_job_run(Name="other")["RunId"]
res["databrew"] = [[brew.describe_job_run(Name="prep", RunId=r1)["State"], brew.describe_job_run(Name="prep", RunId=r1).get("ErrorMessage")],
                   [brew.describe_job_run(Name="other", RunId=r2)["State"], None]]

flink = client("kinesisanalyticsv2")
before = flink.describe_application(ApplicationName="enrich")["ApplicationDetail"]["ApplicationStatus"]
flink.start_application(ApplicationName="enrich", RunConfiguration={})
running = flink.describe_application(ApplicationName="enrich")["ApplicationDetail"]["ApplicationStatus"]
flink.stop_application(ApplicationName="enrich")
stopped = flink.describe_application(ApplicationName="enrich")["ApplicationDetail"]["ApplicationStatus"]
try:
    flink.start_application(ApplicationName="broken-app")
    failed = "started"
except ClientError as exc:
    failed = [exc.response["Error"]["Code"], exc.response["Error"]["Message"]]
res["flink"] = {"states": [before, running, stopped], "failed": failed}

emr = client("emr")
cluster = emr.run_job_flow(Name="c", ReleaseLabel="emr-7.2.0", Instances={"MasterInstanceType": "m5.xlarge", "InstanceCount": 1,
                                                                            "KeepJobFlowAliveWhenNoSteps": True},
                           JobFlowRole="EMR_EC2_DefaultRole", ServiceRole="EMR_DefaultRole")["JobFlowId"]
step_ids = emr.add_job_flow_steps(JobFlowId=cluster, Steps=[
    {"Name": name, "ActionOnFailure": "CONTINUE", "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["true"]}}
    for name in ("build", "other")])["StepIds"]
res["emr"] = [[s["Status"]["State"], s["Status"].get("FailureDetails", {}).get("Message")]
              for s in (emr.describe_step(ClusterId=cluster, StepId=i)["Step"] for i in step_ids)]

try:
    client("lambda").invoke(FunctionName="undeclared", Payload=b"{}")
    res["lambda"] = "answered"
except ClientError as exc:
    res["lambda"] = [exc.response["Error"]["Code"], exc.response["Error"]["Message"]]

s3 = client("s3")
s3.put_object(Bucket="out", Key="streamed.txt", Body=io.BytesIO(b"hello stream"))
s3.copy_object(Bucket="out", Key="copy.txt", CopySource={"Bucket": "out", "Key": "streamed.txt"})
s3.delete_objects(Bucket="out", Delete={"Objects": [{"Key": "copy.txt"}, {"Key": "missing"}]})
try:
    s3.head_object(Bucket="out", Key="copy.txt")
    res["headAfterDelete"] = "found"
except ClientError as exc:
    res["headAfterDelete"] = exc.response["Error"]["Code"]
res["moto_body"] = world.small_body("out", "streamed.txt", 100)

outcomes = recorder.outcomes
calls = recorder.end()
out["proxy"] = res
out["calls"] = [{k: c.get(k) for k in ("seq", "task", "phase", "service", "operation", "args", "status", "answeredBy", "error", "decodeProblem")}
                for c in calls]
out["uses"] = outcomes.uses
proxy.close()
json.dump(out, sys.stdout, default=str)
