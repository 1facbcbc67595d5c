import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstInvalidUtf8, MAX_FILE_BYTES, readTextFile } from '../../src/load/text';
import { makeTemp, removeTemp } from '../helpers/cli';

describe('load/text readTextFile', () => {
  let dir = '';
  afterEach(() => {
    if (dir) removeTemp(dir);
    dir = '';
  });
  const file = (name: string, bytes: Buffer | string) => {
    dir ||= makeTemp('text');
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };

  it('reads UTF-8, keeping a byte-order mark and U+FFFD that is really in the file', () => {
    expect(readTextFile(file('a.yaml', '\uFEFFid: caf\u00e9 \uFFFD\n'))).to.deep.equal({ ok: true, text: '\uFEFFid: caf\u00e9 \uFFFD\n' });
  });

  it('refuses invalid UTF-8 with the position of the first bad byte (DS145)', () => {
    const read = readTextFile(file('b.yaml', Buffer.from('a: 1\nb: "x\u00e9', 'utf8').subarray(0, 11)));
    expect(read).to.deep.equal({
      ok: false,
      code: 'DS145',
      message: 'the file is not valid UTF-8 (byte 0xc3 at offset 10); save it as UTF-8',
      range: { line: 2, col: 6, endLine: 2, endCol: 7 },
    });
  });

  it('firstInvalidUtf8 finds overlong forms, surrogates, stray continuation bytes and truncated sequences', () => {
    const at = (...bytes: number[]) => firstInvalidUtf8(Uint8Array.from(bytes));
    expect(at(0x61, 0x62)).to.equal(2);
    expect(at(0x61, 0xc0, 0x80)).to.equal(1); // overlong NUL
    expect(at(0xe0, 0x80, 0x80)).to.equal(0); // overlong
    expect(at(0xed, 0xa0, 0x80)).to.equal(0); // a UTF-16 surrogate
    expect(at(0x61, 0x80)).to.equal(1);
    expect(at(0xf0, 0x9f, 0x98)).to.equal(0); // truncated emoji
    expect(at(0xf0, 0x9f, 0x98, 0x80)).to.equal(4);
    expect(at(0xf4, 0x90, 0x80, 0x80)).to.equal(0); // beyond U+10FFFF
  });

  it(`refuses a file over ${MAX_FILE_BYTES} bytes before reading it (DS146)`, () => {
    const read = readTextFile(file('big.yaml', Buffer.alloc(MAX_FILE_BYTES + 1, 0x20)));
    expect(read).to.deep.equal({
      ok: false,
      code: 'DS146',
      message: `the file is ${MAX_FILE_BYTES + 1} bytes; dagsmith reads files of at most ${MAX_FILE_BYTES} bytes`,
    });
  });

  it('refuses what is not a regular file instead of blocking on it (a FIFO, a /proc file)', () => {
    dir = makeTemp('text');
    execFileSync('mkfifo', [join(dir, 'fifo.sql')]);
    const notRegular = { ok: false, code: 'DS100', message: 'cannot read the file: it is not a regular file' };
    expect(readTextFile(join(dir, 'fifo.sql'))).to.deep.equal(notRegular);
    expect(readTextFile(dir)).to.deep.equal(notRegular);
    expect(readTextFile(join(dir, 'missing.sql'))).to.deep.equal({
      ok: false,
      code: 'DS100',
      message: 'cannot read the file (ENOENT: no such file or directory)',
    });
  });
});
