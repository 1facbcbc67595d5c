/** src/base/python-jsonschema-formats.ts: JSON Schema formats as Airflow's jsonschema checks them, without Python. */
import { expect } from 'chai';
import { formatError, formatRefusal, FORMATS_BY_TARGET } from '../../src/base/python-jsonschema-formats';

const ok = (format: string, value: unknown, target = '2.10.3') => formatError(format, value, target) === undefined;

describe('src/base/python-jsonschema-formats.ts', () => {
  it('checks the formats each target\u2019s FormatChecker has, and no others', () => {
    expect(ok('date-time', 'x', '2.10.3')).to.be.false; // rfc3339-validator is installed with Airflow 2
    expect(ok('date-time', 'x', '3.3.1')).to.be.true; // and not with Airflow 3
    expect(ok('duration', 'x', '3.3.1')).to.be.false; // isoduration comes with Airflow 3.3.1
    expect(ok('duration', 'x', '3.0.6')).to.be.true;
    for (const f of ['uri', 'hostname', 'color', 'no-such-format']) expect(ok(f, '\u0000 not one', '2.10.3'), f).to.be.true;
    expect([...FORMATS_BY_TARGET.keys()]).to.deep.equal(['2.10.3', '2.11.2', '3.0.6', '3.3.1']);
  });

  it('reads time as draft 3 does (strptime %H:%M:%S), not as RFC 3339', () => {
    expect(ok('time', '1:2:3')).to.be.true;
    expect(ok('time', '12:00:00Z')).to.be.false;
    expect(ok('time', '23:59:60')).to.be.false;
    expect(ok('time', '1\u0662:00:00')).to.be.true; // Arabic-Indic digit two: strptime's \d is Unicode
  });

  it('reads date, ipv4, ipv6 and uuid as Python 3.11 does', () => {
    expect(ok('date', '2020-02-29')).to.be.true;
    expect(ok('date', '2021-02-29')).to.be.false;
    expect(ok('date', '0000-01-01')).to.be.false;
    expect(ok('ipv4', '01.0.0.0')).to.be.false;
    expect(ok('ipv6', '::ffff:1.2.3.4')).to.be.true;
    expect(ok('ipv6', 'fe80::1%eth0')).to.be.false;
    expect(ok('uuid', ' 2345678-1234-1234-1234-123456789012')).to.be.true; // int(x, 16) strips whitespace
    expect(ok('uuid', '{12345678-1234-1234-1234-123456789012}')).to.be.false;
    expect(ok('date-time', '2020-01-01t00:00:00z\n')).to.be.true; // upper() and a $ before the final newline
  });

  it('refuses durations that overflow Python\u2019s decimal context (decimal.Overflow escapes jsonschema)', () => {
    expect(ok('duration', 'P1e999999D', '3.3.1')).to.be.true;
    expect(ok('duration', 'P1e1000000D', '3.3.1')).to.be.false;
    expect(ok('duration', 'P0Y1W', '3.3.1')).to.be.true;
    expect(ok('duration', 'P1Y1W', '3.3.1')).to.be.false;
  });

  it('says where it refuses without knowing Python\u2019s answer', () => {
    expect(formatRefusal('idn-hostname', 'b\u00fccher.de', '2.10.3')?.conservative).to.be.true;
    expect(formatRefusal('idn-hostname', 'ex_ample.com', '2.10.3')?.conservative).to.be.false;
    expect(formatRefusal('regex', '\\N{EM DASH}', '2.10.3')?.conservative).to.be.true;
    expect(formatRefusal('json-pointer', 'a/b', '3.0.6')?.conservative).to.be.true;
    expect(formatRefusal('json-pointer', 'a/b', '3.3.1')).to.equal(undefined);
  });

  it('lets values other than strings pass, as every format check does', () => {
    for (const v of [1, true, null, [], {}]) expect(ok('date', v)).to.be.true;
  });
});
