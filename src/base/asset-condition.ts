/**
 * Asset conditions of a data-aware schedule (`schedule: { assets: ... }`): a list of URIs and nested
 * `{ allOf: [...] }` / `{ anyOf: [...] }`, as Airflow combines assets with `&` and `|` (DatasetAll/DatasetAny on
 * Airflow 2, AssetAll/AssetAny on Airflow 3). A list means all of them, as Airflow reads a list.
 */

import type { SourceRange } from '../diagnostics/types';
import { s3UriError } from './s3-uri';

/** What one pipeline produces and consumes: all a compile keeps of it for the asset graph (cached with it). */
export interface PipelineAssets {
  readonly produces: readonly string[];
  /** The URIs of its asset schedule, each with where it is written. */
  readonly consumes: readonly { readonly uri: string; readonly range: SourceRange }[];
  /** The asset aliases its steps produce through (`producesAlias`). */
  readonly producesAliases?: readonly string[];
  /** The asset aliases its schedule names, each with where it is written. */
  readonly consumesAliases?: readonly { readonly name: string; readonly range: SourceRange }[];
  /**
   * Set when its runs are partitioned (`schedule: { cron | assets, partitioned }`), so its events carry their keys: the
   * format of those keys (a cron's keyFormat, a temporal mapper's outputFormat), or null when it passes its producers'
   * keys on unchanged (the identity mapper).
   */
  readonly partitionKeyFormat?: string | null;
  /** A partitioned consumer (`schedule: { assets, partitioned }`): a temporal mapper's input format (else null). */
  readonly partitionedConsumer?: { readonly inputFormat: string | null; readonly range: SourceRange };
}

export type AssetExpr =
  | { readonly op: 'uri'; readonly uri: string }
  /** An asset alias (`{ alias: name }`): the assets it resolves to when a producer records an event through it. */
  | { readonly op: 'alias'; readonly name: string }
  | { readonly op: 'all' | 'any'; readonly items: readonly AssetExpr[] };

/** The condition a validated spec value describes (validation has checked its shape: DS394). */
export function assetExprOf(value: unknown): AssetExpr {
  if (typeof value === 'string') return { op: 'uri', uri: value };
  if (Array.isArray(value)) return { op: 'all', items: value.map(assetExprOf) };
  const o = value as Record<string, unknown>;
  if (typeof o.alias === 'string') return { op: 'alias', name: o.alias };
  if (Array.isArray(o.anyOf)) return { op: 'any', items: o.anyOf.map(assetExprOf) };
  return { op: 'all', items: (o.allOf as unknown[]).map(assetExprOf) };
}

/** Every URI of a condition, each once, in the order written. */
export function assetUris(e: AssetExpr): string[] {
  const out: string[] = [];
  const stack: AssetExpr[] = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.op === 'uri') {
      if (!out.includes(x.uri)) out.push(x.uri);
    } else if (x.op === 'alias') continue;
    else for (let i = x.items.length - 1; i >= 0; i--) stack.push(x.items[i]!);
  }
  return out;
}

/** The condition in Airflow's operator notation, e.g. `s3://a/ & (s3://b/ | s3://c/)`. */
export function assetExprText(e: AssetExpr, nested = false): string {
  if (e.op === 'uri') return e.uri;
  if (e.op === 'alias') return `alias ${e.name}`;
  if (e.items.length === 1) return assetExprText(e.items[0]!, nested);
  const text = e.items.map((x) => assetExprText(x, true)).join(e.op === 'all' ? ' & ' : ' | ');
  return nested ? `(${text})` : text;
}

/**
 * Why Airflow would refuse an asset (dataset) URI, or undefined. URIs become `Asset(uri)` / `Dataset(uri)` when the
 * DAG file is imported, and Airflow refuses the file for URIs that are not ASCII, are blank, longer than 1,500
 * characters, or S3 URIs without a bucket (Airflow 3's S3 normalizer). dagsmith takes S3 URIs of printable ASCII,
 * whose rules it knows on every target.
 */
