import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeTemp } from '../helpers/cli';

/** A temp project from a map of relative paths to file contents. */
export function project(files: Readonly<Record<string, string>>): string {
  const dir = makeTemp('lint');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

/** A pipeline every rule is happy with, to change one thing at a time. */
export const CLEAN = `version: 1
id: clean
description: A pipeline every lint rule accepts
owner: ml-data
tags: [features]
schedule: "0 3 * * *"
startDate: 2026-11-01
maxActiveRuns: 1
dagrunTimeout: 6h
defaults:
  retries: 2
  executionTimeout: 2h
  deferrable: true
notifications:
  onFailure: { sns: "arn:aws:sns:us-east-1:123456789012:ml-alerts" }
steps:
  - id: clean_events
    kind: glue.job
    job: clean-events
    securityConfiguration: kms-everything
`;
