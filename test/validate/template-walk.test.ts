import { expect } from 'chai';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Reporter } from '../../src/diagnostics/reporter';
import { loadSpecFiles } from '../../src/load/index';
import { forEachTemplateString, looksLikeTemplate } from '../../src/validate/templates';
import { resolveVariables } from '../../src/validate/vars';
import { isRecord } from '../../src/util/is-record';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** The general walk: own keys by Object.keys, every string that looks like a template, with a copy of its path. */
function reference(v: unknown, path: (string | number)[], out: [string, string][]): void {
  if (typeof v === 'string') {
    if (looksLikeTemplate(v)) out.push([v, JSON.stringify(path)]);
  } else if (Array.isArray(v)) {
    v.forEach((x, i) => reference(x, [...path, i], out));
  } else if (isRecord(v)) {
    for (const k of Object.keys(v)) reference(v[k], [...path, k], out);
  }
}

/**
 * walkTemplateStrings goes through a mapping's keys with for...in (no array of keys per mapping): on the resolved data
 * of every fixture pipeline (what the checks walk), the same strings at the same paths, in the same order.
 */
describe('forEachTemplateString (differential)', () => {
  it('visits what a walk by Object.keys visits, on the resolved data of every fixture pipeline', () => {
    let visited = 0;
    for (const name of readdirSync(FIXTURES)) {
      const dir = join(FIXTURES, name);
      if (!existsSync(join(dir, 'pipelines'))) continue;
      const files = readdirSync(join(dir, 'pipelines'))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => `pipelines/${f}`);
      for (const loaded of loadSpecFiles(dir, files)) {
        if (!loaded.spec) continue;
        const vars = new Map([
          ['bucket', 'b'],
          ['env', 'dev'],
        ]);
        const { data } = resolveVariables(loaded.spec.data, vars, new Reporter(loaded.spec.file, loaded.spec.locator));
        const got: [string, string][] = [];
        forEachTemplateString(data, [], (text, path) => got.push([text, JSON.stringify(path)]));
        const want: [string, string][] = [];
        reference(data, [], want);
        expect(got, `${name} ${loaded.spec.file}`).to.deep.equal(want);
        visited += got.length;
      }
    }
    expect(visited).to.be.greaterThan(100);
  });
});
