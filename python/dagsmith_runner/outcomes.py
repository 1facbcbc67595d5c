"""Declared outcomes: what moto cannot run, answered by the recording proxy on the wire.

They are injected in the proxy, not by patching boto or the hooks: the operator, its hook, boto3/aiobotocore, the
waiters and the deferrable triggers all run their real code and parse a real HTTP answer; only the server's answer is
the declared one. Two ways:
- rewrite: the request goes to moto (which checks that the job exists, creates the run, validates the arguments),
  and moto's answer is changed where moto cannot know the result (Glue GetJobRun -> FAILED, EMR DescribeStep ->
  COMPLETED, Athena GetQueryExecution -> FAILED);
- answer: moto does not implement the service or never finishes (Redshift Data statements stay STARTED and batches
  are missing; DataBrew and Flink have no start; Lambda without Docker only echoes): the proxy answers in the
  service's own protocol.
Every use is recorded (`uses`), declared or defaulted, so the report can say what dagsmith answered instead of AWS.

Sequences: outcomes keyed by a resource (a Glue job, a Lambda function, a DataBrew job, a Flink application) apply
in order, one per start of that resource (the last repeats), so "fails, then succeeds" tests a retry. Outcomes keyed
by a text (`match`: part of the SQL, of the Athena query, the EMR step name) apply first-match-first; one without
`match` matches everything.
"""

from __future__ import annotations

import base64
import json
import threading
import time
import uuid
from dataclasses import dataclass

JSON_11 = "application/x-amz-json-1.1"


@dataclass
class Reply:
    status: int
    headers: list
    body: bytes


def json_reply(payload, status: int = 200, content_type: str = JSON_11) -> Reply:
    body = json.dumps(payload).encode()
    return Reply(status, [("Content-Type", content_type), ("x-amzn-RequestId", str(uuid.uuid4()))], body)


def error_reply(code: str, message: str, status: int = 400, content_type: str = JSON_11) -> Reply:
    body = json.dumps({"__type": code, "message": message, "Message": message}).encode()
    return Reply(status, [("Content-Type", content_type), ("x-amzn-ErrorType", code),
                          ("x-amzn-RequestId", str(uuid.uuid4()))], body)


def _lower(value, allowed, default):
    v = str(value if value is not None else default).lower()
    return v if v in allowed else default


