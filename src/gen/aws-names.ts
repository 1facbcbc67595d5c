/**
 * The names dagsmith passes to AWS APIs, and where each API's service model states what it accepts. `npm run
 * gen:aws-names` reads those models (botocore's data files in a pinned Airflow virtualenv) and writes
 * src/base/aws-names.generated.ts; test/base/aws-names.test.ts regenerates it and fails when it drifted.
 *
 * `rule` is the sentence a person reads: `{min}` and `{max}` are filled in from the model (generation fails when the
 * model has no such bound), and the characters are described by hand from the model's pattern, which is checked
 * as the model writes it. Where the model states a name's rule only in its documentation (SNS topic names),
 * `documented` gives the rule and the sentence of the documentation it comes from; the drift test checks the
 * sentence is still there.
 */

/** An input member of an API operation: `Entries[]` steps into a list's items, `A.B` into a structure. */
export interface ApiMember {
  readonly service: string;
  readonly operation: string;
  readonly member: string;
}

export interface AwsNameSource {
  /** The rule's key in AWS_NAME_RULES. */
  readonly id: string;
  /** e.g. "a Redshift Serverless workgroup name": completes "'x' is not ...". */
  readonly what: string;
  readonly api: ApiMember;
  /** The rule in words, with `{min}`/`{max}` from the model. */
  readonly rule: string;
  /** For a rule the model states only in its documentation. */
  readonly documented?: { readonly min: number; readonly max: number; readonly pattern: string; readonly quote: string };
}

const api = (service: string, operation: string, member: string): ApiMember => ({ service, operation, member });

/** No line breaks or control characters: the character class of Glue's NameString and EMR's XmlString. */
const PRINTABLE = 'no line breaks or other control characters';

