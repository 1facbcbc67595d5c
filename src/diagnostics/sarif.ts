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
  readonly helpUri?: string;
  /** Markdown shown by GitHub code scanning with the alert (the rule's doc page). */
  readonly helpMarkdown?: string;
}

export interface SarifOptions {
  readonly toolVersion: string;
  readonly informationUri?: string;
  /** Folder of the dagsmith project inside the repository ('' at its root), prefixed to every file. */
  readonly repoPrefix: string;
  readonly ruleInfo: (code: string) => SarifRuleInfo;
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** The SARIF base id the URIs are relative to: the repository root, as GitHub code scanning expects. */
export const SRCROOT = '%SRCROOT%';

/** SARIF 2.1.0 log of the diagnostics, in the form GitHub code scanning accepts. */
export function toSarif(diags: readonly Diagnostic[], opts: SarifOptions): object {
  const codes = [...new Set(diags.map((d) => d.code))].sort();
  const rules = codes.map((c) => opts.ruleInfo(c));
  const index = new Map(codes.map((c, i) => [c, i]));
  const seen = new Map<string, number>();
  const results = diags.map((d) => {
    const uri = encodeUri(opts.repoPrefix + d.file);
    // Fingerprint by what the finding is about (code, file, JSON path), not its line: the alert survives edits above it.
    const base = sha256(`${d.code}\0${d.file}\0${JSON.stringify(d.path)}`).slice(0, 32);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return {
      ruleId: d.code,
      ruleIndex: index.get(d.code)!,
      level: LEVEL[d.severity],
      message: { text: sarifText(`${d.message}${d.hint ? ` (${d.hint})` : ''}`) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri, uriBaseId: SRCROOT },
            region: {
              startLine: d.line,
              startColumn: d.col,
              ...(d.endLine !== undefined ? { endLine: d.endLine } : {}),
              ...(d.endCol !== undefined ? { endColumn: d.endCol } : {}),
            },
          },
        },
      ],
      partialFingerprints: { 'dagsmithFinding/v1': `${base}:${n}` },
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
              properties: { tags: [r.code.startsWith('DS4') ? 'lint' : 'validation'] },
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
