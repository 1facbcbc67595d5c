/**
 * Measures dagsmith's lint against the evaluation corpus in this folder: which planted mistakes it finds, which
 * well-made probes it flags, and what else it reports. Used by scripts/lint-corpus.ts and by tests that hold the lint
 * to a threshold. The expectations (expected.yaml) are the yardstick; README.md says how they were written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Diagnostic, Severity } from '../../src/diagnostics/types';
import { lintProject } from '../../src/use-cases/lint';

/** The corpus project (dagsmith.config.yaml, pipelines/, sql/, expected.yaml). */
export const CORPUS_DIR = __dirname;

/** "Now" for rules that count runs (DS423), so every measurement of one lint gives the same figures. */
export const CORPUS_NOW = new Date('2026-12-15T00:00:00Z');

/** The runs measured: without an environment (what the pull-request workflow does), then each environment. */
export const CORPUS_ENVS: readonly (string | undefined)[] = [undefined, 'dev', 'prod'];

/** A line of a corpus file, with text that must be on it. */
export interface Place {
  readonly file: string;
  readonly line: number;
  readonly anchor: string;
}

interface Entry {
  readonly id: string;
  /** Project-relative, as diagnostics name files. */
  readonly file: string;
  readonly line: number;
  readonly endLine?: number;
  readonly col?: number;
  readonly anchor: string;
  readonly endAnchor?: string;
  /** Other lines a finding may land on (a missing field reported at the step or its identifying field). */
  readonly alsoAt: readonly Place[];
  /** The YAML line that holds the entry's SQL (a `sqlFile:` field, an inline block's first line). */
  readonly via?: Place;
  readonly description: string;
}

export interface Planted extends Entry {
  readonly category: string;
  /** Rule codes meant to report it: existing ones (DS4xx) or `new:<slug>` for rules still to write. */
  readonly codes: readonly string[];
}

export interface Probe extends Entry {
  /** Codes a careless rule reports here; they attribute a finding on the probe's `via` line to the probe. */
  readonly traps: readonly string[];
}

export interface Expectations {
  readonly planted: readonly Planted[];
  readonly probes: readonly Probe[];
}

export interface PlantedResult {
  readonly entry: Planted;
  /** Warnings and errors on the entry's lines. */
  readonly findings: readonly Diagnostic[];
  /** A finding carries one of the entry's codes. */
  readonly atCode: boolean;
  /** A finding starts at the entry's exact column (only where `col` is given). */
  readonly atColumn: boolean;
  /** Findings with one of the entry's codes on its `via` line: found, but not where the problem is. */
  readonly misplaced: readonly Diagnostic[];
}

export interface ProbeResult {
  readonly entry: Probe;
  readonly findings: readonly Diagnostic[];
  /** The worst severity among the findings. */
  readonly severity: Severity;
  /** Whether a finding is on the probe's `via` line rather than its own. */
  readonly misplaced: boolean;
}

export interface Measurement {
  readonly env: string | undefined;
  readonly planted: { readonly total: number; readonly found: readonly PlantedResult[]; readonly missed: readonly PlantedResult[] };
  /** Found planted mistakes reported with one of their codes. */
  readonly foundAtCode: number;
  /** Probes with a finding at error, and probes whose findings are warnings only. */
  readonly falsePositives: { readonly total: number; readonly atError: readonly ProbeResult[]; readonly atWarning: readonly ProbeResult[] };
  /** Warnings and errors on lines that are neither planted nor probes (nor attributable through a `via` line). */
  readonly unexpected: readonly Diagnostic[];
  /** Errors that are not lint findings (load, schema, semantics): the corpus itself is broken. */
  readonly invalid: readonly Diagnostic[];
}

// ---------------------------------------------------------------------------------------------------------------
// Loading and checking expected.yaml

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function req<T>(ok: boolean, value: T, what: string): T {
  if (!ok) throw new Error(`expected.yaml: ${what}`);
  return value;
}

function str(o: Record<string, unknown>, key: string, where: string): string {
  const v = o[key];
  return req(typeof v === 'string' && v.length > 0, v as string, `${where}: '${key}' must be a non-empty string`);
}

