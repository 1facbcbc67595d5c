"""The emulated AWS account of a run: moto reset and seeded before it, its S3 state read before and after.

The runner talks to moto directly (not through the recording proxy), so setting up and reading back never show
up among the calls the tasks made.
"""

from __future__ import annotations

import base64
import hashlib
import json
from urllib.request import Request, urlopen

from .environment import DUMMY_ACCESS_KEY, DUMMY_SECRET_KEY

# moto settings every run needs: Lambda without Docker (the "simple" backend; invocations are answered by the
# proxy), state machines that moto runs (a given definition's Pass, Fail, Choice ... states; otherwise an execution
# stays RUNNING), and a Glue crawl that finishes at once (moto 5.1's default, "manual", never finishes one).
MOTO_CONFIG = {"lambda": {"use_docker": False}, "stepfunctions": {"execute_state_machine": True}}
MOTO_TRANSITIONS = {"glue::crawl": {"progression": "immediate"}, "glue::job_run": {"progression": "immediate"}}
# An S3 state with more objects than this is cut (the result says so).
MAX_OBJECTS = 20_000
SMALL_BODY = 4096


class SetupError(Exception):
    """`given` could not be applied to moto (the message says which entry and why)."""


class World:
    def __init__(self, endpoint: str, region: str) -> None:
        import boto3
        from botocore.config import Config

        self.endpoint = endpoint.rstrip("/")
        self.region = region
        session = boto3.session.Session(aws_access_key_id=DUMMY_ACCESS_KEY, aws_secret_access_key=DUMMY_SECRET_KEY,
                                        region_name=region)
        config = Config(retries={"max_attempts": 2, "mode": "standard"}, connect_timeout=5, read_timeout=60)
        self._client = lambda service: session.client(service, endpoint_url=self.endpoint, config=config)
        self.s3 = self._client("s3")

    def client(self, service: str):
        return self._client(service)

    def _moto_api(self, path: str, payload) -> None:
        req = Request(f"{self.endpoint}/moto-api/{path}", data=json.dumps(payload).encode(), method="POST",
                      headers={"Content-Type": "application/json"})
        with urlopen(req, timeout=30) as resp:
            if resp.status not in (200, 201):
                raise SetupError(f"moto-api/{path} answered HTTP {resp.status}")

    def reset(self) -> None:
        self._moto_api("reset", {})
        self._moto_api("config", MOTO_CONFIG)
        for model, transition in MOTO_TRANSITIONS.items():
            self._moto_api("state-manager/set-transition", {"model_name": model, "transition": transition})

    def create_bucket(self, bucket: str) -> None:
        try:
            if self.region == "us-east-1":
                self.s3.create_bucket(Bucket=bucket)
            else:
                self.s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": self.region})
        except self.s3.exceptions.BucketAlreadyOwnedByYou:
            pass

    def put_objects(self, objects) -> list[dict]:
        """Writes objects ({bucket, key, body | base64}); creates their buckets. Returns [{bucket, key}]."""
        written = []
        for i, obj in enumerate(objects or []):
            bucket, key = obj.get("bucket"), obj.get("key")
            if not isinstance(bucket, str) or not bucket or not isinstance(key, str) or not key:
                raise SetupError(f"S3 object {i}: bucket and key must be non-empty strings")
            if "base64" in obj:
                body = base64.b64decode(obj["base64"])
            else:
                body = str(obj.get("body", "")).encode("utf-8")
            self.create_bucket(bucket)
            self.s3.put_object(Bucket=bucket, Key=key, Body=body)
            written.append({"bucket": bucket, "key": key})
        return written

    def apply(self, given: dict) -> dict:
        """Seeds moto from `given`: buckets, S3 objects, then API calls in order. Returns counts."""
        from botocore.exceptions import BotoCoreError, ClientError

        for bucket in given.get("buckets", []):
            self.create_bucket(bucket)
        objects = self.put_objects(given.get("s3", []))
        calls = given.get("calls", [])
        for i, call in enumerate(calls):
            service, operation, args = call.get("service"), call.get("operation"), call.get("args", {})
            try:
                client = self.client(service)
                if operation not in client.meta.service_model.operation_names:
                    raise SetupError(f"given.calls[{i}]: {service} has no operation {operation}")
                getattr(client, _snake(operation))(**args)
            except SetupError:
                raise
            except (BotoCoreError, ClientError, AttributeError, TypeError, ValueError) as exc:
                if call.get("ignoreExisting") and _already_exists(exc):
                    continue
                raise SetupError(f"given.calls[{i}] {service} {operation}: {exc}") from exc
        return {"buckets": len(given.get("buckets", [])), "objects": len(objects), "calls": len(calls)}

    def ensure_lambda_functions(self, names) -> None:
        """Functions a declared outcome names exist in moto, so that GetFunction and state sensors find them."""
        if not names:
            return
        import io
        import zipfile

        iam = self.client("iam")
        trust = {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
        try:
            role = iam.create_role(RoleName="dagsmith-test-lambda", AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
        except iam.exceptions.EntityAlreadyExistsException:
            role = iam.get_role(RoleName="dagsmith-test-lambda")["Role"]["Arn"]
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as archive:
            archive.writestr("handler.py", "def handle(event, context):\n    return None\n")
        lam = self.client("lambda")
        for name in sorted(set(names)):
            try:
                lam.create_function(FunctionName=name, Runtime="python3.12", Role=role, Handler="handler.handle",
                                    Code={"ZipFile": buf.getvalue()})
            except lam.exceptions.ResourceConflictException:
                pass

    def s3_state(self) -> tuple[dict, bool]:
        """{(bucket, key): (etag, size)} of every object in every bucket; and whether it was cut at MAX_OBJECTS."""
        state: dict = {}
        for bucket in self.s3.list_buckets().get("Buckets", []):
            name = bucket["Name"]
            for page in self.s3.get_paginator("list_objects_v2").paginate(Bucket=name):
                for item in page.get("Contents", []):
                    state[(name, item["Key"])] = (item.get("ETag", "").strip('"'), item.get("Size", 0))
                    if len(state) >= MAX_OBJECTS:
                        return state, True
            state.setdefault((name, None), ("", 0))  # the bucket itself
        return state, False

    def small_body(self, bucket: str, key: str, size: int):
        """The text of a small UTF-8 object (for the report and expectations), else None."""
        if size > SMALL_BODY:
            return None
        try:
            data = self.s3.get_object(Bucket=bucket, Key=key)["Body"].read()
            return data.decode("utf-8")
        except Exception:
            return None

    def sha256(self, bucket: str, key: str):
        try:
            return hashlib.sha256(self.s3.get_object(Bucket=bucket, Key=key)["Body"].read()).hexdigest()
        except Exception:
            return None


def _snake(operation: str) -> str:
    from botocore import xform_name

    return xform_name(operation)


def _already_exists(exc) -> bool:
    code = getattr(exc, "response", {}).get("Error", {}).get("Code", "")
    return "AlreadyExists" in code or "Conflict" in code or "EntityAlreadyExists" in code


def s3_diff(before: dict, after: dict) -> list[dict]:
    """Objects created, modified (other ETag or size) and deleted; buckets created and deleted."""
    changes = []
    for (bucket, key), (etag, size) in sorted(after.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        old = before.get((bucket, key))
        if key is None:
            if old is None:
                changes.append({"change": "bucket-created", "bucket": bucket})
            continue
        if old is None:
            changes.append({"change": "created", "bucket": bucket, "key": key, "size": size, "etag": etag})
        elif old != (etag, size):
            changes.append({"change": "modified", "bucket": bucket, "key": key, "size": size, "etag": etag,
                            "previousSize": old[1]})
    for (bucket, key), (etag, size) in sorted(before.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        if (bucket, key) not in after:
            if key is None:
                changes.append({"change": "bucket-deleted", "bucket": bucket})
            else:
                changes.append({"change": "deleted", "bucket": bucket, "key": key, "size": size, "etag": etag})
    return changes
