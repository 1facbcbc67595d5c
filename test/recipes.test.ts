/**
 * The recipes of docs/contributing.md are code too: this test follows "Adding a kind" and "Adding a lint rule" in a
 * copy of the repository (a throwaway kind in a new namespace, a throwaway rule), runs `npm run gen` there, checks
 * that every file that changed is one the recipe names, then uses what it added: the kind compiles from YAML and
 * from TypeScript through its generated SDK namespace and type-checks; the rule reports.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CODES } from '../src/diagnostics/codes';
import { sha256 } from '../src/util/hash';
import { makeTemp, removeTemp } from './helpers/cli';

const ROOT = join(__dirname, '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
// scripts/lint-corpus.ts measures the lint corpus, which lives under test/.
// What the recipes need of the repository (scripts/gen-python-tables.ts imports test/helpers/venvs.ts).
const COPIED = ['package.json', 'tsconfig.json', 'README.md', 'src', 'scripts', 'schemas', 'docs', 'test/lint-corpus', 'test/helpers/venvs.ts'];

function copyRepository(): string {
  const copy = makeTemp('recipe');
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

/** project-relative path -> sha256, for every file of the copy (node_modules left out). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.name === 'node_modules') continue;
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p).split(sep).join('/'), sha256(readFileSync(p)));
    }
  };
  walk(dir);
  return out;
}

function changedFiles(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f)).sort();
}

/** The paths a recipe names in backticks (`<kind>`-style placeholders stand for one path segment part). */
function documentedPaths(heading: string): RegExp[] {
  const doc = readFileSync(join(ROOT, 'docs', 'contributing.md'), 'utf8');
  const start = doc.indexOf(`\n## ${heading}\n`);
  expect(start, `docs/contributing.md has a section '${heading}'`).to.be.greaterThan(-1);
  const end = doc.indexOf('\n## ', start + 1);
  const section = doc.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/`([A-Za-z0-9_.<>/-]+\.(?:ts|json|js|md))`/g)].map(
    (m) => new RegExp(`^${m[1]!.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/<[^>]+>/g, '[^/]+')}$`),
  );
}

