import { CODES, phaseOf, RETIRED_CODES, type Code, type Phase } from '../diagnostics/codes';

export const DIAGNOSTICS_DOC_PATH = 'docs/diagnostics.md';

const PHASE_TITLES: Readonly<Record<Phase, string>> = {
  load: 'Load (DS1xx): reading pipeline and config files',
  schema: 'Schema (DS2xx): the JSON Schema of pipelines',
  semantics: 'Semantics (DS3xx): what the schema cannot express, and what the Airflow target cannot do',
  lint: 'Lint (DS4xx): rules',
  emit: 'Emit (DS5xx): writing the DAG files and MWAA Serverless workflow definitions',
  sync: 'Sync (DS6xx): deploying to S3, MWAA and MWAA Serverless',
  test: 'Test (DS7xx): `dagsmith test`, its test files, what a run refuses, and its Python',
  import: 'Import (DS8xx): reading dag-factory files',
};

/** docs/diagnostics.md: every code of the catalog with what it means, why, and how to fix it. */
export function diagnosticsDoc(): string {
  const codes = Object.keys(CODES).sort() as Code[];
  const out = [
    '<!-- Generated from src/diagnostics/codes/*.ts by `npm run gen`; do not edit. test/sdk/drift.test.ts fails when stale. -->',
    '# Diagnostics',
    '',
    'Every problem dagsmith reports has a code, printed as `file:line:col: severity CODE: message (hint)`. One code',
    'names one problem, and is raised by the phase its number belongs to. Warnings do not fail a command.',
    '',
  ];
  for (const phase of Object.keys(PHASE_TITLES) as Phase[]) {
    const inPhase = codes.filter((c) => phaseOf(c) === phase);
    if (inPhase.length === 0) continue;
    out.push(`## ${PHASE_TITLES[phase]}`, '', '| code | severity | meaning |', '|---|---|---|');
    for (const c of inPhase) out.push(`| [${c}](#${c.toLowerCase()}) | ${CODES[c].severity} | ${escape(CODES[c].title)} |`);
    out.push('');
    for (const c of inPhase) {
      const info: { title: string; severity: string; why?: string; fix?: string } = CODES[c];
      out.push(`### ${c}`, '', `**${escape(info.title)}** (${info.severity})`, '');
      if (phase === 'lint')
        out.push(`A lint rule: what it checks, why, examples and how to configure it are in [docs/rules/${c}.md](rules/${c}.md).`, '');
      else out.push(`Why: ${info.why ?? '(not documented yet)'}`, '', `Fix: ${info.fix ?? '(not documented yet)'}`, '');
    }
  }
  out.push('## Retired codes', '', 'Never reused for another problem.', '', '| code | what became of it |', '|---|---|');
  for (const [code, note] of Object.entries(RETIRED_CODES)) out.push(`| ${code} | ${escape(note)} |`);
  return `${out.join('\n')}\n`;
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|');
}
