/**
 * Measures dagsmith's lint against the evaluation corpus (test/lint-corpus/): planted mistakes found and missed,
 * false positives on the well-made probes, unexpected findings. See test/lint-corpus/README.md.
 *
 *   npx tsx scripts/lint-corpus.ts                # every run (no --env, dev, prod): details of the first, figures of all
 *   npx tsx scripts/lint-corpus.ts --env prod     # one run, with details
 *   npx tsx scripts/lint-corpus.ts --json         # the figures as JSON
 *   npx tsx scripts/lint-corpus.ts --threshold    # exit 1 unless every run meets issue 17's threshold
 */
import {
  CORPUS_ENVS,
  checkExpectations,
  formatMeasurement,
  loadExpectations,
  measureCorpus,
  shortfalls,
  summarizeMeasurement,
  type Measurement,
} from '../test/lint-corpus/measure';

function usage(message: string): never {
  process.stderr.write(`lint-corpus: ${message}\nusage: npx tsx scripts/lint-corpus.ts [--json] [--threshold] [--env NAME | --no-env]\n`);
  process.exit(2);
}

async function main(argv: readonly string[]): Promise<number> {
  let json = false;
  let threshold = false;
  let envs: readonly (string | undefined)[] = CORPUS_ENVS;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--threshold') threshold = true;
    else if (a === '--no-env') envs = [undefined];
    else if (a === '--env') {
      const name = argv[++i];
      if (name === undefined) usage('--env needs an environment name');
      envs = [name];
    } else usage(`unknown argument '${a}'`);
  }

  const exp = loadExpectations();
  const problems = checkExpectations(exp);
  if (problems.length > 0) {
    process.stderr.write(`test/lint-corpus/expected.yaml does not match the corpus files:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 1;
  }

  const runs: Measurement[] = [];
  for (const env of envs) runs.push(await measureCorpus(env, exp));

  if (json) {
    process.stdout.write(
      `${JSON.stringify({ planted: exp.planted.length, probes: exp.probes.length, runs: runs.map(summarizeMeasurement) }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(`${runs.map((m, i) => formatMeasurement(m, { detail: i === 0 })).join('\n\n')}\n`);
  }
  if (!threshold) return 0;
  const failing = runs.flatMap((m) => shortfalls(m).map((s) => `${m.env ?? 'no --env'}: ${s}`));
  if (failing.length > 0) process.stderr.write(`below issue 17's threshold:\n${failing.map((f) => `  ${f}`).join('\n')}\n`);
  return failing.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`lint-corpus: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 70;
  },
);