function run(cwd: string, args: readonly string[]): string {
  const res = spawnSync(process.execPath, [TSX, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  if (res.status !== 0) throw new Error(`tsx ${args.join(' ')} failed (${res.status ?? res.signal}):\n${res.stdout}\n${res.stderr}`);
  return res.stdout;
}

function edit(file: string, replace: (text: string) => string): void {
  const text = readFileSync(file, 'utf8');
  const next = replace(text);
  expect(next, `an edit of ${file}`).to.not.equal(text);
  writeFileSync(file, next);
}

const KIND_FILE = `import { S } from '../base/json-schema';
import { kwargs, lit } from '../base/python-expr';
import { defineStepKind } from './types';

/** A throwaway kind of test/recipes.test.ts. */
export const recipeNoop = defineStepKind({
  kind: 'recipe.noop',
  description: 'Do nothing (the throwaway kind of the recipe test).',
  notes: 'Compiles to EmptyOperator.',
  airflowClass: { module: 'airflow.operators.empty', name: 'EmptyOperator' },
  required: [],
  supportsDeferrable: false,
  properties: { note: S.string('Shown as the task documentation.') },
  normalize(step): RecipeNoopFields {
    return { note: step.note ?? null };
  },
  emit(f) {
    return kwargs({ doc: f.note === null ? undefined : lit(f.note) });
  },
});

export interface RecipeNoopFields {
  readonly note: string | null;
}
`;

describe('the recipes of docs/contributing.md, followed in a copy of the repository', function () {
  this.timeout(300_000);
  let copy = '';
  beforeEach(() => {
    copy = copyRepository();
  });
  afterEach(() => removeTemp(copy));

  it('Adding a kind: its file, one registry line and `npm run gen`; it compiles from YAML and from the SDK', () => {
    const before = snapshot(copy);
    writeFileSync(join(copy, 'src', 'steps', 'recipe-noop.ts'), KIND_FILE);
    edit(join(copy, 'src', 'steps', 'index.ts'), (t) =>
      t
        .replace(
          "import { airflowOperator } from './airflow-operator';",
          "import { airflowOperator } from './airflow-operator';\nimport { recipeNoop } from './recipe-noop';",
        )
        .replace('  airflowOperator,\n] as const;', '  airflowOperator,\n  recipeNoop,\n] as const;'),
    );
    run(copy, ['scripts/gen.ts']);
    const changed = changedFiles(before, snapshot(copy));
    const documented = documentedPaths('Adding a kind');
    expect(
      changed.filter((f) => !documented.some((re) => re.test(f))),
      'changed, but not named by the recipe',
    ).to.deep.equal([]);
    expect(changed).to.include.members([
      'src/steps/recipe-noop.ts',
      'src/steps/index.ts',
      'src/spec/types.generated.ts',
      'schemas/pipeline.schema.json',
      'src/sdk/index.ts',
      'README.md',
      'docs/step-kinds.md',
    ]);

    // The kind works: a YAML pipeline and a TypeScript one through the generated namespace compile to the same DAG.
    const project = join(copy, 'project');
    mkdirSync(join(project, 'pipelines'), { recursive: true });
    writeFileSync(
      join(project, 'pipelines', 'from_yaml.yaml'),
      'version: 1\nid: from_yaml\nsteps:\n  - id: nothing\n    kind: recipe.noop\n    note: hello\n',
    );
    writeFileSync(
      join(project, 'pipelines', 'from_ts.ts'),
      "import { definePipeline, recipe } from 'dagsmith';\n\nexport default definePipeline({ id: 'from_ts', steps: [recipe.noop({ id: 'nothing', note: 'hello' })] });\n",
    );
    writeFileSync(
      join(copy, 'compile-project.ts'),
      "import { compileProject } from './src/index';\nconst r = compileProject({ cwd: process.argv[2]! });\nconsole.log(JSON.stringify({ status: r.status, diagnostics: r.diagnostics }));\n",
    );
    const result = JSON.parse(run(copy, ['compile-project.ts', project])) as { status: string; diagnostics: unknown[] };
    expect(result).to.deep.equal({ status: 'written', diagnostics: [] });
    const dag = (id: string) =>
      readFileSync(join(project, 'dags-out', `${id}.py`), 'utf8')
        .split('\n')
        .slice(3)
        .join('\n')
        .replaceAll(id, 'ID');
    expect(dag('from_ts')).to.include('nothing = EmptyOperator(task_id="nothing", doc="hello")');
    expect(dag('from_ts').replace(/source: \S+/, '')).to.equal(dag('from_yaml').replace(/source: \S+/, ''));
    // And it type-checks end to end with the generated types.
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit'], {
      cwd: copy,
      encoding: 'utf8',
    });
    expect(tsc.stdout + tsc.stderr, 'tsc in the copy').to.equal('');
  });

  it('Adding a lint rule: its file, one registry line, one catalog line, its page and `npm run gen`; it reports', () => {
    const code = Array.from({ length: 100 }, (_, i) => `DS4${String(i).padStart(2, '0')}`).find((c) => !(c in CODES))!;
    const before = snapshot(copy);
    writeFileSync(
      join(copy, 'src', 'lint', 'rules', 'recipe-rule.ts'),
      `import { pipelineRule } from '../types';

export const recipeRule = pipelineRule({
  meta: { code: '${code}', name: 'recipe-rule', defaultSeverity: 'warning', description: 'A pipeline id that says recipe.' },
  defaultOptions: {},
  check(ctx) {
    if (ctx.pipeline.id.includes('recipe')) ctx.report(['id'], 'this pipeline says recipe');
  },
});
`,
    );
    edit(join(copy, 'src', 'lint', 'rules', 'index.ts'), (t) =>
      t
        .replace(
          "import { stepRetries } from './step-retries';",
          "import { stepRetries } from './step-retries';\nimport { recipeRule } from './recipe-rule';",
        )
        .replace(/(export const RULES[\s\S]*?)\n\];/, '$1\n  recipeRule,\n];'),
    );
    edit(join(copy, 'src', 'diagnostics', 'codes', 'lint.ts'), (t) =>
      t.replace(
        'export const LINT_CODES = {\n',
        `export const LINT_CODES = {\n  ${code}: { severity: 'warning', title: 'pipeline id that says recipe' },\n`,
      ),
    );
    writeFileSync(
      join(copy, 'docs', 'rules', `${code}.md`),
      `# ${code} recipe-rule\n\nDefault severity: **warning**\n\n## What it does\n\nA pipeline id that says recipe.\n\n## Why\n\nA test.\n\n## Failing example\n\n\`\`\`yaml\nid: recipe\n\`\`\`\n\n## Where it reports\n\nAt the pipeline id.\n\n## Passing example\n\n\`\`\`yaml\nid: other\n\`\`\`\n\n## Configure or suppress\n\n\`${code}: off\`\n`,
    );
    run(copy, ['scripts/gen.ts']);
    const changed = changedFiles(before, snapshot(copy));
    const documented = documentedPaths('Adding a lint rule');
    expect(
      changed.filter((f) => !documented.some((re) => re.test(f))),
      'changed, but not named by the recipe',
    ).to.deep.equal([]);
    expect(changed).to.include.members([
      'src/lint/rules/recipe-rule.ts',
      'src/lint/rules/index.ts',
      'src/diagnostics/codes/lint.ts',
      `docs/rules/${code}.md`,
      'docs/diagnostics.md',
    ]);

    const project = join(copy, 'project');
    mkdirSync(join(project, 'pipelines'), { recursive: true });
    writeFileSync(
      join(project, 'pipelines', 'p.yaml'),
      'version: 1\nid: recipe_pipeline\nowner: ml\nsteps:\n  - id: q\n    kind: athena.query\n    database: db\n    outputLocation: "s3://results-bucket/"\n    query: SELECT 1\n',
    );
    writeFileSync(
      join(copy, 'lint-project.ts'),
      "import { lintProject } from './src/index';\nvoid lintProject({ cwd: process.argv[2]! }).then((r) => console.log(JSON.stringify(r.diagnostics.map((d) => [d.code, d.line, d.col]))));\n",
    );
    const findings = JSON.parse(run(copy, ['lint-project.ts', project])) as [string, number, number][];
    expect(findings.filter(([c]) => c === code)).to.deep.equal([[code, 2, 5]]);
    expect(statSync(join(copy, 'docs', 'rules', `${code}.md`)).isFile()).to.equal(true);
  });
});
