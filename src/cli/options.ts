import { InvalidArgumentError, Option } from 'commander';
import { UsageError } from '../diagnostics/types';
import { PLATFORMS } from '../targets';

/** --format for commands that print diagnostics only. */
export const diagnosticFormatOption = (): Option =>
  new Option('--format <format>', 'diagnostic output format').choices(['stylish', 'json']).default('stylish');

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
}

export function positiveInteger(value: string): number {
  if (!/^[1-9]\d{0,2}$/.test(value)) throw new InvalidArgumentError('expected a whole number from 1 to 999');
  return Number(value);
}

export function wholeNumber(flag: string): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number, 0 or more; got '${value}'`);
    return Number(value);
  };
}

/** --target: where the pipelines run (overrides the environment's and the config's `target`). */
export const targetOption = (): Option =>
  new Option(
    '--target <platform>',
    'mwaa: Python DAG files for MWAA; mwaa-serverless: MWAA Serverless workflow definitions (overrides dagsmith.config.yaml)',
  ).choices([...PLATFORMS]);
