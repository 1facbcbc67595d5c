/**
 * `sync --verify`: ask the environment whether the DAG files dagsmith deployed imported.
 *
 * Interface: MWAA's Airflow CLI endpoint, on Airflow 2 and 3 alike — CreateCliToken gives a 60-second token and
 * the web server host name; `POST https://<host>/aws_mwaa/cli` with `Authorization: Bearer <token>`,
 * `Content-Type: text/plain` and the command line as the body answers `{"stdout": b64, "stderr": b64}` (MWAA user
 * guide, "Creating an Apache Airflow CLI token"). The command is `dags list-import-errors -o json`: on Airflow 2 it
 * parses the environment's DAG folder, on Airflow 3 it reads the import errors the DAG processor recorded. (MWAA's
 * InvokeRestApi would reach the REST API's importErrors instead, but the pinned @aws-sdk/client-mwaa 3.523.0
 * predates it.)
 */
import { CreateCliTokenCommand, type MWAAClient } from '@aws-sdk/client-mwaa';
import { makeDiagnostic } from '../diagnostics/diagnostic';
import type { Diagnostic } from '../diagnostics/types';
import { SyncError } from './sync-error';
import { isRecord } from '../util/is-record';
import { isUnknownArray, parseJson } from '../util/json';

/** The DAG folder of every MWAA environment (DagS3Path is synced there). */
export const MWAA_DAGS_FOLDER = '/usr/local/airflow/dags/';
export const IMPORT_ERRORS_COMMAND = 'dags list-import-errors -o json';

export interface CliOutput {
  readonly stdout: string;
  readonly stderr: string;
}

export interface ImportErrorEntry {
  readonly filepath: string;
  readonly error: string;
}

export interface VerifyResult {
  /** Import errors in files dagsmith deployed, by path relative to the DAG folder, sorted. */
  readonly ours: readonly { readonly file: string; readonly error: string }[];
  /** Import errors in other files of the environment (hand-written DAGs): reported, never a failure of ours. */
  readonly others: readonly ImportErrorEntry[];
}

/** Hosts of this machine: the only ones the CLI token may be sent to without TLS (a local emulator). */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * The CLI endpoint URL: https, as every MWAA web server speaks it (whatever the MWAA API endpoint is). Plain http
 * only when asked (`--verify-plain-http`, for a local MWAA emulator without TLS), and then only to a loopback host:
 * the token must not cross a network in the clear.
 */
export function cliEndpointUrl(webServerHostname: string, opts: { readonly plainHttp?: boolean } = {}): string {
  if (!opts.plainHttp) return `https://${webServerHostname}/aws_mwaa/cli`;
  const host = new URL(`http://${webServerHostname}`).hostname;
  if (!LOOPBACK.test(host)) {
    throw new SyncError(
      'DS637',
      `--verify-plain-http is for a local emulator on this machine, and ${JSON.stringify(webServerHostname.slice(0, 100))} is not a loopback host: the CLI token would cross the network in the clear`,
    );
  }
  return `http://${webServerHostname}/aws_mwaa/cli`;
}

export interface CliOptions {
  readonly timeoutMs: number;
  /** The fetch to call the web server with (default: the global one; a caller may pass one with its own agent). */
  readonly fetch?: typeof fetch;
  /** Talk plain http to a web server on a loopback host (a local emulator without TLS). */
  readonly plainHttp?: boolean;
}

/** Runs one Airflow CLI command on the environment's web server; DS637 when there is no usable answer. */
export async function runMwaaCli(client: MWAAClient, envName: string, command: string, opts: CliOptions): Promise<CliOutput> {
  const doFetch = opts.fetch ?? fetch;
  let token;
  try {
    token = await client.send(new CreateCliTokenCommand({ Name: envName }));
  } catch (err) {
    throw new SyncError('DS637', `CreateCliToken for '${envName}' failed: ${(err as Error).name}: ${(err as Error).message}`);
  }
  if (!token.CliToken || !token.WebServerHostname) throw new SyncError('DS637', `CreateCliToken for '${envName}' returned no token or host`);
  // The token goes to this host: accept only a host name (MWAA's documented pattern, plus a port), never a URL.
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?$/.test(token.WebServerHostname)) {
    throw new SyncError(
      'DS637',
      `CreateCliToken for '${envName}' returned a web server host that is not a host name: ${JSON.stringify(token.WebServerHostname.slice(0, 100))}`,
    );
  }
  const url = cliEndpointUrl(token.WebServerHostname, { plainHttp: opts.plainHttp });
  let res: Response;
  let text: string;
  try {
    res = await doFetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token.CliToken}`, 'Content-Type': 'text/plain' },
      body: command,
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    text = await res.text();
  } catch (err) {
    const e = err as Error;
    // fetch says "fetch failed" and keeps the reason (a refused connection, a certificate it cannot verify) in `cause`.
    const cause = (e as { cause?: { message?: unknown } }).cause?.message;
    const why =
      e.name === 'TimeoutError' || e.name === 'AbortError'
        ? `no answer within ${Math.round(opts.timeoutMs / 1000)}s`
        : `${e.message}${typeof cause === 'string' ? ` (${cause})` : ''}`;
    throw new SyncError('DS637', `the Airflow CLI endpoint of '${envName}' (${url}) failed: ${why}`);
  }
  if (!res.ok) throw new SyncError('DS637', `the Airflow CLI endpoint of '${envName}' answered HTTP ${res.status}: ${text.slice(0, 300)}`);
  let body: unknown;
  try {
    body = parseJson(text);
  } catch {
    throw new SyncError('DS637', `the Airflow CLI endpoint of '${envName}' answered something other than JSON: ${text.slice(0, 300)}`);
  }
  if (
    !isRecord(body) ||
    (body.stdout !== undefined && typeof body.stdout !== 'string') ||
    (body.stderr !== undefined && typeof body.stderr !== 'string')
  )
    throw new SyncError(
      'DS637',
      `the Airflow CLI endpoint of '${envName}' answered JSON that is not the CLI's answer ({"stdout": base64, "stderr": base64}): ${text.slice(0, 300)}`,
    );
  const decode = (v: unknown): string => (typeof v === 'string' ? Buffer.from(v, 'base64').toString('utf8') : '');
  return { stdout: decode(body.stdout), stderr: decode(body.stderr) };
}

