#!/usr/bin/env node
// `npm run golden:update [-- --grep <case>]`: rewrites the golden expectations (test/fixtures/*/expected*,
// test/fixtures-ts/*, test/fixtures-sync/*) from what the CLI does now. Review every change with `git diff` before committing.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const mocha = join(__dirname, '..', 'node_modules', 'mocha', 'bin', 'mocha.js');
const args = [
  '--no-config',
  '--require',
  'tsx/cjs',
  '--timeout',
  '600000',
  'test/golden.test.ts',
  'test/sdk/golden.test.ts',
  'test/sync/golden.test.ts',
  ...process.argv.slice(2),
];
const res = spawnSync(process.execPath, [mocha, ...args], {
  cwd: join(__dirname, '..'),
  stdio: 'inherit',
  env: { ...process.env, UPDATE_GOLDEN: '1' },
});
process.exit(res.status ?? 1);