class Outcomes:
    """The declared outcomes of one run, and what was answered from them."""

    def __init__(self, declared: dict, write_objects, account: str = "123456789012") -> None:
        self.declared = declared or {}
        self._write_objects = write_objects  # (objects) -> list of {"bucket", "key"}
        self.account = account
        self.uses: list[dict] = []
        self._lock = threading.Lock()
        self._starts: dict = {}
        self._glue_runs: dict = {}
        self._athena: dict = {}
        self._statements: dict = {}
        self._databrew: dict = {}
        self._flink: dict = {}
        self._emr_steps: set = set()
        self._serverless: dict = {}

    # --- choosing -----------------------------------------------------------------------------------------------

    def _by_resource(self, key: str, field_name: str, name: str):
        entries = [e for e in self.declared.get(key, []) if e.get(field_name) == name]
        if not entries:
            return None
        with self._lock:
            n = self._starts.get((key, name), 0)
            self._starts[(key, name)] = n + 1
        return entries[min(n, len(entries) - 1)]

    def _by_match(self, key: str, text: str, exact: bool = False):
        for e in self.declared.get(key, []):
            m = e.get("match")
            if m is None or (m == text if exact else m in text):
                return e
        return None

    def _use(self, ex, kind: str, resource: str, entry, result: str, **extra) -> dict:
        wrote = self._write_objects(entry.get("writes", [])) if entry else []
        use = {"kind": kind, "resource": resource, "task": ex.scope.get("task"), "call": ex.seq,
               "declared": entry is not None, "result": result, "wrote": wrote}
        if entry and entry.get("error"):
            use["error"] = entry["error"]
        use.update({k: v for k, v in extra.items() if v is not None})
        with self._lock:
            self.uses.append(use)
        return use

    # --- the proxy's two hooks ----------------------------------------------------------------------------------

    def before(self, ex) -> Reply | None:
        """An answer instead of moto's, or None to forward the request."""
        handler = _BEFORE.get((ex.service, ex.operation))
        return handler(self, ex) if handler else None

    def request(self, ex, body: bytes) -> bytes | None:
        """The request body to send moto instead of `body`, or None to send it as it is."""
        handler = _REQUEST.get((ex.service, ex.operation))
        return handler(self, ex, body) if handler else None

    def after(self, ex, reply: Reply) -> Reply | None:
        """moto's answer changed, or None to pass it on as it is."""
        handler = _AFTER.get((ex.service, ex.operation))
        if handler is None or reply.status >= 300:
            return None
        try:
            payload = json.loads(reply.body or b"{}")
        except ValueError:
            return None
        changed = handler(self, ex, payload)
        if changed is None:
            return None
        return Reply(reply.status, [(k, v) for k, v in reply.headers if k.lower() != "content-length"],
                     json.dumps(changed).encode())

    # --- Glue jobs (rewrite) ------------------------------------------------------------------------------------
    # moto 5.1 gives every run of a job the id "01", so two runs (a retry) would be one. Each start gets an id of
    # the proxy's own; GetJobRun asks moto for the run under moto's id and answers under the proxy's.

    def _glue_started(self, ex, payload):
        job = ex.args.get("JobName", "")
        entry = self._by_resource("glueJobs", "job", job)
        run_id = f"jr_{uuid.uuid4().hex}"
        state = None
        if entry is not None:
            state = {"succeeded": "SUCCEEDED", "failed": "FAILED", "timeout": "TIMEOUT", "stopped": "STOPPED"}[
                _lower(entry.get("result"), ("succeeded", "failed", "timeout", "stopped"), "succeeded")]
        with self._lock:
            self._glue_runs[run_id] = (payload.get("JobRunId"), state, (entry or {}).get("error"))
        if entry is not None:
            self._use(ex, "glue.job", job, entry, state.lower(), runId=run_id)
        payload["JobRunId"] = run_id
        return payload

    def _glue_request(self, ex, body: bytes) -> bytes | None:
        found = self._glue_runs.get(ex.args.get("RunId"))
        if not found:
            return None
        return json.dumps({**ex.args, "RunId": found[0]}).encode()

    def _glue_get_run(self, ex, payload):
        found = self._glue_runs.get(ex.args.get("RunId"))
        run = payload.get("JobRun")
        if not found or not run:
            return None
        run["Id"] = ex.args["RunId"]
        if found[1]:
            run["JobRunState"] = found[1]
            run["ErrorMessage"] = found[2] or ("" if found[1] == "SUCCEEDED" else f"job run {found[1].lower()} (declared outcome)")
        return payload

    # --- Athena (rewrite; rows answered) ------------------------------------------------------------------------

    def _athena_started(self, ex, payload):
        query = ex.args.get("QueryString", "")
        entry = self._by_match("athena", query)
        if entry is None:
            return None
        result = _lower(entry.get("result"), ("succeeded", "failed", "cancelled"), "succeeded")
        qid = payload.get("QueryExecutionId")
        self._athena[qid] = (result, entry)
        self._use(ex, "athena.query", query[:200], entry, result, queryExecutionId=qid)
        return None

    def _athena_execution(self, ex, payload):
        qe = payload.get("QueryExecution", {})
        found = self._athena.get(qe.get("QueryExecutionId"))
        if not found or found[0] == "succeeded":
            return None
        result, entry = found
        qe.setdefault("Status", {})["State"] = result.upper()
        message = entry.get("error") or f"query {result} (declared outcome)"
        qe["Status"]["StateChangeReason"] = message
        qe["Status"]["AthenaError"] = {"ErrorCategory": 2, "ErrorType": 1000, "Retryable": False, "ErrorMessage": message}
        return payload

    def _athena_results(self, ex) -> Reply | None:
        found = self._athena.get(ex.args.get("QueryExecutionId"))
        if not found or "rows" not in found[1]:
            return None
        entry = found[1]
        columns = entry.get("columns") or [f"_col{i}" for i in range(len(entry["rows"][0]) if entry["rows"] else 0)]

        def row(values):
            return {"Data": [{} if v is None else {"VarCharValue": str(v)} for v in values]}

        return json_reply({
            "UpdateCount": 0,
            "ResultSet": {
                "Rows": [row(columns)] + [row(r) for r in entry["rows"]],
                "ResultSetMetadata": {"ColumnInfo": [{"CatalogName": "hive", "SchemaName": "", "TableName": "",
                                                      "Name": c, "Label": c, "Type": "varchar", "Precision": 0,
                                                      "Scale": 0, "Nullable": "UNKNOWN", "CaseSensitive": True}
                                                     for c in columns]},
            },
        })

    # --- EMR steps (rewrite) ------------------------------------------------------------------------------------

    def _emr_step(self, ex, payload):
        step = payload.get("Step")
        if not step:
            return None
        entry = self._by_match("emrSteps", step.get("Name", ""), exact=True)
        result = _lower(entry.get("result") if entry else None, ("completed", "failed", "cancelled"), "completed")
        status = step.setdefault("Status", {})
        if status.get("State") == result.upper():
            return None
        status["State"] = result.upper()
        if result == "failed":
            status["FailureDetails"] = {"Reason": "declared outcome", "Message": (entry or {}).get("error") or "step failed"}
        with self._lock:
            first = step.get("Id") not in self._emr_steps
            self._emr_steps.add(step.get("Id"))
        if first:
            self._use(ex, "emr.step", step.get("Name", step.get("Id", "")), entry, result, stepId=step.get("Id"))
        return payload

    # --- Redshift Data (answered: moto never finishes a statement and has no batches) ---------------------------

    def _redshift_execute(self, ex) -> Reply:
        sqls = ex.args.get("Sqls") or [ex.args.get("Sql", "")]
        text = "\n".join(sqls)
        entry = self._by_match("redshiftData", text)
        result = _lower(entry.get("result") if entry else None, ("finished", "failed", "aborted"), "finished")
        sid = str(uuid.uuid4())
        now = time.time()
        statement = {
            "Id": sid, "Status": result.upper(), "QueryString": text if len(sqls) == 1 else "",
            "CreatedAt": now, "UpdatedAt": now, "Duration": 1000, "RedshiftPid": 1, "RedshiftQueryId": 0,
            "HasResultSet": bool(entry and entry.get("rows") is not None),
            "ResultRows": len(entry.get("rows") or []) if entry else 0, "ResultSize": 0,
        }
        for key in ("Database", "DbUser", "ClusterIdentifier", "WorkgroupName", "SecretArn"):
            if ex.args.get(key):
                statement[key] = ex.args[key]
        if result != "finished":
            statement["Error"] = (entry or {}).get("error") or f"statement {result} (declared outcome)"
        if "Sqls" in ex.args:
            statement["IsBatchStatement"] = True
            statement["SubStatements"] = [
                {"Id": f"{sid}:{i + 1}", "QueryString": q, "Status": "FINISHED" if result == "finished" else
                 ("FAILED" if i == len(sqls) - 1 else "FINISHED"), "CreatedAt": now, "UpdatedAt": now,
                 "Duration": 1000, "HasResultSet": False, "ResultRows": 0, "ResultSize": 0, "RedshiftQueryId": 0,
                 **({"Error": statement["Error"]} if result != "finished" and i == len(sqls) - 1 else {})}
                for i, q in enumerate(sqls)]
        self._statements[sid] = (statement, entry)
        self._use(ex, "redshift.statement", text[:200], entry, result, statementId=sid, statements=len(sqls))
        answer = {"Id": sid, "CreatedAt": now}
        for key in ("Database", "DbUser", "ClusterIdentifier", "WorkgroupName", "SecretArn"):
            if ex.args.get(key):
                answer[key] = ex.args[key]
        return json_reply(answer)

    def _redshift_describe(self, ex) -> Reply:
        found = self._statements.get(ex.args.get("Id", "").split(":")[0])
        if not found:
            return error_reply("ResourceNotFoundException", f"Query does not exist: {ex.args.get('Id')}")
        return json_reply(found[0])

    def _redshift_result(self, ex) -> Reply:
        found = self._statements.get(ex.args.get("Id", "").split(":")[0])
        if not found:
            return error_reply("ResourceNotFoundException", f"Query does not exist: {ex.args.get('Id')}")
        entry = found[1] or {}
        rows = entry.get("rows") or []
        columns = entry.get("columns") or [f"col{i}" for i in range(len(rows[0]) if rows else 0)]

        def cell(v):
            if v is None:
                return {"isNull": True}
            if isinstance(v, bool):
                return {"booleanValue": v}
            if isinstance(v, int):
                return {"longValue": v}
            if isinstance(v, float):
                return {"doubleValue": v}
            return {"stringValue": str(v)}

        return json_reply({"Records": [[cell(v) for v in r] for r in rows], "TotalNumRows": len(rows),
                           "ColumnMetadata": [{"name": c, "label": c, "typeName": "varchar"} for c in columns]})

    # --- Lambda (answered: without Docker, moto's Lambda only echoes the payload) -------------------------------

    def _lambda_invoke(self, ex) -> Reply:
        name = ex.args.get("FunctionName", "").split(":function:")[-1].split(":")[0]
        entry = self._by_resource("lambda", "function", name)
        if entry is None:
            return error_reply(
                "ResourceNotFoundException",
                f"dagsmith test: no outcome declared for Lambda function '{name}' (its code does not run here; "
                f"declare what it returns)", status=404, content_type="application/json")
        failed = bool(entry.get("functionError"))
        self._use(ex, "lambda.invoke", name, entry, "function-error" if failed else "returned",
                  payload=ex.args.get("Payload"))
        invocation = ex.headers.get("x-amz-invocation-type", "RequestResponse")
        status = {"Event": 202, "DryRun": 204}.get(invocation, 200)
        headers = [("Content-Type", "application/json"), ("X-Amz-Executed-Version", "$LATEST"),
                   ("x-amzn-RequestId", str(uuid.uuid4()))]
        if failed:
            headers.append(("X-Amz-Function-Error", str(entry["functionError"])))
        if ex.headers.get("x-amz-log-type") == "Tail":
            headers.append(("X-Amz-Log-Result", base64.b64encode(b"(dagsmith test: declared outcome)\n").decode()))
        body = b"" if status != 200 else json.dumps(entry.get("payload")).encode()
        return Reply(status, headers, body)

    # --- DataBrew (answered: moto has no job runs) --------------------------------------------------------------

    def _databrew_start(self, ex) -> Reply:
        name = ex.args.get("Name", "")
        entry = self._by_resource("databrew", "job", name)
        result = _lower(entry.get("result") if entry else None, ("succeeded", "failed", "timeout", "stopped"), "succeeded")
        run_id = f"db_{uuid.uuid4().hex[:20]}"
        self._databrew[(name, run_id)] = (result, entry)
        self._use(ex, "databrew.job", name, entry, result, runId=run_id)
        return json_reply({"RunId": run_id}, content_type="application/json")

    def _databrew_describe(self, ex) -> Reply:
        name, run_id = ex.args.get("Name", ""), ex.args.get("RunId", "")
        found = self._databrew.get((name, run_id))
        if not found:
            return error_reply("ResourceNotFoundException", f"Job run {run_id} of job {name} not found",
                               status=404, content_type="application/json")
        result, entry = found
        run = {"JobName": name, "RunId": run_id, "State": result.upper(), "Attempt": 1, "ExecutionTime": 1,
               "StartedOn": time.time(), "CompletedOn": time.time()}
        if result != "succeeded":
            run["ErrorMessage"] = (entry or {}).get("error") or f"job run {result} (declared outcome)"
        return json_reply(run, content_type="application/json")

    # --- Managed Flink (answered: moto cannot start or stop an application) -------------------------------------

    def _flink_detail(self, name: str, status: str) -> dict:
        return {"ApplicationDetail": {
            "ApplicationARN": f"arn:aws:kinesisanalytics:us-east-1:{self.account}:application/{name}",
            "ApplicationName": name, "ApplicationStatus": status, "ApplicationVersionId": 1,
            "RuntimeEnvironment": "FLINK-1_20",
            "ServiceExecutionRole": f"arn:aws:iam::{self.account}:role/flink-{name}",
        }}

    def _flink_start(self, ex) -> Reply:
        name = ex.args.get("ApplicationName", "")
        entry = self._by_resource("flink", "application", name)
        result = _lower(entry.get("result") if entry else None, ("running", "failed"), "running")
        self._use(ex, "flink.application", name, entry, "started" if result == "running" else "failed",
                  runConfiguration=ex.args.get("RunConfiguration"))
        if result == "failed":
            return error_reply("InvalidApplicationConfigurationException",
                               (entry or {}).get("error") or "the application failed to start (declared outcome)")
        self._flink[name] = "RUNNING"
        return json_reply({"OperationId": uuid.uuid4().hex[:12]})

    def _flink_stop(self, ex) -> Reply:
        name = ex.args.get("ApplicationName", "")
        self._flink[name] = "READY"
        self._use(ex, "flink.application", name, None, "stopped")
        return json_reply({"OperationId": uuid.uuid4().hex[:12]})

    def _flink_describe(self, ex) -> Reply:
        name = ex.args.get("ApplicationName", "")
        return json_reply(self._flink_detail(name, self._flink.get(name, "READY")))

    # --- EMR Serverless (answered: moto makes up application ids, so a pipeline's application never exists there) -

    def _serverless_application(self, ex) -> Reply:
        app = ex.args.get("applicationId", "")
        return json_reply({"application": {
            "applicationId": app, "name": app, "type": "SPARK", "releaseLabel": "emr-7.2.0",
            "arn": f"arn:aws:emr-serverless:us-east-1:{self.account}:/applications/{app}",
            "state": "STARTED", "stateDetails": "", "createdAt": time.time(), "updatedAt": time.time()}},
            content_type="application/json")

    def _serverless_started(self, ex) -> Reply:
        app = ex.args.get("applicationId", "")
        entry = self._by_resource("emrServerless", "application", app)
        result = _lower(entry.get("result") if entry else None, ("success", "failed", "cancelled"), "success")
        run_id = f"00{uuid.uuid4().hex[:14]}"
        with self._lock:
            self._serverless[(app, run_id)] = (result, entry, ex.args)
        self._use(ex, "emr-serverless.job", app, entry, result, jobRunId=run_id, name=ex.args.get("name"))
        return json_reply({"applicationId": app, "jobRunId": run_id,
                           "arn": f"arn:aws:emr-serverless:us-east-1:{self.account}:/applications/{app}/jobruns/{run_id}"},
                          content_type="application/json")

    def _serverless_run(self, ex) -> Reply:
        app, run_id = ex.args.get("applicationId", ""), ex.args.get("jobRunId", "")
        found = self._serverless.get((app, run_id))
        if not found:
            return error_reply("ResourceNotFoundException", f"Job run {run_id} of application {app} not found",
                               status=404, content_type="application/json")
        result, entry, started = found
        run = {"applicationId": app, "jobRunId": run_id, "name": started.get("name", ""), "state": result.upper(),
               "stateDetails": "" if result == "success" else ((entry or {}).get("error") or f"job run {result} (declared outcome)"),
               "arn": f"arn:aws:emr-serverless:us-east-1:{self.account}:/applications/{app}/jobruns/{run_id}",
               "createdBy": f"arn:aws:iam::{self.account}:user/dagsmith-test", "createdAt": time.time(),
               "updatedAt": time.time(), "executionRole": started.get("executionRoleArn", ""),
               "releaseLabel": "emr-7.2.0", "jobDriver": started.get("jobDriver", {})}
        return json_reply({"jobRun": run}, content_type="application/json")

    # --- Glue crawler metrics (answered: moto does not implement GetCrawlerMetrics; the provider only logs it) ---

    def _crawler_metrics(self, ex) -> Reply:
        zero = {"TimeLeftSeconds": 0.0, "StillEstimating": False, "LastRuntimeSeconds": 0.0, "MedianRuntimeSeconds": 0.0,
                "TablesCreated": 0, "TablesUpdated": 0, "TablesDeleted": 0}
        return json_reply({"CrawlerMetricsList": [{"CrawlerName": n, **zero} for n in ex.args.get("CrawlerNameList", [])]})


