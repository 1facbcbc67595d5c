import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { buildPluginsZip, collectPluginFiles, pluginsZipFromFolder } from '../../src/sync/plugins-zip';
import { SyncUsageError } from '../../src/sync/sync-error';
import { makeTemp, removeTemp } from '../helpers/cli';
import { parseJsonAs } from '../helpers/json';
import { PYTHON } from '../helpers/python';

function writeTree(root: string, files: readonly [string, string][]): void {
  for (const [rel, text] of files) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

const FILES: [string, string][] = [
  ['operators/__init__.py', ''],
  ['operators/feature_store.py', 'class FeatureStoreOperator: ...\n'],
  ['hooks/feature_hook.py', 'X = 1\n'],
  ['__proto__', 'a file with an awkward name\n'],
  ['README.md', '# plugins\n'],
];

/** What Python's zipfile (the reader MWAA uses) sees in a zip: names, modes, dates, contents. */
interface ZipEntry {
  name: string;
  mode: string;
  date: number[];
  text: string;
}

function readWithPython(zip: Buffer): ZipEntry[] {
  const script = [
    'import io, sys, json, zipfile',
    'z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))',
    'print(json.dumps([{"name": i.filename, "mode": oct(i.external_attr >> 16), "date": list(i.date_time),',
    '  "text": z.read(i).decode("utf-8")} for i in z.infolist()]))',
  ].join('\n');
  const res = spawnSync(PYTHON, ['-c', script], { input: zip, maxBuffer: 1 << 26 });
  if (res.status !== 0) throw new Error(`python zipfile failed: ${res.stderr.toString('utf8')}`);
  return parseJsonAs<ZipEntry[]>(res.stdout.toString('utf8'));
}

describe('plugins.zip', () => {
  let dirs: string[] = [];
  const temp = (): string => {
    const d = makeTemp('plugins');
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs) removeTemp(d);
    dirs = [];
  });

  it('gives identical bytes for an unchanged folder after fresh timestamps, modes and creation order', () => {
    const a = temp();
    const b = temp();
    writeTree(a, FILES);
    writeTree(b, [...FILES].reverse());
    // A fresh checkout: new mtimes everywhere, an executable bit, a umask difference.
    for (const [rel] of FILES) utimesSync(join(b, rel), new Date('2031-05-06T07:08:09Z'), new Date('2031-05-06T07:08:09Z'));
    chmodSync(join(b, 'hooks/feature_hook.py'), 0o755);
    chmodSync(join(b, 'README.md'), 0o600);
    const zipA = pluginsZipFromFolder(a);
    expect(pluginsZipFromFolder(a).equals(zipA)).to.equal(true);
    expect(pluginsZipFromFolder(b).equals(zipA)).to.equal(true);
  });

  it('does not depend on the time zone of the machine that builds it', () => {
    const dir = temp();
    writeTree(dir, FILES);
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const utc = pluginsZipFromFolder(dir);
      process.env.TZ = 'Pacific/Kiritimati';
      const plus14 = pluginsZipFromFolder(dir);
      process.env.TZ = 'America/Los_Angeles';
      const minus8 = pluginsZipFromFolder(dir);
      expect(plus14.equals(utc)).to.equal(true);
      expect(minus8.equals(utc)).to.equal(true);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('changes when a file changes, is added or is renamed', () => {
    const dir = temp();
    writeTree(dir, FILES);
    const before = pluginsZipFromFolder(dir);
    writeFileSync(join(dir, 'hooks/feature_hook.py'), 'X = 2\n');
    const edited = pluginsZipFromFolder(dir);
    expect(edited.equals(before)).to.equal(false);
    writeFileSync(join(dir, 'hooks/extra.py'), '');
    expect(pluginsZipFromFolder(dir).equals(edited)).to.equal(false);
  });

  it('is read by Python zipfile with sorted entries, mode 0644, the 1980 epoch and the exact contents', () => {
    const dir = temp();
    writeTree(dir, [...FILES, ['operators/__pycache__/feature_store.cpython-311.pyc', 'bytecode'], ['stale.pyc', 'x'], ['.DS_Store', 'x']]);
    const entries = readWithPython(pluginsZipFromFolder(dir));
    expect(entries.map((e) => e.name)).to.deep.equal([
      'README.md',
      '__proto__',
      'hooks/feature_hook.py',
      'operators/__init__.py',
      'operators/feature_store.py',
    ]);
    for (const e of entries) {
      expect(e.mode).to.equal('0o100644');
      expect(e.date).to.deep.equal([1980, 1, 1, 0, 0, 0]);
    }
    expect(entries.find((e) => e.name === 'operators/feature_store.py')!.text).to.equal('class FeatureStoreOperator: ...\n');
    expect(entries.find((e) => e.name === '__proto__')!.text).to.equal('a file with an awkward name\n');
  });

  it('sorts entries itself, whatever order it is given', () => {
    const files = [
      { path: 'b.py', data: Buffer.from('b') },
      { path: 'a/z.py', data: Buffer.from('z') },
      { path: 'a.py', data: Buffer.from('a') },
    ];
    expect(buildPluginsZip(files).equals(buildPluginsZip([...files].reverse()))).to.equal(true);
  });

  it('refuses a symbolic link (it could pack a file from outside the project)', () => {
    const dir = temp();
    writeTree(dir, FILES);
    symlinkSync('/etc/hostname', join(dir, 'operators', 'leak.txt'));
    expect(() => collectPluginFiles(dir))
      .to.throw(SyncUsageError, 'plugins/operators/leak.txt is a symbolic link')
      .with.property('code', 'DS636');
  });
});
