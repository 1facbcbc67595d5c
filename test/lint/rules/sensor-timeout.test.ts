import { sensorTimeout } from '../../../src/lint/rules/sensor-timeout';
import { ruleTester } from '../rule-tester';

const wait = (extra: string) => `version: 1
id: p
steps:
  - id: wait_raw
    kind: s3.wait
    bucket: acme-raw
    key: "events/{{ ds }}/_SUCCESS"
    mode: reschedule
${extra}`;

ruleTester(sensorTimeout, {
  valid: [{ name: 'timeout set', yaml: wait('    timeout: 6h\n') }],
  invalid: [{ name: 'no timeout', yaml: wait(''), errors: [{ line: 7, col: 10, message: 'waiting for 7 days' }] }],
});