/** A field of Airflow's JSON answer as text: strings as they are, other values as JSON, none as ''. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? '' : JSON.stringify(value);
}

/** The JSON list `dags list-import-errors -o json` prints (log lines before it are skipped). */
export function parseImportErrors(out: CliOutput): ImportErrorEntry[] {
  const lines = out.stdout.split('\n');
  // Log lines can come first and start with '[' too ("[2026-01-01T00:00:00.000+0000] {plugins.py:37} INFO ..." on
  // Airflow 2.11): the answer is the first '[' line from which the rest of stdout parses as a JSON list.
  for (let start = 0; start < lines.length; start++) {
    if (!lines[start]!.trimStart().startsWith('[')) continue;
    let data: unknown;
    try {
      data = JSON.parse(lines.slice(start).join('\n'));
    } catch {
      continue;
    }
    if (isUnknownArray(data)) {
      return data.map((d) => (isRecord(d) ? { filepath: textOf(d.filepath), error: textOf(d.error) } : { filepath: '', error: '' }));
    }
  }
  const detail = (out.stderr.trim() || out.stdout.trim()).split('\n').slice(-5).join('\n');
  throw new SyncError('DS637', `could not read the answer of 'airflow ${IMPORT_ERRORS_COMMAND}':\n${detail}`);
}

/**
 * A reported path relative to the DAG folder: the part after MWAA's DAG folder (wherever that folder is
 * mounted), or a relative path as Airflow 3 records for bundles; undefined for any other absolute path.
 */
export function dagFolderPath(filepath: string): string | undefined {
  const at = filepath.indexOf(MWAA_DAGS_FOLDER);
  if (at >= 0) return filepath.slice(at + MWAA_DAGS_FOLDER.length);
  if (!filepath.startsWith('/')) return filepath.replace(/^\.\//, '');
  return undefined;
}

/** Splits import errors into ours (files dagsmith deployed, relative to the DAG folder) and everyone else's. */
export function attributeImportErrors(entries: readonly ImportErrorEntry[], ourFiles: readonly string[]): VerifyResult {
  const mine = new Set(ourFiles);
  const ours: { file: string; error: string }[] = [];
  const others: ImportErrorEntry[] = [];
  for (const e of entries) {
    const rel = dagFolderPath(e.filepath);
    if (rel !== undefined && mine.has(rel)) ours.push({ file: rel, error: e.error });
    else others.push(e);
  }
  ours.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { ours, others };
}

export async function verifyImports(client: MWAAClient, envName: string, ourFiles: readonly string[], opts: CliOptions): Promise<VerifyResult> {
  const out = await runMwaaCli(client, envName, IMPORT_ERRORS_COMMAND, opts);
  return attributeImportErrors(parseImportErrors(out), ourFiles);
}

/** The last line of a traceback is the error itself ("ModuleNotFoundError: No module named 'x'"). */
export function errorHeadline(traceback: string): string {
  const lines = traceback
    .trimEnd()
    .split('\n')
    .filter((l) => l.trim() !== '');
  return (lines[lines.length - 1] ?? traceback).trim();
}

/**
 * The line of `file` (a path in the DAG folder) where the import failed: the traceback's last frame in that file.
 * The deployed file is the compiled one, so the line is the same in the local out dir.
 */
export function importErrorLine(traceback: string, file: string): number | undefined {
  let line: number | undefined;
  for (const m of traceback.matchAll(/File "([^"]*)", line (\d+)/g)) {
    if (m[1] === file || m[1]!.endsWith(`/${file}`)) line = Number(m[2]);
  }
  return line;
}

export interface VerifyReport {
  /** DS635 for each file of ours that failed, at its compiled file in `outDir` (the line of the failed import). */
  readonly diagnostics: readonly Diagnostic[];
  /** What was checked: printed unless --quiet. */
  readonly notes: readonly string[];
}

/** The report of `--verify`: a diagnostic per failed file of ours, then the count of failures and of other files' errors. */
export function verifyReport(envName: string, result: VerifyResult, checked: number, outDir: string): VerifyReport {
  const diagnostics = result.ours.map((e) => {
    const line = importErrorLine(e.error, e.file) ?? 1;
    const range = { line, col: 1, endLine: line, endCol: 1 };
    return makeDiagnostic('DS635', `${outDir}/${e.file}`, range, `Airflow on '${envName}' cannot import it: ${errorHeadline(e.error)}`);
  });
  const lines: string[] = [];
  if (result.ours.length === 0) lines.push(`verify: MWAA environment '${envName}' imported all ${checked} DAG file(s) dagsmith deployed`);
  else lines.push(`verify: ${result.ours.length} of ${checked} DAG file(s) dagsmith deployed failed to import on '${envName}'`);
  if (result.others.length > 0) {
    lines.push(
      `verify: ${result.others.length} other file(s) in the environment have import errors (not deployed by dagsmith): ${result.others.map((o) => dagFolderPath(o.filepath) ?? o.filepath).join(', ')}`,
    );
  }
  return { diagnostics, notes: lines };
}