export function assetUriError(uri: string): { message: string; hint?: string } | undefined {
  const bad = /[^\x21-\x7e]/.exec(uri);
  if (bad) {
    const c = bad[0].codePointAt(0)!;
    return {
      message: `asset URI ${JSON.stringify(uri)} contains ${c === 0x20 ? 'a space' : `U+${c.toString(16).toUpperCase().padStart(4, '0')}`}; Airflow takes asset URIs of printable ASCII only`,
      hint: 'percent-encode other characters, e.g. %C3%A9 for \u00e9',
    };
  }
  if (uri.length > 1500) return { message: `asset URI is ${uri.length} characters long; Airflow takes at most 1500` };
  const err = s3UriError(uri);
  return err ? { message: `${err}; dagsmith takes S3 URIs (s3://bucket/prefix) as assets` } : undefined;
}

/**
 * The URI Airflow stores for an asset: the amazon provider's s3 sanitizer drops the trailing '/' of
 * `s3://bucket/prefix/` (a bucket-only `s3://bucket/` keeps it), so both spellings are one asset.
 */
export function airflowAssetUri(uri: string): string {
  const rest = uri.startsWith('s3://') ? uri.slice('s3://'.length) : '';
  return rest.endsWith('/') && rest.indexOf('/') < rest.length - 1 ? uri.slice(0, -1) : uri;
}

/** The URIs of a spec's asset condition with their JSON paths (the shape is validated: DS394). */
export function assetUrisWithPaths(value: unknown, at: readonly (string | number)[]): { uri: string; path: (string | number)[] }[] {
  const out: { uri: string; path: (string | number)[] }[] = [];
  const stack: [unknown, (string | number)[]][] = [[value, [...at]]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') out.push({ uri: v, path });
    else if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], [...path, i]]);
    else if (v !== null && typeof v === 'object') {
      for (const key of ['anyOf', 'allOf']) {
        if (Object.hasOwn(v, key)) stack.push([(v as Record<string, unknown>)[key], [...path, key]]);
      }
    }
  }
  return out;
}

/** Every alias name of a condition, each once, in the order written. */
export function assetAliases(e: AssetExpr): string[] {
  const out: string[] = [];
  const stack: AssetExpr[] = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.op === 'alias') {
      if (!out.includes(x.name)) out.push(x.name);
    } else if (x.op !== 'uri') for (let i = x.items.length - 1; i >= 0; i--) stack.push(x.items[i]!);
  }
  return out;
}

/**
 * Why Airflow would refuse an asset alias name, or undefined. Airflow 3 checks alias names when the DAG file is
 * imported (AssetAlias: not empty, not only whitespace, at most 1500 characters, ASCII on MySQL); Airflow 2.10/2.11
 * store them in a 3000-character column. dagsmith takes what every target and metadata database accepts: 1-1500
 * printable ASCII characters.
 */
export function assetAliasNameError(name: string): string | undefined {
  if (name.trim() === '') return 'an asset alias name cannot be empty or only spaces';
  const bad = /[^\x20-\x7e]/.exec(name);
  if (bad) {
    const c = bad[0].codePointAt(0)!;
    return `asset alias name ${JSON.stringify(name)} contains U+${c.toString(16).toUpperCase().padStart(4, '0')}; use printable ASCII, which every Airflow target and metadata database stores`;
  }
  if (name.length > 1500) return `asset alias name is ${name.length} characters long; Airflow takes at most 1500`;
  return undefined;
}

/** The alias names of a spec's asset condition with their JSON paths (the shape is validated: DS394). */
export function assetAliasesWithPaths(value: unknown, at: readonly (string | number)[]): { name: string; path: (string | number)[] }[] {
  const out: { name: string; path: (string | number)[] }[] = [];
  const stack: [unknown, (string | number)[]][] = [[value, [...at]]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], [...path, i]]);
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.alias === 'string') out.push({ name: o.alias, path: [...path, 'alias'] });
      for (const key of ['anyOf', 'allOf']) if (Object.hasOwn(o, key)) stack.push([o[key], [...path, key]]);
    }
  }
  return out;
}
