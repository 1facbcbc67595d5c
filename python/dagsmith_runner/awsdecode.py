"""An AWS API request on the wire -> (service, operation, arguments), with botocore's own service models.

botocore has request serializers but no parser; this is the parser, for every protocol botocore speaks:
- json (X-Amz-Target: "AWSGlue.StartJobRun"): the body is the arguments;
- query (form body "Action=Publish&..."): the form fields, as sent (flattened);
- rest-json / rest-xml (Lambda, DataBrew, EMR Serverless, S3): the operation whose method and request URI match,
  among several with one URI the one whose required header and query members are present (S3 CopyObject is
  PutObject with an x-amz-copy-source header); the arguments from the URI labels, query string, headers and body,
  under the API's own member names (so a test writes `CopySource`, not `x-amz-copy-source`).
The service comes from the SigV4 credential scope (the signing name), checked against the model's target prefix.
Nothing here raises for a request it cannot place: the operation is then None and `problem` says why.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlsplit

# Signing names whose botocore service name differs (several candidates: the target prefix decides).
_SIGNING_ALIASES = {
    "elasticmapreduce": ("emr",),
    "states": ("stepfunctions",),
    "kinesisanalytics": ("kinesisanalyticsv2", "kinesisanalytics"),
    "monitoring": ("cloudwatch",),
    "email": ("ses", "sesv2"),
}
_CREDENTIAL = re.compile(r"Credential=[^/,\s]+/\d{8}/([^/,\s]+)/([^/,\s]+)/aws4_request")
# A blob (S3 object body, Lambda payload) up to this size is recorded as its text when it is UTF-8.
TEXT_LIMIT = 64 * 1024


@dataclass
class Decoded:
    service: str | None
    operation: str | None
    args: dict = field(default_factory=dict)
    region: str | None = None
    protocol: str | None = None
    problem: str | None = None


def _blob(data: bytes):
    """A request body or blob member as recorded: its text when small UTF-8, else its size and sha256."""
    if len(data) <= TEXT_LIMIT:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def decode_aws_chunked(body: bytes) -> bytes:
    """The payload of an aws-chunked body (SigV4 streaming: '<hex size>[;chunk-signature=..]\\r\\n<data>\\r\\n...')."""
    out = bytearray()
    pos = 0
    while pos < len(body):
        end = body.find(b"\r\n", pos)
        if end < 0:
            break
        size = int(body[pos:end].split(b";", 1)[0] or b"0", 16)
        if size == 0:
            break
        out += body[end + 2:end + 2 + size]
        pos = end + 2 + size + 2
    return bytes(out)


class Decoder:
    """Decodes requests; one per process (the service models are loaded once, on first use)."""

    def __init__(self) -> None:
        import botocore.session

        self._session = botocore.session.get_session()
        self._models: dict = {}
        self._routes: dict = {}
        self._lock = threading.Lock()

    def _model(self, name: str):
        with self._lock:
            if name not in self._models:
                try:
                    self._models[name] = self._session.get_service_model(name)
                except Exception:  # unknown to this botocore
                    self._models[name] = None
            return self._models[name]

    def service_model(self, signing_name: str, target: str | None):
        candidates = _SIGNING_ALIASES.get(signing_name, (signing_name,))
        prefix = target.split(".", 1)[0] if target else None
        first = None
        for name in candidates:
            model = self._model(name)
            if model is None:
                continue
            first = first or model
            if prefix is None or model.metadata.get("targetPrefix") == prefix:
                return model
        return first

    def decode(self, method: str, raw_path: str, headers, body: bytes) -> Decoded:
        header = {k.lower(): (v.decode("latin-1") if isinstance(v, bytes) else v) for k, v in headers.items()}
        parts = urlsplit(raw_path)
        query = parse_qsl(parts.query, keep_blank_values=True)
        scope = _CREDENTIAL.search(header.get("authorization", "")) or _CREDENTIAL.search(
            "Credential=" + dict(query).get("X-Amz-Credential", "").replace("%2F", "/"))
        if not scope:
            return Decoded(None, None, problem="unsigned request (no SigV4 credential scope)")
        region, signing_name = scope.group(1), scope.group(2)
        target = header.get("x-amz-target")
        model = self.service_model(signing_name, target)
        if model is None:
            return Decoded(signing_name, target.split(".", 1)[-1] if target else None, region=region,
                           problem=f"no botocore model for signing name {signing_name}")
        service = model.service_name
        protocol = model.metadata.get("protocol")
        if "aws-chunked" in header.get("content-encoding", "") or header.get("x-amz-content-sha256", "").startswith("STREAMING-"):
            body = decode_aws_chunked(body)
        try:
            if target:
                return Decoded(service, target.split(".", 1)[-1], _json_body(body), region, "json")
            if protocol in ("query", "ec2") or header.get("content-type", "").startswith("application/x-www-form-urlencoded"):
                form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
                operation = form.pop("Action", None)
                form.pop("Version", None)
                return Decoded(service, operation, form, region, "query")
            return self._decode_rest(model, method, parts.path, query, header, body, region)
        except Exception as exc:  # a body that does not parse: still recorded, with the reason
            return Decoded(service, None, region=region, protocol=protocol, problem=f"cannot decode: {exc}")

    # --- REST ---------------------------------------------------------------------------------------------------

    def _compiled(self, model):
        name = model.service_name
        with self._lock:
            if name in self._routes:
                return self._routes[name]
        routes = []
        for op_name in model.operation_names:
            op = model.operation_model(op_name)
            uri = op.http.get("requestUri", "/")
            path_t, _, query_t = uri.partition("?")
            labels = []
            pattern = ""
            for literal, name in re.findall(r"([^{]*)(?:\{([A-Za-z0-9_]+\+?)\})?", path_t):
                pattern += re.escape(literal)
                if name:
                    labels.append(name.rstrip("+"))
                    pattern += "(.+)" if name.endswith("+") else "([^/]+)"
            regex = re.compile("^" + pattern.rstrip("/") + "/?$")
            literals = [(k, v) for k, v in parse_qsl(query_t, keep_blank_values=True)] if query_t else []
            required = []
            shape = op.input_shape
            if shape is not None:
                for member in shape.required_members:
                    m = shape.members[member]
                    loc = m.serialization.get("location")
                    if loc in ("header", "querystring"):
                        required.append((loc, m.serialization.get("name", member).lower() if loc == "header"
                                         else m.serialization.get("name", member)))
            routes.append((op.http.get("method", "POST"), regex, labels, literals, required, len(path_t), op))
        with self._lock:
            self._routes[name] = routes
        return routes

    def _decode_rest(self, model, method, path, query, header, body, region) -> Decoded:
        qdict: dict = {}
        for k, v in query:
            qdict.setdefault(k, []).append(v)
        best = None
        for r_method, regex, labels, literals, required, literal_len, op in self._compiled(model):
            if r_method != method:
                continue
            m = regex.match(path)
            if not m:
                continue
            if any(k not in qdict or (v and v not in qdict[k]) for k, v in literals):
                continue
            if any((loc == "header" and name not in header) or (loc == "querystring" and name not in qdict)
                   for loc, name in required):
                continue
            rank = (len(literals), len(required), literal_len)
            if best is None or rank > best[0]:
                best = (rank, op, dict(zip(labels, (unquote(g) for g in m.groups()))))
        protocol = model.metadata.get("protocol")
        if best is None:
            return Decoded(model.service_name, None, region=region, protocol=protocol,
                           problem=f"no {model.service_name} operation for {method} {path}")
        _, op, uri_values = best
        return Decoded(model.service_name, op.name, _rest_args(op, uri_values, qdict, header, body, protocol), region, protocol)


def _json_body(body: bytes) -> dict:
    if not body.strip():
        return {}
    value = json.loads(body.decode("utf-8"))
    return value if isinstance(value, dict) else {"_body": value}


def _rest_args(op, uri_values, qdict, header, body, protocol) -> dict:
    shape = op.input_shape
    args: dict = {}
    if shape is None:
        return args
    payload = shape.serialization.get("payload")
    for name, member in shape.members.items():
        loc = member.serialization.get("location")
        wire = member.serialization.get("name", name)
        if loc == "uri" and wire in uri_values:
            args[name] = uri_values[wire]
        elif loc == "querystring" and wire in qdict:
            args[name] = qdict[wire] if member.type_name == "list" else qdict[wire][0]
        elif loc == "header" and wire.lower() in header:
            value = header[wire.lower()]
            args[name] = unquote(value) if name == "CopySource" else value
        elif loc == "headers":
            prefix = wire.lower()
            found = {k[len(prefix):]: v for k, v in header.items() if k.startswith(prefix)}
            if found:
                args[name] = found
    if payload:
        member = shape.members[payload]
        if member.type_name in ("blob", "string"):
            if body:
                args[payload] = _blob(body)
        elif body.strip():
            args[payload] = _xml_to_value(ET.fromstring(body), member) if protocol == "rest-xml" else json.loads(body)
    elif body.strip():
        if protocol == "rest-xml":
            root = ET.fromstring(body)
            for child in root:
                tag = _local(child.tag)
                for name, member in shape.members.items():
                    if member.serialization.get("location") is None and member.serialization.get("name", name) == tag:
                        args[name] = _xml_to_value(child, member)
        else:
            for k, v in _json_body(body).items():
                args.setdefault(k, v)
    return args


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml_to_value(elem, shape):
    """An XML element as the value of `shape` (structures by member, lists flattened or wrapped, scalars as text)."""
    kind = shape.type_name
    if kind == "structure":
        out = {}
        for name, member in shape.members.items():
            wire = member.serialization.get("name", name)
            if member.type_name == "list" and member.serialization.get("flattened"):
                item_wire = member.member.serialization.get("name", wire)
                items = [c for c in elem if _local(c.tag) == item_wire]
                if items:
                    out[name] = [_xml_to_value(c, member.member) for c in items]
                continue
            child = next((c for c in elem if _local(c.tag) == wire), None)
            if child is not None:
                out[name] = _xml_to_value(child, member)
        return out
    if kind == "list":
        item_wire = shape.member.serialization.get("name", "member")
        return [_xml_to_value(c, shape.member) for c in elem if _local(c.tag) == item_wire]
    if kind == "blob":
        return _blob(base64.b64decode(elem.text or ""))
    return elem.text or ""
