#!/usr/bin/env node
// `prepack` / `postpack` (npm runs them around `npm pack` and `npm publish`): the published package.json carries no
// development scripts, so installing dagsmith from a tarball or the registry sees no `prepare` (npm warns about
// install scripts) and no test or build commands that need the repository. `strip` builds dist/ first (npm reads
// the files after prepack), keeps the repository's package.json in a backup beside it and writes it without
// `scripts`; `restore` puts the backup back. A backup left by a pack that died stops the next `strip` instead of
// being overwritten.
'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const MANIFEST = join(ROOT, 'package.json');
const BACKUP = join(ROOT, '.package.json.before-pack');

/** The manifest as published: everything but the development scripts. */
function publishedManifest(manifest) {
  const { scripts: _scripts, ...rest } = manifest;
  return rest;
}

function strip() {
  if (existsSync(BACKUP)) {
    throw new Error(
      `${BACKUP} exists: an earlier pack did not finish; check package.json, then remove it (or run \`node scripts/pack-manifest.js restore\`)`,
    );
  }
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  const text = readFileSync(MANIFEST, 'utf8');
  writeFileSync(BACKUP, text);
  writeFileSync(MANIFEST, JSON.stringify(publishedManifest(JSON.parse(text)), null, 2) + '\n');
}

function restore() {
  if (existsSync(BACKUP)) renameSync(BACKUP, MANIFEST);
}

module.exports = { publishedManifest };

if (require.main === module) {
  const mode = process.argv[2];
  if (mode === 'strip') strip();
  else if (mode === 'restore') restore();
  else {
    console.error('usage: node scripts/pack-manifest.js strip|restore');
    process.exit(2);
  }
}
