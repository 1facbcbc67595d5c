"""The fixed operator subclasses a generated DAG file may define (src/emit/python/checked-operators.ts writes them
word for word, `BASE` being the local name of the provider class it imported; test/emit/checked-operators.test.ts
checks the two copies agree). A class of one of these names is accepted only when its syntax tree is exactly this
text, its base bound to the provider class's import (checks.check_shape), and a task of it is judged as a task of
that provider class (checks.check_dag)."""

CHECKED_OPERATORS = {
    "_DagsmithDataBrewStartJobOperator": (
        "airflow.providers.amazon.aws.operators.glue_databrew",
        "GlueDataBrewStartJobOperator",
        '''class _DagsmithDataBrewStartJobOperator(BASE):
    """GlueDataBrewStartJobOperator whose task fails unless the job run it waited for ended SUCCEEDED (the provider's
    waiter also ends on FAILED, STOPPED and TIMEOUT, and its task then succeeded)."""

    def execute(self, context):
        result = super().execute(context)
        if self.wait_for_completion:
            self._dagsmith_check_run(result["run_id"])
        return result

    def execute_complete(self, context, event=None):
        result = super().execute_complete(context, event)
        self._dagsmith_check_run(result["run_id"])
        return result

    def _dagsmith_check_run(self, run_id):
        state = self.hook.get_job_state(self.job_name, run_id)
        if state != "SUCCEEDED":
            raise RuntimeError(f"DataBrew job {self.job_name!r} run {run_id} ended {state}, not SUCCEEDED")
''',
    ),
}
