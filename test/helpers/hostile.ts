/**
 * Hostile text for the "output is inert" tests: everything a pull request (pipelines, config, file names, TypeScript
 * code) or a bucket (object names, a forged manifest or lock) can put into a string, and the checks every output
 * line must pass. GitHub Actions reads every line a step prints for workflow commands: `::name ...::data` at the
 * start of a line (after blanks), and the older `##[name]data` anywhere in a line (actions/runner,
 * src/Runner.Common/ActionCommand.cs: TryParseV2 trims the line and looks for "::" at its start; TryParse looks
 * for "##[" with IndexOf).
 */
import { expect } from 'chai';

/** The examples in one string: workflow commands, Markdown and HTML, backticks, bidi, C1, ANSI, CR. */
export const HOSTILE =
  'c\n::warning file=README.md,line=1::forged\n::add-mask::x\n::stop-commands::tok\n  ::error::indented\n##[warning]v1-forged ' +
  '\n# heading <img src=x onerror=alert(1)> [link](https://evil.example) <!-- `tick` ``two`` \u202e bidi \u2066 iso ' +
  '\u0085 c1 \u2028 ls \u001b[31m ansi \r cr';

/** A file or folder name (no '/', no NUL) with the same kinds of content. */
export const HOSTILE_NAME = 'x\n::warning file=README.md::fname ##[error]f <img src=x> [l](evil.example) `t` \u202e \u0085';

/** Characters that must never reach an output: C0 (other than the line feed between lines), DEL, C1, bidi controls. */
// eslint-disable-next-line no-control-regex
export const FORBIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A line that GitHub Actions would read as a workflow command of ours: `::error file=...,line=...::message`. */
const OUR_ANNOTATION = /^::(error|warning|notice) (?:[A-Za-z]+=[^,:]*)(?:,[A-Za-z]+=[^,:]*)*::/;
/** The count `lint --format github` ends with, for the log (not a command). */
const OUR_SUMMARY = /^\d+ errors?, \d+ warnings?$/;

/**
 * Every line of `text` is inert: no workflow command (unless `annotations`, where each line must be exactly one
 * annotation of ours, whose properties carry no '::', or the closing count), no `##[` anywhere, no control or bidi characters.
 */
export function expectInertLines(label: string, text: string, opts: { annotations?: boolean } = {}): void {
  expect(text, `${label}: control or bidi characters`).not.to.match(FORBIDDEN);
  text.split('\n').forEach((line, i) => {
    const where = `${label}, line ${i + 1}: ${JSON.stringify(line.slice(0, 200))}`;
    expect(line, where).not.to.contain('##[');
    if (opts.annotations && line !== '' && !OUR_SUMMARY.test(line)) expect(line, `${where} is not one annotation of ours`).to.match(OUR_ANNOTATION);
    else expect(line.trimStart().startsWith('::'), `${where} starts a workflow command`).to.equal(false);
  });
}

/**
 * `markdown` with its code spans taken out (CommonMark: a run of n backticks up to the next run of exactly n):
 * what is left is what a Markdown renderer reads as markup.
 */
export function outsideCodeSpans(markdown: string): string {
  let out = '';
  let i = 0;
  while (i < markdown.length) {
    if (markdown[i] !== '`') {
      out += markdown[i++];
      continue;
    }
    let n = 0;
    while (markdown[i + n] === '`') n++;
    let j = i + n;
    let close = -1;
    while (j < markdown.length) {
      if (markdown[j] !== '`') {
        j++;
        continue;
      }
      let m = 0;
      while (markdown[j + m] === '`') m++;
      if (m === n) {
        close = j;
        break;
      }
      j += m;
    }
    if (close < 0) {
      out += markdown.slice(i, i + n);
      i += n;
    } else {
      out += ' CODE ';
      i = close + n;
    }
  }
  return out;
}

/** No hostile text is live Markdown or HTML: outside code spans there is none of it, and no tag, link or comment. */
export function expectInertMarkdown(label: string, markdown: string): void {
  expectInertLines(label, markdown);
  const live = outsideCodeSpans(markdown);
  for (const marker of ['forged', 'heading', 'evil.example', 'onerror', 'bidi', '<', '](', '<!--', 'fname']) {
    expect(live, `${label}: '${marker}' outside a code span`).not.to.contain(marker);
  }
}
