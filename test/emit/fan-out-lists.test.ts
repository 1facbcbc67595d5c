/**
 * The fixed functions of a fan-out's list task (src/emit/python/fan-out-lists.ts). The runner keeps its own copy to
 * accept them word for word (python/dagsmith_runner/list_functions.py): the two must agree. On each MWAA target the
 * functions, as a compiled DAG file defines them, return the list or fail with a message naming what came back.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIST_FUNCTIONS } from '../../src/emit/python/fan-out-lists';
import { AIRFLOW_VERSIONS, airflowPython, compileProject, makeTemp, removeTemp, ROOT, runProcess, writeDag } from '../airflow/harness';

describe('fan-out list functions', () => {
  it("are the runner's copy, word for word", () => {
    const py = readFileSync(join(ROOT, 'python', 'dagsmith_runner', 'list_functions.py'), 'utf8');
    const copies = new Map([...py.matchAll(/ {4}"(\w+)": '''([\s\S]*?)''',/g)].map((m) => [m[1]!, m[2]!]));
    expect([...copies.keys()].sort()).to.deep.equal(
      Object.values(LIST_FUNCTIONS)
        .map((f) => f.name)
        .sort(),
    );
    for (const f of Object.values(LIST_FUNCTIONS)) expect(copies.get(f.name), f.name).to.equal(f.source);
  });
});

/** Calls the functions of a compiled DAG file (the example partner_drop_fanout) with good and bad lists. */
const PROBE = `
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("dag_module", sys.argv[1])
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
def outcome(fn, *args):
    try:
        return {"ok": fn(*args)}
    except Exception as exc:
        return {"error": type(exc).__name__ + ": " + str(exc)}
print(json.dumps({
    "json_list": outcome(m._dagsmith_items_from_json, '["a.csv", "b/c.csv"]'),
    "json_empty": outcome(m._dagsmith_items_from_json, "[]"),
    "json_object": outcome(m._dagsmith_items_from_json, '{"keys": ["a.csv"]}'),
    "json_numbers": outcome(m._dagsmith_items_from_json, "[1, 2]"),
    "json_not_json": outcome(m._dagsmith_items_from_json, "not json"),
    "json_none": outcome(m._dagsmith_items_from_json, None),
    "param_list": outcome(m._dagsmith_items_from_param, "keys", {"keys": ["a.csv"]}),
    "param_mixed": outcome(m._dagsmith_items_from_param, "keys", {"keys": ["a.csv", 9]}),
    "param_text": outcome(m._dagsmith_items_from_param, "keys", {"keys": "a.csv"}),
}))
`;

describe('fan-out list functions on each MWAA target @airflow', function () {
  this.timeout(300_000);
  let scratch = '';
  before(() => (scratch = makeTemp('fan-out-lists')));
  after(() => removeTemp(scratch));

  for (const target of AIRFLOW_VERSIONS) {
    it(`on Airflow ${target}: return a list of strings, or fail saying what came back`, async () => {
      const dag = compileProject({ name: 'examples', cwd: ROOT }, target).pipelines.find((p) => p.ir.id === 'partner_drop_fanout')!;
      const file = writeDag(join(scratch, target), 'partner_drop_fanout.py', dag.content);
      const res = await runProcess(airflowPython(target), ['-c', PROBE, file], { timeoutMs: 120_000 });
      const out = JSON.parse(res.stdout.trim().split('\n').pop()!) as Record<string, { ok?: unknown; error?: string }>;
      const notAList = 'not a JSON list of strings';
      expect(out).to.deep.equal({
        json_list: { ok: ['a.csv', 'b/c.csv'] },
        json_empty: { ok: [] },
        json_object: { error: `ValueError: fan-out: the upstream task returned '{"keys": ["a.csv"]}', ${notAList}` },
        json_numbers: { error: `ValueError: fan-out: the upstream task returned '[1, 2]', ${notAList}` },
        json_not_json: { error: `ValueError: fan-out: the upstream task returned 'not json', ${notAList}` },
        json_none: { error: `ValueError: fan-out: the upstream task returned 'None', ${notAList}` },
        param_list: { ok: ['a.csv'] },
        param_mixed: { error: "ValueError: fan-out: param 'keys' is \"['a.csv', 9]\" in this run, not a list of strings" },
        param_text: { error: "ValueError: fan-out: param 'keys' is 'a.csv' in this run, not a list of strings" },
      });
    });
  }
});
