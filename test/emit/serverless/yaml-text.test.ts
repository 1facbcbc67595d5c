/**
 * The YAML writer of workflow definitions (src/emit/serverless/yaml-text.ts): each rule on its own. That dag-factory's
 * loader (os.path.expandvars, then PyYAML's FullLoader) reads every string back unchanged is proven against the real
 * loader in test/serverless/workflow.test.ts (@airflow); here the text the rules produce is pinned.
 */
import { expect } from 'chai';
import { parse } from 'yaml';
import { doubleQuoted, yamlDocument, yamlKey, yamlNumber, yamlString } from '../../../src/emit/serverless/yaml-text';
import { timedeltaValue, type YamlValue } from '../../../src/emit/serverless/values';

describe('workflow YAML writer', () => {
  it('writes name-like strings plain, and YAML 1.1 words, numbers and dates quoted', () => {
    for (const s of ['acme-raw', 'airflow.providers.amazon.aws.sensors.s3.S3KeySensor', 'a/b_c-d.e', '_x']) expect(yamlString(s, '')).to.equal(s);
    for (const s of [
      'yes',
      'No',
      'ON',
      'off',
      'y',
      'N',
      'true',
      'False',
      'null',
      'NULL',
      '~',
      '',
      '1e5',
      '0755',
      '12:30',
      '2026-01-01',
      '.inf',
      '-x',
      '0x1f',
    ]) {
      expect(yamlString(s, ''), s).to.match(/^"/);
    }
  });

  it('writes $ as \\x24 so that os.path.expandvars leaves it alone, in values, keys and literal blocks', () => {
    expect(doubleQuoted('$HOME ${PATH} $$')).to.equal('"\\x24HOME \\x24{PATH} \\x24\\x24"');
    expect(yamlKey('$KEY')).to.equal('"\\x24KEY"');
    expect(yamlString('a $B\nc\n', '  ')).to.equal('"a \\x24B\\nc\\n"');
    expect(yamlDocument(new Map([['k', 'x$y']]))).to.not.include('$');
  });

  it('escapes controls, separators and invisible characters, and keeps other text raw', () => {
    expect(doubleQuoted('a"b\\c\n\t\r\0\x7f\x9b')).to.equal('"a\\"b\\\\c\\n\\t\\r\\x00\\x7f\\x9b"');
    expect(doubleQuoted('\u2028\u2029\x85\ufeff\u202e\u2066\u200b')).to.equal('"\\u2028\\u2029\\x85\\ufeff\\u202e\\u2066\\u200b"');
    expect(doubleQuoted('\u{e0041}')).to.equal('"\\U000e0041"');
    expect(doubleQuoted('😀 漢字 שלום é')).to.equal('"😀 漢字 שלום é"');
  });

  it('writes multi-line printable text as a literal block with the chomping its trailing line breaks need', () => {
    expect(yamlString('a\nb', '  ')).to.equal('|-\n  a\n  b');
    expect(yamlString('a\nb\n', '  ')).to.equal('|\n  a\n  b');
    expect(yamlString('a\n\nb\n\n\n', '  ')).to.equal('|+\n  a\n\n  b\n\n');
    // A first line starting with a space or a line break, or a character to escape: quoted instead.
    expect(yamlString(' a\nb', '  ')).to.match(/^"/);
    expect(yamlString('\na', '  ')).to.match(/^"/);
    expect(yamlString('a\r\nb', '  ')).to.match(/^"/);
    expect(yamlString('a\n\u202eb', '  ')).to.match(/^"/);
  });

  it('writes numbers as PyYAML reads them: integers in digits, floats with a dot and a signed exponent', () => {
    expect([0, -0, 7, -12, 2 ** 53 - 1].map(yamlNumber)).to.deep.equal(['0', '0', '7', '-12', '9007199254740991']);
    // Beyond 2^53 a number is a float in a spec (larger integers are refused when loading, DS107).
    expect([2 ** 53, 1e21].map(yamlNumber)).to.deep.equal(['9.007199254740992e+15', '1.0e+21']);
    expect([0.5, -1.25, 1e-7, 1.5e300, 6.02e23].map(yamlNumber)).to.deep.equal(['0.5', '-1.25', '1.0e-7', '1.5e+300', '6.02e+23']);
    expect([Infinity, -Infinity].map(yamlNumber)).to.deep.equal(['.inf', '-.inf']);
  });

  it('writes a document the yaml library reads back as the same data (YAML 1.1 mode)', () => {
    const doc = new Map<string, YamlValue>([
      [
        'dag',
        new Map<string, YamlValue>([
          ['dag_id', 'dag'],
          ['schedule', null],
          ['empty_map', new Map()],
          ['empty_list', []],
          ['flow', ['a', 'b c', 1, true, null]],
          [
            'nested',
            [
              new Map<string, YamlValue>([
                ['x', 1],
                ['y', [1, [2, 3]]],
              ]),
              [new Map<string, YamlValue>([['z', 'yes']])],
              'text',
            ],
          ],
          [
            'td',
            timedeltaValue([
              ['hours', 1],
              ['minutes', 30],
            ]),
          ],
          ['block', 'SELECT 1\nFROM t\n'],
          ['"quoted key"', 'v'],
        ]),
      ],
    ]);
    const text = yamlDocument(doc);
    const back = parse(text, { version: '1.1' }) as Record<string, Record<string, unknown>>;
    expect(back.dag).to.deep.equal({
      dag_id: 'dag',
      schedule: null,
      empty_map: {},
      empty_list: [],
      flow: ['a', 'b c', 1, true, null],
      nested: [{ x: 1, y: [1, [2, 3]] }, [{ z: 'yes' }], 'text'],
      td: { __type__: 'datetime.timedelta', hours: 1, minutes: 30 },
      block: 'SELECT 1\nFROM t\n',
      '"quoted key"': 'v',
    });
  });
});
