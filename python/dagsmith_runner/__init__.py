"""dagsmith's test runner: runs generated DAGs with dag.test() in real Airflow against a local moto server.

Importing the package imports nothing of Airflow; `python -m dagsmith_runner` (see main.py) is the entry point.
"""

# Bumped when a request or result changes shape incompatibly (src/test-runner/protocol.ts has the same number).
PROTOCOL_VERSION = 1
