"""The process environment of a run, set before Airflow is imported.

Everything that could point a run at real AWS or at anything of the user's is removed: every AWS_* variable (keys,
profiles, config and credential files, role and web-identity settings, container credentials, endpoints), every
AIRFLOW_* variable (connections, variables, secrets backends, config), and the boto config variables. Then the runner
sets its own: dummy credentials, a region, config and credential files that are empty, the instance metadata
service disabled, and an Airflow home of its own in a temp folder.
"""

from __future__ import annotations

import os
from urllib.parse import urlparse

# Credentials the runner sets itself; a run with any other credentials is refused.
DUMMY_ACCESS_KEY = "dagsmith-test"
DUMMY_SECRET_KEY = "dagsmith-test"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})

_SCRUBBED_PREFIXES = ("AWS_", "AIRFLOW_", "AIRFLOW__", "BOTO_", "BOTO3_", "_AIRFLOW")
_SCRUBBED_NAMES = frozenset({"BOTO_CONFIG", "AIRFLOW_HOME", "AIRFLOW_CONFIG", "PYTHONSTARTUP"})


def hostname() -> str:
    """Airflow's [core] hostname_callable: a fixed name, so Airflow never resolves this machine's name."""
    return "dagsmith-test"


def scrub(environ) -> list[str]:
    """Removes every variable that could carry AWS credentials or Airflow settings; returns the names removed."""
    removed = sorted(
        name for name in environ if name.upper().startswith(_SCRUBBED_PREFIXES) or name.upper() in _SCRUBBED_NAMES
    )
    for name in removed:
        del environ[name]
    return removed


def endpoint_problem(endpoint: object) -> str | None:
    """Why `endpoint` cannot be the moto server of a run (None when it can): http, a loopback host, a port."""
    if not isinstance(endpoint, str) or not endpoint:
        return "the moto endpoint is missing"
    try:
        url = urlparse(endpoint)
        port = url.port
    except ValueError as exc:
        return f"the moto endpoint {endpoint!r} is not a URL ({exc})"
    if url.scheme != "http":
        return f"the moto endpoint {endpoint!r} must be http://127.0.0.1:<port>"
    if url.hostname not in LOOPBACK_HOSTS:
        return f"the moto endpoint {endpoint!r} is not a loopback address; a test never talks to anything but this machine"
    if port is None:
        return f"the moto endpoint {endpoint!r} has no port"
    if url.path not in ("", "/") or url.query or url.username or url.password:
        return f"the moto endpoint {endpoint!r} must be only scheme, host and port"
    return None


def configure(environ, home: str, runner_module: str) -> None:
    """Sets the variables of the run: dummy AWS credentials and empty AWS files, Airflow in `home` with SQLite."""
    empty = os.path.join(home, "empty")
    with open(empty, "w", encoding="utf-8"):
        pass
    environ.update({
        "AWS_ACCESS_KEY_ID": DUMMY_ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": DUMMY_SECRET_KEY,
        "AWS_DEFAULT_REGION": "us-east-1",
        # The user's ~/.aws files can name profiles with credential_process (a command); none are read.
        "AWS_CONFIG_FILE": empty,
        "AWS_SHARED_CREDENTIALS_FILE": empty,
        "AWS_EC2_METADATA_DISABLED": "true",
        "AIRFLOW_HOME": home,
        "AIRFLOW__CORE__DAGS_FOLDER": os.path.join(home, "dags"),
        "AIRFLOW__CORE__PLUGINS_FOLDER": os.path.join(home, "plugins"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
        "AIRFLOW__CORE__HOSTNAME_CALLABLE": f"{runner_module}.environment.hostname",
        # The rendered SQL of a step is shown whole (Airflow truncates rendered fields to 4096 characters).
        "AIRFLOW__CORE__MAX_TEMPLATED_FIELD_LENGTH": str(1 << 20),
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{os.path.join(home, 'airflow.db')}",
        "AIRFLOW__DATABASE__LOAD_DEFAULT_CONNECTIONS": "False",
        "AIRFLOW__LOGGING__LOGGING_LEVEL": "INFO",
        "AIRFLOW__LOGGING__COLORED_CONSOLE_LOG": "False",
        "AIRFLOW__LOGGING__BASE_LOG_FOLDER": os.path.join(home, "logs"),
        "AIRFLOW__METRICS__STATSD_ON": "False",
        "AIRFLOW__USAGE_DATA_COLLECTION__ENABLED": "False",
        "AIRFLOW__SCHEDULER__STANDALONE_DAG_PROCESSOR": "False",
        "NO_COLOR": "1",
    })
    for sub in ("dags", "plugins", "logs"):
        os.makedirs(os.path.join(home, sub), exist_ok=True)


def aws_connection(endpoint: str, region: str) -> str:
    """The aws_default connection of a run (JSON): the dummy credentials, the proxy as endpoint, the region."""
    import json

    return json.dumps({
        "conn_type": "aws",
        "login": DUMMY_ACCESS_KEY,
        "password": DUMMY_SECRET_KEY,
        "extra": {"endpoint_url": endpoint, "region_name": region},
    })


def point_at(environ, endpoint: str, region: str) -> None:
    """Points every AWS client of the run at `endpoint` (the recording proxy), whatever connection a task names."""
    environ["AWS_ENDPOINT_URL"] = endpoint
    environ["AWS_DEFAULT_REGION"] = region
    environ["AWS_REGION"] = region
    environ["AIRFLOW_CONN_AWS_DEFAULT"] = aws_connection(endpoint, region)


def credentials_problem(environ) -> str | None:
    """Refuses a run whose AWS settings are not the ones the runner set."""
    if environ.get("AWS_ACCESS_KEY_ID") != DUMMY_ACCESS_KEY or environ.get("AWS_SECRET_ACCESS_KEY") != DUMMY_SECRET_KEY:
        return "the AWS credentials of the run are not the runner's dummy ones"
    for name in ("AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
                 "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"):
        if environ.get(name):
            return f"{name} is set in the run's environment"
    for name, value in environ.items():
        if name.startswith("AWS_ENDPOINT_URL") and endpoint_problem(value):
            return f"{name} does not point at this machine"
    return None