function int(o: Record<string, unknown>, key: string, where: string): number {
  const v = o[key];
  return req(Number.isInteger(v) && (v as number) >= 1, v as number, `${where}: '${key}' must be a positive integer`);
}

function optInt(o: Record<string, unknown>, key: string, where: string): number | undefined {
  return o[key] === undefined ? undefined : int(o, key, where);
}

function strings(o: Record<string, unknown>, key: string, where: string): string[] {
  const v = o[key] ?? [];
  return req(Array.isArray(v) && v.every((c) => typeof c === 'string' && /^(DS\d{3}|new:[a-z0-9-]+)$/.test(c)), v as string[], `${where}: '${key}' must list codes (DS123 or new:slug)`);
}

function place(raw: unknown, file: string, where: string): Place {
  req(isRecord(raw), null, `${where} must be a mapping {file?, line, anchor}`);
  const o = raw as Record<string, unknown>;
  return { file: typeof o.file === 'string' ? o.file : file, line: int(o, 'line', where), anchor: str(o, 'anchor', where) };
}

function entry(raw: unknown, where: string): Entry {
  req(isRecord(raw), null, `${where} must be a mapping`);
  const o = raw as Record<string, unknown>;
  const id = str(o, 'id', where);
  const at = `${where} (${id})`;
  const file = str(o, 'file', at);
  const alsoAt = o.alsoAt === undefined ? [] : req(Array.isArray(o.alsoAt), o.alsoAt as unknown[], `${at}: alsoAt must be a list`);
  const endLine = optInt(o, 'endLine', at);
  const col = optInt(o, 'col', at);
  return {
    id,
    file,
    line: int(o, 'line', at),
    ...(endLine !== undefined ? { endLine, endAnchor: str(o, 'endAnchor', at) } : {}),
    ...(col !== undefined ? { col } : {}),
    anchor: str(o, 'anchor', at),
    alsoAt: alsoAt.map((p, i) => place(p, file, `${at}: alsoAt[${i}]`)),
    ...(o.via !== undefined ? { via: place(o.via, file, `${at}: via`) } : {}),
    description: str(o, 'description', at),
  };
}

/** Reads expected.yaml; a malformed entry throws with its position. */
export function loadExpectations(dir: string = CORPUS_DIR): Expectations {
  const doc: unknown = parse(readFileSync(join(dir, 'expected.yaml'), 'utf8'));
  req(isRecord(doc) && Array.isArray(doc.planted) && Array.isArray(doc.probes), null, 'needs the lists planted and probes');
  const d = doc as { planted: unknown[]; probes: unknown[] };
  const planted = d.planted.map((raw, i) => {
    const e = entry(raw, `planted[${i}]`);
    const o = raw as Record<string, unknown>;
    const codes = strings(o, 'codes', `planted[${i}] (${e.id})`);
    req(codes.length > 0, null, `planted[${i}] (${e.id}): 'codes' must name at least one code`);
    return { ...e, category: str(o, 'category', `planted[${i}] (${e.id})`), codes };
  });
  const probes = d.probes.map((raw, i) => ({ ...entry(raw, `probes[${i}]`), traps: strings(raw as Record<string, unknown>, 'traps', `probes[${i}]`) }));
  return { planted, probes };
}

/** Every (file, line) an entry claims: its line range and its alsoAt lines. */
function claimedLines(e: Entry): Place[] {
  const out: Place[] = [];
  for (let l = e.line; l <= (e.endLine ?? e.line); l++) out.push({ file: e.file, line: l, anchor: '' });
  out.push(...e.alsoAt);
  return out;
}

const key = (file: string, line: number) => `${file}:${line}`;

/**
 * Problems with expected.yaml against the corpus files: an anchor not on its line (the files changed and the lines
 * moved), a line claimed by two entries (one finding would count for both), duplicate ids. Empty when consistent.
 */
