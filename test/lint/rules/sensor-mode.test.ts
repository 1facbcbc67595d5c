import { sensorMode } from '../../../src/lint/rules/sensor-mode';
import { ruleTester } from '../rule-tester';

const wait = (extra: string, defaults = '') => `version: 1
id: p
${defaults}steps:
  - id: wait_raw
    kind: s3.wait
    bucket: acme-raw
    key: "events/{{ ds }}/_SUCCESS"
${extra}`;

ruleTester(sensorMode, {
  valid: [
    { name: 'deferrable by default', yaml: wait('', 'defaults:\n  deferrable: true\n') },
    { name: 'reschedule', yaml: wait('    mode: reschedule\n') },
    { name: 'deferrable mode', yaml: wait('    mode: deferrable\n') },
  ],
  invalid: [
    { name: 'poke written', yaml: wait('    mode: poke\n'), errors: [{ line: 8, col: 11, message: "sensor 'wait_raw' waits in poke mode" }] },
    { name: 'poke by default', yaml: wait(''), errors: [{ line: 6, col: 13, message: 'the default when the step is not deferrable' }] },
  ],
});