_BEFORE = {
    ("redshift-data", "ExecuteStatement"): Outcomes._redshift_execute,
    ("redshift-data", "BatchExecuteStatement"): Outcomes._redshift_execute,
    ("redshift-data", "DescribeStatement"): Outcomes._redshift_describe,
    ("redshift-data", "GetStatementResult"): Outcomes._redshift_result,
    ("redshift-data", "CancelStatement"): lambda self, ex: json_reply({"Status": True}),
    ("lambda", "Invoke"): Outcomes._lambda_invoke,
    ("athena", "GetQueryResults"): Outcomes._athena_results,
    ("databrew", "StartJobRun"): Outcomes._databrew_start,
    ("databrew", "DescribeJobRun"): Outcomes._databrew_describe,
    ("kinesisanalyticsv2", "StartApplication"): Outcomes._flink_start,
    ("kinesisanalyticsv2", "StopApplication"): Outcomes._flink_stop,
    ("kinesisanalyticsv2", "DescribeApplication"): Outcomes._flink_describe,
    ("glue", "GetCrawlerMetrics"): Outcomes._crawler_metrics,
    ("emr-serverless", "GetApplication"): Outcomes._serverless_application,
    ("emr-serverless", "StartApplication"): lambda self, ex: json_reply({}, content_type="application/json"),
    ("emr-serverless", "StartJobRun"): Outcomes._serverless_started,
    ("emr-serverless", "GetJobRun"): Outcomes._serverless_run,
    ("emr-serverless", "CancelJobRun"): lambda self, ex: json_reply(
        {"applicationId": ex.args.get("applicationId"), "jobRunId": ex.args.get("jobRunId")}, content_type="application/json"),
}

_AFTER = {
    ("glue", "StartJobRun"): Outcomes._glue_started,
    ("glue", "GetJobRun"): Outcomes._glue_get_run,
    ("athena", "StartQueryExecution"): Outcomes._athena_started,
    ("athena", "GetQueryExecution"): Outcomes._athena_execution,
    ("emr", "DescribeStep"): Outcomes._emr_step,
}

_REQUEST = {
    ("glue", "GetJobRun"): Outcomes._glue_request,
}