export const AWS_NAME_SOURCES: readonly AwsNameSource[] = [
  {
    id: 'glueJob',
    what: 'a Glue job name',
    api: api('glue', 'StartJobRun', 'JobName'),
    rule: `Glue job names are {min}-{max} characters, ${PRINTABLE}`,
  },
  {
    id: 'glueCrawler',
    what: 'a Glue crawler name',
    api: api('glue', 'StartCrawler', 'Name'),
    rule: `Glue crawler names are {min}-{max} characters, ${PRINTABLE}`,
  },
  {
    id: 'glueSecurityConfiguration',
    what: 'a Glue security configuration name',
    api: api('glue', 'StartJobRun', 'SecurityConfiguration'),
    rule: `Glue security configuration names are {min}-{max} characters, ${PRINTABLE}`,
  },
  {
    id: 'iamRoleName',
    what: 'an IAM role name',
    api: api('iam', 'GetRole', 'RoleName'),
    rule: 'IAM role names are {min}-{max} letters, digits and _+=,.@- (no spaces or slashes; give a role with a path as its ARN)',
  },
  {
    id: 'iamInstanceProfileName',
    what: 'an IAM instance profile name',
    api: api('iam', 'GetInstanceProfile', 'InstanceProfileName'),
    rule: 'IAM instance profile names are {min}-{max} letters, digits and _+=,.@- (no spaces or slashes)',
  },
  {
    id: 'databrewJob',
    what: 'a DataBrew job name',
    api: api('databrew', 'StartJobRun', 'Name'),
    rule: 'DataBrew job names are {min}-{max} characters',
  },
  {
    id: 'redshiftCluster',
    what: 'a Redshift cluster identifier',
    api: api('redshift-data', 'ExecuteStatement', 'ClusterIdentifier'),
    rule: 'Redshift cluster identifiers are {min}-{max} characters: lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen',
  },
  {
    id: 'redshiftWorkgroup',
    what: 'a Redshift Serverless workgroup name',
    api: api('redshift-data', 'ExecuteStatement', 'WorkgroupName'),
    rule: 'Redshift Serverless workgroup names are 3-63 characters: lowercase letters, digits and hyphens (or the workgroup ARN)',
  },
  {
    id: 'athenaWorkgroup',
    what: 'an Athena workgroup name',
    api: api('athena', 'StartQueryExecution', 'WorkGroup'),
    rule: 'Athena workgroup names are 1-128 characters: letters, digits, periods, underscores and hyphens',
  },
  {
    id: 'athenaDatabase',
    what: 'an Athena database name',
    api: api('athena', 'StartQueryExecution', 'QueryExecutionContext.Database'),
    rule: 'Athena database names are {min}-{max} characters',
  },
  {
    id: 'athenaCatalog',
    what: 'an Athena data catalog name',
    api: api('athena', 'StartQueryExecution', 'QueryExecutionContext.Catalog'),
    rule: `Athena data catalog names are {min}-{max} characters, ${PRINTABLE}`,
  },
  {
    id: 'lambdaFunction',
    what: 'a Lambda function name or ARN',
    api: api('lambda', 'Invoke', 'FunctionName'),
    rule: 'Lambda function names are letters, digits, hyphens, underscores and periods, as a name, a partial ARN (ACCOUNT:function:NAME) or an ARN, {min}-{max} characters in all, optionally ending in :VERSION or :ALIAS',
  },
  {
    id: 'lambdaQualifier',
    what: 'a Lambda version or alias',
    api: api('lambda', 'Invoke', 'Qualifier'),
    rule: 'Lambda qualifiers are {min}-{max} characters: $LATEST, $LATEST.PUBLISHED, a version number or an alias (letters, digits, hyphens, underscores, $)',
  },
  {
    id: 'stateMachineArn',
    what: 'a Step Functions state machine ARN',
    api: api('stepfunctions', 'StartExecution', 'stateMachineArn'),
    rule: 'Step Functions state machine ARNs are {min}-{max} characters',
  },
  {
    id: 'stepFunctionsExecutionName',
    what: 'a Step Functions execution name',
    api: api('stepfunctions', 'StartExecution', 'name'),
    rule: 'Step Functions execution names are {min}-{max} characters',
  },
  {
    id: 'emrServerlessApplicationId',
    what: 'an EMR Serverless application id',
    api: api('emr-serverless', 'StartJobRun', 'applicationId'),
    rule: 'EMR Serverless application ids are {min}-{max} lowercase letters and digits (e.g. 00fabcdefg123456)',
  },
  {
    id: 'emrServerlessJobRunName',
    what: 'an EMR Serverless job run name',
    api: api('emr-serverless', 'StartJobRun', 'name'),
    rule: 'EMR Serverless job run names are {min}-{max} characters, not only spaces',
  },
  {
    id: 'emrClusterName',
    what: 'an EMR cluster name',
    api: api('emr', 'RunJobFlow', 'Name'),
    rule: `EMR cluster names are at most {max} characters, ${PRINTABLE} but tabs`,
  },
  {
    id: 'emrStepName',
    what: 'an EMR step name',
    api: api('emr', 'AddJobFlowSteps', 'Steps[].Name'),
    rule: `EMR step names are at most {max} characters, ${PRINTABLE} but tabs`,
  },
  {
    id: 'emrSecurityConfiguration',
    what: 'an EMR security configuration name',
    api: api('emr', 'RunJobFlow', 'SecurityConfiguration'),
    rule: `EMR security configuration names are at most {max} characters, ${PRINTABLE} but tabs`,
  },
  {
    id: 'flinkApplication',
    what: 'a Managed Service for Apache Flink application name',
    api: api('kinesisanalyticsv2', 'StartApplication', 'ApplicationName'),
    rule: 'Flink application names are {min}-{max} characters: letters, digits, underscores, periods and hyphens',
  },
  {
    id: 'flinkSnapshot',
    what: 'a Flink snapshot name',
    api: api('kinesisanalyticsv2', 'StartApplication', 'RunConfiguration.ApplicationRestoreConfiguration.SnapshotName'),
    rule: 'Flink snapshot names are {min}-{max} characters: letters, digits, underscores, periods and hyphens',
  },
  {
    id: 'eventBus',
    what: 'an EventBridge event bus name or ARN',
    api: api('events', 'PutEvents', 'Entries[].EventBusName'),
    rule: 'EventBridge event bus names are letters, digits, periods, underscores and hyphens (or the bus ARN), {min}-{max} characters',
  },
  {
    id: 'eventBridgeEndpoint',
    what: 'an EventBridge global endpoint id',
    api: api('events', 'PutEvents', 'EndpointId'),
    rule: 'EventBridge endpoint ids are {min}-{max} characters: two parts of letters, digits and hyphens joined by a period (e.g. abcde.veo)',
  },
  {
    id: 'snsTopic',
    what: 'an SNS topic name',
    api: api('sns', 'CreateTopic', 'Name'),
    rule: 'SNS topic names are {min}-{max} letters, digits, underscores and hyphens (a FIFO topic ends in .fifo)',
    documented: {
      min: 1,
      max: 256,
      pattern: '[A-Za-z0-9_-]{1,256}|[A-Za-z0-9_-]{1,251}\\.fifo',
      quote:
        'Topic names must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.',
    },
  },
];

