/** AWS's own name rules (src/base/aws-names.ts), and the generated table against botocore's service models. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AWS_NAME_RULES, awsNameError, type AwsNameKind } from '../../src/base/aws-names';
import { AWS_NAME_SOURCES } from '../../src/gen/aws-names';

describe('AWS name rules from the service models', () => {
  it('has one rule per source, each naming the API member it comes from', () => {
    expect(Object.keys(AWS_NAME_RULES)).to.deep.equal(AWS_NAME_SOURCES.map((s) => s.id));
    for (const s of AWS_NAME_SOURCES)
      expect(AWS_NAME_RULES[s.id as AwsNameKind].api).to.include(`${s.api.service} ${s.api.operation}.${s.api.member}`);
  });

  const cases: readonly [AwsNameKind, string, string | undefined][] = [
    [
      'redshiftWorkgroup',
      'ml',
      "'ml' is not a Redshift Serverless workgroup name: Redshift Serverless workgroup names are 3-63 characters: lowercase letters, digits and hyphens (or the workgroup ARN) (it has 2)",
    ],
    ['redshiftWorkgroup', 'ml-serving', undefined],
    [
      'redshiftWorkgroup',
      'ML_serving',
      "'ML_serving' is not a Redshift Serverless workgroup name: Redshift Serverless workgroup names are 3-63 characters: lowercase letters, digits and hyphens (or the workgroup ARN)",
    ],
    ['redshiftWorkgroup', 'arn:aws:redshift-serverless:us-east-1:123456789012:workgroup/0b9f6b3e-1c5d-4b7a-9a55-2f1f0a3b4c5d', undefined],
    ['redshiftCluster', 'analytics-1', undefined],
    [
      'redshiftCluster',
      'Analytics',
      "'Analytics' is not a Redshift cluster identifier: Redshift cluster identifiers are 1-63 characters: lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen",
    ],
    [
      'redshiftCluster',
      'analytics--1',
      "'analytics--1' is not a Redshift cluster identifier: Redshift cluster identifiers are 1-63 characters: lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen",
    ],
    [
      'athenaWorkgroup',
      'ml features',
      "'ml features' is not an Athena workgroup name: Athena workgroup names are 1-128 characters: letters, digits, periods, underscores and hyphens",
    ],
    ['athenaWorkgroup', 'ml_features-v2.1', undefined],
    ['glueJob', 'clean events', undefined],
    [
      'glueJob',
      'clean\nevents',
      "'clean\\u000aevents' is not a Glue job name: Glue job names are 1-255 characters, no line breaks or other control characters",
    ],
    [
      'glueJob',
      'x'.repeat(256),
      `'${'x'.repeat(256)}' is not a Glue job name: Glue job names are 1-255 characters, no line breaks or other control characters (it has 256)`,
    ],
    ['glueJob', '\u{1F600}'.repeat(255), undefined],
    [
      'iamRoleName',
      'service-role/AWSGlueServiceRole',
      "'service-role/AWSGlueServiceRole' is not an IAM role name: IAM role names are 1-64 letters, digits and _+=,.@- (no spaces or slashes; give a role with a path as its ARN)",
    ],
    ['flinkApplication', 'clickstream.v2', undefined],
    ['eventBridgeEndpoint', 'abcde.veo', undefined],
    [
      'eventBridgeEndpoint',
      'abcde',
      "'abcde' is not an EventBridge global endpoint id: EventBridge endpoint ids are 1-50 characters: two parts of letters, digits and hyphens joined by a period (e.g. abcde.veo)",
    ],
    ['snsTopic', 'alerts.fifo', undefined],
    ['snsTopic', 'data-platform-alerts', undefined],
    [
      'snsTopic',
      'alerts.v2',
      "'alerts.v2' is not an SNS topic name: SNS topic names are 1-256 letters, digits, underscores and hyphens (a FIFO topic ends in .fifo)",
    ],
    ['lambdaQualifier', '$LATEST', undefined],
    [
      'emrServerlessJobRunName',
      '   ',
      "'   ' is not an EMR Serverless job run name: EMR Serverless job run names are 1-256 characters, not only spaces",
    ],
  ];
  for (const [kind, value, message] of cases) {
    it(`${kind}: ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '...' : value)} ${message ? 'is refused' : 'passes'}`, () => {
      expect(awsNameError(kind, value)).to.equal(message);
    });
  }
});

describe('src/base/aws-names.generated.ts against botocore @airflow', function () {
  this.timeout(60_000);
  it('is what `npm run gen:aws-names` writes from the pinned botocore models (regenerate it when this fails)', () => {
    const { botocoreModels, GENERATED } = require('../../scripts/aws-models') as typeof import('../../scripts/aws-models');
    const { renderAwsNameRules } = require('../../src/gen/aws-names') as typeof import('../../src/gen/aws-names');
    const { lookup, source } = botocoreModels();
    expect(readFileSync(join(__dirname, '..', '..', GENERATED), 'utf8')).to.equal(renderAwsNameRules(lookup, source));
  });
});