export function checkExpectations(exp: Expectations, dir: string = CORPUS_DIR): string[] {
  const problems: string[] = [];
  const texts = new Map<string, string[] | undefined>();
  const lineOf = (file: string, line: number): string | undefined => {
    if (!texts.has(file)) {
      let text: string[] | undefined;
      try {
        text = readFileSync(join(dir, file), 'utf8').split('\n');
      } catch {
        text = undefined;
      }
      texts.set(file, text);
    }
    return texts.get(file)?.[line - 1];
  };
  const anchored = (id: string, what: string, p: Place) => {
    const text = lineOf(p.file, p.line);
    if (text === undefined) problems.push(`${id}: ${what} ${p.file}:${p.line} does not exist`);
    else if (!text.includes(p.anchor)) problems.push(`${id}: ${what} ${p.file}:${p.line} does not contain ${JSON.stringify(p.anchor)}`);
  };
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  const all: Entry[] = [...exp.planted, ...exp.probes];
  for (const e of all) {
    if (ids.has(e.id)) problems.push(`${e.id}: duplicate id`);
    ids.add(e.id);
    anchored(e.id, 'line', { file: e.file, line: e.line, anchor: e.anchor });
    if (e.endLine !== undefined) {
      if (e.endLine < e.line) problems.push(`${e.id}: endLine ${e.endLine} is before line ${e.line}`);
      anchored(e.id, 'endLine', { file: e.file, line: e.endLine, anchor: e.endAnchor ?? '' });
    }
    if (e.col !== undefined) {
      const text = lineOf(e.file, e.line);
      if (text !== undefined && text.indexOf(e.anchor) + 1 > e.col) problems.push(`${e.id}: col ${e.col} is before the anchor`);
    }
    for (const p of e.alsoAt) anchored(e.id, 'alsoAt', p);
    if (e.via) anchored(e.id, 'via', e.via);
    for (const p of claimedLines(e)) {
      const k = key(p.file, p.line);
      const other = owner.get(k);
      if (other !== undefined && other !== e.id) problems.push(`${e.id}: ${k} is also claimed by ${other}`);
      owner.set(k, e.id);
    }
  }
  for (const e of all) {
    if (e.via && owner.has(key(e.via.file, e.via.line))) problems.push(`${e.id}: via ${key(e.via.file, e.via.line)} is an entry's line (${owner.get(key(e.via.file, e.via.line))})`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Matching findings to expectations

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * Matches diagnostics (validate + lint) to the expectations. Only warnings and errors count. A finding on an entry's
 * line belongs to that entry; one on a `via` line belongs to a planted mistake there whose codes include it
 * (misplaced: found, not where the problem is), else to a probe there whose traps include it; anything else is
 * unexpected.
 */
export function measure(diagnostics: readonly Diagnostic[], exp: Expectations, env?: string): Measurement {
  const byLine = new Map<string, Entry>();
  for (const e of [...exp.planted, ...exp.probes]) for (const p of claimedLines(e)) byLine.set(key(p.file, p.line), e);
  const byVia = new Map<string, Entry[]>();
  for (const e of [...exp.planted, ...exp.probes]) {
    if (!e.via) continue;
    const k = key(e.via.file, e.via.line);
    byVia.set(k, [...(byVia.get(k) ?? []), e]);
  }
  const plantedIds = new Set(exp.planted.map((e) => e.id));
  const onLine = new Map<string, Diagnostic[]>();
  const onVia = new Map<string, Diagnostic[]>();
  const add = (m: Map<string, Diagnostic[]>, id: string, d: Diagnostic) => m.set(id, [...(m.get(id) ?? []), d]);
  const unexpected: Diagnostic[] = [];

  const findings = diagnostics.filter((d) => d.severity === 'warning' || d.severity === 'error');
  for (const d of findings) {
    const k = key(d.file, d.line);
    const direct = byLine.get(k);
    if (direct) {
      add(onLine, direct.id, d);
      continue;
    }
    const candidates = byVia.get(k) ?? [];
    const planted = candidates.find((e) => plantedIds.has(e.id) && (e as Planted).codes.includes(d.code));
    const probe = planted ? undefined : candidates.find((e) => !plantedIds.has(e.id) && (e as Probe).traps.includes(d.code));
    const owner = planted ?? probe;
    if (owner) add(onVia, owner.id, d);
    else unexpected.push(d);
  }

  const plantedResults = exp.planted.map((entry): PlantedResult => {
    const fs = onLine.get(entry.id) ?? [];
    return {
      entry,
      findings: fs,
      atCode: fs.some((d) => entry.codes.includes(d.code)),
      atColumn: entry.col !== undefined && fs.some((d) => d.line === entry.line && d.col === entry.col),
      misplaced: onVia.get(entry.id) ?? [],
    };
  });
  const probeResults = exp.probes.flatMap((entry): ProbeResult[] => {
    const own = onLine.get(entry.id) ?? [];
    const via = onVia.get(entry.id) ?? [];
    const fs = [...own, ...via];
    if (fs.length === 0) return [];
    const severity = fs.reduce<Severity>((s, d) => (RANK[d.severity] > RANK[s] ? d.severity : s), 'warning');
    return [{ entry, findings: fs, severity, misplaced: own.length === 0 }];
  });
  const found = plantedResults.filter((r) => r.findings.length > 0);
  return {
    env,
    planted: { total: exp.planted.length, found, missed: plantedResults.filter((r) => r.findings.length === 0) },
    foundAtCode: found.filter((r) => r.atCode).length,
    falsePositives: {
      total: exp.probes.length,
      atError: probeResults.filter((r) => r.severity === 'error'),
      atWarning: probeResults.filter((r) => r.severity === 'warning'),
    },
    unexpected,
    invalid: diagnostics.filter((d) => d.severity === 'error' && !/^DS4\d\d$/.test(d.code)),
  };
}

/** Lints the corpus through the library, as `dagsmith lint [--env E]` would, with "now" pinned. */
export async function lintCorpus(opts: { env?: string; now?: Date; dir?: string } = {}): Promise<readonly Diagnostic[]> {
  const { diagnostics } = await lintProject({
    cwd: opts.dir ?? CORPUS_DIR,
    ...(opts.env !== undefined ? { env: opts.env } : {}),
    now: opts.now ?? CORPUS_NOW,
  });
  return diagnostics;
}

/** Lints and measures the corpus for one environment (undefined: no --env). */
export async function measureCorpus(env?: string, exp: Expectations = loadExpectations()): Promise<Measurement> {
  return measure(await lintCorpus(env !== undefined ? { env } : {}), exp, env);
}

// ---------------------------------------------------------------------------------------------------------------
// The threshold issue 17 sets, and a report

export const THRESHOLD = { foundShare: 0.9, falsePositivesAtError: 0, falsePositivesAtWarning: 1 } as const;

/** Why a measurement falls short of the threshold (empty when it meets it). */
export function shortfalls(m: Measurement): string[] {
  const out: string[] = [];
  const share = m.planted.found.length / m.planted.total;
  if (share < THRESHOLD.foundShare) out.push(`found ${pct(share)} of planted mistakes, below ${pct(THRESHOLD.foundShare)}`);
  if (m.falsePositives.atError.length > THRESHOLD.falsePositivesAtError) out.push(`${m.falsePositives.atError.length} probes flagged at error (at most ${THRESHOLD.falsePositivesAtError})`);
  if (m.falsePositives.atWarning.length > THRESHOLD.falsePositivesAtWarning) out.push(`${m.falsePositives.atWarning.length} probes flagged at warning (at most ${THRESHOLD.falsePositivesAtWarning})`);
  if (m.invalid.length > 0) out.push(`${m.invalid.length} validation errors: the corpus does not validate`);
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const at = (d: Diagnostic) => `${d.file}:${d.line}:${d.col} ${d.severity} ${d.code}`;

/** A plain-text report of one measurement. */
export function formatMeasurement(m: Measurement, opts: { detail?: boolean } = {}): string {
  const lines: string[] = [];
  const p = m.planted;
  lines.push(`lint corpus, ${m.env === undefined ? 'no --env' : `--env ${m.env}`}:`);
  lines.push(`  planted mistakes found: ${p.found.length}/${p.total} (${pct(p.found.length / p.total)}), at an intended code: ${m.foundAtCode}, missed: ${p.missed.length}`);
  lines.push(`  probes flagged: ${m.falsePositives.atError.length} at error, ${m.falsePositives.atWarning.length} at warning (of ${m.falsePositives.total})`);
  lines.push(`  unexpected findings: ${m.unexpected.length}`);
  if (m.invalid.length > 0) lines.push(`  VALIDATION ERRORS: ${m.invalid.length} (the corpus must validate; findings of those pipelines are missing)`);
  if (!opts.detail) return lines.join('\n');

  const misplaced = p.missed.filter((r) => r.misplaced.length > 0);
  lines.push('', 'missed, by category:');
  const byCategory = new Map<string, PlantedResult[]>();
  for (const r of p.missed) byCategory.set(r.entry.category, [...(byCategory.get(r.entry.category) ?? []), r]);
  for (const [category, rs] of [...byCategory].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${category}: ${rs.map((r) => r.entry.id + (r.misplaced.length > 0 ? ' (reported on its via line)' : '')).join(', ')}`);
  }
  if (misplaced.length > 0) {
    lines.push('', 'missed but reported on the YAML line that holds the SQL (via), not at the SQL line:');
    for (const r of misplaced) lines.push(`  ${r.entry.id} (${r.entry.file}:${r.entry.line}): ${r.misplaced.map(at).join('; ')}`);
  }
  const otherCode = p.found.filter((r) => !r.atCode);
  if (otherCode.length > 0) {
    lines.push('', 'found, but not with an intended code:');
    for (const r of otherCode) lines.push(`  ${r.entry.id} [${r.entry.codes.join(', ')}]: ${r.findings.map((d) => d.code).join(', ')}`);
  }
  for (const [label, rs] of [['at error', m.falsePositives.atError], ['at warning', m.falsePositives.atWarning]] as const) {
    if (rs.length === 0) continue;
    lines.push('', `false positives ${label}:`);
    for (const r of rs) lines.push(`  ${r.entry.id} (${r.entry.file}:${r.entry.line}${r.misplaced ? `, reported on its via line` : ''}): ${r.findings.map((d) => `${at(d)}: ${d.message}`).join(' | ')}`);
  }
  if (m.unexpected.length > 0) {
    lines.push('', 'unexpected findings (neither planted nor probe):');
    for (const d of m.unexpected) lines.push(`  ${at(d)}: ${d.message}`);
  }
  if (m.invalid.length > 0) {
    lines.push('', 'validation errors:');
    for (const d of m.invalid) lines.push(`  ${at(d)}: ${d.message}`);
  }
  return lines.join('\n');
}

/** The figures of a measurement as plain data (for --json and for recording baselines). */
export function summarizeMeasurement(m: Measurement) {
  return {
    env: m.env ?? null,
    planted: m.planted.total,
    found: m.planted.found.length,
    foundShare: Number((m.planted.found.length / m.planted.total).toFixed(4)),
    foundAtCode: m.foundAtCode,
    missed: m.planted.missed.map((r) => ({ id: r.entry.id, category: r.entry.category, codes: r.entry.codes, reportedOnVia: r.misplaced.map(at) })),
    foundNotAtCode: m.planted.found.filter((r) => !r.atCode).map((r) => ({ id: r.entry.id, codes: r.entry.codes, reported: r.findings.map((d) => d.code) })),
    foundAtColumn: m.planted.found.filter((r) => r.atColumn).length,
    probes: m.falsePositives.total,
    falsePositivesAtError: m.falsePositives.atError.map((r) => ({ id: r.entry.id, findings: r.findings.map(at), onVia: r.misplaced })),
    falsePositivesAtWarning: m.falsePositives.atWarning.map((r) => ({ id: r.entry.id, findings: r.findings.map(at), onVia: r.misplaced })),
    unexpected: m.unexpected.map((d) => ({ at: at(d), message: d.message })),
    invalid: m.invalid.map((d) => ({ at: at(d), message: d.message })),
    meetsThreshold: shortfalls(m).length === 0,
  };
}
