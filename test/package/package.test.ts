/**
 * The npm package a user installs: every link of the README and every docs path dagsmith prints resolves inside it,
 * and its package.json carries no development scripts. The file list is npm's own (`npm pack --dry-run --json`); the
 * first-day test (test/e2e/first-day.test.ts) installs a real tarball.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The files `npm pack` puts in the package (without running prepack: the list does not depend on it). */
function packedFiles(): Set<string> {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [pack] = JSON.parse(out) as { files: { path: string }[] }[];
  return new Set(pack!.files.map((f) => f.path));
}

/** Whether a project-relative path is a packed file, or a folder with packed files in it. */
function resolves(files: ReadonlySet<string>, path: string): boolean {
  const p = posix.normalize(path).replace(/\/$/, '');
  return files.has(p) || [...files].some((f) => f.startsWith(`${p}/`));
}

/** GitHub's anchor for a heading: lowercase, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const abs = join(dir, e);
    return statSync(abs).isDirectory() ? sourceFiles(abs) : abs.endsWith('.ts') ? [abs] : [];
  });
}

describe('the npm package', function () {
  this.timeout(60_000);
  let files: Set<string>;
  before(() => (files = packedFiles()));

  it('ships the user docs, the examples, the CLI and the schema', () => {
    for (const f of ['README.md', 'bin/dagsmith.js', 'dist/cli/main.js', 'schemas/pipeline.schema.json', 'dagsmith.config.yaml']) {
      expect(files.has(f), f).to.equal(true);
    }
    const docs = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md'));
    for (const d of docs) expect(files.has(`docs/${d}`), `docs/${d}`).to.equal(true);
    for (const r of readdirSync(join(ROOT, 'docs/rules'))) expect(files.has(`docs/rules/${r}`), `docs/rules/${r}`).to.equal(true);
    for (const p of [
      'pipelines/customer_features.yaml',
      'pipelines/partner_feeds.ts',
      'pipelines/_lib/standards.ts',
      'pipelines/sql/session_features_ctas.sql',
    ]) {
      expect(files.has(p), p).to.equal(true);
    }
    // What `dagsmith test` needs on a user's machine: the runner's Python module and the pins of the virtualenvs it
    // builds (each MWAA Airflow version, moto); nothing else of the repository's own machinery.
    expect(files.has('python/dagsmith_runner/__init__.py')).to.equal(true);
    for (const v of ['airflow-2.10.3', 'airflow-3.3.1', 'moto']) expect(files.has(`requirements/${v}/constraints.txt`), v).to.equal(true);
    const shipped = /^(python\/dagsmith_runner\/|requirements\/(README\.md$|airflow-[\d.]+\/|moto\/))/;
    for (const f of files) if (!shipped.test(f)) expect(f, f).to.not.match(/^(src|test|scripts|python|requirements)\//);
  });

  it('every link of the README, and every path it names in docs/, schemas/ or pipelines/, resolves inside the package', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const anchors = new Set([...readme.matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1]!)));
    const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    expect(links.length).to.be.greaterThan(0);
    for (const link of links) {
      if (/^https?:/.test(link)) continue;
      if (link.startsWith('#')) expect(anchors.has(link.slice(1)), `README link ${link}`).to.equal(true);
      else expect(resolves(files, link.replace(/#.*$/, '')), `README link ${link}`).to.equal(true);
    }
    const named = [...readme.matchAll(/`((?:docs|schemas|pipelines)\/[A-Za-z0-9_./-]*)`/g)].map((m) => m[1]!);
    expect(named).to.include('docs/pipeline-spec.md');
    for (const path of named) if (!path.includes('<')) expect(resolves(files, path), `README names ${path}`).to.equal(true);
  });

  it('every docs/ path in dagsmith\u2019s source (messages, hints, generated docs links) resolves inside the package', () => {
    const seen = new Set<string>();
    for (const abs of sourceFiles(join(ROOT, 'src'))) {
      for (const m of readFileSync(abs, 'utf8').matchAll(/\bdocs\/[A-Za-z0-9_-]+(?:\/|\.md)?(?:[A-Za-z0-9_-]+\.md)?/g)) {
        const path = m[0];
        seen.add(path);
        expect(resolves(files, path), `${relative(ROOT, abs)} names ${path}`).to.equal(true);
      }
    }
    for (const p of ['docs/step-kinds.md', 'docs/rules/', 'docs/diagnostics.md']) expect(seen, p).to.include(p);
  });

  it('says where it comes from, and publishes package.json without the development scripts', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { scripts: Record<string, string> };
    expect(pkg.repository).to.deep.equal({ type: 'git', url: 'git+https://github.com/dagsmith/dagsmith.git' });
    expect(pkg.homepage).to.be.a('string');
    expect(pkg.bugs).to.have.property('url');
    // The repository keeps its scripts (a fresh clone builds with `prepare`); the packed manifest has none.
    expect(pkg.scripts).to.include.keys('prepare', 'prepack', 'postpack', 'test');
    const { publishedManifest } = require('../../scripts/pack-manifest.js') as { publishedManifest: (m: object) => Record<string, unknown> };
    const published = publishedManifest(pkg);
    expect(published).to.not.have.property('scripts');
    expect(published).to.deep.equal(Object.fromEntries(Object.entries(pkg).filter(([k]) => k !== 'scripts')));
  });
});
