"""Seed a moto server before a DAG run, and read back what the run did to it.

Usage: python moto_state.py seed|inspect < plan.json

Runs in the moto virtualenv (it has boto3; no Airflow needed). Talks only to the endpoint in
AWS_ENDPOINT_URL, which must be a loopback address. Reads one JSON plan on stdin and prints one
JSON object on stdout. See README.md for the plan and result shapes.

seed plan (every key optional):
  {"region": "us-east-1",
   "buckets": ["acme-raw-dev"],
   "objects": [{"bucket": "...", "key": "...", "body": "<utf-8 text>"}],
   "iam_roles": ["glue-etl"],                      # role names, trust policy for glue.amazonaws.com
   "glue_databases": ["raw"],
   "glue_jobs": [{"Name": "...", "Role": "...", ...}],   # glue.create_job kwargs; Command defaults to glueetl
   "athena_workgroups": ["ml-features"],           # with no output location of their own
   "emr_serverless_applications": [{"name": "...", "releaseLabel": "emr-7.2.0"}],   # Spark applications
   "transitions": {"glue::crawl": {"progression": "immediate"}},
   "moto_config": {"lambda": {"use_docker": false}, "stepfunctions": {"execute_state_machine": true}},
                        # POST /moto-api/config. Without Docker, moto's Lambda must be its "simple" backend
                        # (an invocation answers with its own payload); moto runs state machine definitions
                        # only when told to (else an execution stays RUNNING with static data).
   "lambda_functions": [{"name": "validate", "role": "lambda-exec"}],   # python3.12 stubs (moto runs no code)
   "state_machines": [{"name": "export", "role": "sfn-exec", "definition": {...ASL...}}],
   "event_buses": ["data-platform"],
   "event_rules": [{"name": "r", "bus": "data-platform", "pattern": {...}, "queue": "events-q"}],
                        # each rule gets an SQS queue as its only target: what the bus delivered can be read
   "sns_topics": [{"name": "alerts", "queue": "alerts-q"}]}
                        # each topic gets an SQS queue subscribed: what was published can be read (each message
                        # is SNS's JSON envelope, with Subject and Message)
                        # (transitions:)
                        # moto's state manager (POST /moto-api/state-manager/set-transition): how fast
                        # simulated resources change state. moto 5.1.10's default for glue::crawl is
                        # "manual" (a crawl stays RUNNING until something advances it, which no Glue API
                        # call does), so GlueCrawlerOperator(wait_for_completion=True) would wait forever.
  -> {"ok": true, "created": {...counts...}, "emr_serverless_applications": {name: application id}}

inspect plan:
  {"region": "us-east-1",
   "list": [{"bucket": "...", "prefix": "..."}],   # -> "objects": {"bucket/prefix": {key: sha256}}
   "get": [{"bucket": "...", "key": "..."}],        # -> "bodies": {"bucket/key": text or null}
   "glue_job_runs": ["job name"],                  # -> "glue_job_runs": {name: [{Id, JobRunState, ...}]}
   "glue_jobs": ["job name"],                      # -> "glue_jobs": {name: get_job()["Job"] or null}
   "glue_crawlers": ["crawler name"],              # -> "glue_crawlers": {name: get_crawler()["Crawler"] or null}
   "athena": true,                                 # -> "athena_queries": [{Query, Status, WorkGroup, ...}]
   "emr_clusters": true,                           # -> "emr_clusters": [{Cluster: describe_cluster, InstanceGroups,
                                                   #    Steps (oldest first)}]
   "emr_serverless_job_runs": ["application id"],  # -> "emr_serverless_job_runs": {id: [get_job_run jobRun]}
   "sqs_messages": ["events-q"],                   # -> "sqs_messages": {queue: [parsed JSON bodies]}
   "sfn_executions": ["export"]}                   # -> "sfn_executions": {state machine: [describe_execution()]}
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
from urllib.parse import urlparse

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def fail(message: str) -> int:
    print(f"moto_state: {message}", file=sys.stderr)
    return 2


def to_json(value):
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value


def clients(region):
    import boto3

    session = boto3.session.Session(
        aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID", "testing"),
        aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY", "testing"),
        region_name=region,
    )
    endpoint = os.environ["AWS_ENDPOINT_URL"]
    return lambda service: session.client(service, endpoint_url=endpoint)


def set_transitions(transitions) -> None:
    from urllib.request import Request, urlopen

    endpoint = os.environ["AWS_ENDPOINT_URL"].rstrip("/")
    for model_name, transition in transitions.items():
        body = json.dumps({"model_name": model_name, "transition": transition}).encode()
        req = Request(f"{endpoint}/moto-api/state-manager/set-transition", data=body, method="POST",
                      headers={"Content-Type": "application/json"})
        with urlopen(req, timeout=10) as resp:
            if resp.status not in (200, 201):
                raise RuntimeError(f"set-transition {model_name}: HTTP {resp.status}")


def post_moto_api(path: str, payload) -> None:
    from urllib.request import Request, urlopen

    endpoint = os.environ["AWS_ENDPOINT_URL"].rstrip("/")
    req = Request(f"{endpoint}/moto-api/{path}", data=json.dumps(payload).encode(), method="POST",
                  headers={"Content-Type": "application/json"})
    with urlopen(req, timeout=10) as resp:
        if resp.status not in (200, 201):
            raise RuntimeError(f"moto-api/{path}: HTTP {resp.status}")


def role_arn(client, name: str, service: str) -> str:
    iam = client("iam")
    trust = {"Version": "2012-10-17",
             "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]}
    try:
        return iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    except iam.exceptions.EntityAlreadyExistsException:
        return iam.get_role(RoleName=name)["Role"]["Arn"]


def seed_events_and_functions(plan, client, created: dict) -> None:
    if plan.get("moto_config"):
        post_moto_api("config", plan["moto_config"])
    if plan.get("lambda_functions"):
        import io
        import zipfile

        lam = client("lambda")
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as archive:
            archive.writestr("handler.py", "def handle(event, context):\n    return event\n")
        for fn in plan["lambda_functions"]:
            lam.create_function(FunctionName=fn["name"], Runtime="python3.12", Handler="handler.handle",
                                Role=role_arn(client, fn["role"], "lambda.amazonaws.com"),
                                Code={"ZipFile": buf.getvalue()})
    created["lambda_functions"] = len(plan.get("lambda_functions", []))
    sfn = client("stepfunctions")
    for sm in plan.get("state_machines", []):
        sfn.create_state_machine(name=sm["name"], definition=json.dumps(sm["definition"]),
                                 roleArn=role_arn(client, sm["role"], "states.amazonaws.com"))
    created["state_machines"] = len(plan.get("state_machines", []))
    events = client("events")
    for bus in plan.get("event_buses", []):
        events.create_event_bus(Name=bus)
    created["event_buses"] = len(plan.get("event_buses", []))
    sqs = client("sqs")
    for rule in plan.get("event_rules", []):
        url = sqs.create_queue(QueueName=rule["queue"])["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        bus = rule.get("bus", "default")
        events.put_rule(Name=rule["name"], EventBusName=bus, EventPattern=json.dumps(rule["pattern"]))
        events.put_targets(Rule=rule["name"], EventBusName=bus, Targets=[{"Id": "queue", "Arn": arn}])
    created["event_rules"] = len(plan.get("event_rules", []))
    sns = client("sns")
    for topic in plan.get("sns_topics", []):
        topic_arn = sns.create_topic(Name=topic["name"])["TopicArn"]
        url = sqs.create_queue(QueueName=topic["queue"])["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        sns.subscribe(TopicArn=topic_arn, Protocol="sqs", Endpoint=arn)
    created["sns_topics"] = len(plan.get("sns_topics", []))


def seed(plan) -> dict:
    region = plan.get("region", "us-east-1")
    client = clients(region)
    created = {}
    set_transitions(plan.get("transitions", {}))
    created["transitions"] = len(plan.get("transitions", {}))
    s3 = client("s3")
    for bucket in plan.get("buckets", []):
        if region == "us-east-1":
            s3.create_bucket(Bucket=bucket)
        else:
            s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region})
    created["buckets"] = len(plan.get("buckets", []))
    for obj in plan.get("objects", []):
        s3.put_object(Bucket=obj["bucket"], Key=obj["key"], Body=obj["body"].encode("utf-8"))
    created["objects"] = len(plan.get("objects", []))
    if plan.get("iam_roles"):
        iam = client("iam")
        trust = {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": "glue.amazonaws.com"}, "Action": "sts:AssumeRole"}],
        }
        for name in plan["iam_roles"]:
            iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))
    created["iam_roles"] = len(plan.get("iam_roles", []))
    glue = client("glue")
    for name in plan.get("glue_databases", []):
        glue.create_database(DatabaseInput={"Name": name})
    created["glue_databases"] = len(plan.get("glue_databases", []))
    for job in plan.get("glue_jobs", []):
        kwargs = {"Command": {"Name": "glueetl", "ScriptLocation": "s3://placeholder/script.py"}, **job}
        glue.create_job(**kwargs)
    created["glue_jobs"] = len(plan.get("glue_jobs", []))
    if plan.get("athena_workgroups"):
        athena = client("athena")
        for name in plan["athena_workgroups"]:
            # moto 5.1.10 fails (HTTP 500) on a CreateWorkGroup without Configuration.
            athena.create_work_group(Name=name, Configuration={})
    created["athena_workgroups"] = len(plan.get("athena_workgroups", []))
    apps = {}
    for app in plan.get("emr_serverless_applications", []):
        emr = client("emr-serverless")
        apps[app["name"]] = emr.create_application(name=app["name"], releaseLabel=app["releaseLabel"], type="SPARK")["applicationId"]
    created["emr_serverless_applications"] = len(apps)
    seed_events_and_functions(plan, client, created)
    return {"ok": True, "created": created, "emr_serverless_applications": apps}


def inspect_state(plan) -> dict:
    region = plan.get("region", "us-east-1")
    client = clients(region)
    out = {}
    s3 = client("s3")
    objects = {}
    for spec in plan.get("list", []):
        found = {}
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=spec["bucket"], Prefix=spec.get("prefix", "")):
            for item in page.get("Contents", []):
                body = s3.get_object(Bucket=spec["bucket"], Key=item["Key"])["Body"].read()
                found[item["Key"]] = hashlib.sha256(body).hexdigest()
        objects[f"{spec['bucket']}/{spec.get('prefix', '')}"] = found
    out["objects"] = objects
    bodies = {}
    for spec in plan.get("get", []):
        try:
            body = s3.get_object(Bucket=spec["bucket"], Key=spec["key"])["Body"].read()
            bodies[f"{spec['bucket']}/{spec['key']}"] = body.decode("utf-8", "replace")
        except s3.exceptions.NoSuchKey:
            bodies[f"{spec['bucket']}/{spec['key']}"] = None
    out["bodies"] = bodies
    glue = client("glue")
    out["glue_job_runs"] = {
        name: to_json(glue.get_job_runs(JobName=name).get("JobRuns", [])) for name in plan.get("glue_job_runs", [])
    }
    jobs = {}
    for name in plan.get("glue_jobs", []):
        try:
            jobs[name] = to_json(glue.get_job(JobName=name)["Job"])
        except glue.exceptions.EntityNotFoundException:
            jobs[name] = None
    out["glue_jobs"] = jobs
    crawlers = {}
    for name in plan.get("glue_crawlers", []):
        try:
            crawlers[name] = to_json(glue.get_crawler(Name=name)["Crawler"])
        except glue.exceptions.EntityNotFoundException:
            crawlers[name] = None
    out["glue_crawlers"] = crawlers
    if plan.get("athena"):
        athena = client("athena")
        queries = []
        for wg in athena.list_work_groups()["WorkGroups"]:
            ids = athena.list_query_executions(WorkGroup=wg["Name"]).get("QueryExecutionIds", [])
            for qid in ids:
                queries.append(to_json(athena.get_query_execution(QueryExecutionId=qid)["QueryExecution"]))
        out["athena_queries"] = queries
    if plan.get("emr_clusters"):
        emr = client("emr")
        clusters = []
        for summary in emr.list_clusters()["Clusters"]:
            cid = summary["Id"]
            steps = emr.list_steps(ClusterId=cid)["Steps"]
            clusters.append(to_json({
                "Cluster": emr.describe_cluster(ClusterId=cid)["Cluster"],
                "InstanceGroups": emr.list_instance_groups(ClusterId=cid)["InstanceGroups"],
                "Steps": list(reversed(steps)),  # list_steps is newest first
            }))
        out["emr_clusters"] = clusters
    if plan.get("emr_serverless_job_runs"):
        emr = client("emr-serverless")
        runs = {}
        for app_id in plan["emr_serverless_job_runs"]:
            emr.get_application(applicationId=app_id)  # fails when the application does not exist
            try:
                ids = [r["id"] for r in emr.list_job_runs(applicationId=app_id)["jobRuns"]]
            except emr.exceptions.ResourceNotFoundException:
                ids = []  # moto 5.1.10 says "does not exist" for an application that has no job run yet
            runs[app_id] = [to_json(emr.get_job_run(applicationId=app_id, jobRunId=i)["jobRun"]) for i in ids]
        out["emr_serverless_job_runs"] = runs
    if plan.get("sqs_messages"):
        sqs = client("sqs")
        messages = {}
        for name in plan["sqs_messages"]:
            url = sqs.get_queue_url(QueueName=name)["QueueUrl"]
            got = []
            while True:
                batch = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0).get("Messages", [])
                if not batch:
                    break
                got += [json.loads(m["Body"]) for m in batch]
                sqs.delete_message_batch(QueueUrl=url, Entries=[
                    {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(batch)])
            messages[name] = got
        out["sqs_messages"] = messages
    if plan.get("sfn_executions"):
        sfn = client("stepfunctions")
        machines = {m["name"]: m["stateMachineArn"] for m in sfn.list_state_machines()["stateMachines"]}
        out["sfn_executions"] = {
            name: [to_json({k: v for k, v in sfn.describe_execution(executionArn=e["executionArn"]).items()
                            if k != "ResponseMetadata"})
                   for e in sfn.list_executions(stateMachineArn=machines[name])["executions"]]
            for name in plan["sfn_executions"]
        }
    return out


def main(argv) -> int:
    if len(argv) != 2 or argv[1] not in ("seed", "inspect"):
        return fail("usage: python moto_state.py seed|inspect < plan.json")
    endpoint = os.environ.get("AWS_ENDPOINT_URL")
    if not endpoint:
        return fail("AWS_ENDPOINT_URL is not set; point it at a moto server (http://127.0.0.1:<port>)")
    if urlparse(endpoint).hostname not in LOOPBACK:
        return fail(f"AWS_ENDPOINT_URL={endpoint} is not a loopback address; refusing to run against it")
    plan = json.load(sys.stdin)
    result = seed(plan) if argv[1] == "seed" else inspect_state(plan)
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
