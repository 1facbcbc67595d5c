import { expect } from 'chai';
import { arnError, parseLocalDateTime, timezoneError } from '../../src/base/values';
import { bucketError, parseS3Uri, s3UriError } from '../../src/base/s3-uri';
import { parseDuration } from '../../src/base/durations';

describe('validate/values', () => {
  describe('parseDuration', () => {
    const ok: [string, number, Record<string, number>][] = [
      ['30s', 30, { seconds: 30 }],
      ['5m', 300, { minutes: 5 }],
      ['2h', 7200, { hours: 2 }],
      ['1d', 86400, { days: 1 }],
      ['1h30m', 5400, { hours: 1, minutes: 30 }],
      ['1d2h3m4s', 93784, { days: 1, hours: 2, minutes: 3, seconds: 4 }],
      ['90s', 90, { seconds: 90 }],
      ['36h', 129600, { hours: 36 }],
      ['2d30s', 172830, { days: 2, seconds: 30 }],
    ];
    for (const [text, seconds, parts] of ok) {
      it(`reads '${text}'`, () => {
        expect(parseDuration(text)).to.deep.equal({ text, seconds, parts });
      });
    }
    it('rejects what is not a duration', () => {
      for (const text of ['', '5', '5min', '1m1h', '1h1h', '-5m', '1.5h', ' 5m', '5m ', '5M', 'PT5M', '1 h', 'h', 'ms', '1w']) {
        expect(parseDuration(text), JSON.stringify(text)).to.equal(undefined);
      }
    });
    it('rejects totals that do not fit a safe integer of seconds', () => {
      expect(parseDuration('9999999999999999999d')).to.equal(undefined);
      expect(parseDuration('99999999999999d')).to.equal(undefined);
    });
  });

  describe('parseLocalDateTime', () => {
    it('reads dates and wall-clock date-times', () => {
      expect(parseLocalDateTime('2026-01-01')).to.deep.equal({ year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
      expect(parseLocalDateTime('2024-02-29T23:59:59')).to.deep.equal({ year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59 });
      expect(parseLocalDateTime('2026-06-30 23:45')).to.deep.equal({ year: 2026, month: 6, day: 30, hour: 23, minute: 45, second: 0 });
    });
    it('rejects days and times that do not exist', () => {
      for (const t of [
        '2026-02-29',
        '2026-02-30',
        '2026-04-31',
        '2026-13-01',
        '2026-00-10',
        '2026-01-01T24:00',
        '2026-01-01T23:60',
        '2026-01-01T23:59:60',
        '1899-12-31',
      ]) {
        expect(parseLocalDateTime(t), t).to.equal(`'${t}' is not a real calendar date-time`);
      }
    });
    it('rejects other forms', () => {
      for (const t of ['01/02/2026', '2026-1-1', '2026-01-01T3:00', '20260101', 'tomorrow', '', '2026-01-01T', '2026-01-01T03:00:00.5']) {
        expect(parseLocalDateTime(t), t).to.equal(`'${t}' is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SS)`);
      }
    });
    it('rejects UTC offsets: the time zone is the timezone field', () => {
      for (const t of ['2026-01-01T03:00:00Z', '2026-01-01T03:00+02:00', '2026-01-01T03:00:00-0500']) {
        expect(parseLocalDateTime(t), t).to.equal(`'${t}' carries a UTC offset; write the wall-clock time and set 'timezone' instead`);
      }
    });
  });

  describe('s3UriError / bucketError / parseS3Uri', () => {
    it('accepts S3 URIs with valid buckets, and Jinja or ${} left for later', () => {
      for (const u of [
        's3://bucket/key',
        's3://my.bucket-1/a/b/',
        's3://abc',
        's3://bucket/{{ ds }}/x',
        's3://{{ var.value.bucket }}/x',
        's3://bucket/key with spaces',
        's3://bucket/line\nbreak',
      ]) {
        expect(s3UriError(u), u).to.equal(undefined);
      }
    });
    it('requires a key when asked', () => {
      expect(s3UriError('s3://bucket', { requireKey: true })).to.equal("'s3://bucket' names a bucket but no object key");
      expect(s3UriError('s3://bucket/', { requireKey: true })).to.equal("'s3://bucket/' names a bucket but no object key");
      expect(s3UriError('s3://bucket/k', { requireKey: true })).to.equal(undefined);
    });
    it('rejects other schemes and bad buckets', () => {
      expect(s3UriError('https://bucket/key')).to.equal("'https://bucket/key' is not an S3 URI (s3://bucket/key)");
      expect(s3UriError('S3://bucket/key')).to.equal("'S3://bucket/key' is not an S3 URI (s3://bucket/key)");
      expect(s3UriError('bucket/key')).to.equal("'bucket/key' is not an S3 URI (s3://bucket/key)");
      expect(s3UriError('s3:///key')).to.equal("'s3:///key' has no bucket name");
      for (const b of [
        'My_Bucket',
        'ab',
        'a'.repeat(64),
        'a..b',
        'a.-b',
        'a-.b',
        '-abc',
        'abc-',
        'xn--abc',
        'sthree-abc',
        'abc-s3alias',
        'abc--ol-s3',
        '192.168.0.1',
      ]) {
        const want = `'${b}' is not a valid S3 bucket name (3-63 lowercase letters, digits, dots and hyphens)`;
        expect(bucketError(b), b).to.equal(want);
        expect(s3UriError(`s3://${b}/k`), b).to.equal(want);
      }
      expect(bucketError('a'.repeat(63))).to.equal(undefined);
    });
    it('splits bucket and key', () => {
      expect(parseS3Uri('s3://b/k/x.json')).to.deep.equal({ bucket: 'b', key: 'k/x.json' });
      expect(parseS3Uri('s3://b')).to.deep.equal({ bucket: 'b', key: '' });
      expect(parseS3Uri('s3:///k')).to.equal(undefined);
      expect(parseS3Uri('https://b/k')).to.equal(undefined);
    });
  });

  describe('arnError', () => {
    it('accepts IAM role ARNs, with paths, in every partition', () => {
      for (const a of [
        'arn:aws:iam::123456789012:role/etl',
        'arn:aws:iam::123456789012:role/service-role/glue-etl',
        'arn:aws-cn:iam::123456789012:role/x',
        'arn:aws-us-gov:iam::123456789012:role/a+b=c,d.e@f-g_h',
      ]) {
        expect(arnError(a, 'iam-role'), a).to.equal(undefined);
      }
    });
    it('rejects what is not an IAM role ARN', () => {
      expect(arnError('arn:aws:iam::123456789012:user/bob', 'iam-role')).to.equal(
        "'arn:aws:iam::123456789012:user/bob' is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)",
      );
      expect(arnError('arn:aws:iam:us-east-1:123456789012:role/x', 'iam-role')).to.match(/is not an IAM role ARN/);
      expect(arnError('arn:aws:sts::123456789012:role/x', 'iam-role')).to.match(/is not an IAM role ARN/);
      expect(arnError('arn:aws:iam::123456789012:role/', 'iam-role')).to.match(/is not an IAM role ARN/);
      expect(arnError('arn:aws:iam::1234:role/x', 'iam-role')).to.equal(
        "'arn:aws:iam::1234:role/x' is not an ARN (arn:aws:SERVICE:REGION:ACCOUNT:RESOURCE)",
      );
      expect(arnError('role/x', 'iam-role')).to.match(/is not an ARN/);
      expect(arnError('arn:azure:iam::123456789012:role/x', 'iam-role')).to.match(/is not an ARN/);
    });
    it('checks SNS topic and Secrets Manager ARNs', () => {
      expect(arnError('arn:aws:sns:us-east-1:123456789012:alerts', 'sns-topic')).to.equal(undefined);
      expect(arnError('arn:aws:sqs:us-east-1:123456789012:alerts', 'sns-topic')).to.match(/is not an SNS topic ARN/);
      expect(arnError('arn:aws:sns::123456789012:alerts', 'sns-topic')).to.match(/is not an SNS topic ARN/);
      expect(arnError('arn:aws:secretsmanager:us-east-1:123456789012:secret:rs-AbC', 'secretsmanager')).to.equal(undefined);
      expect(arnError('arn:aws:ssm:us-east-1:123456789012:parameter/x', 'secretsmanager')).to.match(/is not a Secrets Manager secret ARN/);
    });
    it('leaves Jinja for Airflow to render', () => {
      expect(arnError('{{ var.value.role_arn }}', 'iam-role')).to.equal(undefined);
    });
  });

  describe('timezoneError', () => {
    it('accepts IANA names', () => {
      for (const tz of ['UTC', 'Europe/Berlin', 'America/New_York', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5', 'EST5EDT', 'Asia/Kolkata']) {
        expect(timezoneError(tz), tz).to.equal(undefined);
      }
    });
    it('rejects names that are not IANA zones', () => {
      for (const tz of ['Europe/Berln', 'Mars/Olympus_Mons', '+02:00', 'GMT+2', '', 'CEST']) {
        expect(timezoneError(tz), tz)
          .to.be.a('string')
          .and.match(/is not an IANA timezone name/);
      }
    });
    it("rejects names Node's ICU knows but Airflow's zoneinfo does not (they would fail at import)", () => {
      for (const tz of ['US/Pacific-New', 'SystemV/AST4']) {
        expect(new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone, `ICU knows ${tz}`).to.be.a('string');
        expect(timezoneError(tz), tz).to.match(/is not an IANA timezone name that Airflow's time zone database knows/);
      }
    });
    it('asks for the exact case Airflow looks up', () => {
      expect(timezoneError('europe/berlin')).to.equal(
        "timezone 'europe/berlin' must be written 'Europe/Berlin': Airflow looks names up case-sensitively",
      );
    });
  });
});