/** What the model says about a member's shape. */
export interface ModelShape {
  readonly shape: string;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  /** The member's documentation (HTML). */
  readonly documentation?: string;
}

/** The generated module's text, from the models (`lookup` resolves an API member; `source` names where they came from). */
export function renderAwsNameRules(lookup: (m: ApiMember) => ModelShape, source: string): string {
  const entries = AWS_NAME_SOURCES.map((s) => {
    const shape = lookup(s.api);
    const d = s.documented;
    if (d && !(shape.documentation ?? '').includes(d.quote)) {
      throw new Error(`${s.id}: the documentation of ${memberName(s.api)} no longer says: ${d.quote}`);
    }
    const min = d ? d.min : shape.min;
    const max = d ? d.max : shape.max;
    const pattern = d ? d.pattern : shape.pattern;
    const rule = s.rule.replace(/\{(min|max)\}/g, (_, k: string) => {
      const v = k === 'min' ? min : max;
      if (v === undefined) throw new Error(`${s.id}: the rule names {${k}}, but ${memberName(s.api)} (${shape.shape}) has none`);
      return String(v);
    });
    if (pattern !== undefined) new RegExp(`^(?:${pattern})$`, 'u'); // throws when JavaScript cannot read it
    const fields = [
      `what: ${JSON.stringify(s.what)}`,
      `api: ${JSON.stringify(`${memberName(s.api)} (${d ? 'its documentation' : shape.shape})`)}`,
      ...(min !== undefined ? [`min: ${min}`] : []),
      ...(max !== undefined ? [`max: ${max}`] : []),
      ...(pattern !== undefined ? [`pattern: new RegExp(${JSON.stringify(`^(?:${pattern})$`)}, 'u')`] : []),
      `rule: ${JSON.stringify(rule)}`,
    ];
    return `  ${s.id}: {\n${fields.map((f) => `    ${f},`).join('\n')}\n  },`;
  });
  return [
    `// Generated by \`npm run gen:aws-names\` from ${source}.`,
    '// src/gen/aws-names.ts says which member of which API each rule comes from; test/base/aws-names.test.ts fails',
    '// when this file drifted from the models. Do not edit.',
    "import type { AwsNameRule } from './aws-names';",
    '',
    'export const AWS_NAME_RULES = {',
    ...entries,
    '} as const satisfies Readonly<Record<string, AwsNameRule>>;',
    '',
  ].join('\n');
}

function memberName(m: ApiMember): string {
  return `${m.service} ${m.operation}.${m.member}`;
}

/** Resolves an API member in a botocore service model (service-2.json). */
export function memberShape(model: BotocoreModel, m: ApiMember): ModelShape {
  const op = model.operations[m.operation];
  if (!op?.input) throw new Error(`${memberName(m)}: the model has no operation ${m.operation} with an input`);
  let shape = model.shapes[op.input.shape];
  let name = op.input.shape;
  let documentation: string | undefined;
  for (const part of m.member.split('.')) {
    const list = part.endsWith('[]');
    const key = list ? part.slice(0, -2) : part;
    const member = shape?.members?.[key];
    if (!member) throw new Error(`${memberName(m)}: ${name} has no member ${key}`);
    documentation = member.documentation;
    name = member.shape;
    shape = model.shapes[name];
    if (list) {
      if (!shape?.member) throw new Error(`${memberName(m)}: ${name} is not a list`);
      name = shape.member.shape;
      shape = model.shapes[name];
    }
  }
  if (!shape) throw new Error(`${memberName(m)}: the model has no shape ${name}`);
  return {
    shape: name,
    ...(shape.min !== undefined && shape.min > 0 ? { min: shape.min } : {}),
    ...(shape.max !== undefined ? { max: shape.max } : {}),
    ...(shape.pattern !== undefined ? { pattern: shape.pattern } : {}),
    ...(documentation !== undefined ? { documentation } : {}),
  };
}

/** The parts of a botocore service model this reads. */
export interface BotocoreModel {
  readonly operations: Readonly<Record<string, { readonly input?: { readonly shape: string } }>>;
  readonly shapes: Readonly<Record<string, BotocoreShape>>;
}

interface BotocoreShape {
  readonly type: string;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly members?: Readonly<Record<string, { readonly shape: string; readonly documentation?: string }>>;
  readonly member?: { readonly shape: string };
}
