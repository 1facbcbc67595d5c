/**
 * The escaping function of each output format (src/diagnostics/inert.ts), as properties over any string: the result
 * is inert (no control or bidi character, no `##[`, no workflow command at a line start, no way out of a code span)
 * and, where the format carries data (JSON), exact.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { formatReport } from '../../src/diagnostics/format';
import { inertJson, inertText, markdownCode, markdownText, sarifText } from '../../src/diagnostics/inert';
import type { Diagnostic } from '../../src/diagnostics/types';
import { dotString } from '../../src/graph/dot';
import { mermaidText } from '../../src/graph/mermaid';
import { expectInertLines, FORBIDDEN, HOSTILE, outsideCodeSpans } from '../helpers/hostile';

/** Strings rich in what matters here: controls, bidi, backticks, brackets, colons, hashes, pipes, blanks. */
const nasty = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      ':',
      '#',
      '[',
      ']',
      '`',
      '|',
      '\\',
      ' ',
      '\t',
      '\n',
      '\r',
      '\u0085',
      '\u2028',
      '\u202e',
      '\u2066',
      '\u001b',
      '\u007f',
      '<',
      '!',
      '-',
    ),
    fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }),
  ),
  maxLength: 40,
});

describe('inert output: one escaping function per format', () => {
  it('inertText: one line, no controls or bidi, no ##[, no :: at its start, readable', () => {
    expect(inertText('a\nb')).to.equal('a\\u000ab');
    expect(inertText('::warning::x')).to.equal('\\u003a:warning::x');
    expect(inertText('  ::x')).to.equal('  \\u003a:x');
    expect(inertText('x ##[warning]y ###[z')).to.equal('x #\\u0023[warning]y ##\\u0023[z');
    expect(inertText('\u202ecba \u0085')).to.equal('\\u202ecba \\u0085');
    expect(inertText('plain text: café, 日本, emoji 🚀')).to.equal('plain text: café, 日本, emoji 🚀');
    fc.assert(
      fc.property(nasty, (s) => {
        const out = inertText(s);
        expect(out).not.to.match(FORBIDDEN);
        expect(out).not.to.contain('\n');
        expect(out).not.to.contain('##[');
        expect(out.trimStart().startsWith('::')).to.equal(false);
      }),
    );
  });

  it('inertJson: parses back to exactly the value, and its text is inert', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ message: nasty, file: nasty })), (value) => {
        const text = inertJson(value);
        expect(JSON.parse(text)).to.deep.equal(value);
        expectInertLines('json', text);
      }),
    );
  });

  it('sarifText: inert text with \\, [ and ] escaped (SARIF reads [text](target) as a link)', () => {
    expect(sarifText('see [x](https://e) \\ ok')).to.equal('see \\[x\\](https://e) \\\\ ok');
    fc.assert(
      fc.property(nasty, (s) => {
        const out = sarifText(s);
        // Every '[' or ']' is escaped: taking out the escape pairs leaves none.
        expect(out.replace(/\\[\\[\]]/g, '')).not.to.match(/[[\]]/);
        expect(out).not.to.match(FORBIDDEN);
      }),
    );
  });

  it('SARIF results: message text has its brackets escaped, the log is inert JSON (finding 9)', () => {
    const d: Diagnostic = {
      code: 'DS302',
      severity: 'error',
      message: `unknown step '[x](https://evil.example)' ${HOSTILE}`,
      file: 'p.yaml',
      line: 1,
      col: 1,
      path: [],
    };
    const info = { code: 'DS302', name: 'n', shortDescription: 's', fullDescription: 'f', defaultSeverity: 'error' as const };
    const text = formatReport([d], 'sarif', { toolVersion: '0', repoPrefix: '', ruleInfo: () => info });
    expectInertLines('sarif', text);
    const log = JSON.parse(text) as { runs: { results: { message: { text: string } }[] }[] };
    const message = log.runs[0]!.results[0]!.message.text;
    expect(message).to.contain("unknown step '\\[x\\](https://evil.example)'");
    expect(message.replace(/\\[\\[\]]/g, '')).not.to.match(/[[\]]/);
  });

  it('markdownCode: one code span whatever the value holds, inert inside', () => {
    fc.assert(
      fc.property(nasty, fc.boolean(), (s, inTable) => {
        const out = markdownCode(s, { inTable });
        expect(outsideCodeSpans(out).trim()).to.equal('CODE');
        expect(out).not.to.match(FORBIDDEN);
        expect(out).not.to.contain('##[');
        if (inTable) expect(out.replace(/\\\|/g, '')).not.to.contain('|');
      }),
    );
    // In a sentence, a value cannot end its span early nor open markup after it.
    const md = `Deletes ${markdownCode(HOSTILE)} and ${markdownCode('`')}.`;
    expect(outsideCodeSpans(md)).to.equal('Deletes  CODE  and  CODE .');
  });

  it('markdownText: every Markdown punctuation escaped, one line, inert', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const out = markdownText(s);
        expect(out).not.to.match(FORBIDDEN);
        expect(out).not.to.match(/[\n\r<>]/);
        // Take the escapes away: no punctuation with a meaning in Markdown is left.
        expect(out.replace(/\\[\\`*_{}[\]()#+\-.!|~@:"'=$%^?;/,]/g, '').replace(/&(amp|lt|gt);/g, '')).not.to.match(/[`*_[\]|#@<>&]/);
      }),
    );
  });

  it('graph labels: Mermaid and DOT strings are inert, with their own quoting', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const m = mermaidText(s);
        expect(m).not.to.match(/["<>`\n]/);
        expect(m).not.to.match(FORBIDDEN);
        const d = dotString(s, s);
        // One DOT string: quotes inside are escaped, so the only unescaped quotes are its ends.
        expect(d.slice(1, -1).replace(/\\\\/g, '').replace(/\\"/g, '')).not.to.contain('"');
        expect(d).not.to.match(FORBIDDEN);
        expect(d).not.to.contain('##[');
      }),
    );
  });
});
