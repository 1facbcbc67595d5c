/**
 * Runs python/dagsmith_harness/judge_values.py in an Airflow target's virtualenv: one process per batch, so that a
 * differential test pays for importing Airflow once per target.
 */
import { join } from 'node:path';
import { AIRFLOW_VERSIONS, airflowPython, HARNESS, parseHarnessJson, runProcess } from '../airflow/harness';

export { AIRFLOW_VERSIONS };

export interface JudgeBatch {
  cron?: string[];
  dates?: { date: number[]; tz: string; every: number | null; cron: string | null }[];
  params?: { schema: Record<string, unknown>; default: unknown }[];
  formats?: { format: string; value: unknown }[];
  regex?: { pattern: string; subjects: string[] }[];
}

export interface JudgeResult {
  airflow_version: string;
  python: string;
  libraries: string[];
  cron?: (string | null)[];
  dates?: (string | null)[];
  params?: (string | null)[];
  formats?: (boolean | string)[];
  regex?: ({ error: string } | { search: boolean[] })[];
}

export async function judge(target: string, batch: JudgeBatch): Promise<JudgeResult> {
  const res = await runProcess(airflowPython(target), [join(HARNESS, 'judge_values.py')], { timeoutMs: 600_000, input: JSON.stringify(batch) });
  if (res.code !== 0) throw new Error(`judge_values.py (Airflow ${target}) exited with ${res.code}:\n${res.stderr.slice(-4000)}`);
  return parseHarnessJson<JudgeResult>(`judge_values.py (Airflow ${target})`, res);
}
