"""dagsmith's checked operator subclasses (src/emit/python/checked-operators.ts): classes of these names that a DAG file
of the Python target defines on the provider class they extend (a DataBrew task that waits). The harness describes a
task of one as a task of that provider class (dagbag_dump.py) and hands AWS's converter the provider class
(serverless_convert.py)."""

CHECKED_SUBCLASSES = frozenset({"_DagsmithDataBrewStartJobOperator"})
