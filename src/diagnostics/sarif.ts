import { sha256 } from '../util/hash';
import { sarifText } from './inert';
import type { Diagnostic, Severity } from './types';

/** What SARIF says about a code: the rule's texts and where its documentation lives. */
export interface SarifRuleInfo {
  readonly code: string;
  readonly name: string;
  readonly shortDescription: string;
  readonly fullDescription: string;
  readonly defaultSeverity: Severity;
  /** Only an address that resolves (a configured docs base URL); otherwise the help travels inline. */
  readonly helpUri?: string;
  /** Markdown shown by GitHub code scanning with the alert (the rule's doc page). */
  readonly helpMarkdown?: string;
  /** `security` for security rules (GitHub code scanning shows and gates those), then the category. */
  readonly tags?: readonly string[];
  /** SARIF `precision`: very-high, high, medium, low. */
  readonly precision?: string;
  /** GitHub's `security-severity` (0.1-10) for security rules. */
  readonly securitySeverity?: number;
}

/** A result a suppression comment silenced, kept in the log with its reason (SARIF `suppressions`). */
export interface SuppressedResult {
  readonly diagnostic: Diagnostic;
  readonly justification: string;
}

export interface SarifOptions {
  readonly toolVersion: string;
  readonly informationUri?: string;
  /** Folder of the dagsmith project inside the repository ('' at its root), prefixed to every file. */
  readonly repoPrefix: string;
  readonly ruleInfo: (code: string) => SarifRuleInfo;
  /** Findings silenced in the source: kept as results with `suppressions[].justification`. */
  readonly suppressed?: readonly SuppressedResult[];
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** The SARIF base id the URIs are relative to: the repository root, as GitHub code scanning expects. */
export const SRCROOT = '%SRCROOT%';

/** SARIF 2.1.0 log of the diagnostics, in the form GitHub code scanning accepts. */
export function toSarif(diags: readonly Diagnostic[], opts: SarifOptions): object {
  const suppressed = opts.suppressed ?? [];
  const all: { d: Diagnostic; justification?: string }[] = [
    ...diags.map((d) => ({ d })),
    ...suppressed.map((s) => ({ d: s.diagnostic, justification: s.justification })),
  ];
  const codes = [...new Set(all.map((x) => x.d.code))].sort();
  const rules = codes.map((c) => opts.ruleInfo(c));
  const index = new Map(codes.map((c, i) => [c, i]));
  const seen = new Map<string, number>();
  const location = (file: string, r: { line: number; col: number; endLine?: number; endCol?: number }) => ({
    physicalLocation: {
      artifactLocation: { uri: encodeUri(opts.repoPrefix + file), uriBaseId: SRCROOT },
      region: {
        startLine: r.line,
        startColumn: r.col,
        ...(r.endLine !== undefined ? { endLine: r.endLine } : {}),
        ...(r.endCol !== undefined ? { endColumn: r.endCol } : {}),
      },
    },
  });
  const results = all.map(({ d, justification }) => {
    // Fingerprint by what the finding is about (code, file, JSON path), not its line: the alert survives edits above it.
    const base = sha256(`${d.code}\0${d.file}\0${JSON.stringify(d.path)}`).slice(0, 32);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return {
      ruleId: d.code,
      ruleIndex: index.get(d.code)!,
      level: LEVEL[d.severity],
      message: { text: sarifText(`${d.message}${d.hint ? ` (${d.hint})` : ''}`) },
      locations: [location(d.file, d)],
      ...(d.related && d.related.length > 0
        ? { relatedLocations: d.related.map((r, i) => ({ id: i + 1, ...location(r.file, r), message: { text: sarifText(r.message) } })) }
        : {}),
      partialFingerprints: { 'dagsmithFinding/v1': `${base}:${n}` },
      ...(justification !== undefined ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: sarifText(justification) }] } : {}),
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dagsmith',
            version: opts.toolVersion,
            semanticVersion: opts.toolVersion,
            ...(opts.informationUri ? { informationUri: opts.informationUri } : {}),
            rules: rules.map((r) => ({
              id: r.code,
              name: r.name,
              shortDescription: { text: r.shortDescription },
              fullDescription: { text: r.fullDescription },
              ...(r.helpUri ? { helpUri: r.helpUri } : {}),
              help: { text: r.fullDescription, ...(r.helpMarkdown ? { markdown: r.helpMarkdown } : {}) },
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: {
                tags: [...(r.tags ?? []), r.code.startsWith('DS4') ? 'lint' : 'validation'],
                precision: r.precision ?? 'high',
                'problem.severity': r.defaultSeverity === 'info' ? 'recommendation' : r.defaultSeverity,
                ...(r.securitySeverity !== undefined ? { 'security-severity': r.securitySeverity.toFixed(1) } : {}),
              },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** A relative URI reference: path segments percent-encoded, slashes kept. */
function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
