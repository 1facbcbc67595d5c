// Generated from the published pipeline schema by ajv standalone (src/schema/standalone.ts): `npm run gen`, do not
// edit. test/sdk/drift.test.ts fails when it is stale. The schema is compiled here once, not in every process.
"use strict";
module.exports = validate10;
module.exports.default = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://dagsmith.dev/schemas/pipeline.schema.json","title":"dagsmith pipeline (spec version 1)","description":"One ingestion pipeline, compiled by dagsmith to an Apache Airflow DAG for Amazon MWAA.","type":"object","properties":{"version":{"const":1,"description":"Spec version; always 1."},"id":{"type":"string","description":"DAG id: letters, digits, `_`, `.` and `-`, unique across the project."},"description":{"type":"string","description":"DAG description, shown in the Airflow UI."},"owner":{"type":"string","minLength":1,"description":"Owner shown in the Airflow UI (default_args.owner).","default":"airflow"},"tags":{"type":"array","description":"DAG tags (Airflow allows at most 100 characters each).","items":{"type":"string","minLength":1,"maxLength":100}},"schedule":{"type":["string","null","object"],"description":"A 5-field cron expression, a preset ('@daily', ...), null for manual runs, { every: '30m' } or { assets: [uri, ...] }.","properties":{"every":{"type":"string","description":"Run at a fixed interval, e.g. '30m'."},"assets":{"type":"array","items":{"type":"string"},"description":"Run when these assets (datasets) are updated.","minItems":1}},"additionalProperties":false,"minProperties":1},"startDate":{"type":"string","description":"First logical date: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, in `timezone`."},"timezone":{"type":"string","description":"IANA timezone of startDate and the schedule, e.g. 'Europe/Berlin'.","default":"UTC"},"catchup":{"type":"boolean","description":"Run the intervals between startDate and now.","default":false},"maxActiveRuns":{"type":"integer","description":"At most this many runs at once.","minimum":1},"dagrunTimeout":{"type":"string","description":"Fail a run that takes longer than this, e.g. '6h'."},"params":{"type":"object","description":"Airflow Params, available in templates as {{ params.NAME }}.","additionalProperties":{"$ref":"#/definitions/param"}},"defaults":{"type":"object","description":"Settings for every step (default_args); a step may override each of them.","properties":{"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"additionalProperties":false},"notifications":{"type":"object","description":"Alerts.","properties":{"onFailure":{"type":"object","description":"Where to send an alert when a task fails.","properties":{"sns":{"type":"string","description":"SNS topic ARN."}},"additionalProperties":false}},"additionalProperties":false},"steps":{"type":"array","description":"The tasks of the pipeline.","minItems":1,"items":{"type":"object","required":["kind"],"properties":{"kind":{"type":"string","description":"Step kind."}},"discriminator":{"propertyName":"kind"},"oneOf":[{"$ref":"#/definitions/step.glue.job"},{"$ref":"#/definitions/step.glue.crawler"},{"$ref":"#/definitions/step.redshift.sql"},{"$ref":"#/definitions/step.redshift.copy"},{"$ref":"#/definitions/step.s3.wait"},{"$ref":"#/definitions/step.s3.copy"},{"$ref":"#/definitions/step.s3.delete"},{"$ref":"#/definitions/step.athena.query"},{"$ref":"#/definitions/step.glue.databrew"},{"$ref":"#/definitions/step.emr.cluster"},{"$ref":"#/definitions/step.emr.steps"},{"$ref":"#/definitions/step.emr.serverless"},{"$ref":"#/definitions/step.flink.start"},{"$ref":"#/definitions/step.lambda.invoke"},{"$ref":"#/definitions/step.stepfunctions.start"},{"$ref":"#/definitions/step.eventbridge.put"},{"$ref":"#/definitions/step.s3.put"},{"$ref":"#/definitions/step.airflow.operator"}]}}},"required":["version","id","steps"],"additionalProperties":false,"definitions":{"param":{"type":"object","description":"An Airflow Param: a default and JSON Schema keywords that Airflow checks on trigger.","properties":{"default":{"description":"Default value."},"type":{"description":"JSON type(s) of the value.","anyOf":[{"type":"string","enum":["string","number","integer","boolean","object","array","null"],"description":""},{"type":"array","items":{"type":"string","enum":["string","number","integer","boolean","object","array","null"],"description":""}}]},"description":{"type":"string","description":"Shown in the trigger form."},"title":{"type":"string","description":"Label in the trigger form."},"enum":{"type":"array","description":"Allowed values."},"minimum":{"type":"number","description":"Smallest allowed number."},"maximum":{"type":"number","description":"Largest allowed number."},"minLength":{"type":"integer","description":"Shortest allowed string.","minimum":0},"maxLength":{"type":"integer","description":"Longest allowed string.","minimum":0},"pattern":{"type":"string","description":"Regular expression a string value must match."},"format":{"type":"string","description":"JSON Schema format, e.g. 'date'."}},"additionalProperties":false},"step.glue.job":{"type":"object","description":"Run an AWS Glue job (GlueJobOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"glue.job","description":"Step kind."},"job":{"type":"string","minLength":1,"description":"Name of the Glue job."},"arguments":{"type":"object","additionalProperties":{"type":"string"},"description":"Job run arguments, e.g. { '--run_date': '{{ ds }}' }."},"workerType":{"type":"string","enum":["G.025X","G.1X","G.2X","G.4X","G.8X","G.12X","G.16X","R.1X","R.2X","R.4X","R.8X","Z.2X"],"description":"Worker type for this run."},"numberOfWorkers":{"type":"integer","description":"Number of workers for this run.","minimum":1,"maximum":299999},"scriptLocation":{"type":"string","description":"S3 URI of the job script; used when dagsmith has to create the job."},"role":{"type":"string","minLength":1,"description":"IAM role (name or ARN) the job runs as; used when the job is created."},"glueVersion":{"type":"string","description":"Glue version, e.g. '4.0'; used when the job is created.","pattern":"^\\d+\\.\\d+$"},"securityConfiguration":{"type":"string","minLength":1,"description":"Glue security configuration (encryption settings) for this run."},"waitForCompletion":{"type":"boolean","description":"Wait for the job run to finish.","default":true},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","job"],"additionalProperties":false},"step.glue.crawler":{"type":"object","description":"Run an AWS Glue crawler, creating or updating it when role and s3Targets are given (GlueCrawlerOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"glue.crawler","description":"Step kind."},"crawler":{"type":"string","minLength":1,"description":"Name of the Glue crawler."},"role":{"type":"string","minLength":1,"description":"IAM role (name or ARN) the crawler runs as. With s3Targets, the crawler is created when it does not exist and updated when its settings differ."},"database":{"type":"string","minLength":1,"description":"Glue Data Catalog database the crawler writes its tables to."},"s3Targets":{"type":"array","items":{"type":"string"},"description":"S3 URIs (s3://bucket/prefix/) the crawler crawls.","minItems":1},"waitForCompletion":{"type":"boolean","description":"Wait for the crawl to finish.","default":true},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","crawler"],"additionalProperties":false},"step.redshift.sql":{"type":"object","description":"Run SQL on Amazon Redshift through the Redshift Data API (RedshiftDataOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"redshift.sql","description":"Step kind."},"sql":{"type":["string","array"],"minLength":1,"items":{"type":"string","minLength":1},"minItems":1,"description":"The SQL to run, with Airflow Jinja allowed; exactly one of 'sql' and 'sqlFile'. Several statements (separated by ';' or given as a list) run as one transaction."},"sqlFile":{"type":"string","minLength":1,"description":"Path of a file holding the SQL to run, relative to the pipeline file; its text is inlined into the DAG."},"parameters":{"type":"object","additionalProperties":{"type":"string","minLength":1},"description":"Values of named parameters (:name) of a single-statement SQL, sent as Data API parameters.","minProperties":1,"propertyNames":{"pattern":"^[0-9A-Za-z_]+$"}},"database":{"type":"string","minLength":1,"description":"Database to run the statements in."},"cluster":{"type":"string","minLength":1,"description":"Identifier of the provisioned Redshift cluster; exactly one of 'cluster' and 'workgroup'."},"workgroup":{"type":"string","minLength":1,"description":"Redshift Serverless workgroup name; exactly one of 'cluster' and 'workgroup'."},"secretArn":{"type":"string","description":"ARN of the Secrets Manager secret holding the database credentials; default: temporary credentials from the IAM identity of the AWS connection."},"dbUser":{"type":"string","minLength":1,"description":"Database user to get temporary credentials for (provisioned clusters only; not with secretArn)."},"waitForCompletion":{"type":"boolean","description":"Wait for the statements to finish (and fail the task when they fail).","default":true},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","database"],"additionalProperties":false},"step.redshift.copy":{"type":"object","description":"Load S3 data into a Redshift table with COPY, authenticated by an IAM role (RedshiftDataOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"redshift.copy","description":"Step kind."},"from":{"type":"string","description":"S3 URI of the data: a prefix, an object, or a manifest (with options: [MANIFEST])."},"schema":{"type":"string","minLength":1,"description":"Schema of the target table."},"table":{"type":"string","minLength":1,"description":"Target table."},"columns":{"type":"array","items":{"type":"string"},"description":"Target columns in the order of the fields in the data; default: all columns, in table order.","minItems":1,"uniqueItems":true},"iamRole":{"type":"string","description":"ARN of the IAM role Redshift assumes to read the data (COPY ... IAM_ROLE)."},"format":{"type":"string","enum":["CSV","JSON","PARQUET","AVRO","ORC"],"description":"Data format; omitted: Redshift's default, pipe-delimited text. JSON and AVRO map fields by name ('auto')."},"compression":{"type":"string","enum":["GZIP","BZIP2","ZSTD","LZOP","NONE"],"description":"Compression of the files; not allowed with PARQUET or ORC (Redshift reads their own compression).","default":"NONE"},"options":{"type":"array","items":{"type":"string"},"description":"More COPY parameters, appended verbatim, e.g. 'IGNOREHEADER 1' or \"TIMEFORMAT 'auto'\"."},"method":{"type":"string","enum":["append","replace","upsert"],"description":"append: add the rows; replace: delete all rows first; upsert: replace the rows whose upsertKeys match, add the rest. Always one transaction.","default":"append"},"upsertKeys":{"type":"array","items":{"type":"string"},"description":"Columns that identify a row, for method 'upsert'.","minItems":1,"uniqueItems":true},"database":{"type":"string","minLength":1,"description":"Database to run the statements in."},"cluster":{"type":"string","minLength":1,"description":"Identifier of the provisioned Redshift cluster; exactly one of 'cluster' and 'workgroup'."},"workgroup":{"type":"string","minLength":1,"description":"Redshift Serverless workgroup name; exactly one of 'cluster' and 'workgroup'."},"secretArn":{"type":"string","description":"ARN of the Secrets Manager secret holding the database credentials; default: temporary credentials from the IAM identity of the AWS connection."},"dbUser":{"type":"string","minLength":1,"description":"Database user to get temporary credentials for (provisioned clusters only; not with secretArn)."},"waitForCompletion":{"type":"boolean","description":"Wait for the statements to finish (and fail the task when they fail).","default":true},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","from","schema","table","iamRole","database"],"additionalProperties":false},"step.s3.wait":{"type":"object","description":"Wait for one or more S3 keys to exist (S3KeySensor).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"s3.wait","description":"Step kind."},"bucket":{"type":"string","minLength":1,"description":"Bucket name (without s3://)."},"key":{"type":["string","array"],"minLength":1,"items":{"type":"string","minLength":1},"minItems":1,"description":"Key, or list of keys, that must all exist; Unix wildcards when wildcard is true."},"wildcard":{"type":"boolean","description":"Read the keys as Unix wildcard patterns ('*', '?', '[...]').","default":false},"timeout":{"type":"string","description":"Fail when the keys do not exist after this long, e.g. '6h'; default: Airflow's sensors.default_timeout (7 days)."},"pokeInterval":{"type":"string","description":"Time between checks, e.g. '5m'; default: Airflow's, 60 seconds."},"mode":{"type":"string","enum":["poke","reschedule","deferrable"],"description":"poke: hold a worker slot between checks; reschedule: free it between checks; deferrable: wait in the triggerer. Default: deferrable when the step is deferrable, else poke."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","bucket","key"],"additionalProperties":false},"step.s3.copy":{"type":"object","description":"Copy one S3 object (S3CopyObjectOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"s3.copy","description":"Step kind."},"from":{"type":"string","description":"S3 URI of the object to copy (s3://bucket/key)."},"to":{"type":"string","description":"S3 URI of the copy (s3://bucket/key)."},"kmsKeyId":{"type":"string","minLength":1,"description":"KMS key for the copy. Not supported by S3CopyObjectOperator in the MWAA provider versions: the destination bucket’s default encryption applies."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","from","to"],"additionalProperties":false},"step.s3.delete":{"type":"object","description":"Delete S3 objects by key or by prefix (S3DeleteObjectsOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"s3.delete","description":"Step kind."},"bucket":{"type":"string","minLength":1,"description":"Bucket name (without s3://)."},"keys":{"type":["string","array"],"minLength":1,"items":{"type":"string","minLength":1},"minItems":1,"description":"Key, or list of keys, to delete; exactly one of 'keys' and 'prefix'."},"prefix":{"type":"string","minLength":1,"description":"Delete every object whose key starts with this; exactly one of 'keys' and 'prefix'."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","bucket"],"additionalProperties":false},"step.athena.query":{"type":"object","description":"Run an Amazon Athena query (AthenaOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"athena.query","description":"Step kind."},"query":{"type":"string","minLength":1,"description":"The query (one SQL statement), with Airflow Jinja allowed; exactly one of 'query' and 'queryFile'."},"queryFile":{"type":"string","minLength":1,"description":"Path of a file holding the query (one SQL statement), relative to the pipeline file; its text is inlined into the DAG."},"database":{"type":"string","minLength":1,"description":"Database the query runs in."},"outputLocation":{"type":"string","description":"S3 URI where Athena writes the query results, e.g. s3://bucket/athena-results/."},"workgroup":{"type":"string","minLength":1,"description":"Athena workgroup.","default":"primary"},"catalog":{"type":"string","minLength":1,"description":"Data catalog.","default":"AwsDataCatalog"},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","database","outputLocation"],"additionalProperties":false},"step.glue.databrew":{"type":"object","description":"Run an AWS Glue DataBrew job (GlueDataBrewStartJobOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"glue.databrew","description":"Step kind."},"job":{"type":"string","minLength":1,"description":"Name of the DataBrew job (recipe or profile job).","maxLength":240},"waitForCompletion":{"type":"boolean","description":"Wait for the job run to finish (SUCCEEDED), failing the task when it fails.","default":true},"maxWait":{"type":"string","description":"How long the task waits before it fails, e.g. '6h'. Default: the step's executionTimeout when set, else the operator's own limit (30 minutes: 60 polls 30 seconds apart)."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","job"],"additionalProperties":false},"step.emr.cluster":{"type":"object","description":"Create an EMR cluster, with Spot capacity, steps and auto-termination (EmrCreateJobFlowOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"emr.cluster","description":"Step kind."},"name":{"type":"string","minLength":1,"description":"Name of the cluster.","maxLength":256},"releaseLabel":{"type":"string","minLength":1,"description":"EMR release, e.g. 'emr-7.2.0'."},"instances":{"type":"object","additionalProperties":false,"description":"The nodes: master (the primary node), core and task, each an instance group { type, count } or an instance fleet { types, capacity } (one form for the whole cluster).","required":["master"],"properties":{"master":{"type":"object","additionalProperties":false,"description":"The primary node (EMR: MASTER): an instance group ({ type, count }) or an instance fleet ({ types, capacity }).","properties":{"type":{"type":"string","minLength":1,"description":"Instance type of an instance group, e.g. 'm5.xlarge'."},"count":{"type":"integer","minimum":1,"maximum":10000,"description":"Number of instances of the group (default 1)."},"types":{"type":"array","items":{"type":"string","minLength":1},"minItems":1,"maxItems":30,"uniqueItems":true,"description":"Instance types of an instance fleet; EMR picks among them, e.g. ['r5.2xlarge', 'r5a.2xlarge', 'r6i.2xlarge']."},"capacity":{"type":"integer","minimum":1,"maximum":10000,"description":"Target capacity of the fleet in instances (default 1), on Spot when the role is listed in spot."},"ebsSizeGb":{"type":"integer","minimum":1,"maximum":16384,"description":"An extra gp3 EBS volume of this size on each instance."}}},"core":{"type":"object","additionalProperties":false,"description":"Core nodes (HDFS and tasks): an instance group ({ type, count }) or an instance fleet ({ types, capacity }).","properties":{"type":{"type":"string","minLength":1,"description":"Instance type of an instance group, e.g. 'm5.xlarge'."},"count":{"type":"integer","minimum":1,"maximum":10000,"description":"Number of instances of the group (default 1)."},"types":{"type":"array","items":{"type":"string","minLength":1},"minItems":1,"maxItems":30,"uniqueItems":true,"description":"Instance types of an instance fleet; EMR picks among them, e.g. ['r5.2xlarge', 'r5a.2xlarge', 'r6i.2xlarge']."},"capacity":{"type":"integer","minimum":1,"maximum":10000,"description":"Target capacity of the fleet in instances (default 1), on Spot when the role is listed in spot."},"ebsSizeGb":{"type":"integer","minimum":1,"maximum":16384,"description":"An extra gp3 EBS volume of this size on each instance."}}},"task":{"type":"object","additionalProperties":false,"description":"Task nodes (tasks only; safe on Spot): an instance group ({ type, count }) or an instance fleet ({ types, capacity }).","properties":{"type":{"type":"string","minLength":1,"description":"Instance type of an instance group, e.g. 'm5.xlarge'."},"count":{"type":"integer","minimum":1,"maximum":10000,"description":"Number of instances of the group (default 1)."},"types":{"type":"array","items":{"type":"string","minLength":1},"minItems":1,"maxItems":30,"uniqueItems":true,"description":"Instance types of an instance fleet; EMR picks among them, e.g. ['r5.2xlarge', 'r5a.2xlarge', 'r6i.2xlarge']."},"capacity":{"type":"integer","minimum":1,"maximum":10000,"description":"Target capacity of the fleet in instances (default 1), on Spot when the role is listed in spot."},"ebsSizeGb":{"type":"integer","minimum":1,"maximum":16384,"description":"An extra gp3 EBS volume of this size on each instance."}}},"subnets":{"type":"array","items":{"type":"string","pattern":"^subnet-[0-9a-f]{8,17}$"},"minItems":1,"uniqueItems":true,"description":"VPC subnet ids: one for instance groups, one or more for instance fleets (EMR picks one)."},"keyName":{"type":"string","minLength":1,"description":"EC2 key pair for SSH to the nodes."},"terminationProtected":{"type":"boolean","default":false,"description":"Protect the cluster from termination (by API calls and errors)."}}},"spot":{"type":"array","items":{"type":"string","enum":["master","core","task"]},"uniqueItems":true,"description":"Node roles whose capacity runs on Spot instances: 'task' (and 'core' if HDFS loss is acceptable); never the primary node."},"steps":{"type":"array","items":{"type":"object","description":"One EMR step: a JAR (default command-runner.jar) and its arguments.","properties":{"name":{"type":"string","minLength":1,"maxLength":256,"description":"Step name, shown in the EMR console."},"jar":{"type":"string","minLength":1,"description":"JAR to run: an S3 URI or a path on the cluster. Default 'command-runner.jar' (args are then the command, e.g. spark-submit ...)."},"mainClass":{"type":"string","minLength":1,"description":"Main class of the JAR, when its manifest names none."},"args":{"type":"array","items":{"type":"string"},"description":"Arguments of the JAR; with command-runner.jar, the command: ['spark-submit', '--deploy-mode', 'cluster', 's3://...']. Jinja such as {{ ds }} is rendered by Airflow."},"actionOnFailure":{"type":"string","enum":["CANCEL_AND_WAIT","CONTINUE","TERMINATE_CLUSTER"],"default":"CANCEL_AND_WAIT","description":"What EMR does when the step fails: cancel the steps after it (CANCEL_AND_WAIT), go on (CONTINUE) or terminate the cluster (TERMINATE_CLUSTER)."}},"required":["name","args"],"additionalProperties":false},"minItems":1,"maxItems":256,"description":"Steps the cluster runs as soon as it is up, in order."},"terminateAfter":{"type":"string","description":"Terminate the cluster after it has been idle this long (AutoTerminationPolicy, 1m to 7d; EMR 5.30.0+ or 6.1.0+), e.g. '30m'."},"keepAlive":{"type":"boolean","description":"Keep the cluster when it has no steps left (KeepJobFlowAliveWhenNoSteps). Default: true without steps (later emr.steps add them), false with steps (the cluster ends after them)."},"applications":{"type":"array","items":{"type":"string"},"description":"Applications to install, e.g. ['Spark', 'Hadoop'].","default":["Spark"],"minItems":1,"uniqueItems":true},"logUri":{"type":"string","description":"S3 URI where EMR writes the cluster logs."},"serviceRole":{"type":"string","minLength":1,"description":"IAM role (name or ARN) of the EMR service.","default":"EMR_DefaultRole"},"jobFlowRole":{"type":"string","minLength":1,"description":"EC2 instance profile of the nodes.","default":"EMR_EC2_DefaultRole"},"securityConfiguration":{"type":"string","minLength":1,"description":"EMR security configuration (encryption, Kerberos) of the cluster."},"configurations":{"type":"array","items":{"type":"object"},"description":"Configuration classifications as RunJobFlow takes them, e.g. [{ Classification: 'spark-defaults', Properties: { 'spark.dynamicAllocation.enabled': 'true' } }]."},"stepConcurrencyLevel":{"type":"integer","description":"How many steps may run at once.","minimum":1,"maximum":256,"default":1},"tags":{"type":"object","additionalProperties":{"type":"string"},"description":"Tags of the cluster (and its instances)."},"waitFor":{"type":"string","enum":["none","ready","terminated"],"description":"What the task waits for: nothing (none), a cluster ready for steps (ready), or a cluster that ran its steps and terminated (terminated; amazon provider 9.12.0+, not on Airflow 2.10.3).","default":"ready"},"maxWait":{"type":"string","description":"How long the task waits before it fails, e.g. '6h'. Default: the step's executionTimeout when set, else the operator's own limit (1 hour: 60 polls a minute apart)."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","name","releaseLabel","instances"],"additionalProperties":false},"step.emr.steps":{"type":"object","description":"Add steps to an EMR cluster and wait for them (EmrAddStepsOperator + EmrStepSensor).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"emr.steps","description":"Step kind."},"cluster":{"type":"string","minLength":1,"description":"Id of the running cluster (job flow), e.g. 'j-2AXXXXXXGAPLF', or Jinja that renders to one."},"clusterStep":{"type":"string","minLength":1,"description":"Id of the emr.cluster step (upstream of this one) whose cluster runs the steps."},"steps":{"type":"array","items":{"type":"object","description":"One EMR step: a JAR (default command-runner.jar) and its arguments.","properties":{"name":{"type":"string","minLength":1,"maxLength":256,"description":"Step name, shown in the EMR console."},"jar":{"type":"string","minLength":1,"description":"JAR to run: an S3 URI or a path on the cluster. Default 'command-runner.jar' (args are then the command, e.g. spark-submit ...)."},"mainClass":{"type":"string","minLength":1,"description":"Main class of the JAR, when its manifest names none."},"args":{"type":"array","items":{"type":"string"},"description":"Arguments of the JAR; with command-runner.jar, the command: ['spark-submit', '--deploy-mode', 'cluster', 's3://...']. Jinja such as {{ ds }} is rendered by Airflow."},"actionOnFailure":{"type":"string","enum":["CANCEL_AND_WAIT","CONTINUE","TERMINATE_CLUSTER"],"default":"CANCEL_AND_WAIT","description":"What EMR does when the step fails: cancel the steps after it (CANCEL_AND_WAIT), go on (CONTINUE) or terminate the cluster (TERMINATE_CLUSTER)."}},"required":["name","args"],"additionalProperties":false},"minItems":1,"maxItems":256,"description":"Steps to add, run in order."},"executionRole":{"type":"string","description":"IAM role ARN the steps run as (EMR runtime roles; the cluster needs a security configuration that allows them)."},"waitForCompletion":{"type":"boolean","description":"Wait until the last step has finished (EmrStepSensor task `<id>_wait`), failing when a step fails.","default":true},"maxWait":{"type":"string","description":"How long the sensor waits for the steps before it fails, e.g. '6h'. Default: Airflow's sensor timeout (7 days)."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","steps"],"additionalProperties":false},"step.emr.serverless":{"type":"object","description":"Run a Spark job on an EMR Serverless application (EmrServerlessStartJobOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"emr.serverless","description":"Step kind."},"application":{"type":"string","minLength":1,"description":"Id of the EMR Serverless application (e.g. 00fabcdefg123456)."},"executionRole":{"type":"string","description":"ARN of the IAM role the job run assumes."},"entryPoint":{"type":"string","minLength":1,"description":"The Spark program: S3 URI (or local:// path) of the script or JAR."},"arguments":{"type":"array","items":{"type":"string"},"description":"Arguments passed to the program (entryPointArguments); Jinja such as {{ ds }} is rendered by Airflow."},"sparkSubmitParameters":{"type":"string","minLength":1,"description":"spark-submit options, e.g. '--conf spark.executor.cores=4 --conf spark.executor.memory=16g'."},"configurationOverrides":{"type":"object","additionalProperties":false,"description":"StartJobRun configurationOverrides: Spark/Hive configuration classifications and where logs go.","properties":{"applicationConfiguration":{"type":"array","description":"Configuration classifications, e.g. [{ classification: 'spark-defaults', properties: { 'spark.dynamicAllocation.enabled': 'false' } }].","items":{"type":"object"}},"monitoringConfiguration":{"type":"object","description":"Where logs go, e.g. { s3MonitoringConfiguration: { logUri: 's3://bucket/emr-serverless-logs/' } }."}}},"name":{"type":"string","minLength":1,"description":"Name of the job run (default: the operator's emr_serverless_job_airflow_<uuid>).","maxLength":256},"waitForCompletion":{"type":"boolean","description":"Wait for the job run to finish, failing the task when it fails.","default":true},"maxWait":{"type":"string","description":"How long the task waits before it fails, e.g. '6h'. Default: the step's executionTimeout when set, else the operator's own limit (25 minutes: 25 polls a minute apart)."},"cancelOnKill":{"type":"boolean","description":"Cancel the job run when the task is killed or times out (amazon provider 9.22.0+: Airflow 2.11.2 and 3.3.1)."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","application","executionRole","entryPoint"],"additionalProperties":false},"step.flink.start":{"type":"object","description":"Start a Managed Service for Apache Flink application (KinesisAnalyticsV2StartApplicationOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"flink.start","description":"Step kind."},"application":{"type":"string","minLength":1,"description":"Name of the Managed Service for Apache Flink application."},"runConfiguration":{"type":"object","additionalProperties":false,"description":"How the application starts: from which snapshot it restores its state (StartApplication RunConfiguration).","properties":{"applicationRestoreType":{"type":"string","enum":["SKIP_RESTORE_FROM_SNAPSHOT","RESTORE_FROM_LATEST_SNAPSHOT","RESTORE_FROM_CUSTOM_SNAPSHOT"],"description":"Restore no state (SKIP_RESTORE_FROM_SNAPSHOT), the latest snapshot (RESTORE_FROM_LATEST_SNAPSHOT) or snapshotName (RESTORE_FROM_CUSTOM_SNAPSHOT). Default: the application’s own setting."},"snapshotName":{"type":"string","minLength":1,"description":"Snapshot to restore from, with RESTORE_FROM_CUSTOM_SNAPSHOT.","maxLength":256},"allowNonRestoredState":{"type":"boolean","description":"Start even when the snapshot holds state that the new program cannot map to an operator (Flink --allowNonRestoredState)."}}},"waitForCompletion":{"type":"boolean","description":"Wait until the application is RUNNING.","default":true},"maxWait":{"type":"string","description":"How long the task waits before it fails, e.g. '6h'. Default: the step's executionTimeout when set, else the operator's own limit (20 minutes: 20 polls a minute apart)."},"stopAtEnd":{"type":"boolean","description":"Stop the application when the rest of the DAG run is done, failed or not (a KinesisAnalyticsV2StopApplicationOperator teardown task `<id>_stop`; the start becomes its setup).","default":false},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","application"],"additionalProperties":false},"step.lambda.invoke":{"type":"object","description":"Invoke an AWS Lambda function with a JSON payload (LambdaInvokeFunctionOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"lambda.invoke","description":"Step kind."},"function":{"type":"string","minLength":1,"description":"Function name, partial ARN or ARN; may end in :VERSION or :ALIAS."},"payload":{"type":"object","description":"Event passed to the function, sent as JSON. Jinja in its strings is rendered by Airflow."},"invocationType":{"type":"string","enum":["RequestResponse","Event","DryRun"],"description":"RequestResponse: wait for the result (a function error fails the task); Event: queue the event and return; DryRun: only check permissions.","default":"RequestResponse"},"qualifier":{"type":"string","minLength":1,"description":"Version or alias to invoke (instead of a :QUALIFIER suffix on function)."},"tailLogs":{"type":"boolean","description":"Copy the last 4 KB of the function's log into the task log (RequestResponse only).","default":false},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","function"],"additionalProperties":false},"step.stepfunctions.start":{"type":"object","description":"Start an AWS Step Functions execution and wait for it (StepFunctionStartExecutionOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"stepfunctions.start","description":"Step kind."},"stateMachine":{"type":"string","minLength":1,"description":"State machine ARN (arn:aws:states:REGION:ACCOUNT:stateMachine:NAME)."},"input":{"type":"object","description":"Execution input (a JSON object). Jinja in its strings is rendered by Airflow."},"name":{"type":"string","minLength":1,"description":"Execution name, unique per state machine for 90 days, e.g. 'export-{{ ds_nodash }}'; default: generated."},"waitForCompletion":{"type":"boolean","description":"Wait until the execution succeeds; a failed, timed-out or aborted execution fails the task.","default":true},"pollInterval":{"type":"string","description":"Time between status checks while waiting, e.g. '30s'.","default":"60s"},"timeout":{"type":"string","description":"Fail the task when the execution has not finished after this long, e.g. '4h'.","default":"7d"},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","stateMachine"],"additionalProperties":false},"step.eventbridge.put":{"type":"object","description":"Send custom events to Amazon EventBridge (EventBridgePutEventsOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"eventbridge.put","description":"Step kind."},"entries":{"type":"array","minItems":1,"maxItems":10,"description":"The events to send (1 to 10, one PutEvents call).","items":{"type":"object","additionalProperties":false,"required":["source","detailType","detail"],"properties":{"source":{"type":"string","minLength":1,"description":"Event source, e.g. 'com.acme.ingest' (names starting with 'aws.' belong to AWS services).","maxLength":256},"detailType":{"type":"string","minLength":1,"description":"Event type, matched by rules' detail-type, e.g. 'PartitionLanded'.","maxLength":128},"detail":{"type":"object","description":"Event body (a JSON object), sent as JSON. Jinja in its strings is rendered by Airflow."},"eventBusName":{"type":"string","minLength":1,"description":"Event bus name or ARN; default: the account's 'default' bus.","maxLength":1600},"resources":{"type":"array","items":{"type":"string","minLength":1},"description":"ARNs of the AWS resources the event is about."}}}},"endpointId":{"type":"string","minLength":1,"description":"Global endpoint id (multi-Region failover), e.g. abcde.veo."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","entries"],"additionalProperties":false},"step.s3.put":{"type":"object","description":"Write an S3 object whose content is in the pipeline (S3CreateObjectOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"s3.put","description":"Step kind."},"bucket":{"type":"string","minLength":1,"description":"Bucket name (without s3://)."},"key":{"type":"string","minLength":1,"description":"Object key inside the bucket, e.g. 'features/dt={{ ds }}/_SUCCESS'."},"data":{"type":["string","object","array"],"description":"Object content: text as written, or a map or list written as JSON. Jinja is rendered by Airflow."},"replace":{"type":"boolean","description":"Overwrite the object when it exists; when false an existing object fails the task.","default":false},"encrypt":{"type":"boolean","description":"Encrypt the object with S3-managed keys (SSE-S3).","default":false},"compression":{"type":"string","enum":["gzip"],"description":"Compress the content before writing it."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","bucket","key","data"],"additionalProperties":false},"step.airflow.operator":{"type":"object","description":"Any Airflow operator or sensor class, by dotted path, with keyword arguments (the escape hatch).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"airflow.operator","description":"Step kind."},"operator":{"type":"string","minLength":1,"description":"Dotted path of the operator or sensor class, e.g. 'airflow.providers.amazon.aws.sensors.glue.GlueJobSensor'."},"arguments":{"type":"object","description":"The class's constructor arguments (keyword arguments), e.g. { job_name: clean-events }."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","operator"],"additionalProperties":false}}};
const schema12 = {"type":"object","description":"An Airflow Param: a default and JSON Schema keywords that Airflow checks on trigger.","properties":{"default":{"description":"Default value."},"type":{"description":"JSON type(s) of the value.","anyOf":[{"type":"string","enum":["string","number","integer","boolean","object","array","null"],"description":""},{"type":"array","items":{"type":"string","enum":["string","number","integer","boolean","object","array","null"],"description":""}}]},"description":{"type":"string","description":"Shown in the trigger form."},"title":{"type":"string","description":"Label in the trigger form."},"enum":{"type":"array","description":"Allowed values."},"minimum":{"type":"number","description":"Smallest allowed number."},"maximum":{"type":"number","description":"Largest allowed number."},"minLength":{"type":"integer","description":"Shortest allowed string.","minimum":0},"maxLength":{"type":"integer","description":"Longest allowed string.","minimum":0},"pattern":{"type":"string","description":"Regular expression a string value must match."},"format":{"type":"string","description":"JSON Schema format, e.g. 'date'."}},"additionalProperties":false};
const schema13 = {"type":"object","description":"Run an AWS Glue job (GlueJobOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"glue.job","description":"Step kind."},"job":{"type":"string","minLength":1,"description":"Name of the Glue job."},"arguments":{"type":"object","additionalProperties":{"type":"string"},"description":"Job run arguments, e.g. { '--run_date': '{{ ds }}' }."},"workerType":{"type":"string","enum":["G.025X","G.1X","G.2X","G.4X","G.8X","G.12X","G.16X","R.1X","R.2X","R.4X","R.8X","Z.2X"],"description":"Worker type for this run."},"numberOfWorkers":{"type":"integer","description":"Number of workers for this run.","minimum":1,"maximum":299999},"scriptLocation":{"type":"string","description":"S3 URI of the job script; used when dagsmith has to create the job."},"role":{"type":"string","minLength":1,"description":"IAM role (name or ARN) the job runs as; used when the job is created."},"glueVersion":{"type":"string","description":"Glue version, e.g. '4.0'; used when the job is created.","pattern":"^\\d+\\.\\d+$"},"securityConfiguration":{"type":"string","minLength":1,"description":"Glue security configuration (encryption settings) for this run."},"waitForCompletion":{"type":"boolean","description":"Wait for the job run to finish.","default":true},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","job"],"additionalProperties":false};
const schema14 = {"type":"object","description":"Run an AWS Glue crawler, creating or updating it when role and s3Targets are given (GlueCrawlerOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"glue.crawler","description":"Step kind."},"crawler":{"type":"string","minLength":1,"description":"Name of the Glue crawler."},"role":{"type":"string","minLength":1,"description":"IAM role (name or ARN) the crawler runs as. With s3Targets, the crawler is created when it does not exist and updated when its settings differ."},"database":{"type":"string","minLength":1,"description":"Glue Data Catalog database the crawler writes its tables to."},"s3Targets":{"type":"array","items":{"type":"string"},"description":"S3 URIs (s3://bucket/prefix/) the crawler crawls.","minItems":1},"waitForCompletion":{"type":"boolean","description":"Wait for the crawl to finish.","default":true},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","crawler"],"additionalProperties":false};
const schema15 = {"type":"object","description":"Run SQL on Amazon Redshift through the Redshift Data API (RedshiftDataOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"redshift.sql","description":"Step kind."},"sql":{"type":["string","array"],"minLength":1,"items":{"type":"string","minLength":1},"minItems":1,"description":"The SQL to run, with Airflow Jinja allowed; exactly one of 'sql' and 'sqlFile'. Several statements (separated by ';' or given as a list) run as one transaction."},"sqlFile":{"type":"string","minLength":1,"description":"Path of a file holding the SQL to run, relative to the pipeline file; its text is inlined into the DAG."},"parameters":{"type":"object","additionalProperties":{"type":"string","minLength":1},"description":"Values of named parameters (:name) of a single-statement SQL, sent as Data API parameters.","minProperties":1,"propertyNames":{"pattern":"^[0-9A-Za-z_]+$"}},"database":{"type":"string","minLength":1,"description":"Database to run the statements in."},"cluster":{"type":"string","minLength":1,"description":"Identifier of the provisioned Redshift cluster; exactly one of 'cluster' and 'workgroup'."},"workgroup":{"type":"string","minLength":1,"description":"Redshift Serverless workgroup name; exactly one of 'cluster' and 'workgroup'."},"secretArn":{"type":"string","description":"ARN of the Secrets Manager secret holding the database credentials; default: temporary credentials from the IAM identity of the AWS connection."},"dbUser":{"type":"string","minLength":1,"description":"Database user to get temporary credentials for (provisioned clusters only; not with secretArn)."},"waitForCompletion":{"type":"boolean","description":"Wait for the statements to finish (and fail the task when they fail).","default":true},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","database"],"additionalProperties":false};
const schema16 = {"type":"object","description":"Load S3 data into a Redshift table with COPY, authenticated by an IAM role (RedshiftDataOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"redshift.copy","description":"Step kind."},"from":{"type":"string","description":"S3 URI of the data: a prefix, an object, or a manifest (with options: [MANIFEST])."},"schema":{"type":"string","minLength":1,"description":"Schema of the target table."},"table":{"type":"string","minLength":1,"description":"Target table."},"columns":{"type":"array","items":{"type":"string"},"description":"Target columns in the order of the fields in the data; default: all columns, in table order.","minItems":1,"uniqueItems":true},"iamRole":{"type":"string","description":"ARN of the IAM role Redshift assumes to read the data (COPY ... IAM_ROLE)."},"format":{"type":"string","enum":["CSV","JSON","PARQUET","AVRO","ORC"],"description":"Data format; omitted: Redshift's default, pipe-delimited text. JSON and AVRO map fields by name ('auto')."},"compression":{"type":"string","enum":["GZIP","BZIP2","ZSTD","LZOP","NONE"],"description":"Compression of the files; not allowed with PARQUET or ORC (Redshift reads their own compression).","default":"NONE"},"options":{"type":"array","items":{"type":"string"},"description":"More COPY parameters, appended verbatim, e.g. 'IGNOREHEADER 1' or \"TIMEFORMAT 'auto'\"."},"method":{"type":"string","enum":["append","replace","upsert"],"description":"append: add the rows; replace: delete all rows first; upsert: replace the rows whose upsertKeys match, add the rest. Always one transaction.","default":"append"},"upsertKeys":{"type":"array","items":{"type":"string"},"description":"Columns that identify a row, for method 'upsert'.","minItems":1,"uniqueItems":true},"database":{"type":"string","minLength":1,"description":"Database to run the statements in."},"cluster":{"type":"string","minLength":1,"description":"Identifier of the provisioned Redshift cluster; exactly one of 'cluster' and 'workgroup'."},"workgroup":{"type":"string","minLength":1,"description":"Redshift Serverless workgroup name; exactly one of 'cluster' and 'workgroup'."},"secretArn":{"type":"string","description":"ARN of the Secrets Manager secret holding the database credentials; default: temporary credentials from the IAM identity of the AWS connection."},"dbUser":{"type":"string","minLength":1,"description":"Database user to get temporary credentials for (provisioned clusters only; not with secretArn)."},"waitForCompletion":{"type":"boolean","description":"Wait for the statements to finish (and fail the task when they fail).","default":true},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","from","schema","table","iamRole","database"],"additionalProperties":false};
const schema17 = {"type":"object","description":"Wait for one or more S3 keys to exist (S3KeySensor).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"s3.wait","description":"Step kind."},"bucket":{"type":"string","minLength":1,"description":"Bucket name (without s3://)."},"key":{"type":["string","array"],"minLength":1,"items":{"type":"string","minLength":1},"minItems":1,"description":"Key, or list of keys, that must all exist; Unix wildcards when wildcard is true."},"wildcard":{"type":"boolean","description":"Read the keys as Unix wildcard patterns ('*', '?', '[...]').","default":false},"timeout":{"type":"string","description":"Fail when the keys do not exist after this long, e.g. '6h'; default: Airflow's sensors.default_timeout (7 days)."},"pokeInterval":{"type":"string","description":"Time between checks, e.g. '5m'; default: Airflow's, 60 seconds."},"mode":{"type":"string","enum":["poke","reschedule","deferrable"],"description":"poke: hold a worker slot between checks; reschedule: free it between checks; deferrable: wait in the triggerer. Default: deferrable when the step is deferrable, else poke."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","bucket","key"],"additionalProperties":false};
const schema18 = {"type":"object","description":"Copy one S3 object (S3CopyObjectOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"s3.copy","description":"Step kind."},"from":{"type":"string","description":"S3 URI of the object to copy (s3://bucket/key)."},"to":{"type":"string","description":"S3 URI of the copy (s3://bucket/key)."},"kmsKeyId":{"type":"string","minLength":1,"description":"KMS key for the copy. Not supported by S3CopyObjectOperator in the MWAA provider versions: the destination bucket’s default encryption applies."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","from","to"],"additionalProperties":false};
const schema19 = {"type":"object","description":"Delete S3 objects by key or by prefix (S3DeleteObjectsOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"s3.delete","description":"Step kind."},"bucket":{"type":"string","minLength":1,"description":"Bucket name (without s3://)."},"keys":{"type":["string","array"],"minLength":1,"items":{"type":"string","minLength":1},"minItems":1,"description":"Key, or list of keys, to delete; exactly one of 'keys' and 'prefix'."},"prefix":{"type":"string","minLength":1,"description":"Delete every object whose key starts with this; exactly one of 'keys' and 'prefix'."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","bucket"],"additionalProperties":false};
const schema20 = {"type":"object","description":"Run an Amazon Athena query (AthenaOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"athena.query","description":"Step kind."},"query":{"type":"string","minLength":1,"description":"The query (one SQL statement), with Airflow Jinja allowed; exactly one of 'query' and 'queryFile'."},"queryFile":{"type":"string","minLength":1,"description":"Path of a file holding the query (one SQL statement), relative to the pipeline file; its text is inlined into the DAG."},"database":{"type":"string","minLength":1,"description":"Database the query runs in."},"outputLocation":{"type":"string","description":"S3 URI where Athena writes the query results, e.g. s3://bucket/athena-results/."},"workgroup":{"type":"string","minLength":1,"description":"Athena workgroup.","default":"primary"},"catalog":{"type":"string","minLength":1,"description":"Data catalog.","default":"AwsDataCatalog"},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","database","outputLocation"],"additionalProperties":false};
const schema21 = {"type":"object","description":"Run an AWS Glue DataBrew job (GlueDataBrewStartJobOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"glue.databrew","description":"Step kind."},"job":{"type":"string","minLength":1,"description":"Name of the DataBrew job (recipe or profile job).","maxLength":240},"waitForCompletion":{"type":"boolean","description":"Wait for the job run to finish (SUCCEEDED), failing the task when it fails.","default":true},"maxWait":{"type":"string","description":"How long the task waits before it fails, e.g. '6h'. Default: the step's executionTimeout when set, else the operator's own limit (30 minutes: 60 polls 30 seconds apart)."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","job"],"additionalProperties":false};
const schema22 = {"type":"object","description":"Create an EMR cluster, with Spot capacity, steps and auto-termination (EmrCreateJobFlowOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"emr.cluster","description":"Step kind."},"name":{"type":"string","minLength":1,"description":"Name of the cluster.","maxLength":256},"releaseLabel":{"type":"string","minLength":1,"description":"EMR release, e.g. 'emr-7.2.0'."},"instances":{"type":"object","additionalProperties":false,"description":"The nodes: master (the primary node), core and task, each an instance group { type, count } or an instance fleet { types, capacity } (one form for the whole cluster).","required":["master"],"properties":{"master":{"type":"object","additionalProperties":false,"description":"The primary node (EMR: MASTER): an instance group ({ type, count }) or an instance fleet ({ types, capacity }).","properties":{"type":{"type":"string","minLength":1,"description":"Instance type of an instance group, e.g. 'm5.xlarge'."},"count":{"type":"integer","minimum":1,"maximum":10000,"description":"Number of instances of the group (default 1)."},"types":{"type":"array","items":{"type":"string","minLength":1},"minItems":1,"maxItems":30,"uniqueItems":true,"description":"Instance types of an instance fleet; EMR picks among them, e.g. ['r5.2xlarge', 'r5a.2xlarge', 'r6i.2xlarge']."},"capacity":{"type":"integer","minimum":1,"maximum":10000,"description":"Target capacity of the fleet in instances (default 1), on Spot when the role is listed in spot."},"ebsSizeGb":{"type":"integer","minimum":1,"maximum":16384,"description":"An extra gp3 EBS volume of this size on each instance."}}},"core":{"type":"object","additionalProperties":false,"description":"Core nodes (HDFS and tasks): an instance group ({ type, count }) or an instance fleet ({ types, capacity }).","properties":{"type":{"type":"string","minLength":1,"description":"Instance type of an instance group, e.g. 'm5.xlarge'."},"count":{"type":"integer","minimum":1,"maximum":10000,"description":"Number of instances of the group (default 1)."},"types":{"type":"array","items":{"type":"string","minLength":1},"minItems":1,"maxItems":30,"uniqueItems":true,"description":"Instance types of an instance fleet; EMR picks among them, e.g. ['r5.2xlarge', 'r5a.2xlarge', 'r6i.2xlarge']."},"capacity":{"type":"integer","minimum":1,"maximum":10000,"description":"Target capacity of the fleet in instances (default 1), on Spot when the role is listed in spot."},"ebsSizeGb":{"type":"integer","minimum":1,"maximum":16384,"description":"An extra gp3 EBS volume of this size on each instance."}}},"task":{"type":"object","additionalProperties":false,"description":"Task nodes (tasks only; safe on Spot): an instance group ({ type, count }) or an instance fleet ({ types, capacity }).","properties":{"type":{"type":"string","minLength":1,"description":"Instance type of an instance group, e.g. 'm5.xlarge'."},"count":{"type":"integer","minimum":1,"maximum":10000,"description":"Number of instances of the group (default 1)."},"types":{"type":"array","items":{"type":"string","minLength":1},"minItems":1,"maxItems":30,"uniqueItems":true,"description":"Instance types of an instance fleet; EMR picks among them, e.g. ['r5.2xlarge', 'r5a.2xlarge', 'r6i.2xlarge']."},"capacity":{"type":"integer","minimum":1,"maximum":10000,"description":"Target capacity of the fleet in instances (default 1), on Spot when the role is listed in spot."},"ebsSizeGb":{"type":"integer","minimum":1,"maximum":16384,"description":"An extra gp3 EBS volume of this size on each instance."}}},"subnets":{"type":"array","items":{"type":"string","pattern":"^subnet-[0-9a-f]{8,17}$"},"minItems":1,"uniqueItems":true,"description":"VPC subnet ids: one for instance groups, one or more for instance fleets (EMR picks one)."},"keyName":{"type":"string","minLength":1,"description":"EC2 key pair for SSH to the nodes."},"terminationProtected":{"type":"boolean","default":false,"description":"Protect the cluster from termination (by API calls and errors)."}}},"spot":{"type":"array","items":{"type":"string","enum":["master","core","task"]},"uniqueItems":true,"description":"Node roles whose capacity runs on Spot instances: 'task' (and 'core' if HDFS loss is acceptable); never the primary node."},"steps":{"type":"array","items":{"type":"object","description":"One EMR step: a JAR (default command-runner.jar) and its arguments.","properties":{"name":{"type":"string","minLength":1,"maxLength":256,"description":"Step name, shown in the EMR console."},"jar":{"type":"string","minLength":1,"description":"JAR to run: an S3 URI or a path on the cluster. Default 'command-runner.jar' (args are then the command, e.g. spark-submit ...)."},"mainClass":{"type":"string","minLength":1,"description":"Main class of the JAR, when its manifest names none."},"args":{"type":"array","items":{"type":"string"},"description":"Arguments of the JAR; with command-runner.jar, the command: ['spark-submit', '--deploy-mode', 'cluster', 's3://...']. Jinja such as {{ ds }} is rendered by Airflow."},"actionOnFailure":{"type":"string","enum":["CANCEL_AND_WAIT","CONTINUE","TERMINATE_CLUSTER"],"default":"CANCEL_AND_WAIT","description":"What EMR does when the step fails: cancel the steps after it (CANCEL_AND_WAIT), go on (CONTINUE) or terminate the cluster (TERMINATE_CLUSTER)."}},"required":["name","args"],"additionalProperties":false},"minItems":1,"maxItems":256,"description":"Steps the cluster runs as soon as it is up, in order."},"terminateAfter":{"type":"string","description":"Terminate the cluster after it has been idle this long (AutoTerminationPolicy, 1m to 7d; EMR 5.30.0+ or 6.1.0+), e.g. '30m'."},"keepAlive":{"type":"boolean","description":"Keep the cluster when it has no steps left (KeepJobFlowAliveWhenNoSteps). Default: true without steps (later emr.steps add them), false with steps (the cluster ends after them)."},"applications":{"type":"array","items":{"type":"string"},"description":"Applications to install, e.g. ['Spark', 'Hadoop'].","default":["Spark"],"minItems":1,"uniqueItems":true},"logUri":{"type":"string","description":"S3 URI where EMR writes the cluster logs."},"serviceRole":{"type":"string","minLength":1,"description":"IAM role (name or ARN) of the EMR service.","default":"EMR_DefaultRole"},"jobFlowRole":{"type":"string","minLength":1,"description":"EC2 instance profile of the nodes.","default":"EMR_EC2_DefaultRole"},"securityConfiguration":{"type":"string","minLength":1,"description":"EMR security configuration (encryption, Kerberos) of the cluster."},"configurations":{"type":"array","items":{"type":"object"},"description":"Configuration classifications as RunJobFlow takes them, e.g. [{ Classification: 'spark-defaults', Properties: { 'spark.dynamicAllocation.enabled': 'true' } }]."},"stepConcurrencyLevel":{"type":"integer","description":"How many steps may run at once.","minimum":1,"maximum":256,"default":1},"tags":{"type":"object","additionalProperties":{"type":"string"},"description":"Tags of the cluster (and its instances)."},"waitFor":{"type":"string","enum":["none","ready","terminated"],"description":"What the task waits for: nothing (none), a cluster ready for steps (ready), or a cluster that ran its steps and terminated (terminated; amazon provider 9.12.0+, not on Airflow 2.10.3).","default":"ready"},"maxWait":{"type":"string","description":"How long the task waits before it fails, e.g. '6h'. Default: the step's executionTimeout when set, else the operator's own limit (1 hour: 60 polls a minute apart)."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","name","releaseLabel","instances"],"additionalProperties":false};
const schema23 = {"type":"object","description":"Add steps to an EMR cluster and wait for them (EmrAddStepsOperator + EmrStepSensor).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"emr.steps","description":"Step kind."},"cluster":{"type":"string","minLength":1,"description":"Id of the running cluster (job flow), e.g. 'j-2AXXXXXXGAPLF', or Jinja that renders to one."},"clusterStep":{"type":"string","minLength":1,"description":"Id of the emr.cluster step (upstream of this one) whose cluster runs the steps."},"steps":{"type":"array","items":{"type":"object","description":"One EMR step: a JAR (default command-runner.jar) and its arguments.","properties":{"name":{"type":"string","minLength":1,"maxLength":256,"description":"Step name, shown in the EMR console."},"jar":{"type":"string","minLength":1,"description":"JAR to run: an S3 URI or a path on the cluster. Default 'command-runner.jar' (args are then the command, e.g. spark-submit ...)."},"mainClass":{"type":"string","minLength":1,"description":"Main class of the JAR, when its manifest names none."},"args":{"type":"array","items":{"type":"string"},"description":"Arguments of the JAR; with command-runner.jar, the command: ['spark-submit', '--deploy-mode', 'cluster', 's3://...']. Jinja such as {{ ds }} is rendered by Airflow."},"actionOnFailure":{"type":"string","enum":["CANCEL_AND_WAIT","CONTINUE","TERMINATE_CLUSTER"],"default":"CANCEL_AND_WAIT","description":"What EMR does when the step fails: cancel the steps after it (CANCEL_AND_WAIT), go on (CONTINUE) or terminate the cluster (TERMINATE_CLUSTER)."}},"required":["name","args"],"additionalProperties":false},"minItems":1,"maxItems":256,"description":"Steps to add, run in order."},"executionRole":{"type":"string","description":"IAM role ARN the steps run as (EMR runtime roles; the cluster needs a security configuration that allows them)."},"waitForCompletion":{"type":"boolean","description":"Wait until the last step has finished (EmrStepSensor task `<id>_wait`), failing when a step fails.","default":true},"maxWait":{"type":"string","description":"How long the sensor waits for the steps before it fails, e.g. '6h'. Default: Airflow's sensor timeout (7 days)."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","steps"],"additionalProperties":false};
const schema24 = {"type":"object","description":"Run a Spark job on an EMR Serverless application (EmrServerlessStartJobOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"emr.serverless","description":"Step kind."},"application":{"type":"string","minLength":1,"description":"Id of the EMR Serverless application (e.g. 00fabcdefg123456)."},"executionRole":{"type":"string","description":"ARN of the IAM role the job run assumes."},"entryPoint":{"type":"string","minLength":1,"description":"The Spark program: S3 URI (or local:// path) of the script or JAR."},"arguments":{"type":"array","items":{"type":"string"},"description":"Arguments passed to the program (entryPointArguments); Jinja such as {{ ds }} is rendered by Airflow."},"sparkSubmitParameters":{"type":"string","minLength":1,"description":"spark-submit options, e.g. '--conf spark.executor.cores=4 --conf spark.executor.memory=16g'."},"configurationOverrides":{"type":"object","additionalProperties":false,"description":"StartJobRun configurationOverrides: Spark/Hive configuration classifications and where logs go.","properties":{"applicationConfiguration":{"type":"array","description":"Configuration classifications, e.g. [{ classification: 'spark-defaults', properties: { 'spark.dynamicAllocation.enabled': 'false' } }].","items":{"type":"object"}},"monitoringConfiguration":{"type":"object","description":"Where logs go, e.g. { s3MonitoringConfiguration: { logUri: 's3://bucket/emr-serverless-logs/' } }."}}},"name":{"type":"string","minLength":1,"description":"Name of the job run (default: the operator's emr_serverless_job_airflow_<uuid>).","maxLength":256},"waitForCompletion":{"type":"boolean","description":"Wait for the job run to finish, failing the task when it fails.","default":true},"maxWait":{"type":"string","description":"How long the task waits before it fails, e.g. '6h'. Default: the step's executionTimeout when set, else the operator's own limit (25 minutes: 25 polls a minute apart)."},"cancelOnKill":{"type":"boolean","description":"Cancel the job run when the task is killed or times out (amazon provider 9.22.0+: Airflow 2.11.2 and 3.3.1)."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","application","executionRole","entryPoint"],"additionalProperties":false};
const schema25 = {"type":"object","description":"Start a Managed Service for Apache Flink application (KinesisAnalyticsV2StartApplicationOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"flink.start","description":"Step kind."},"application":{"type":"string","minLength":1,"description":"Name of the Managed Service for Apache Flink application."},"runConfiguration":{"type":"object","additionalProperties":false,"description":"How the application starts: from which snapshot it restores its state (StartApplication RunConfiguration).","properties":{"applicationRestoreType":{"type":"string","enum":["SKIP_RESTORE_FROM_SNAPSHOT","RESTORE_FROM_LATEST_SNAPSHOT","RESTORE_FROM_CUSTOM_SNAPSHOT"],"description":"Restore no state (SKIP_RESTORE_FROM_SNAPSHOT), the latest snapshot (RESTORE_FROM_LATEST_SNAPSHOT) or snapshotName (RESTORE_FROM_CUSTOM_SNAPSHOT). Default: the application’s own setting."},"snapshotName":{"type":"string","minLength":1,"description":"Snapshot to restore from, with RESTORE_FROM_CUSTOM_SNAPSHOT.","maxLength":256},"allowNonRestoredState":{"type":"boolean","description":"Start even when the snapshot holds state that the new program cannot map to an operator (Flink --allowNonRestoredState)."}}},"waitForCompletion":{"type":"boolean","description":"Wait until the application is RUNNING.","default":true},"maxWait":{"type":"string","description":"How long the task waits before it fails, e.g. '6h'. Default: the step's executionTimeout when set, else the operator's own limit (20 minutes: 20 polls a minute apart)."},"stopAtEnd":{"type":"boolean","description":"Stop the application when the rest of the DAG run is done, failed or not (a KinesisAnalyticsV2StopApplicationOperator teardown task `<id>_stop`; the start becomes its setup).","default":false},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","application"],"additionalProperties":false};
const schema26 = {"type":"object","description":"Invoke an AWS Lambda function with a JSON payload (LambdaInvokeFunctionOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"lambda.invoke","description":"Step kind."},"function":{"type":"string","minLength":1,"description":"Function name, partial ARN or ARN; may end in :VERSION or :ALIAS."},"payload":{"type":"object","description":"Event passed to the function, sent as JSON. Jinja in its strings is rendered by Airflow."},"invocationType":{"type":"string","enum":["RequestResponse","Event","DryRun"],"description":"RequestResponse: wait for the result (a function error fails the task); Event: queue the event and return; DryRun: only check permissions.","default":"RequestResponse"},"qualifier":{"type":"string","minLength":1,"description":"Version or alias to invoke (instead of a :QUALIFIER suffix on function)."},"tailLogs":{"type":"boolean","description":"Copy the last 4 KB of the function's log into the task log (RequestResponse only).","default":false},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","function"],"additionalProperties":false};
const schema27 = {"type":"object","description":"Start an AWS Step Functions execution and wait for it (StepFunctionStartExecutionOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"stepfunctions.start","description":"Step kind."},"stateMachine":{"type":"string","minLength":1,"description":"State machine ARN (arn:aws:states:REGION:ACCOUNT:stateMachine:NAME)."},"input":{"type":"object","description":"Execution input (a JSON object). Jinja in its strings is rendered by Airflow."},"name":{"type":"string","minLength":1,"description":"Execution name, unique per state machine for 90 days, e.g. 'export-{{ ds_nodash }}'; default: generated."},"waitForCompletion":{"type":"boolean","description":"Wait until the execution succeeds; a failed, timed-out or aborted execution fails the task.","default":true},"pollInterval":{"type":"string","description":"Time between status checks while waiting, e.g. '30s'.","default":"60s"},"timeout":{"type":"string","description":"Fail the task when the execution has not finished after this long, e.g. '4h'.","default":"7d"},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","stateMachine"],"additionalProperties":false};
const schema28 = {"type":"object","description":"Send custom events to Amazon EventBridge (EventBridgePutEventsOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"eventbridge.put","description":"Step kind."},"entries":{"type":"array","minItems":1,"maxItems":10,"description":"The events to send (1 to 10, one PutEvents call).","items":{"type":"object","additionalProperties":false,"required":["source","detailType","detail"],"properties":{"source":{"type":"string","minLength":1,"description":"Event source, e.g. 'com.acme.ingest' (names starting with 'aws.' belong to AWS services).","maxLength":256},"detailType":{"type":"string","minLength":1,"description":"Event type, matched by rules' detail-type, e.g. 'PartitionLanded'.","maxLength":128},"detail":{"type":"object","description":"Event body (a JSON object), sent as JSON. Jinja in its strings is rendered by Airflow."},"eventBusName":{"type":"string","minLength":1,"description":"Event bus name or ARN; default: the account's 'default' bus.","maxLength":1600},"resources":{"type":"array","items":{"type":"string","minLength":1},"description":"ARNs of the AWS resources the event is about."}}}},"endpointId":{"type":"string","minLength":1,"description":"Global endpoint id (multi-Region failover), e.g. abcde.veo."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","entries"],"additionalProperties":false};
const schema29 = {"type":"object","description":"Write an S3 object whose content is in the pipeline (S3CreateObjectOperator).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"s3.put","description":"Step kind."},"bucket":{"type":"string","minLength":1,"description":"Bucket name (without s3://)."},"key":{"type":"string","minLength":1,"description":"Object key inside the bucket, e.g. 'features/dt={{ ds }}/_SUCCESS'."},"data":{"type":["string","object","array"],"description":"Object content: text as written, or a map or list written as JSON. Jinja is rendered by Airflow."},"replace":{"type":"boolean","description":"Overwrite the object when it exists; when false an existing object fails the task.","default":false},"encrypt":{"type":"boolean","description":"Encrypt the object with S3-managed keys (SSE-S3).","default":false},"compression":{"type":"string","enum":["gzip"],"description":"Compress the content before writing it."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","bucket","key","data"],"additionalProperties":false};
const schema30 = {"type":"object","description":"Any Airflow operator or sensor class, by dotted path, with keyword arguments (the escape hatch).","properties":{"id":{"type":"string","description":"Task id: letters, digits, `_`, `.` and `-`, unique in the pipeline."},"kind":{"const":"airflow.operator","description":"Step kind."},"operator":{"type":"string","minLength":1,"description":"Dotted path of the operator or sensor class, e.g. 'airflow.providers.amazon.aws.sensors.glue.GlueJobSensor'."},"arguments":{"type":"object","description":"The class's constructor arguments (keyword arguments), e.g. { job_name: clean-events }."},"dependsOn":{"type":"array","items":{"type":"string"},"description":"Ids of the steps that must finish before this one starts."},"group":{"type":"string","description":"Task group the step belongs to; its task id is then prefixed `group.` as Airflow does."},"triggerRule":{"type":"string","enum":["all_success","all_failed","all_done","all_done_setup_success","all_skipped","one_success","one_failed","one_done","none_failed","none_failed_min_one_success","none_skipped","always"],"description":"When the step runs, given its upstream steps’ states.","default":"all_success"},"produces":{"type":"array","items":{"type":"string"},"description":"Asset (dataset) URIs this step updates, e.g. `s3://bucket/prefix/`."},"retries":{"type":"integer","description":"How many times Airflow retries a failed task.","minimum":0,"maximum":100,"default":0},"retryDelay":{"type":"string","description":"Wait between retries, e.g. '5m'.","default":"5m"},"retryExponentialBackoff":{"type":"boolean","description":"Double the retry delay after each failed try.","default":false},"executionTimeout":{"type":"string","description":"Fail the task when one try runs longer than this, e.g. '2h'."},"awsConnId":{"type":"string","minLength":1,"description":"Airflow connection id used for AWS calls.","default":"aws_default"},"region":{"type":"string","minLength":1,"description":"AWS region for the operator's calls; default: the connection's region."},"deferrable":{"type":"boolean","description":"Run in deferrable mode (frees the worker slot while waiting) for kinds whose operator supports it.","default":false},"pool":{"type":"string","minLength":1,"description":"Airflow pool the task runs in."}},"required":["id","kind","operator"],"additionalProperties":false};
const func2 = Object.prototype.hasOwnProperty;
const func3 = require("ajv/dist/runtime/ucs2length").default;
const pattern0 = new RegExp("^\\d+\\.\\d+$", "u");
const pattern1 = new RegExp("^[0-9A-Za-z_]+$", "u");
const pattern2 = new RegExp("^subnet-[0-9a-f]{8,17}$", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://dagsmith.dev/schemas/pipeline.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.version === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.steps === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "steps"},message:"must have required property '"+"steps"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.version !== undefined){
let data0 = data.version;
if(1 !== data0){
const err4 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema11.properties.version,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.id !== undefined){
let data1 = data.id;
if(typeof data1 !== "string"){
const err5 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.id.type,parentSchema:schema11.properties.id,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.description !== undefined){
let data2 = data.description;
if(typeof data2 !== "string"){
const err6 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.description.type,parentSchema:schema11.properties.description,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.owner !== undefined){
let data3 = data.owner;
if(typeof data3 === "string"){
if(func3(data3) < 1){
const err7 = {instancePath:instancePath+"/owner",schemaPath:"#/properties/owner/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.owner,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/owner",schemaPath:"#/properties/owner/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.owner.type,parentSchema:schema11.properties.owner,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.tags !== undefined){
let data4 = data.tags;
if(Array.isArray(data4)){
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
if(typeof data5 === "string"){
if(func3(data5) > 100){
const err9 = {instancePath:instancePath+"/tags/" + i0,schemaPath:"#/properties/tags/items/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema11.properties.tags.items,data:data5};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(func3(data5) < 1){
const err10 = {instancePath:instancePath+"/tags/" + i0,schemaPath:"#/properties/tags/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.tags.items,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/tags/" + i0,schemaPath:"#/properties/tags/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tags.items.type,parentSchema:schema11.properties.tags.items,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.tags.type,parentSchema:schema11.properties.tags,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.schedule !== undefined){
let data6 = data.schedule;
if(((typeof data6 !== "string") && (data6 !== null)) && (!(data6 && typeof data6 == "object" && !Array.isArray(data6)))){
const err13 = {instancePath:instancePath+"/schedule",schemaPath:"#/properties/schedule/type",keyword:"type",params:{type: schema11.properties.schedule.type},message:"must be string,null,object",schema:schema11.properties.schedule.type,parentSchema:schema11.properties.schedule,data:data6};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(Object.keys(data6).length < 1){
const err14 = {instancePath:instancePath+"/schedule",schemaPath:"#/properties/schedule/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema11.properties.schedule,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
for(const key1 in data6){
if(!((key1 === "every") || (key1 === "assets"))){
const err15 = {instancePath:instancePath+"/schedule",schemaPath:"#/properties/schedule/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.schedule,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data6.every !== undefined){
let data7 = data6.every;
if(typeof data7 !== "string"){
const err16 = {instancePath:instancePath+"/schedule/every",schemaPath:"#/properties/schedule/properties/every/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.schedule.properties.every.type,parentSchema:schema11.properties.schedule.properties.every,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data6.assets !== undefined){
let data8 = data6.assets;
if(Array.isArray(data8)){
if(data8.length < 1){
const err17 = {instancePath:instancePath+"/schedule/assets",schemaPath:"#/properties/schedule/properties/assets/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.schedule.properties.assets,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
const len1 = data8.length;
for(let i1=0; i1<len1; i1++){
let data9 = data8[i1];
if(typeof data9 !== "string"){
const err18 = {instancePath:instancePath+"/schedule/assets/" + i1,schemaPath:"#/properties/schedule/properties/assets/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.schedule.properties.assets.items.type,parentSchema:schema11.properties.schedule.properties.assets.items,data:data9};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/schedule/assets",schemaPath:"#/properties/schedule/properties/assets/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.schedule.properties.assets.type,parentSchema:schema11.properties.schedule.properties.assets,data:data8};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
}
if(data.startDate !== undefined){
let data10 = data.startDate;
if(typeof data10 !== "string"){
const err20 = {instancePath:instancePath+"/startDate",schemaPath:"#/properties/startDate/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.startDate.type,parentSchema:schema11.properties.startDate,data:data10};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.timezone !== undefined){
let data11 = data.timezone;
if(typeof data11 !== "string"){
const err21 = {instancePath:instancePath+"/timezone",schemaPath:"#/properties/timezone/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.timezone.type,parentSchema:schema11.properties.timezone,data:data11};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.catchup !== undefined){
let data12 = data.catchup;
if(typeof data12 !== "boolean"){
const err22 = {instancePath:instancePath+"/catchup",schemaPath:"#/properties/catchup/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.catchup.type,parentSchema:schema11.properties.catchup,data:data12};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.maxActiveRuns !== undefined){
let data13 = data.maxActiveRuns;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err23 = {instancePath:instancePath+"/maxActiveRuns",schemaPath:"#/properties/maxActiveRuns/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.maxActiveRuns.type,parentSchema:schema11.properties.maxActiveRuns,data:data13};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 < 1 || isNaN(data13)){
const err24 = {instancePath:instancePath+"/maxActiveRuns",schemaPath:"#/properties/maxActiveRuns/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.maxActiveRuns,data:data13};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
if(data.dagrunTimeout !== undefined){
let data14 = data.dagrunTimeout;
if(typeof data14 !== "string"){
const err25 = {instancePath:instancePath+"/dagrunTimeout",schemaPath:"#/properties/dagrunTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.dagrunTimeout.type,parentSchema:schema11.properties.dagrunTimeout,data:data14};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.params !== undefined){
let data15 = data.params;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
for(const key2 in data15){
let data16 = data15[key2];
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
for(const key3 in data16){
if(!(func2.call(schema12.properties, key3))){
const err26 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/param/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema12,data:data16};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data16.type !== undefined){
let data17 = data16.type;
const _errs40 = errors;
let valid9 = false;
const _errs41 = errors;
if(typeof data17 !== "string"){
const err27 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/type",schemaPath:"#/definitions/param/properties/type/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.type.anyOf[0].type,parentSchema:schema12.properties.type.anyOf[0],data:data17};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(!(((((((data17 === "string") || (data17 === "number")) || (data17 === "integer")) || (data17 === "boolean")) || (data17 === "object")) || (data17 === "array")) || (data17 === "null"))){
const err28 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/type",schemaPath:"#/definitions/param/properties/type/anyOf/0/enum",keyword:"enum",params:{allowedValues: schema12.properties.type.anyOf[0].enum},message:"must be equal to one of the allowed values",schema:schema12.properties.type.anyOf[0].enum,parentSchema:schema12.properties.type.anyOf[0],data:data17};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
var _valid0 = _errs41 === errors;
valid9 = valid9 || _valid0;
if(!valid9){
const _errs43 = errors;
if(Array.isArray(data17)){
const len2 = data17.length;
for(let i2=0; i2<len2; i2++){
let data18 = data17[i2];
if(typeof data18 !== "string"){
const err29 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/type/" + i2,schemaPath:"#/definitions/param/properties/type/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.type.anyOf[1].items.type,parentSchema:schema12.properties.type.anyOf[1].items,data:data18};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(!(((((((data18 === "string") || (data18 === "number")) || (data18 === "integer")) || (data18 === "boolean")) || (data18 === "object")) || (data18 === "array")) || (data18 === "null"))){
const err30 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/type/" + i2,schemaPath:"#/definitions/param/properties/type/anyOf/1/items/enum",keyword:"enum",params:{allowedValues: schema12.properties.type.anyOf[1].items.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.type.anyOf[1].items.enum,parentSchema:schema12.properties.type.anyOf[1].items,data:data18};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/type",schemaPath:"#/definitions/param/properties/type/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.type.anyOf[1].type,parentSchema:schema12.properties.type.anyOf[1],data:data17};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
var _valid0 = _errs43 === errors;
valid9 = valid9 || _valid0;
}
if(!valid9){
const err32 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/type",schemaPath:"#/definitions/param/properties/type/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema12.properties.type.anyOf,parentSchema:schema12.properties.type,data:data17};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
else {
errors = _errs40;
if(vErrors !== null){
if(_errs40){
vErrors.length = _errs40;
}
else {
vErrors = null;
}
}
}
}
if(data16.description !== undefined){
let data19 = data16.description;
if(typeof data19 !== "string"){
const err33 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/description",schemaPath:"#/definitions/param/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.description.type,parentSchema:schema12.properties.description,data:data19};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data16.title !== undefined){
let data20 = data16.title;
if(typeof data20 !== "string"){
const err34 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/title",schemaPath:"#/definitions/param/properties/title/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.title.type,parentSchema:schema12.properties.title,data:data20};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data16.enum !== undefined){
let data21 = data16.enum;
if(!(Array.isArray(data21))){
const err35 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/enum",schemaPath:"#/definitions/param/properties/enum/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.enum.type,parentSchema:schema12.properties.enum,data:data21};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data16.minimum !== undefined){
let data22 = data16.minimum;
if(!((typeof data22 == "number") && (isFinite(data22)))){
const err36 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/minimum",schemaPath:"#/definitions/param/properties/minimum/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.minimum.type,parentSchema:schema12.properties.minimum,data:data22};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data16.maximum !== undefined){
let data23 = data16.maximum;
if(!((typeof data23 == "number") && (isFinite(data23)))){
const err37 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/maximum",schemaPath:"#/definitions/param/properties/maximum/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.maximum.type,parentSchema:schema12.properties.maximum,data:data23};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data16.minLength !== undefined){
let data24 = data16.minLength;
if(!(((typeof data24 == "number") && (!(data24 % 1) && !isNaN(data24))) && (isFinite(data24)))){
const err38 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/minLength",schemaPath:"#/definitions/param/properties/minLength/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.minLength.type,parentSchema:schema12.properties.minLength,data:data24};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if((typeof data24 == "number") && (isFinite(data24))){
if(data24 < 0 || isNaN(data24)){
const err39 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/minLength",schemaPath:"#/definitions/param/properties/minLength/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema12.properties.minLength,data:data24};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
if(data16.maxLength !== undefined){
let data25 = data16.maxLength;
if(!(((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25))) && (isFinite(data25)))){
const err40 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/maxLength",schemaPath:"#/definitions/param/properties/maxLength/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.maxLength.type,parentSchema:schema12.properties.maxLength,data:data25};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if((typeof data25 == "number") && (isFinite(data25))){
if(data25 < 0 || isNaN(data25)){
const err41 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/maxLength",schemaPath:"#/definitions/param/properties/maxLength/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema12.properties.maxLength,data:data25};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
if(data16.pattern !== undefined){
let data26 = data16.pattern;
if(typeof data26 !== "string"){
const err42 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/pattern",schemaPath:"#/definitions/param/properties/pattern/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.pattern.type,parentSchema:schema12.properties.pattern,data:data26};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data16.format !== undefined){
let data27 = data16.format;
if(typeof data27 !== "string"){
const err43 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/format",schemaPath:"#/definitions/param/properties/format/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.format.type,parentSchema:schema12.properties.format,data:data27};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/param/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data:data16};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
else {
const err45 = {instancePath:instancePath+"/params",schemaPath:"#/properties/params/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.params.type,parentSchema:schema11.properties.params,data:data15};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data.defaults !== undefined){
let data28 = data.defaults;
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
for(const key4 in data28){
if(!((((((((key4 === "retries") || (key4 === "retryDelay")) || (key4 === "retryExponentialBackoff")) || (key4 === "executionTimeout")) || (key4 === "awsConnId")) || (key4 === "region")) || (key4 === "deferrable")) || (key4 === "pool"))){
const err46 = {instancePath:instancePath+"/defaults",schemaPath:"#/properties/defaults/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.defaults,data:data28};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data28.retries !== undefined){
let data29 = data28.retries;
if(!(((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29))) && (isFinite(data29)))){
const err47 = {instancePath:instancePath+"/defaults/retries",schemaPath:"#/properties/defaults/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.defaults.properties.retries.type,parentSchema:schema11.properties.defaults.properties.retries,data:data29};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
if((typeof data29 == "number") && (isFinite(data29))){
if(data29 > 100 || isNaN(data29)){
const err48 = {instancePath:instancePath+"/defaults/retries",schemaPath:"#/properties/defaults/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema11.properties.defaults.properties.retries,data:data29};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if(data29 < 0 || isNaN(data29)){
const err49 = {instancePath:instancePath+"/defaults/retries",schemaPath:"#/properties/defaults/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.defaults.properties.retries,data:data29};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
}
if(data28.retryDelay !== undefined){
let data30 = data28.retryDelay;
if(typeof data30 !== "string"){
const err50 = {instancePath:instancePath+"/defaults/retryDelay",schemaPath:"#/properties/defaults/properties/retryDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.defaults.properties.retryDelay.type,parentSchema:schema11.properties.defaults.properties.retryDelay,data:data30};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data28.retryExponentialBackoff !== undefined){
let data31 = data28.retryExponentialBackoff;
if(typeof data31 !== "boolean"){
const err51 = {instancePath:instancePath+"/defaults/retryExponentialBackoff",schemaPath:"#/properties/defaults/properties/retryExponentialBackoff/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.defaults.properties.retryExponentialBackoff.type,parentSchema:schema11.properties.defaults.properties.retryExponentialBackoff,data:data31};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data28.executionTimeout !== undefined){
let data32 = data28.executionTimeout;
if(typeof data32 !== "string"){
const err52 = {instancePath:instancePath+"/defaults/executionTimeout",schemaPath:"#/properties/defaults/properties/executionTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.defaults.properties.executionTimeout.type,parentSchema:schema11.properties.defaults.properties.executionTimeout,data:data32};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data28.awsConnId !== undefined){
let data33 = data28.awsConnId;
if(typeof data33 === "string"){
if(func3(data33) < 1){
const err53 = {instancePath:instancePath+"/defaults/awsConnId",schemaPath:"#/properties/defaults/properties/awsConnId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.defaults.properties.awsConnId,data:data33};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
else {
const err54 = {instancePath:instancePath+"/defaults/awsConnId",schemaPath:"#/properties/defaults/properties/awsConnId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.defaults.properties.awsConnId.type,parentSchema:schema11.properties.defaults.properties.awsConnId,data:data33};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data28.region !== undefined){
let data34 = data28.region;
if(typeof data34 === "string"){
if(func3(data34) < 1){
const err55 = {instancePath:instancePath+"/defaults/region",schemaPath:"#/properties/defaults/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.defaults.properties.region,data:data34};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
else {
const err56 = {instancePath:instancePath+"/defaults/region",schemaPath:"#/properties/defaults/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.defaults.properties.region.type,parentSchema:schema11.properties.defaults.properties.region,data:data34};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data28.deferrable !== undefined){
let data35 = data28.deferrable;
if(typeof data35 !== "boolean"){
const err57 = {instancePath:instancePath+"/defaults/deferrable",schemaPath:"#/properties/defaults/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.defaults.properties.deferrable.type,parentSchema:schema11.properties.defaults.properties.deferrable,data:data35};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data28.pool !== undefined){
let data36 = data28.pool;
if(typeof data36 === "string"){
if(func3(data36) < 1){
const err58 = {instancePath:instancePath+"/defaults/pool",schemaPath:"#/properties/defaults/properties/pool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.defaults.properties.pool,data:data36};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
else {
const err59 = {instancePath:instancePath+"/defaults/pool",schemaPath:"#/properties/defaults/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.defaults.properties.pool.type,parentSchema:schema11.properties.defaults.properties.pool,data:data36};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
else {
const err60 = {instancePath:instancePath+"/defaults",schemaPath:"#/properties/defaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.defaults.type,parentSchema:schema11.properties.defaults,data:data28};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data.notifications !== undefined){
let data37 = data.notifications;
if(data37 && typeof data37 == "object" && !Array.isArray(data37)){
for(const key5 in data37){
if(!(key5 === "onFailure")){
const err61 = {instancePath:instancePath+"/notifications",schemaPath:"#/properties/notifications/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.notifications,data:data37};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data37.onFailure !== undefined){
let data38 = data37.onFailure;
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
for(const key6 in data38){
if(!(key6 === "sns")){
const err62 = {instancePath:instancePath+"/notifications/onFailure",schemaPath:"#/properties/notifications/properties/onFailure/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.notifications.properties.onFailure,data:data38};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data38.sns !== undefined){
let data39 = data38.sns;
if(typeof data39 !== "string"){
const err63 = {instancePath:instancePath+"/notifications/onFailure/sns",schemaPath:"#/properties/notifications/properties/onFailure/properties/sns/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.notifications.properties.onFailure.properties.sns.type,parentSchema:schema11.properties.notifications.properties.onFailure.properties.sns,data:data39};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
}
else {
const err64 = {instancePath:instancePath+"/notifications/onFailure",schemaPath:"#/properties/notifications/properties/onFailure/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.notifications.properties.onFailure.type,parentSchema:schema11.properties.notifications.properties.onFailure,data:data38};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
}
else {
const err65 = {instancePath:instancePath+"/notifications",schemaPath:"#/properties/notifications/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.notifications.type,parentSchema:schema11.properties.notifications,data:data37};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data.steps !== undefined){
let data40 = data.steps;
if(Array.isArray(data40)){
if(data40.length < 1){
const err66 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.steps,data:data40};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
const len3 = data40.length;
for(let i3=0; i3<len3; i3++){
let data41 = data40[i3];
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.kind === undefined){
const err67 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/properties/steps/items/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema11.properties.steps.items.required,parentSchema:schema11.properties.steps.items,data:data41};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
if(data41.kind !== undefined){
let data42 = data41.kind;
if(typeof data42 !== "string"){
const err68 = {instancePath:instancePath+"/steps/" + i3+"/kind",schemaPath:"#/properties/steps/items/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.steps.items.properties.kind.type,parentSchema:schema11.properties.steps.items.properties.kind,data:data42};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
const tag0 = data41.kind;
if(typeof tag0 == "string"){
if(tag0 === "glue.job"){
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.id === undefined){
const err69 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.glue.job/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema13.required,parentSchema:schema13,data:data41};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
if(data41.kind === undefined){
const err70 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.glue.job/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema13.required,parentSchema:schema13,data:data41};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
if(data41.job === undefined){
const err71 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.glue.job/required",keyword:"required",params:{missingProperty: "job"},message:"must have required property '"+"job"+"'",schema:schema13.required,parentSchema:schema13,data:data41};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
for(const key7 in data41){
if(!(func2.call(schema13.properties, key7))){
const err72 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.glue.job/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema13,data:data41};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
if(data41.id !== undefined){
let data43 = data41.id;
if(typeof data43 !== "string"){
const err73 = {instancePath:instancePath+"/steps/" + i3+"/id",schemaPath:"#/definitions/step.glue.job/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.id.type,parentSchema:schema13.properties.id,data:data43};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data41.kind !== undefined){
let data44 = data41.kind;
if("glue.job" !== data44){
const err74 = {instancePath:instancePath+"/steps/" + i3+"/kind",schemaPath:"#/definitions/step.glue.job/properties/kind/const",keyword:"const",params:{allowedValue: "glue.job"},message:"must be equal to constant",schema:"glue.job",parentSchema:schema13.properties.kind,data:data44};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data41.job !== undefined){
let data45 = data41.job;
if(typeof data45 === "string"){
if(func3(data45) < 1){
const err75 = {instancePath:instancePath+"/steps/" + i3+"/job",schemaPath:"#/definitions/step.glue.job/properties/job/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.job,data:data45};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
else {
const err76 = {instancePath:instancePath+"/steps/" + i3+"/job",schemaPath:"#/definitions/step.glue.job/properties/job/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.job.type,parentSchema:schema13.properties.job,data:data45};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
if(data41.arguments !== undefined){
let data46 = data41.arguments;
if(data46 && typeof data46 == "object" && !Array.isArray(data46)){
for(const key8 in data46){
let data47 = data46[key8];
if(typeof data47 !== "string"){
const err77 = {instancePath:instancePath+"/steps/" + i3+"/arguments/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/step.glue.job/properties/arguments/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.arguments.additionalProperties.type,parentSchema:schema13.properties.arguments.additionalProperties,data:data47};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
}
else {
const err78 = {instancePath:instancePath+"/steps/" + i3+"/arguments",schemaPath:"#/definitions/step.glue.job/properties/arguments/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.properties.arguments.type,parentSchema:schema13.properties.arguments,data:data46};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
if(data41.workerType !== undefined){
let data48 = data41.workerType;
if(typeof data48 !== "string"){
const err79 = {instancePath:instancePath+"/steps/" + i3+"/workerType",schemaPath:"#/definitions/step.glue.job/properties/workerType/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.workerType.type,parentSchema:schema13.properties.workerType,data:data48};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
if(!((((((((((((data48 === "G.025X") || (data48 === "G.1X")) || (data48 === "G.2X")) || (data48 === "G.4X")) || (data48 === "G.8X")) || (data48 === "G.12X")) || (data48 === "G.16X")) || (data48 === "R.1X")) || (data48 === "R.2X")) || (data48 === "R.4X")) || (data48 === "R.8X")) || (data48 === "Z.2X"))){
const err80 = {instancePath:instancePath+"/steps/" + i3+"/workerType",schemaPath:"#/definitions/step.glue.job/properties/workerType/enum",keyword:"enum",params:{allowedValues: schema13.properties.workerType.enum},message:"must be equal to one of the allowed values",schema:schema13.properties.workerType.enum,parentSchema:schema13.properties.workerType,data:data48};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
if(data41.numberOfWorkers !== undefined){
let data49 = data41.numberOfWorkers;
if(!(((typeof data49 == "number") && (!(data49 % 1) && !isNaN(data49))) && (isFinite(data49)))){
const err81 = {instancePath:instancePath+"/steps/" + i3+"/numberOfWorkers",schemaPath:"#/definitions/step.glue.job/properties/numberOfWorkers/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema13.properties.numberOfWorkers.type,parentSchema:schema13.properties.numberOfWorkers,data:data49};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
if((typeof data49 == "number") && (isFinite(data49))){
if(data49 > 299999 || isNaN(data49)){
const err82 = {instancePath:instancePath+"/steps/" + i3+"/numberOfWorkers",schemaPath:"#/definitions/step.glue.job/properties/numberOfWorkers/maximum",keyword:"maximum",params:{comparison: "<=", limit: 299999},message:"must be <= 299999",schema:299999,parentSchema:schema13.properties.numberOfWorkers,data:data49};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
if(data49 < 1 || isNaN(data49)){
const err83 = {instancePath:instancePath+"/steps/" + i3+"/numberOfWorkers",schemaPath:"#/definitions/step.glue.job/properties/numberOfWorkers/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema13.properties.numberOfWorkers,data:data49};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
}
if(data41.scriptLocation !== undefined){
let data50 = data41.scriptLocation;
if(typeof data50 !== "string"){
const err84 = {instancePath:instancePath+"/steps/" + i3+"/scriptLocation",schemaPath:"#/definitions/step.glue.job/properties/scriptLocation/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.scriptLocation.type,parentSchema:schema13.properties.scriptLocation,data:data50};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
if(data41.role !== undefined){
let data51 = data41.role;
if(typeof data51 === "string"){
if(func3(data51) < 1){
const err85 = {instancePath:instancePath+"/steps/" + i3+"/role",schemaPath:"#/definitions/step.glue.job/properties/role/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.role,data:data51};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
else {
const err86 = {instancePath:instancePath+"/steps/" + i3+"/role",schemaPath:"#/definitions/step.glue.job/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.role.type,parentSchema:schema13.properties.role,data:data51};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
if(data41.glueVersion !== undefined){
let data52 = data41.glueVersion;
if(typeof data52 === "string"){
if(!pattern0.test(data52)){
const err87 = {instancePath:instancePath+"/steps/" + i3+"/glueVersion",schemaPath:"#/definitions/step.glue.job/properties/glueVersion/pattern",keyword:"pattern",params:{pattern: "^\\d+\\.\\d+$"},message:"must match pattern \""+"^\\d+\\.\\d+$"+"\"",schema:"^\\d+\\.\\d+$",parentSchema:schema13.properties.glueVersion,data:data52};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
else {
const err88 = {instancePath:instancePath+"/steps/" + i3+"/glueVersion",schemaPath:"#/definitions/step.glue.job/properties/glueVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.glueVersion.type,parentSchema:schema13.properties.glueVersion,data:data52};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
if(data41.securityConfiguration !== undefined){
let data53 = data41.securityConfiguration;
if(typeof data53 === "string"){
if(func3(data53) < 1){
const err89 = {instancePath:instancePath+"/steps/" + i3+"/securityConfiguration",schemaPath:"#/definitions/step.glue.job/properties/securityConfiguration/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.securityConfiguration,data:data53};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
else {
const err90 = {instancePath:instancePath+"/steps/" + i3+"/securityConfiguration",schemaPath:"#/definitions/step.glue.job/properties/securityConfiguration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.securityConfiguration.type,parentSchema:schema13.properties.securityConfiguration,data:data53};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
if(data41.waitForCompletion !== undefined){
let data54 = data41.waitForCompletion;
if(typeof data54 !== "boolean"){
const err91 = {instancePath:instancePath+"/steps/" + i3+"/waitForCompletion",schemaPath:"#/definitions/step.glue.job/properties/waitForCompletion/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema13.properties.waitForCompletion.type,parentSchema:schema13.properties.waitForCompletion,data:data54};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
if(data41.dependsOn !== undefined){
let data55 = data41.dependsOn;
if(Array.isArray(data55)){
const len4 = data55.length;
for(let i4=0; i4<len4; i4++){
let data56 = data55[i4];
if(typeof data56 !== "string"){
const err92 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn/" + i4,schemaPath:"#/definitions/step.glue.job/properties/dependsOn/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.dependsOn.items.type,parentSchema:schema13.properties.dependsOn.items,data:data56};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
}
else {
const err93 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn",schemaPath:"#/definitions/step.glue.job/properties/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema13.properties.dependsOn.type,parentSchema:schema13.properties.dependsOn,data:data55};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
if(data41.group !== undefined){
let data57 = data41.group;
if(typeof data57 !== "string"){
const err94 = {instancePath:instancePath+"/steps/" + i3+"/group",schemaPath:"#/definitions/step.glue.job/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.group.type,parentSchema:schema13.properties.group,data:data57};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
if(data41.triggerRule !== undefined){
let data58 = data41.triggerRule;
if(typeof data58 !== "string"){
const err95 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.glue.job/properties/triggerRule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.triggerRule.type,parentSchema:schema13.properties.triggerRule,data:data58};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
if(!((((((((((((data58 === "all_success") || (data58 === "all_failed")) || (data58 === "all_done")) || (data58 === "all_done_setup_success")) || (data58 === "all_skipped")) || (data58 === "one_success")) || (data58 === "one_failed")) || (data58 === "one_done")) || (data58 === "none_failed")) || (data58 === "none_failed_min_one_success")) || (data58 === "none_skipped")) || (data58 === "always"))){
const err96 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.glue.job/properties/triggerRule/enum",keyword:"enum",params:{allowedValues: schema13.properties.triggerRule.enum},message:"must be equal to one of the allowed values",schema:schema13.properties.triggerRule.enum,parentSchema:schema13.properties.triggerRule,data:data58};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
if(data41.produces !== undefined){
let data59 = data41.produces;
if(Array.isArray(data59)){
const len5 = data59.length;
for(let i5=0; i5<len5; i5++){
let data60 = data59[i5];
if(typeof data60 !== "string"){
const err97 = {instancePath:instancePath+"/steps/" + i3+"/produces/" + i5,schemaPath:"#/definitions/step.glue.job/properties/produces/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.produces.items.type,parentSchema:schema13.properties.produces.items,data:data60};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
}
else {
const err98 = {instancePath:instancePath+"/steps/" + i3+"/produces",schemaPath:"#/definitions/step.glue.job/properties/produces/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema13.properties.produces.type,parentSchema:schema13.properties.produces,data:data59};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
if(data41.retries !== undefined){
let data61 = data41.retries;
if(!(((typeof data61 == "number") && (!(data61 % 1) && !isNaN(data61))) && (isFinite(data61)))){
const err99 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.glue.job/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema13.properties.retries.type,parentSchema:schema13.properties.retries,data:data61};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
if((typeof data61 == "number") && (isFinite(data61))){
if(data61 > 100 || isNaN(data61)){
const err100 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.glue.job/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema13.properties.retries,data:data61};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
if(data61 < 0 || isNaN(data61)){
const err101 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.glue.job/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema13.properties.retries,data:data61};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
}
if(data41.retryDelay !== undefined){
let data62 = data41.retryDelay;
if(typeof data62 !== "string"){
const err102 = {instancePath:instancePath+"/steps/" + i3+"/retryDelay",schemaPath:"#/definitions/step.glue.job/properties/retryDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.retryDelay.type,parentSchema:schema13.properties.retryDelay,data:data62};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
if(data41.retryExponentialBackoff !== undefined){
let data63 = data41.retryExponentialBackoff;
if(typeof data63 !== "boolean"){
const err103 = {instancePath:instancePath+"/steps/" + i3+"/retryExponentialBackoff",schemaPath:"#/definitions/step.glue.job/properties/retryExponentialBackoff/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema13.properties.retryExponentialBackoff.type,parentSchema:schema13.properties.retryExponentialBackoff,data:data63};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
if(data41.executionTimeout !== undefined){
let data64 = data41.executionTimeout;
if(typeof data64 !== "string"){
const err104 = {instancePath:instancePath+"/steps/" + i3+"/executionTimeout",schemaPath:"#/definitions/step.glue.job/properties/executionTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.executionTimeout.type,parentSchema:schema13.properties.executionTimeout,data:data64};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
if(data41.awsConnId !== undefined){
let data65 = data41.awsConnId;
if(typeof data65 === "string"){
if(func3(data65) < 1){
const err105 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.glue.job/properties/awsConnId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.awsConnId,data:data65};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
else {
const err106 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.glue.job/properties/awsConnId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.awsConnId.type,parentSchema:schema13.properties.awsConnId,data:data65};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
if(data41.region !== undefined){
let data66 = data41.region;
if(typeof data66 === "string"){
if(func3(data66) < 1){
const err107 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.glue.job/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.region,data:data66};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
else {
const err108 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.glue.job/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.region.type,parentSchema:schema13.properties.region,data:data66};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
if(data41.deferrable !== undefined){
let data67 = data41.deferrable;
if(typeof data67 !== "boolean"){
const err109 = {instancePath:instancePath+"/steps/" + i3+"/deferrable",schemaPath:"#/definitions/step.glue.job/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema13.properties.deferrable.type,parentSchema:schema13.properties.deferrable,data:data67};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
if(data41.pool !== undefined){
let data68 = data41.pool;
if(typeof data68 === "string"){
if(func3(data68) < 1){
const err110 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.glue.job/properties/pool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.pool,data:data68};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
else {
const err111 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.glue.job/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.pool.type,parentSchema:schema13.properties.pool,data:data68};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
}
}
else {
const err112 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.glue.job/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.type,parentSchema:schema13,data:data41};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
}
else if(tag0 === "glue.crawler"){
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.id === undefined){
const err113 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.glue.crawler/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema14.required,parentSchema:schema14,data:data41};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
if(data41.kind === undefined){
const err114 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.glue.crawler/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema14.required,parentSchema:schema14,data:data41};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
if(data41.crawler === undefined){
const err115 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.glue.crawler/required",keyword:"required",params:{missingProperty: "crawler"},message:"must have required property '"+"crawler"+"'",schema:schema14.required,parentSchema:schema14,data:data41};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
for(const key9 in data41){
if(!(func2.call(schema14.properties, key9))){
const err116 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.glue.crawler/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema14,data:data41};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
if(data41.id !== undefined){
let data69 = data41.id;
if(typeof data69 !== "string"){
const err117 = {instancePath:instancePath+"/steps/" + i3+"/id",schemaPath:"#/definitions/step.glue.crawler/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.id.type,parentSchema:schema14.properties.id,data:data69};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
}
if(data41.kind !== undefined){
let data70 = data41.kind;
if("glue.crawler" !== data70){
const err118 = {instancePath:instancePath+"/steps/" + i3+"/kind",schemaPath:"#/definitions/step.glue.crawler/properties/kind/const",keyword:"const",params:{allowedValue: "glue.crawler"},message:"must be equal to constant",schema:"glue.crawler",parentSchema:schema14.properties.kind,data:data70};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
}
if(data41.crawler !== undefined){
let data71 = data41.crawler;
if(typeof data71 === "string"){
if(func3(data71) < 1){
const err119 = {instancePath:instancePath+"/steps/" + i3+"/crawler",schemaPath:"#/definitions/step.glue.crawler/properties/crawler/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.properties.crawler,data:data71};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
else {
const err120 = {instancePath:instancePath+"/steps/" + i3+"/crawler",schemaPath:"#/definitions/step.glue.crawler/properties/crawler/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.crawler.type,parentSchema:schema14.properties.crawler,data:data71};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
if(data41.role !== undefined){
let data72 = data41.role;
if(typeof data72 === "string"){
if(func3(data72) < 1){
const err121 = {instancePath:instancePath+"/steps/" + i3+"/role",schemaPath:"#/definitions/step.glue.crawler/properties/role/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.properties.role,data:data72};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
}
else {
const err122 = {instancePath:instancePath+"/steps/" + i3+"/role",schemaPath:"#/definitions/step.glue.crawler/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.role.type,parentSchema:schema14.properties.role,data:data72};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
}
if(data41.database !== undefined){
let data73 = data41.database;
if(typeof data73 === "string"){
if(func3(data73) < 1){
const err123 = {instancePath:instancePath+"/steps/" + i3+"/database",schemaPath:"#/definitions/step.glue.crawler/properties/database/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.properties.database,data:data73};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
else {
const err124 = {instancePath:instancePath+"/steps/" + i3+"/database",schemaPath:"#/definitions/step.glue.crawler/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.database.type,parentSchema:schema14.properties.database,data:data73};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
if(data41.s3Targets !== undefined){
let data74 = data41.s3Targets;
if(Array.isArray(data74)){
if(data74.length < 1){
const err125 = {instancePath:instancePath+"/steps/" + i3+"/s3Targets",schemaPath:"#/definitions/step.glue.crawler/properties/s3Targets/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema14.properties.s3Targets,data:data74};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
const len6 = data74.length;
for(let i6=0; i6<len6; i6++){
let data75 = data74[i6];
if(typeof data75 !== "string"){
const err126 = {instancePath:instancePath+"/steps/" + i3+"/s3Targets/" + i6,schemaPath:"#/definitions/step.glue.crawler/properties/s3Targets/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.s3Targets.items.type,parentSchema:schema14.properties.s3Targets.items,data:data75};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
}
}
else {
const err127 = {instancePath:instancePath+"/steps/" + i3+"/s3Targets",schemaPath:"#/definitions/step.glue.crawler/properties/s3Targets/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.s3Targets.type,parentSchema:schema14.properties.s3Targets,data:data74};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
}
if(data41.waitForCompletion !== undefined){
let data76 = data41.waitForCompletion;
if(typeof data76 !== "boolean"){
const err128 = {instancePath:instancePath+"/steps/" + i3+"/waitForCompletion",schemaPath:"#/definitions/step.glue.crawler/properties/waitForCompletion/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema14.properties.waitForCompletion.type,parentSchema:schema14.properties.waitForCompletion,data:data76};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
}
if(data41.dependsOn !== undefined){
let data77 = data41.dependsOn;
if(Array.isArray(data77)){
const len7 = data77.length;
for(let i7=0; i7<len7; i7++){
let data78 = data77[i7];
if(typeof data78 !== "string"){
const err129 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn/" + i7,schemaPath:"#/definitions/step.glue.crawler/properties/dependsOn/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.dependsOn.items.type,parentSchema:schema14.properties.dependsOn.items,data:data78};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
}
}
else {
const err130 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn",schemaPath:"#/definitions/step.glue.crawler/properties/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.dependsOn.type,parentSchema:schema14.properties.dependsOn,data:data77};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
}
if(data41.group !== undefined){
let data79 = data41.group;
if(typeof data79 !== "string"){
const err131 = {instancePath:instancePath+"/steps/" + i3+"/group",schemaPath:"#/definitions/step.glue.crawler/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.group.type,parentSchema:schema14.properties.group,data:data79};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
}
if(data41.triggerRule !== undefined){
let data80 = data41.triggerRule;
if(typeof data80 !== "string"){
const err132 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.glue.crawler/properties/triggerRule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.triggerRule.type,parentSchema:schema14.properties.triggerRule,data:data80};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
if(!((((((((((((data80 === "all_success") || (data80 === "all_failed")) || (data80 === "all_done")) || (data80 === "all_done_setup_success")) || (data80 === "all_skipped")) || (data80 === "one_success")) || (data80 === "one_failed")) || (data80 === "one_done")) || (data80 === "none_failed")) || (data80 === "none_failed_min_one_success")) || (data80 === "none_skipped")) || (data80 === "always"))){
const err133 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.glue.crawler/properties/triggerRule/enum",keyword:"enum",params:{allowedValues: schema14.properties.triggerRule.enum},message:"must be equal to one of the allowed values",schema:schema14.properties.triggerRule.enum,parentSchema:schema14.properties.triggerRule,data:data80};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
}
if(data41.produces !== undefined){
let data81 = data41.produces;
if(Array.isArray(data81)){
const len8 = data81.length;
for(let i8=0; i8<len8; i8++){
let data82 = data81[i8];
if(typeof data82 !== "string"){
const err134 = {instancePath:instancePath+"/steps/" + i3+"/produces/" + i8,schemaPath:"#/definitions/step.glue.crawler/properties/produces/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.produces.items.type,parentSchema:schema14.properties.produces.items,data:data82};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
}
}
else {
const err135 = {instancePath:instancePath+"/steps/" + i3+"/produces",schemaPath:"#/definitions/step.glue.crawler/properties/produces/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.produces.type,parentSchema:schema14.properties.produces,data:data81};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
}
if(data41.retries !== undefined){
let data83 = data41.retries;
if(!(((typeof data83 == "number") && (!(data83 % 1) && !isNaN(data83))) && (isFinite(data83)))){
const err136 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.glue.crawler/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema14.properties.retries.type,parentSchema:schema14.properties.retries,data:data83};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
if((typeof data83 == "number") && (isFinite(data83))){
if(data83 > 100 || isNaN(data83)){
const err137 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.glue.crawler/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema14.properties.retries,data:data83};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
if(data83 < 0 || isNaN(data83)){
const err138 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.glue.crawler/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema14.properties.retries,data:data83};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
}
if(data41.retryDelay !== undefined){
let data84 = data41.retryDelay;
if(typeof data84 !== "string"){
const err139 = {instancePath:instancePath+"/steps/" + i3+"/retryDelay",schemaPath:"#/definitions/step.glue.crawler/properties/retryDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.retryDelay.type,parentSchema:schema14.properties.retryDelay,data:data84};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
}
if(data41.retryExponentialBackoff !== undefined){
let data85 = data41.retryExponentialBackoff;
if(typeof data85 !== "boolean"){
const err140 = {instancePath:instancePath+"/steps/" + i3+"/retryExponentialBackoff",schemaPath:"#/definitions/step.glue.crawler/properties/retryExponentialBackoff/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema14.properties.retryExponentialBackoff.type,parentSchema:schema14.properties.retryExponentialBackoff,data:data85};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
}
if(data41.executionTimeout !== undefined){
let data86 = data41.executionTimeout;
if(typeof data86 !== "string"){
const err141 = {instancePath:instancePath+"/steps/" + i3+"/executionTimeout",schemaPath:"#/definitions/step.glue.crawler/properties/executionTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.executionTimeout.type,parentSchema:schema14.properties.executionTimeout,data:data86};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
}
if(data41.awsConnId !== undefined){
let data87 = data41.awsConnId;
if(typeof data87 === "string"){
if(func3(data87) < 1){
const err142 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.glue.crawler/properties/awsConnId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.properties.awsConnId,data:data87};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
}
else {
const err143 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.glue.crawler/properties/awsConnId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.awsConnId.type,parentSchema:schema14.properties.awsConnId,data:data87};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
}
if(data41.region !== undefined){
let data88 = data41.region;
if(typeof data88 === "string"){
if(func3(data88) < 1){
const err144 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.glue.crawler/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.properties.region,data:data88};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
}
else {
const err145 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.glue.crawler/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.region.type,parentSchema:schema14.properties.region,data:data88};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
}
if(data41.deferrable !== undefined){
let data89 = data41.deferrable;
if(typeof data89 !== "boolean"){
const err146 = {instancePath:instancePath+"/steps/" + i3+"/deferrable",schemaPath:"#/definitions/step.glue.crawler/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema14.properties.deferrable.type,parentSchema:schema14.properties.deferrable,data:data89};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
}
if(data41.pool !== undefined){
let data90 = data41.pool;
if(typeof data90 === "string"){
if(func3(data90) < 1){
const err147 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.glue.crawler/properties/pool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.properties.pool,data:data90};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
}
else {
const err148 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.glue.crawler/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.pool.type,parentSchema:schema14.properties.pool,data:data90};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
}
}
else {
const err149 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.glue.crawler/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.type,parentSchema:schema14,data:data41};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
}
else if(tag0 === "redshift.sql"){
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.id === undefined){
const err150 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.redshift.sql/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema15.required,parentSchema:schema15,data:data41};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
if(data41.kind === undefined){
const err151 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.redshift.sql/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema15.required,parentSchema:schema15,data:data41};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
}
if(data41.database === undefined){
const err152 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.redshift.sql/required",keyword:"required",params:{missingProperty: "database"},message:"must have required property '"+"database"+"'",schema:schema15.required,parentSchema:schema15,data:data41};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
for(const key10 in data41){
if(!(func2.call(schema15.properties, key10))){
const err153 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.redshift.sql/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema15,data:data41};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
}
if(data41.id !== undefined){
let data91 = data41.id;
if(typeof data91 !== "string"){
const err154 = {instancePath:instancePath+"/steps/" + i3+"/id",schemaPath:"#/definitions/step.redshift.sql/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.id.type,parentSchema:schema15.properties.id,data:data91};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
}
if(data41.kind !== undefined){
let data92 = data41.kind;
if("redshift.sql" !== data92){
const err155 = {instancePath:instancePath+"/steps/" + i3+"/kind",schemaPath:"#/definitions/step.redshift.sql/properties/kind/const",keyword:"const",params:{allowedValue: "redshift.sql"},message:"must be equal to constant",schema:"redshift.sql",parentSchema:schema15.properties.kind,data:data92};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
}
if(data41.sql !== undefined){
let data93 = data41.sql;
if((typeof data93 !== "string") && (!(Array.isArray(data93)))){
const err156 = {instancePath:instancePath+"/steps/" + i3+"/sql",schemaPath:"#/definitions/step.redshift.sql/properties/sql/type",keyword:"type",params:{type: schema15.properties.sql.type},message:"must be string,array",schema:schema15.properties.sql.type,parentSchema:schema15.properties.sql,data:data93};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
if(typeof data93 === "string"){
if(func3(data93) < 1){
const err157 = {instancePath:instancePath+"/steps/" + i3+"/sql",schemaPath:"#/definitions/step.redshift.sql/properties/sql/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties.sql,data:data93};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
}
if(Array.isArray(data93)){
if(data93.length < 1){
const err158 = {instancePath:instancePath+"/steps/" + i3+"/sql",schemaPath:"#/definitions/step.redshift.sql/properties/sql/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema15.properties.sql,data:data93};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
const len9 = data93.length;
for(let i9=0; i9<len9; i9++){
let data94 = data93[i9];
if(typeof data94 === "string"){
if(func3(data94) < 1){
const err159 = {instancePath:instancePath+"/steps/" + i3+"/sql/" + i9,schemaPath:"#/definitions/step.redshift.sql/properties/sql/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties.sql.items,data:data94};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
}
else {
const err160 = {instancePath:instancePath+"/steps/" + i3+"/sql/" + i9,schemaPath:"#/definitions/step.redshift.sql/properties/sql/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.sql.items.type,parentSchema:schema15.properties.sql.items,data:data94};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
}
}
}
if(data41.sqlFile !== undefined){
let data95 = data41.sqlFile;
if(typeof data95 === "string"){
if(func3(data95) < 1){
const err161 = {instancePath:instancePath+"/steps/" + i3+"/sqlFile",schemaPath:"#/definitions/step.redshift.sql/properties/sqlFile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties.sqlFile,data:data95};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
}
else {
const err162 = {instancePath:instancePath+"/steps/" + i3+"/sqlFile",schemaPath:"#/definitions/step.redshift.sql/properties/sqlFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.sqlFile.type,parentSchema:schema15.properties.sqlFile,data:data95};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
}
if(data41.parameters !== undefined){
let data96 = data41.parameters;
if(data96 && typeof data96 == "object" && !Array.isArray(data96)){
if(Object.keys(data96).length < 1){
const err163 = {instancePath:instancePath+"/steps/" + i3+"/parameters",schemaPath:"#/definitions/step.redshift.sql/properties/parameters/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema15.properties.parameters,data:data96};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
for(const key11 in data96){
const _errs217 = errors;
if(typeof key11 === "string"){
if(!pattern1.test(key11)){
const err164 = {instancePath:instancePath+"/steps/" + i3+"/parameters",schemaPath:"#/definitions/step.redshift.sql/properties/parameters/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Za-z_]+$"},message:"must match pattern \""+"^[0-9A-Za-z_]+$"+"\"",schema:"^[0-9A-Za-z_]+$",parentSchema:schema15.properties.parameters.propertyNames,data:key11,propertyName:key11};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
}
var valid41 = _errs217 === errors;
if(!valid41){
const err165 = {instancePath:instancePath+"/steps/" + i3+"/parameters",schemaPath:"#/definitions/step.redshift.sql/properties/parameters/propertyNames",keyword:"propertyNames",params:{propertyName: key11},message:"property name must be valid",schema:schema15.properties.parameters.propertyNames,parentSchema:schema15.properties.parameters,data:data96};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
}
for(const key12 in data96){
let data97 = data96[key12];
if(typeof data97 === "string"){
if(func3(data97) < 1){
const err166 = {instancePath:instancePath+"/steps/" + i3+"/parameters/" + key12.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/step.redshift.sql/properties/parameters/additionalProperties/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties.parameters.additionalProperties,data:data97};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
}
else {
const err167 = {instancePath:instancePath+"/steps/" + i3+"/parameters/" + key12.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/step.redshift.sql/properties/parameters/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.parameters.additionalProperties.type,parentSchema:schema15.properties.parameters.additionalProperties,data:data97};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
}
}
}
else {
const err168 = {instancePath:instancePath+"/steps/" + i3+"/parameters",schemaPath:"#/definitions/step.redshift.sql/properties/parameters/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.properties.parameters.type,parentSchema:schema15.properties.parameters,data:data96};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
}
if(data41.database !== undefined){
let data98 = data41.database;
if(typeof data98 === "string"){
if(func3(data98) < 1){
const err169 = {instancePath:instancePath+"/steps/" + i3+"/database",schemaPath:"#/definitions/step.redshift.sql/properties/database/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties.database,data:data98};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
}
}
else {
const err170 = {instancePath:instancePath+"/steps/" + i3+"/database",schemaPath:"#/definitions/step.redshift.sql/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.database.type,parentSchema:schema15.properties.database,data:data98};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
}
}
if(data41.cluster !== undefined){
let data99 = data41.cluster;
if(typeof data99 === "string"){
if(func3(data99) < 1){
const err171 = {instancePath:instancePath+"/steps/" + i3+"/cluster",schemaPath:"#/definitions/step.redshift.sql/properties/cluster/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties.cluster,data:data99};
if(vErrors === null){
vErrors = [err171];
}
else {
vErrors.push(err171);
}
errors++;
}
}
else {
const err172 = {instancePath:instancePath+"/steps/" + i3+"/cluster",schemaPath:"#/definitions/step.redshift.sql/properties/cluster/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.cluster.type,parentSchema:schema15.properties.cluster,data:data99};
if(vErrors === null){
vErrors = [err172];
}
else {
vErrors.push(err172);
}
errors++;
}
}
if(data41.workgroup !== undefined){
let data100 = data41.workgroup;
if(typeof data100 === "string"){
if(func3(data100) < 1){
const err173 = {instancePath:instancePath+"/steps/" + i3+"/workgroup",schemaPath:"#/definitions/step.redshift.sql/properties/workgroup/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties.workgroup,data:data100};
if(vErrors === null){
vErrors = [err173];
}
else {
vErrors.push(err173);
}
errors++;
}
}
else {
const err174 = {instancePath:instancePath+"/steps/" + i3+"/workgroup",schemaPath:"#/definitions/step.redshift.sql/properties/workgroup/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.workgroup.type,parentSchema:schema15.properties.workgroup,data:data100};
if(vErrors === null){
vErrors = [err174];
}
else {
vErrors.push(err174);
}
errors++;
}
}
if(data41.secretArn !== undefined){
let data101 = data41.secretArn;
if(typeof data101 !== "string"){
const err175 = {instancePath:instancePath+"/steps/" + i3+"/secretArn",schemaPath:"#/definitions/step.redshift.sql/properties/secretArn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.secretArn.type,parentSchema:schema15.properties.secretArn,data:data101};
if(vErrors === null){
vErrors = [err175];
}
else {
vErrors.push(err175);
}
errors++;
}
}
if(data41.dbUser !== undefined){
let data102 = data41.dbUser;
if(typeof data102 === "string"){
if(func3(data102) < 1){
const err176 = {instancePath:instancePath+"/steps/" + i3+"/dbUser",schemaPath:"#/definitions/step.redshift.sql/properties/dbUser/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties.dbUser,data:data102};
if(vErrors === null){
vErrors = [err176];
}
else {
vErrors.push(err176);
}
errors++;
}
}
else {
const err177 = {instancePath:instancePath+"/steps/" + i3+"/dbUser",schemaPath:"#/definitions/step.redshift.sql/properties/dbUser/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.dbUser.type,parentSchema:schema15.properties.dbUser,data:data102};
if(vErrors === null){
vErrors = [err177];
}
else {
vErrors.push(err177);
}
errors++;
}
}
if(data41.waitForCompletion !== undefined){
let data103 = data41.waitForCompletion;
if(typeof data103 !== "boolean"){
const err178 = {instancePath:instancePath+"/steps/" + i3+"/waitForCompletion",schemaPath:"#/definitions/step.redshift.sql/properties/waitForCompletion/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema15.properties.waitForCompletion.type,parentSchema:schema15.properties.waitForCompletion,data:data103};
if(vErrors === null){
vErrors = [err178];
}
else {
vErrors.push(err178);
}
errors++;
}
}
if(data41.dependsOn !== undefined){
let data104 = data41.dependsOn;
if(Array.isArray(data104)){
const len10 = data104.length;
for(let i10=0; i10<len10; i10++){
let data105 = data104[i10];
if(typeof data105 !== "string"){
const err179 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn/" + i10,schemaPath:"#/definitions/step.redshift.sql/properties/dependsOn/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.dependsOn.items.type,parentSchema:schema15.properties.dependsOn.items,data:data105};
if(vErrors === null){
vErrors = [err179];
}
else {
vErrors.push(err179);
}
errors++;
}
}
}
else {
const err180 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn",schemaPath:"#/definitions/step.redshift.sql/properties/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema15.properties.dependsOn.type,parentSchema:schema15.properties.dependsOn,data:data104};
if(vErrors === null){
vErrors = [err180];
}
else {
vErrors.push(err180);
}
errors++;
}
}
if(data41.group !== undefined){
let data106 = data41.group;
if(typeof data106 !== "string"){
const err181 = {instancePath:instancePath+"/steps/" + i3+"/group",schemaPath:"#/definitions/step.redshift.sql/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.group.type,parentSchema:schema15.properties.group,data:data106};
if(vErrors === null){
vErrors = [err181];
}
else {
vErrors.push(err181);
}
errors++;
}
}
if(data41.triggerRule !== undefined){
let data107 = data41.triggerRule;
if(typeof data107 !== "string"){
const err182 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.redshift.sql/properties/triggerRule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.triggerRule.type,parentSchema:schema15.properties.triggerRule,data:data107};
if(vErrors === null){
vErrors = [err182];
}
else {
vErrors.push(err182);
}
errors++;
}
if(!((((((((((((data107 === "all_success") || (data107 === "all_failed")) || (data107 === "all_done")) || (data107 === "all_done_setup_success")) || (data107 === "all_skipped")) || (data107 === "one_success")) || (data107 === "one_failed")) || (data107 === "one_done")) || (data107 === "none_failed")) || (data107 === "none_failed_min_one_success")) || (data107 === "none_skipped")) || (data107 === "always"))){
const err183 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.redshift.sql/properties/triggerRule/enum",keyword:"enum",params:{allowedValues: schema15.properties.triggerRule.enum},message:"must be equal to one of the allowed values",schema:schema15.properties.triggerRule.enum,parentSchema:schema15.properties.triggerRule,data:data107};
if(vErrors === null){
vErrors = [err183];
}
else {
vErrors.push(err183);
}
errors++;
}
}
if(data41.produces !== undefined){
let data108 = data41.produces;
if(Array.isArray(data108)){
const len11 = data108.length;
for(let i11=0; i11<len11; i11++){
let data109 = data108[i11];
if(typeof data109 !== "string"){
const err184 = {instancePath:instancePath+"/steps/" + i3+"/produces/" + i11,schemaPath:"#/definitions/step.redshift.sql/properties/produces/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.produces.items.type,parentSchema:schema15.properties.produces.items,data:data109};
if(vErrors === null){
vErrors = [err184];
}
else {
vErrors.push(err184);
}
errors++;
}
}
}
else {
const err185 = {instancePath:instancePath+"/steps/" + i3+"/produces",schemaPath:"#/definitions/step.redshift.sql/properties/produces/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema15.properties.produces.type,parentSchema:schema15.properties.produces,data:data108};
if(vErrors === null){
vErrors = [err185];
}
else {
vErrors.push(err185);
}
errors++;
}
}
if(data41.retries !== undefined){
let data110 = data41.retries;
if(!(((typeof data110 == "number") && (!(data110 % 1) && !isNaN(data110))) && (isFinite(data110)))){
const err186 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.redshift.sql/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema15.properties.retries.type,parentSchema:schema15.properties.retries,data:data110};
if(vErrors === null){
vErrors = [err186];
}
else {
vErrors.push(err186);
}
errors++;
}
if((typeof data110 == "number") && (isFinite(data110))){
if(data110 > 100 || isNaN(data110)){
const err187 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.redshift.sql/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema15.properties.retries,data:data110};
if(vErrors === null){
vErrors = [err187];
}
else {
vErrors.push(err187);
}
errors++;
}
if(data110 < 0 || isNaN(data110)){
const err188 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.redshift.sql/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema15.properties.retries,data:data110};
if(vErrors === null){
vErrors = [err188];
}
else {
vErrors.push(err188);
}
errors++;
}
}
}
if(data41.retryDelay !== undefined){
let data111 = data41.retryDelay;
if(typeof data111 !== "string"){
const err189 = {instancePath:instancePath+"/steps/" + i3+"/retryDelay",schemaPath:"#/definitions/step.redshift.sql/properties/retryDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.retryDelay.type,parentSchema:schema15.properties.retryDelay,data:data111};
if(vErrors === null){
vErrors = [err189];
}
else {
vErrors.push(err189);
}
errors++;
}
}
if(data41.retryExponentialBackoff !== undefined){
let data112 = data41.retryExponentialBackoff;
if(typeof data112 !== "boolean"){
const err190 = {instancePath:instancePath+"/steps/" + i3+"/retryExponentialBackoff",schemaPath:"#/definitions/step.redshift.sql/properties/retryExponentialBackoff/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema15.properties.retryExponentialBackoff.type,parentSchema:schema15.properties.retryExponentialBackoff,data:data112};
if(vErrors === null){
vErrors = [err190];
}
else {
vErrors.push(err190);
}
errors++;
}
}
if(data41.executionTimeout !== undefined){
let data113 = data41.executionTimeout;
if(typeof data113 !== "string"){
const err191 = {instancePath:instancePath+"/steps/" + i3+"/executionTimeout",schemaPath:"#/definitions/step.redshift.sql/properties/executionTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.executionTimeout.type,parentSchema:schema15.properties.executionTimeout,data:data113};
if(vErrors === null){
vErrors = [err191];
}
else {
vErrors.push(err191);
}
errors++;
}
}
if(data41.awsConnId !== undefined){
let data114 = data41.awsConnId;
if(typeof data114 === "string"){
if(func3(data114) < 1){
const err192 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.redshift.sql/properties/awsConnId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties.awsConnId,data:data114};
if(vErrors === null){
vErrors = [err192];
}
else {
vErrors.push(err192);
}
errors++;
}
}
else {
const err193 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.redshift.sql/properties/awsConnId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.awsConnId.type,parentSchema:schema15.properties.awsConnId,data:data114};
if(vErrors === null){
vErrors = [err193];
}
else {
vErrors.push(err193);
}
errors++;
}
}
if(data41.region !== undefined){
let data115 = data41.region;
if(typeof data115 === "string"){
if(func3(data115) < 1){
const err194 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.redshift.sql/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties.region,data:data115};
if(vErrors === null){
vErrors = [err194];
}
else {
vErrors.push(err194);
}
errors++;
}
}
else {
const err195 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.redshift.sql/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.region.type,parentSchema:schema15.properties.region,data:data115};
if(vErrors === null){
vErrors = [err195];
}
else {
vErrors.push(err195);
}
errors++;
}
}
if(data41.deferrable !== undefined){
let data116 = data41.deferrable;
if(typeof data116 !== "boolean"){
const err196 = {instancePath:instancePath+"/steps/" + i3+"/deferrable",schemaPath:"#/definitions/step.redshift.sql/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema15.properties.deferrable.type,parentSchema:schema15.properties.deferrable,data:data116};
if(vErrors === null){
vErrors = [err196];
}
else {
vErrors.push(err196);
}
errors++;
}
}
if(data41.pool !== undefined){
let data117 = data41.pool;
if(typeof data117 === "string"){
if(func3(data117) < 1){
const err197 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.redshift.sql/properties/pool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties.pool,data:data117};
if(vErrors === null){
vErrors = [err197];
}
else {
vErrors.push(err197);
}
errors++;
}
}
else {
const err198 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.redshift.sql/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.pool.type,parentSchema:schema15.properties.pool,data:data117};
if(vErrors === null){
vErrors = [err198];
}
else {
vErrors.push(err198);
}
errors++;
}
}
}
else {
const err199 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.redshift.sql/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.type,parentSchema:schema15,data:data41};
if(vErrors === null){
vErrors = [err199];
}
else {
vErrors.push(err199);
}
errors++;
}
}
else if(tag0 === "redshift.copy"){
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.id === undefined){
const err200 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.redshift.copy/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema16.required,parentSchema:schema16,data:data41};
if(vErrors === null){
vErrors = [err200];
}
else {
vErrors.push(err200);
}
errors++;
}
if(data41.kind === undefined){
const err201 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.redshift.copy/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema16.required,parentSchema:schema16,data:data41};
if(vErrors === null){
vErrors = [err201];
}
else {
vErrors.push(err201);
}
errors++;
}
if(data41.from === undefined){
const err202 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.redshift.copy/required",keyword:"required",params:{missingProperty: "from"},message:"must have required property '"+"from"+"'",schema:schema16.required,parentSchema:schema16,data:data41};
if(vErrors === null){
vErrors = [err202];
}
else {
vErrors.push(err202);
}
errors++;
}
if(data41.schema === undefined){
const err203 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.redshift.copy/required",keyword:"required",params:{missingProperty: "schema"},message:"must have required property '"+"schema"+"'",schema:schema16.required,parentSchema:schema16,data:data41};
if(vErrors === null){
vErrors = [err203];
}
else {
vErrors.push(err203);
}
errors++;
}
if(data41.table === undefined){
const err204 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.redshift.copy/required",keyword:"required",params:{missingProperty: "table"},message:"must have required property '"+"table"+"'",schema:schema16.required,parentSchema:schema16,data:data41};
if(vErrors === null){
vErrors = [err204];
}
else {
vErrors.push(err204);
}
errors++;
}
if(data41.iamRole === undefined){
const err205 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.redshift.copy/required",keyword:"required",params:{missingProperty: "iamRole"},message:"must have required property '"+"iamRole"+"'",schema:schema16.required,parentSchema:schema16,data:data41};
if(vErrors === null){
vErrors = [err205];
}
else {
vErrors.push(err205);
}
errors++;
}
if(data41.database === undefined){
const err206 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.redshift.copy/required",keyword:"required",params:{missingProperty: "database"},message:"must have required property '"+"database"+"'",schema:schema16.required,parentSchema:schema16,data:data41};
if(vErrors === null){
vErrors = [err206];
}
else {
vErrors.push(err206);
}
errors++;
}
for(const key13 in data41){
if(!(func2.call(schema16.properties, key13))){
const err207 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.redshift.copy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema16,data:data41};
if(vErrors === null){
vErrors = [err207];
}
else {
vErrors.push(err207);
}
errors++;
}
}
if(data41.id !== undefined){
let data118 = data41.id;
if(typeof data118 !== "string"){
const err208 = {instancePath:instancePath+"/steps/" + i3+"/id",schemaPath:"#/definitions/step.redshift.copy/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.id.type,parentSchema:schema16.properties.id,data:data118};
if(vErrors === null){
vErrors = [err208];
}
else {
vErrors.push(err208);
}
errors++;
}
}
if(data41.kind !== undefined){
let data119 = data41.kind;
if("redshift.copy" !== data119){
const err209 = {instancePath:instancePath+"/steps/" + i3+"/kind",schemaPath:"#/definitions/step.redshift.copy/properties/kind/const",keyword:"const",params:{allowedValue: "redshift.copy"},message:"must be equal to constant",schema:"redshift.copy",parentSchema:schema16.properties.kind,data:data119};
if(vErrors === null){
vErrors = [err209];
}
else {
vErrors.push(err209);
}
errors++;
}
}
if(data41.from !== undefined){
let data120 = data41.from;
if(typeof data120 !== "string"){
const err210 = {instancePath:instancePath+"/steps/" + i3+"/from",schemaPath:"#/definitions/step.redshift.copy/properties/from/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.from.type,parentSchema:schema16.properties.from,data:data120};
if(vErrors === null){
vErrors = [err210];
}
else {
vErrors.push(err210);
}
errors++;
}
}
if(data41.schema !== undefined){
let data121 = data41.schema;
if(typeof data121 === "string"){
if(func3(data121) < 1){
const err211 = {instancePath:instancePath+"/steps/" + i3+"/schema",schemaPath:"#/definitions/step.redshift.copy/properties/schema/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.schema,data:data121};
if(vErrors === null){
vErrors = [err211];
}
else {
vErrors.push(err211);
}
errors++;
}
}
else {
const err212 = {instancePath:instancePath+"/steps/" + i3+"/schema",schemaPath:"#/definitions/step.redshift.copy/properties/schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.schema.type,parentSchema:schema16.properties.schema,data:data121};
if(vErrors === null){
vErrors = [err212];
}
else {
vErrors.push(err212);
}
errors++;
}
}
if(data41.table !== undefined){
let data122 = data41.table;
if(typeof data122 === "string"){
if(func3(data122) < 1){
const err213 = {instancePath:instancePath+"/steps/" + i3+"/table",schemaPath:"#/definitions/step.redshift.copy/properties/table/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.table,data:data122};
if(vErrors === null){
vErrors = [err213];
}
else {
vErrors.push(err213);
}
errors++;
}
}
else {
const err214 = {instancePath:instancePath+"/steps/" + i3+"/table",schemaPath:"#/definitions/step.redshift.copy/properties/table/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.table.type,parentSchema:schema16.properties.table,data:data122};
if(vErrors === null){
vErrors = [err214];
}
else {
vErrors.push(err214);
}
errors++;
}
}
if(data41.columns !== undefined){
let data123 = data41.columns;
if(Array.isArray(data123)){
if(data123.length < 1){
const err215 = {instancePath:instancePath+"/steps/" + i3+"/columns",schemaPath:"#/definitions/step.redshift.copy/properties/columns/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema16.properties.columns,data:data123};
if(vErrors === null){
vErrors = [err215];
}
else {
vErrors.push(err215);
}
errors++;
}
const len12 = data123.length;
for(let i12=0; i12<len12; i12++){
let data124 = data123[i12];
if(typeof data124 !== "string"){
const err216 = {instancePath:instancePath+"/steps/" + i3+"/columns/" + i12,schemaPath:"#/definitions/step.redshift.copy/properties/columns/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.columns.items.type,parentSchema:schema16.properties.columns.items,data:data124};
if(vErrors === null){
vErrors = [err216];
}
else {
vErrors.push(err216);
}
errors++;
}
}
let i13 = data123.length;
let j0;
if(i13 > 1){
const indices0 = {};
for(;i13--;){
let item0 = data123[i13];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err217 = {instancePath:instancePath+"/steps/" + i3+"/columns",schemaPath:"#/definitions/step.redshift.copy/properties/columns/uniqueItems",keyword:"uniqueItems",params:{i: i13, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i13+" are identical)",schema:true,parentSchema:schema16.properties.columns,data:data123};
if(vErrors === null){
vErrors = [err217];
}
else {
vErrors.push(err217);
}
errors++;
break;
}
indices0[item0] = i13;
}
}
}
else {
const err218 = {instancePath:instancePath+"/steps/" + i3+"/columns",schemaPath:"#/definitions/step.redshift.copy/properties/columns/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.columns.type,parentSchema:schema16.properties.columns,data:data123};
if(vErrors === null){
vErrors = [err218];
}
else {
vErrors.push(err218);
}
errors++;
}
}
if(data41.iamRole !== undefined){
let data125 = data41.iamRole;
if(typeof data125 !== "string"){
const err219 = {instancePath:instancePath+"/steps/" + i3+"/iamRole",schemaPath:"#/definitions/step.redshift.copy/properties/iamRole/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.iamRole.type,parentSchema:schema16.properties.iamRole,data:data125};
if(vErrors === null){
vErrors = [err219];
}
else {
vErrors.push(err219);
}
errors++;
}
}
if(data41.format !== undefined){
let data126 = data41.format;
if(typeof data126 !== "string"){
const err220 = {instancePath:instancePath+"/steps/" + i3+"/format",schemaPath:"#/definitions/step.redshift.copy/properties/format/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.format.type,parentSchema:schema16.properties.format,data:data126};
if(vErrors === null){
vErrors = [err220];
}
else {
vErrors.push(err220);
}
errors++;
}
if(!(((((data126 === "CSV") || (data126 === "JSON")) || (data126 === "PARQUET")) || (data126 === "AVRO")) || (data126 === "ORC"))){
const err221 = {instancePath:instancePath+"/steps/" + i3+"/format",schemaPath:"#/definitions/step.redshift.copy/properties/format/enum",keyword:"enum",params:{allowedValues: schema16.properties.format.enum},message:"must be equal to one of the allowed values",schema:schema16.properties.format.enum,parentSchema:schema16.properties.format,data:data126};
if(vErrors === null){
vErrors = [err221];
}
else {
vErrors.push(err221);
}
errors++;
}
}
if(data41.compression !== undefined){
let data127 = data41.compression;
if(typeof data127 !== "string"){
const err222 = {instancePath:instancePath+"/steps/" + i3+"/compression",schemaPath:"#/definitions/step.redshift.copy/properties/compression/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.compression.type,parentSchema:schema16.properties.compression,data:data127};
if(vErrors === null){
vErrors = [err222];
}
else {
vErrors.push(err222);
}
errors++;
}
if(!(((((data127 === "GZIP") || (data127 === "BZIP2")) || (data127 === "ZSTD")) || (data127 === "LZOP")) || (data127 === "NONE"))){
const err223 = {instancePath:instancePath+"/steps/" + i3+"/compression",schemaPath:"#/definitions/step.redshift.copy/properties/compression/enum",keyword:"enum",params:{allowedValues: schema16.properties.compression.enum},message:"must be equal to one of the allowed values",schema:schema16.properties.compression.enum,parentSchema:schema16.properties.compression,data:data127};
if(vErrors === null){
vErrors = [err223];
}
else {
vErrors.push(err223);
}
errors++;
}
}
if(data41.options !== undefined){
let data128 = data41.options;
if(Array.isArray(data128)){
const len13 = data128.length;
for(let i14=0; i14<len13; i14++){
let data129 = data128[i14];
if(typeof data129 !== "string"){
const err224 = {instancePath:instancePath+"/steps/" + i3+"/options/" + i14,schemaPath:"#/definitions/step.redshift.copy/properties/options/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.options.items.type,parentSchema:schema16.properties.options.items,data:data129};
if(vErrors === null){
vErrors = [err224];
}
else {
vErrors.push(err224);
}
errors++;
}
}
}
else {
const err225 = {instancePath:instancePath+"/steps/" + i3+"/options",schemaPath:"#/definitions/step.redshift.copy/properties/options/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.options.type,parentSchema:schema16.properties.options,data:data128};
if(vErrors === null){
vErrors = [err225];
}
else {
vErrors.push(err225);
}
errors++;
}
}
if(data41.method !== undefined){
let data130 = data41.method;
if(typeof data130 !== "string"){
const err226 = {instancePath:instancePath+"/steps/" + i3+"/method",schemaPath:"#/definitions/step.redshift.copy/properties/method/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.method.type,parentSchema:schema16.properties.method,data:data130};
if(vErrors === null){
vErrors = [err226];
}
else {
vErrors.push(err226);
}
errors++;
}
if(!(((data130 === "append") || (data130 === "replace")) || (data130 === "upsert"))){
const err227 = {instancePath:instancePath+"/steps/" + i3+"/method",schemaPath:"#/definitions/step.redshift.copy/properties/method/enum",keyword:"enum",params:{allowedValues: schema16.properties.method.enum},message:"must be equal to one of the allowed values",schema:schema16.properties.method.enum,parentSchema:schema16.properties.method,data:data130};
if(vErrors === null){
vErrors = [err227];
}
else {
vErrors.push(err227);
}
errors++;
}
}
if(data41.upsertKeys !== undefined){
let data131 = data41.upsertKeys;
if(Array.isArray(data131)){
if(data131.length < 1){
const err228 = {instancePath:instancePath+"/steps/" + i3+"/upsertKeys",schemaPath:"#/definitions/step.redshift.copy/properties/upsertKeys/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema16.properties.upsertKeys,data:data131};
if(vErrors === null){
vErrors = [err228];
}
else {
vErrors.push(err228);
}
errors++;
}
const len14 = data131.length;
for(let i15=0; i15<len14; i15++){
let data132 = data131[i15];
if(typeof data132 !== "string"){
const err229 = {instancePath:instancePath+"/steps/" + i3+"/upsertKeys/" + i15,schemaPath:"#/definitions/step.redshift.copy/properties/upsertKeys/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.upsertKeys.items.type,parentSchema:schema16.properties.upsertKeys.items,data:data132};
if(vErrors === null){
vErrors = [err229];
}
else {
vErrors.push(err229);
}
errors++;
}
}
let i16 = data131.length;
let j1;
if(i16 > 1){
const indices1 = {};
for(;i16--;){
let item1 = data131[i16];
if(typeof item1 !== "string"){
continue;
}
if(typeof indices1[item1] == "number"){
j1 = indices1[item1];
const err230 = {instancePath:instancePath+"/steps/" + i3+"/upsertKeys",schemaPath:"#/definitions/step.redshift.copy/properties/upsertKeys/uniqueItems",keyword:"uniqueItems",params:{i: i16, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i16+" are identical)",schema:true,parentSchema:schema16.properties.upsertKeys,data:data131};
if(vErrors === null){
vErrors = [err230];
}
else {
vErrors.push(err230);
}
errors++;
break;
}
indices1[item1] = i16;
}
}
}
else {
const err231 = {instancePath:instancePath+"/steps/" + i3+"/upsertKeys",schemaPath:"#/definitions/step.redshift.copy/properties/upsertKeys/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.upsertKeys.type,parentSchema:schema16.properties.upsertKeys,data:data131};
if(vErrors === null){
vErrors = [err231];
}
else {
vErrors.push(err231);
}
errors++;
}
}
if(data41.database !== undefined){
let data133 = data41.database;
if(typeof data133 === "string"){
if(func3(data133) < 1){
const err232 = {instancePath:instancePath+"/steps/" + i3+"/database",schemaPath:"#/definitions/step.redshift.copy/properties/database/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.database,data:data133};
if(vErrors === null){
vErrors = [err232];
}
else {
vErrors.push(err232);
}
errors++;
}
}
else {
const err233 = {instancePath:instancePath+"/steps/" + i3+"/database",schemaPath:"#/definitions/step.redshift.copy/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.database.type,parentSchema:schema16.properties.database,data:data133};
if(vErrors === null){
vErrors = [err233];
}
else {
vErrors.push(err233);
}
errors++;
}
}
if(data41.cluster !== undefined){
let data134 = data41.cluster;
if(typeof data134 === "string"){
if(func3(data134) < 1){
const err234 = {instancePath:instancePath+"/steps/" + i3+"/cluster",schemaPath:"#/definitions/step.redshift.copy/properties/cluster/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.cluster,data:data134};
if(vErrors === null){
vErrors = [err234];
}
else {
vErrors.push(err234);
}
errors++;
}
}
else {
const err235 = {instancePath:instancePath+"/steps/" + i3+"/cluster",schemaPath:"#/definitions/step.redshift.copy/properties/cluster/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.cluster.type,parentSchema:schema16.properties.cluster,data:data134};
if(vErrors === null){
vErrors = [err235];
}
else {
vErrors.push(err235);
}
errors++;
}
}
if(data41.workgroup !== undefined){
let data135 = data41.workgroup;
if(typeof data135 === "string"){
if(func3(data135) < 1){
const err236 = {instancePath:instancePath+"/steps/" + i3+"/workgroup",schemaPath:"#/definitions/step.redshift.copy/properties/workgroup/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.workgroup,data:data135};
if(vErrors === null){
vErrors = [err236];
}
else {
vErrors.push(err236);
}
errors++;
}
}
else {
const err237 = {instancePath:instancePath+"/steps/" + i3+"/workgroup",schemaPath:"#/definitions/step.redshift.copy/properties/workgroup/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.workgroup.type,parentSchema:schema16.properties.workgroup,data:data135};
if(vErrors === null){
vErrors = [err237];
}
else {
vErrors.push(err237);
}
errors++;
}
}
if(data41.secretArn !== undefined){
let data136 = data41.secretArn;
if(typeof data136 !== "string"){
const err238 = {instancePath:instancePath+"/steps/" + i3+"/secretArn",schemaPath:"#/definitions/step.redshift.copy/properties/secretArn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.secretArn.type,parentSchema:schema16.properties.secretArn,data:data136};
if(vErrors === null){
vErrors = [err238];
}
else {
vErrors.push(err238);
}
errors++;
}
}
if(data41.dbUser !== undefined){
let data137 = data41.dbUser;
if(typeof data137 === "string"){
if(func3(data137) < 1){
const err239 = {instancePath:instancePath+"/steps/" + i3+"/dbUser",schemaPath:"#/definitions/step.redshift.copy/properties/dbUser/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.dbUser,data:data137};
if(vErrors === null){
vErrors = [err239];
}
else {
vErrors.push(err239);
}
errors++;
}
}
else {
const err240 = {instancePath:instancePath+"/steps/" + i3+"/dbUser",schemaPath:"#/definitions/step.redshift.copy/properties/dbUser/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.dbUser.type,parentSchema:schema16.properties.dbUser,data:data137};
if(vErrors === null){
vErrors = [err240];
}
else {
vErrors.push(err240);
}
errors++;
}
}
if(data41.waitForCompletion !== undefined){
let data138 = data41.waitForCompletion;
if(typeof data138 !== "boolean"){
const err241 = {instancePath:instancePath+"/steps/" + i3+"/waitForCompletion",schemaPath:"#/definitions/step.redshift.copy/properties/waitForCompletion/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema16.properties.waitForCompletion.type,parentSchema:schema16.properties.waitForCompletion,data:data138};
if(vErrors === null){
vErrors = [err241];
}
else {
vErrors.push(err241);
}
errors++;
}
}
if(data41.dependsOn !== undefined){
let data139 = data41.dependsOn;
if(Array.isArray(data139)){
const len15 = data139.length;
for(let i17=0; i17<len15; i17++){
let data140 = data139[i17];
if(typeof data140 !== "string"){
const err242 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn/" + i17,schemaPath:"#/definitions/step.redshift.copy/properties/dependsOn/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.dependsOn.items.type,parentSchema:schema16.properties.dependsOn.items,data:data140};
if(vErrors === null){
vErrors = [err242];
}
else {
vErrors.push(err242);
}
errors++;
}
}
}
else {
const err243 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn",schemaPath:"#/definitions/step.redshift.copy/properties/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.dependsOn.type,parentSchema:schema16.properties.dependsOn,data:data139};
if(vErrors === null){
vErrors = [err243];
}
else {
vErrors.push(err243);
}
errors++;
}
}
if(data41.group !== undefined){
let data141 = data41.group;
if(typeof data141 !== "string"){
const err244 = {instancePath:instancePath+"/steps/" + i3+"/group",schemaPath:"#/definitions/step.redshift.copy/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.group.type,parentSchema:schema16.properties.group,data:data141};
if(vErrors === null){
vErrors = [err244];
}
else {
vErrors.push(err244);
}
errors++;
}
}
if(data41.triggerRule !== undefined){
let data142 = data41.triggerRule;
if(typeof data142 !== "string"){
const err245 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.redshift.copy/properties/triggerRule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.triggerRule.type,parentSchema:schema16.properties.triggerRule,data:data142};
if(vErrors === null){
vErrors = [err245];
}
else {
vErrors.push(err245);
}
errors++;
}
if(!((((((((((((data142 === "all_success") || (data142 === "all_failed")) || (data142 === "all_done")) || (data142 === "all_done_setup_success")) || (data142 === "all_skipped")) || (data142 === "one_success")) || (data142 === "one_failed")) || (data142 === "one_done")) || (data142 === "none_failed")) || (data142 === "none_failed_min_one_success")) || (data142 === "none_skipped")) || (data142 === "always"))){
const err246 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.redshift.copy/properties/triggerRule/enum",keyword:"enum",params:{allowedValues: schema16.properties.triggerRule.enum},message:"must be equal to one of the allowed values",schema:schema16.properties.triggerRule.enum,parentSchema:schema16.properties.triggerRule,data:data142};
if(vErrors === null){
vErrors = [err246];
}
else {
vErrors.push(err246);
}
errors++;
}
}
if(data41.produces !== undefined){
let data143 = data41.produces;
if(Array.isArray(data143)){
const len16 = data143.length;
for(let i18=0; i18<len16; i18++){
let data144 = data143[i18];
if(typeof data144 !== "string"){
const err247 = {instancePath:instancePath+"/steps/" + i3+"/produces/" + i18,schemaPath:"#/definitions/step.redshift.copy/properties/produces/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.produces.items.type,parentSchema:schema16.properties.produces.items,data:data144};
if(vErrors === null){
vErrors = [err247];
}
else {
vErrors.push(err247);
}
errors++;
}
}
}
else {
const err248 = {instancePath:instancePath+"/steps/" + i3+"/produces",schemaPath:"#/definitions/step.redshift.copy/properties/produces/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.produces.type,parentSchema:schema16.properties.produces,data:data143};
if(vErrors === null){
vErrors = [err248];
}
else {
vErrors.push(err248);
}
errors++;
}
}
if(data41.retries !== undefined){
let data145 = data41.retries;
if(!(((typeof data145 == "number") && (!(data145 % 1) && !isNaN(data145))) && (isFinite(data145)))){
const err249 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.redshift.copy/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.retries.type,parentSchema:schema16.properties.retries,data:data145};
if(vErrors === null){
vErrors = [err249];
}
else {
vErrors.push(err249);
}
errors++;
}
if((typeof data145 == "number") && (isFinite(data145))){
if(data145 > 100 || isNaN(data145)){
const err250 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.redshift.copy/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema16.properties.retries,data:data145};
if(vErrors === null){
vErrors = [err250];
}
else {
vErrors.push(err250);
}
errors++;
}
if(data145 < 0 || isNaN(data145)){
const err251 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.redshift.copy/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16.properties.retries,data:data145};
if(vErrors === null){
vErrors = [err251];
}
else {
vErrors.push(err251);
}
errors++;
}
}
}
if(data41.retryDelay !== undefined){
let data146 = data41.retryDelay;
if(typeof data146 !== "string"){
const err252 = {instancePath:instancePath+"/steps/" + i3+"/retryDelay",schemaPath:"#/definitions/step.redshift.copy/properties/retryDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.retryDelay.type,parentSchema:schema16.properties.retryDelay,data:data146};
if(vErrors === null){
vErrors = [err252];
}
else {
vErrors.push(err252);
}
errors++;
}
}
if(data41.retryExponentialBackoff !== undefined){
let data147 = data41.retryExponentialBackoff;
if(typeof data147 !== "boolean"){
const err253 = {instancePath:instancePath+"/steps/" + i3+"/retryExponentialBackoff",schemaPath:"#/definitions/step.redshift.copy/properties/retryExponentialBackoff/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema16.properties.retryExponentialBackoff.type,parentSchema:schema16.properties.retryExponentialBackoff,data:data147};
if(vErrors === null){
vErrors = [err253];
}
else {
vErrors.push(err253);
}
errors++;
}
}
if(data41.executionTimeout !== undefined){
let data148 = data41.executionTimeout;
if(typeof data148 !== "string"){
const err254 = {instancePath:instancePath+"/steps/" + i3+"/executionTimeout",schemaPath:"#/definitions/step.redshift.copy/properties/executionTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.executionTimeout.type,parentSchema:schema16.properties.executionTimeout,data:data148};
if(vErrors === null){
vErrors = [err254];
}
else {
vErrors.push(err254);
}
errors++;
}
}
if(data41.awsConnId !== undefined){
let data149 = data41.awsConnId;
if(typeof data149 === "string"){
if(func3(data149) < 1){
const err255 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.redshift.copy/properties/awsConnId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.awsConnId,data:data149};
if(vErrors === null){
vErrors = [err255];
}
else {
vErrors.push(err255);
}
errors++;
}
}
else {
const err256 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.redshift.copy/properties/awsConnId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.awsConnId.type,parentSchema:schema16.properties.awsConnId,data:data149};
if(vErrors === null){
vErrors = [err256];
}
else {
vErrors.push(err256);
}
errors++;
}
}
if(data41.region !== undefined){
let data150 = data41.region;
if(typeof data150 === "string"){
if(func3(data150) < 1){
const err257 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.redshift.copy/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.region,data:data150};
if(vErrors === null){
vErrors = [err257];
}
else {
vErrors.push(err257);
}
errors++;
}
}
else {
const err258 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.redshift.copy/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.region.type,parentSchema:schema16.properties.region,data:data150};
if(vErrors === null){
vErrors = [err258];
}
else {
vErrors.push(err258);
}
errors++;
}
}
if(data41.deferrable !== undefined){
let data151 = data41.deferrable;
if(typeof data151 !== "boolean"){
const err259 = {instancePath:instancePath+"/steps/" + i3+"/deferrable",schemaPath:"#/definitions/step.redshift.copy/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema16.properties.deferrable.type,parentSchema:schema16.properties.deferrable,data:data151};
if(vErrors === null){
vErrors = [err259];
}
else {
vErrors.push(err259);
}
errors++;
}
}
if(data41.pool !== undefined){
let data152 = data41.pool;
if(typeof data152 === "string"){
if(func3(data152) < 1){
const err260 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.redshift.copy/properties/pool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.pool,data:data152};
if(vErrors === null){
vErrors = [err260];
}
else {
vErrors.push(err260);
}
errors++;
}
}
else {
const err261 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.redshift.copy/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.pool.type,parentSchema:schema16.properties.pool,data:data152};
if(vErrors === null){
vErrors = [err261];
}
else {
vErrors.push(err261);
}
errors++;
}
}
}
else {
const err262 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.redshift.copy/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data:data41};
if(vErrors === null){
vErrors = [err262];
}
else {
vErrors.push(err262);
}
errors++;
}
}
else if(tag0 === "s3.wait"){
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.id === undefined){
const err263 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.wait/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema17.required,parentSchema:schema17,data:data41};
if(vErrors === null){
vErrors = [err263];
}
else {
vErrors.push(err263);
}
errors++;
}
if(data41.kind === undefined){
const err264 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.wait/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema17.required,parentSchema:schema17,data:data41};
if(vErrors === null){
vErrors = [err264];
}
else {
vErrors.push(err264);
}
errors++;
}
if(data41.bucket === undefined){
const err265 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.wait/required",keyword:"required",params:{missingProperty: "bucket"},message:"must have required property '"+"bucket"+"'",schema:schema17.required,parentSchema:schema17,data:data41};
if(vErrors === null){
vErrors = [err265];
}
else {
vErrors.push(err265);
}
errors++;
}
if(data41.key === undefined){
const err266 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.wait/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema17.required,parentSchema:schema17,data:data41};
if(vErrors === null){
vErrors = [err266];
}
else {
vErrors.push(err266);
}
errors++;
}
for(const key14 in data41){
if(!(func2.call(schema17.properties, key14))){
const err267 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.wait/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties",schema:false,parentSchema:schema17,data:data41};
if(vErrors === null){
vErrors = [err267];
}
else {
vErrors.push(err267);
}
errors++;
}
}
if(data41.id !== undefined){
let data153 = data41.id;
if(typeof data153 !== "string"){
const err268 = {instancePath:instancePath+"/steps/" + i3+"/id",schemaPath:"#/definitions/step.s3.wait/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.id.type,parentSchema:schema17.properties.id,data:data153};
if(vErrors === null){
vErrors = [err268];
}
else {
vErrors.push(err268);
}
errors++;
}
}
if(data41.kind !== undefined){
let data154 = data41.kind;
if("s3.wait" !== data154){
const err269 = {instancePath:instancePath+"/steps/" + i3+"/kind",schemaPath:"#/definitions/step.s3.wait/properties/kind/const",keyword:"const",params:{allowedValue: "s3.wait"},message:"must be equal to constant",schema:"s3.wait",parentSchema:schema17.properties.kind,data:data154};
if(vErrors === null){
vErrors = [err269];
}
else {
vErrors.push(err269);
}
errors++;
}
}
if(data41.bucket !== undefined){
let data155 = data41.bucket;
if(typeof data155 === "string"){
if(func3(data155) < 1){
const err270 = {instancePath:instancePath+"/steps/" + i3+"/bucket",schemaPath:"#/definitions/step.s3.wait/properties/bucket/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17.properties.bucket,data:data155};
if(vErrors === null){
vErrors = [err270];
}
else {
vErrors.push(err270);
}
errors++;
}
}
else {
const err271 = {instancePath:instancePath+"/steps/" + i3+"/bucket",schemaPath:"#/definitions/step.s3.wait/properties/bucket/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.bucket.type,parentSchema:schema17.properties.bucket,data:data155};
if(vErrors === null){
vErrors = [err271];
}
else {
vErrors.push(err271);
}
errors++;
}
}
if(data41.key !== undefined){
let data156 = data41.key;
if((typeof data156 !== "string") && (!(Array.isArray(data156)))){
const err272 = {instancePath:instancePath+"/steps/" + i3+"/key",schemaPath:"#/definitions/step.s3.wait/properties/key/type",keyword:"type",params:{type: schema17.properties.key.type},message:"must be string,array",schema:schema17.properties.key.type,parentSchema:schema17.properties.key,data:data156};
if(vErrors === null){
vErrors = [err272];
}
else {
vErrors.push(err272);
}
errors++;
}
if(typeof data156 === "string"){
if(func3(data156) < 1){
const err273 = {instancePath:instancePath+"/steps/" + i3+"/key",schemaPath:"#/definitions/step.s3.wait/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17.properties.key,data:data156};
if(vErrors === null){
vErrors = [err273];
}
else {
vErrors.push(err273);
}
errors++;
}
}
if(Array.isArray(data156)){
if(data156.length < 1){
const err274 = {instancePath:instancePath+"/steps/" + i3+"/key",schemaPath:"#/definitions/step.s3.wait/properties/key/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema17.properties.key,data:data156};
if(vErrors === null){
vErrors = [err274];
}
else {
vErrors.push(err274);
}
errors++;
}
const len17 = data156.length;
for(let i19=0; i19<len17; i19++){
let data157 = data156[i19];
if(typeof data157 === "string"){
if(func3(data157) < 1){
const err275 = {instancePath:instancePath+"/steps/" + i3+"/key/" + i19,schemaPath:"#/definitions/step.s3.wait/properties/key/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17.properties.key.items,data:data157};
if(vErrors === null){
vErrors = [err275];
}
else {
vErrors.push(err275);
}
errors++;
}
}
else {
const err276 = {instancePath:instancePath+"/steps/" + i3+"/key/" + i19,schemaPath:"#/definitions/step.s3.wait/properties/key/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.key.items.type,parentSchema:schema17.properties.key.items,data:data157};
if(vErrors === null){
vErrors = [err276];
}
else {
vErrors.push(err276);
}
errors++;
}
}
}
}
if(data41.wildcard !== undefined){
let data158 = data41.wildcard;
if(typeof data158 !== "boolean"){
const err277 = {instancePath:instancePath+"/steps/" + i3+"/wildcard",schemaPath:"#/definitions/step.s3.wait/properties/wildcard/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema17.properties.wildcard.type,parentSchema:schema17.properties.wildcard,data:data158};
if(vErrors === null){
vErrors = [err277];
}
else {
vErrors.push(err277);
}
errors++;
}
}
if(data41.timeout !== undefined){
let data159 = data41.timeout;
if(typeof data159 !== "string"){
const err278 = {instancePath:instancePath+"/steps/" + i3+"/timeout",schemaPath:"#/definitions/step.s3.wait/properties/timeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.timeout.type,parentSchema:schema17.properties.timeout,data:data159};
if(vErrors === null){
vErrors = [err278];
}
else {
vErrors.push(err278);
}
errors++;
}
}
if(data41.pokeInterval !== undefined){
let data160 = data41.pokeInterval;
if(typeof data160 !== "string"){
const err279 = {instancePath:instancePath+"/steps/" + i3+"/pokeInterval",schemaPath:"#/definitions/step.s3.wait/properties/pokeInterval/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.pokeInterval.type,parentSchema:schema17.properties.pokeInterval,data:data160};
if(vErrors === null){
vErrors = [err279];
}
else {
vErrors.push(err279);
}
errors++;
}
}
if(data41.mode !== undefined){
let data161 = data41.mode;
if(typeof data161 !== "string"){
const err280 = {instancePath:instancePath+"/steps/" + i3+"/mode",schemaPath:"#/definitions/step.s3.wait/properties/mode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.mode.type,parentSchema:schema17.properties.mode,data:data161};
if(vErrors === null){
vErrors = [err280];
}
else {
vErrors.push(err280);
}
errors++;
}
if(!(((data161 === "poke") || (data161 === "reschedule")) || (data161 === "deferrable"))){
const err281 = {instancePath:instancePath+"/steps/" + i3+"/mode",schemaPath:"#/definitions/step.s3.wait/properties/mode/enum",keyword:"enum",params:{allowedValues: schema17.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema17.properties.mode.enum,parentSchema:schema17.properties.mode,data:data161};
if(vErrors === null){
vErrors = [err281];
}
else {
vErrors.push(err281);
}
errors++;
}
}
if(data41.dependsOn !== undefined){
let data162 = data41.dependsOn;
if(Array.isArray(data162)){
const len18 = data162.length;
for(let i20=0; i20<len18; i20++){
let data163 = data162[i20];
if(typeof data163 !== "string"){
const err282 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn/" + i20,schemaPath:"#/definitions/step.s3.wait/properties/dependsOn/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.dependsOn.items.type,parentSchema:schema17.properties.dependsOn.items,data:data163};
if(vErrors === null){
vErrors = [err282];
}
else {
vErrors.push(err282);
}
errors++;
}
}
}
else {
const err283 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn",schemaPath:"#/definitions/step.s3.wait/properties/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema17.properties.dependsOn.type,parentSchema:schema17.properties.dependsOn,data:data162};
if(vErrors === null){
vErrors = [err283];
}
else {
vErrors.push(err283);
}
errors++;
}
}
if(data41.group !== undefined){
let data164 = data41.group;
if(typeof data164 !== "string"){
const err284 = {instancePath:instancePath+"/steps/" + i3+"/group",schemaPath:"#/definitions/step.s3.wait/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.group.type,parentSchema:schema17.properties.group,data:data164};
if(vErrors === null){
vErrors = [err284];
}
else {
vErrors.push(err284);
}
errors++;
}
}
if(data41.triggerRule !== undefined){
let data165 = data41.triggerRule;
if(typeof data165 !== "string"){
const err285 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.s3.wait/properties/triggerRule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.triggerRule.type,parentSchema:schema17.properties.triggerRule,data:data165};
if(vErrors === null){
vErrors = [err285];
}
else {
vErrors.push(err285);
}
errors++;
}
if(!((((((((((((data165 === "all_success") || (data165 === "all_failed")) || (data165 === "all_done")) || (data165 === "all_done_setup_success")) || (data165 === "all_skipped")) || (data165 === "one_success")) || (data165 === "one_failed")) || (data165 === "one_done")) || (data165 === "none_failed")) || (data165 === "none_failed_min_one_success")) || (data165 === "none_skipped")) || (data165 === "always"))){
const err286 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.s3.wait/properties/triggerRule/enum",keyword:"enum",params:{allowedValues: schema17.properties.triggerRule.enum},message:"must be equal to one of the allowed values",schema:schema17.properties.triggerRule.enum,parentSchema:schema17.properties.triggerRule,data:data165};
if(vErrors === null){
vErrors = [err286];
}
else {
vErrors.push(err286);
}
errors++;
}
}
if(data41.produces !== undefined){
let data166 = data41.produces;
if(Array.isArray(data166)){
const len19 = data166.length;
for(let i21=0; i21<len19; i21++){
let data167 = data166[i21];
if(typeof data167 !== "string"){
const err287 = {instancePath:instancePath+"/steps/" + i3+"/produces/" + i21,schemaPath:"#/definitions/step.s3.wait/properties/produces/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.produces.items.type,parentSchema:schema17.properties.produces.items,data:data167};
if(vErrors === null){
vErrors = [err287];
}
else {
vErrors.push(err287);
}
errors++;
}
}
}
else {
const err288 = {instancePath:instancePath+"/steps/" + i3+"/produces",schemaPath:"#/definitions/step.s3.wait/properties/produces/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema17.properties.produces.type,parentSchema:schema17.properties.produces,data:data166};
if(vErrors === null){
vErrors = [err288];
}
else {
vErrors.push(err288);
}
errors++;
}
}
if(data41.retries !== undefined){
let data168 = data41.retries;
if(!(((typeof data168 == "number") && (!(data168 % 1) && !isNaN(data168))) && (isFinite(data168)))){
const err289 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.s3.wait/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema17.properties.retries.type,parentSchema:schema17.properties.retries,data:data168};
if(vErrors === null){
vErrors = [err289];
}
else {
vErrors.push(err289);
}
errors++;
}
if((typeof data168 == "number") && (isFinite(data168))){
if(data168 > 100 || isNaN(data168)){
const err290 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.s3.wait/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema17.properties.retries,data:data168};
if(vErrors === null){
vErrors = [err290];
}
else {
vErrors.push(err290);
}
errors++;
}
if(data168 < 0 || isNaN(data168)){
const err291 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.s3.wait/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema17.properties.retries,data:data168};
if(vErrors === null){
vErrors = [err291];
}
else {
vErrors.push(err291);
}
errors++;
}
}
}
if(data41.retryDelay !== undefined){
let data169 = data41.retryDelay;
if(typeof data169 !== "string"){
const err292 = {instancePath:instancePath+"/steps/" + i3+"/retryDelay",schemaPath:"#/definitions/step.s3.wait/properties/retryDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.retryDelay.type,parentSchema:schema17.properties.retryDelay,data:data169};
if(vErrors === null){
vErrors = [err292];
}
else {
vErrors.push(err292);
}
errors++;
}
}
if(data41.retryExponentialBackoff !== undefined){
let data170 = data41.retryExponentialBackoff;
if(typeof data170 !== "boolean"){
const err293 = {instancePath:instancePath+"/steps/" + i3+"/retryExponentialBackoff",schemaPath:"#/definitions/step.s3.wait/properties/retryExponentialBackoff/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema17.properties.retryExponentialBackoff.type,parentSchema:schema17.properties.retryExponentialBackoff,data:data170};
if(vErrors === null){
vErrors = [err293];
}
else {
vErrors.push(err293);
}
errors++;
}
}
if(data41.executionTimeout !== undefined){
let data171 = data41.executionTimeout;
if(typeof data171 !== "string"){
const err294 = {instancePath:instancePath+"/steps/" + i3+"/executionTimeout",schemaPath:"#/definitions/step.s3.wait/properties/executionTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.executionTimeout.type,parentSchema:schema17.properties.executionTimeout,data:data171};
if(vErrors === null){
vErrors = [err294];
}
else {
vErrors.push(err294);
}
errors++;
}
}
if(data41.awsConnId !== undefined){
let data172 = data41.awsConnId;
if(typeof data172 === "string"){
if(func3(data172) < 1){
const err295 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.s3.wait/properties/awsConnId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17.properties.awsConnId,data:data172};
if(vErrors === null){
vErrors = [err295];
}
else {
vErrors.push(err295);
}
errors++;
}
}
else {
const err296 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.s3.wait/properties/awsConnId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.awsConnId.type,parentSchema:schema17.properties.awsConnId,data:data172};
if(vErrors === null){
vErrors = [err296];
}
else {
vErrors.push(err296);
}
errors++;
}
}
if(data41.region !== undefined){
let data173 = data41.region;
if(typeof data173 === "string"){
if(func3(data173) < 1){
const err297 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.s3.wait/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17.properties.region,data:data173};
if(vErrors === null){
vErrors = [err297];
}
else {
vErrors.push(err297);
}
errors++;
}
}
else {
const err298 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.s3.wait/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.region.type,parentSchema:schema17.properties.region,data:data173};
if(vErrors === null){
vErrors = [err298];
}
else {
vErrors.push(err298);
}
errors++;
}
}
if(data41.deferrable !== undefined){
let data174 = data41.deferrable;
if(typeof data174 !== "boolean"){
const err299 = {instancePath:instancePath+"/steps/" + i3+"/deferrable",schemaPath:"#/definitions/step.s3.wait/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema17.properties.deferrable.type,parentSchema:schema17.properties.deferrable,data:data174};
if(vErrors === null){
vErrors = [err299];
}
else {
vErrors.push(err299);
}
errors++;
}
}
if(data41.pool !== undefined){
let data175 = data41.pool;
if(typeof data175 === "string"){
if(func3(data175) < 1){
const err300 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.s3.wait/properties/pool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17.properties.pool,data:data175};
if(vErrors === null){
vErrors = [err300];
}
else {
vErrors.push(err300);
}
errors++;
}
}
else {
const err301 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.s3.wait/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.pool.type,parentSchema:schema17.properties.pool,data:data175};
if(vErrors === null){
vErrors = [err301];
}
else {
vErrors.push(err301);
}
errors++;
}
}
}
else {
const err302 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.wait/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema17.type,parentSchema:schema17,data:data41};
if(vErrors === null){
vErrors = [err302];
}
else {
vErrors.push(err302);
}
errors++;
}
}
else if(tag0 === "s3.copy"){
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.id === undefined){
const err303 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.copy/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema18.required,parentSchema:schema18,data:data41};
if(vErrors === null){
vErrors = [err303];
}
else {
vErrors.push(err303);
}
errors++;
}
if(data41.kind === undefined){
const err304 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.copy/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema18.required,parentSchema:schema18,data:data41};
if(vErrors === null){
vErrors = [err304];
}
else {
vErrors.push(err304);
}
errors++;
}
if(data41.from === undefined){
const err305 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.copy/required",keyword:"required",params:{missingProperty: "from"},message:"must have required property '"+"from"+"'",schema:schema18.required,parentSchema:schema18,data:data41};
if(vErrors === null){
vErrors = [err305];
}
else {
vErrors.push(err305);
}
errors++;
}
if(data41.to === undefined){
const err306 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.copy/required",keyword:"required",params:{missingProperty: "to"},message:"must have required property '"+"to"+"'",schema:schema18.required,parentSchema:schema18,data:data41};
if(vErrors === null){
vErrors = [err306];
}
else {
vErrors.push(err306);
}
errors++;
}
for(const key15 in data41){
if(!(func2.call(schema18.properties, key15))){
const err307 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.copy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties",schema:false,parentSchema:schema18,data:data41};
if(vErrors === null){
vErrors = [err307];
}
else {
vErrors.push(err307);
}
errors++;
}
}
if(data41.id !== undefined){
let data176 = data41.id;
if(typeof data176 !== "string"){
const err308 = {instancePath:instancePath+"/steps/" + i3+"/id",schemaPath:"#/definitions/step.s3.copy/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.id.type,parentSchema:schema18.properties.id,data:data176};
if(vErrors === null){
vErrors = [err308];
}
else {
vErrors.push(err308);
}
errors++;
}
}
if(data41.kind !== undefined){
let data177 = data41.kind;
if("s3.copy" !== data177){
const err309 = {instancePath:instancePath+"/steps/" + i3+"/kind",schemaPath:"#/definitions/step.s3.copy/properties/kind/const",keyword:"const",params:{allowedValue: "s3.copy"},message:"must be equal to constant",schema:"s3.copy",parentSchema:schema18.properties.kind,data:data177};
if(vErrors === null){
vErrors = [err309];
}
else {
vErrors.push(err309);
}
errors++;
}
}
if(data41.from !== undefined){
let data178 = data41.from;
if(typeof data178 !== "string"){
const err310 = {instancePath:instancePath+"/steps/" + i3+"/from",schemaPath:"#/definitions/step.s3.copy/properties/from/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.from.type,parentSchema:schema18.properties.from,data:data178};
if(vErrors === null){
vErrors = [err310];
}
else {
vErrors.push(err310);
}
errors++;
}
}
if(data41.to !== undefined){
let data179 = data41.to;
if(typeof data179 !== "string"){
const err311 = {instancePath:instancePath+"/steps/" + i3+"/to",schemaPath:"#/definitions/step.s3.copy/properties/to/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.to.type,parentSchema:schema18.properties.to,data:data179};
if(vErrors === null){
vErrors = [err311];
}
else {
vErrors.push(err311);
}
errors++;
}
}
if(data41.kmsKeyId !== undefined){
let data180 = data41.kmsKeyId;
if(typeof data180 === "string"){
if(func3(data180) < 1){
const err312 = {instancePath:instancePath+"/steps/" + i3+"/kmsKeyId",schemaPath:"#/definitions/step.s3.copy/properties/kmsKeyId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema18.properties.kmsKeyId,data:data180};
if(vErrors === null){
vErrors = [err312];
}
else {
vErrors.push(err312);
}
errors++;
}
}
else {
const err313 = {instancePath:instancePath+"/steps/" + i3+"/kmsKeyId",schemaPath:"#/definitions/step.s3.copy/properties/kmsKeyId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.kmsKeyId.type,parentSchema:schema18.properties.kmsKeyId,data:data180};
if(vErrors === null){
vErrors = [err313];
}
else {
vErrors.push(err313);
}
errors++;
}
}
if(data41.dependsOn !== undefined){
let data181 = data41.dependsOn;
if(Array.isArray(data181)){
const len20 = data181.length;
for(let i22=0; i22<len20; i22++){
let data182 = data181[i22];
if(typeof data182 !== "string"){
const err314 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn/" + i22,schemaPath:"#/definitions/step.s3.copy/properties/dependsOn/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.dependsOn.items.type,parentSchema:schema18.properties.dependsOn.items,data:data182};
if(vErrors === null){
vErrors = [err314];
}
else {
vErrors.push(err314);
}
errors++;
}
}
}
else {
const err315 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn",schemaPath:"#/definitions/step.s3.copy/properties/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema18.properties.dependsOn.type,parentSchema:schema18.properties.dependsOn,data:data181};
if(vErrors === null){
vErrors = [err315];
}
else {
vErrors.push(err315);
}
errors++;
}
}
if(data41.group !== undefined){
let data183 = data41.group;
if(typeof data183 !== "string"){
const err316 = {instancePath:instancePath+"/steps/" + i3+"/group",schemaPath:"#/definitions/step.s3.copy/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.group.type,parentSchema:schema18.properties.group,data:data183};
if(vErrors === null){
vErrors = [err316];
}
else {
vErrors.push(err316);
}
errors++;
}
}
if(data41.triggerRule !== undefined){
let data184 = data41.triggerRule;
if(typeof data184 !== "string"){
const err317 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.s3.copy/properties/triggerRule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.triggerRule.type,parentSchema:schema18.properties.triggerRule,data:data184};
if(vErrors === null){
vErrors = [err317];
}
else {
vErrors.push(err317);
}
errors++;
}
if(!((((((((((((data184 === "all_success") || (data184 === "all_failed")) || (data184 === "all_done")) || (data184 === "all_done_setup_success")) || (data184 === "all_skipped")) || (data184 === "one_success")) || (data184 === "one_failed")) || (data184 === "one_done")) || (data184 === "none_failed")) || (data184 === "none_failed_min_one_success")) || (data184 === "none_skipped")) || (data184 === "always"))){
const err318 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.s3.copy/properties/triggerRule/enum",keyword:"enum",params:{allowedValues: schema18.properties.triggerRule.enum},message:"must be equal to one of the allowed values",schema:schema18.properties.triggerRule.enum,parentSchema:schema18.properties.triggerRule,data:data184};
if(vErrors === null){
vErrors = [err318];
}
else {
vErrors.push(err318);
}
errors++;
}
}
if(data41.produces !== undefined){
let data185 = data41.produces;
if(Array.isArray(data185)){
const len21 = data185.length;
for(let i23=0; i23<len21; i23++){
let data186 = data185[i23];
if(typeof data186 !== "string"){
const err319 = {instancePath:instancePath+"/steps/" + i3+"/produces/" + i23,schemaPath:"#/definitions/step.s3.copy/properties/produces/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.produces.items.type,parentSchema:schema18.properties.produces.items,data:data186};
if(vErrors === null){
vErrors = [err319];
}
else {
vErrors.push(err319);
}
errors++;
}
}
}
else {
const err320 = {instancePath:instancePath+"/steps/" + i3+"/produces",schemaPath:"#/definitions/step.s3.copy/properties/produces/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema18.properties.produces.type,parentSchema:schema18.properties.produces,data:data185};
if(vErrors === null){
vErrors = [err320];
}
else {
vErrors.push(err320);
}
errors++;
}
}
if(data41.retries !== undefined){
let data187 = data41.retries;
if(!(((typeof data187 == "number") && (!(data187 % 1) && !isNaN(data187))) && (isFinite(data187)))){
const err321 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.s3.copy/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema18.properties.retries.type,parentSchema:schema18.properties.retries,data:data187};
if(vErrors === null){
vErrors = [err321];
}
else {
vErrors.push(err321);
}
errors++;
}
if((typeof data187 == "number") && (isFinite(data187))){
if(data187 > 100 || isNaN(data187)){
const err322 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.s3.copy/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema18.properties.retries,data:data187};
if(vErrors === null){
vErrors = [err322];
}
else {
vErrors.push(err322);
}
errors++;
}
if(data187 < 0 || isNaN(data187)){
const err323 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.s3.copy/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema18.properties.retries,data:data187};
if(vErrors === null){
vErrors = [err323];
}
else {
vErrors.push(err323);
}
errors++;
}
}
}
if(data41.retryDelay !== undefined){
let data188 = data41.retryDelay;
if(typeof data188 !== "string"){
const err324 = {instancePath:instancePath+"/steps/" + i3+"/retryDelay",schemaPath:"#/definitions/step.s3.copy/properties/retryDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.retryDelay.type,parentSchema:schema18.properties.retryDelay,data:data188};
if(vErrors === null){
vErrors = [err324];
}
else {
vErrors.push(err324);
}
errors++;
}
}
if(data41.retryExponentialBackoff !== undefined){
let data189 = data41.retryExponentialBackoff;
if(typeof data189 !== "boolean"){
const err325 = {instancePath:instancePath+"/steps/" + i3+"/retryExponentialBackoff",schemaPath:"#/definitions/step.s3.copy/properties/retryExponentialBackoff/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema18.properties.retryExponentialBackoff.type,parentSchema:schema18.properties.retryExponentialBackoff,data:data189};
if(vErrors === null){
vErrors = [err325];
}
else {
vErrors.push(err325);
}
errors++;
}
}
if(data41.executionTimeout !== undefined){
let data190 = data41.executionTimeout;
if(typeof data190 !== "string"){
const err326 = {instancePath:instancePath+"/steps/" + i3+"/executionTimeout",schemaPath:"#/definitions/step.s3.copy/properties/executionTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.executionTimeout.type,parentSchema:schema18.properties.executionTimeout,data:data190};
if(vErrors === null){
vErrors = [err326];
}
else {
vErrors.push(err326);
}
errors++;
}
}
if(data41.awsConnId !== undefined){
let data191 = data41.awsConnId;
if(typeof data191 === "string"){
if(func3(data191) < 1){
const err327 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.s3.copy/properties/awsConnId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema18.properties.awsConnId,data:data191};
if(vErrors === null){
vErrors = [err327];
}
else {
vErrors.push(err327);
}
errors++;
}
}
else {
const err328 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.s3.copy/properties/awsConnId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.awsConnId.type,parentSchema:schema18.properties.awsConnId,data:data191};
if(vErrors === null){
vErrors = [err328];
}
else {
vErrors.push(err328);
}
errors++;
}
}
if(data41.region !== undefined){
let data192 = data41.region;
if(typeof data192 === "string"){
if(func3(data192) < 1){
const err329 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.s3.copy/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema18.properties.region,data:data192};
if(vErrors === null){
vErrors = [err329];
}
else {
vErrors.push(err329);
}
errors++;
}
}
else {
const err330 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.s3.copy/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.region.type,parentSchema:schema18.properties.region,data:data192};
if(vErrors === null){
vErrors = [err330];
}
else {
vErrors.push(err330);
}
errors++;
}
}
if(data41.deferrable !== undefined){
let data193 = data41.deferrable;
if(typeof data193 !== "boolean"){
const err331 = {instancePath:instancePath+"/steps/" + i3+"/deferrable",schemaPath:"#/definitions/step.s3.copy/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema18.properties.deferrable.type,parentSchema:schema18.properties.deferrable,data:data193};
if(vErrors === null){
vErrors = [err331];
}
else {
vErrors.push(err331);
}
errors++;
}
}
if(data41.pool !== undefined){
let data194 = data41.pool;
if(typeof data194 === "string"){
if(func3(data194) < 1){
const err332 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.s3.copy/properties/pool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema18.properties.pool,data:data194};
if(vErrors === null){
vErrors = [err332];
}
else {
vErrors.push(err332);
}
errors++;
}
}
else {
const err333 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.s3.copy/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.pool.type,parentSchema:schema18.properties.pool,data:data194};
if(vErrors === null){
vErrors = [err333];
}
else {
vErrors.push(err333);
}
errors++;
}
}
}
else {
const err334 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.copy/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema18.type,parentSchema:schema18,data:data41};
if(vErrors === null){
vErrors = [err334];
}
else {
vErrors.push(err334);
}
errors++;
}
}
else if(tag0 === "s3.delete"){
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.id === undefined){
const err335 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.delete/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema19.required,parentSchema:schema19,data:data41};
if(vErrors === null){
vErrors = [err335];
}
else {
vErrors.push(err335);
}
errors++;
}
if(data41.kind === undefined){
const err336 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.delete/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema19.required,parentSchema:schema19,data:data41};
if(vErrors === null){
vErrors = [err336];
}
else {
vErrors.push(err336);
}
errors++;
}
if(data41.bucket === undefined){
const err337 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.delete/required",keyword:"required",params:{missingProperty: "bucket"},message:"must have required property '"+"bucket"+"'",schema:schema19.required,parentSchema:schema19,data:data41};
if(vErrors === null){
vErrors = [err337];
}
else {
vErrors.push(err337);
}
errors++;
}
for(const key16 in data41){
if(!(func2.call(schema19.properties, key16))){
const err338 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.delete/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties",schema:false,parentSchema:schema19,data:data41};
if(vErrors === null){
vErrors = [err338];
}
else {
vErrors.push(err338);
}
errors++;
}
}
if(data41.id !== undefined){
let data195 = data41.id;
if(typeof data195 !== "string"){
const err339 = {instancePath:instancePath+"/steps/" + i3+"/id",schemaPath:"#/definitions/step.s3.delete/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.id.type,parentSchema:schema19.properties.id,data:data195};
if(vErrors === null){
vErrors = [err339];
}
else {
vErrors.push(err339);
}
errors++;
}
}
if(data41.kind !== undefined){
let data196 = data41.kind;
if("s3.delete" !== data196){
const err340 = {instancePath:instancePath+"/steps/" + i3+"/kind",schemaPath:"#/definitions/step.s3.delete/properties/kind/const",keyword:"const",params:{allowedValue: "s3.delete"},message:"must be equal to constant",schema:"s3.delete",parentSchema:schema19.properties.kind,data:data196};
if(vErrors === null){
vErrors = [err340];
}
else {
vErrors.push(err340);
}
errors++;
}
}
if(data41.bucket !== undefined){
let data197 = data41.bucket;
if(typeof data197 === "string"){
if(func3(data197) < 1){
const err341 = {instancePath:instancePath+"/steps/" + i3+"/bucket",schemaPath:"#/definitions/step.s3.delete/properties/bucket/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema19.properties.bucket,data:data197};
if(vErrors === null){
vErrors = [err341];
}
else {
vErrors.push(err341);
}
errors++;
}
}
else {
const err342 = {instancePath:instancePath+"/steps/" + i3+"/bucket",schemaPath:"#/definitions/step.s3.delete/properties/bucket/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.bucket.type,parentSchema:schema19.properties.bucket,data:data197};
if(vErrors === null){
vErrors = [err342];
}
else {
vErrors.push(err342);
}
errors++;
}
}
if(data41.keys !== undefined){
let data198 = data41.keys;
if((typeof data198 !== "string") && (!(Array.isArray(data198)))){
const err343 = {instancePath:instancePath+"/steps/" + i3+"/keys",schemaPath:"#/definitions/step.s3.delete/properties/keys/type",keyword:"type",params:{type: schema19.properties.keys.type},message:"must be string,array",schema:schema19.properties.keys.type,parentSchema:schema19.properties.keys,data:data198};
if(vErrors === null){
vErrors = [err343];
}
else {
vErrors.push(err343);
}
errors++;
}
if(typeof data198 === "string"){
if(func3(data198) < 1){
const err344 = {instancePath:instancePath+"/steps/" + i3+"/keys",schemaPath:"#/definitions/step.s3.delete/properties/keys/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema19.properties.keys,data:data198};
if(vErrors === null){
vErrors = [err344];
}
else {
vErrors.push(err344);
}
errors++;
}
}
if(Array.isArray(data198)){
if(data198.length < 1){
const err345 = {instancePath:instancePath+"/steps/" + i3+"/keys",schemaPath:"#/definitions/step.s3.delete/properties/keys/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema19.properties.keys,data:data198};
if(vErrors === null){
vErrors = [err345];
}
else {
vErrors.push(err345);
}
errors++;
}
const len22 = data198.length;
for(let i24=0; i24<len22; i24++){
let data199 = data198[i24];
if(typeof data199 === "string"){
if(func3(data199) < 1){
const err346 = {instancePath:instancePath+"/steps/" + i3+"/keys/" + i24,schemaPath:"#/definitions/step.s3.delete/properties/keys/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema19.properties.keys.items,data:data199};
if(vErrors === null){
vErrors = [err346];
}
else {
vErrors.push(err346);
}
errors++;
}
}
else {
const err347 = {instancePath:instancePath+"/steps/" + i3+"/keys/" + i24,schemaPath:"#/definitions/step.s3.delete/properties/keys/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.keys.items.type,parentSchema:schema19.properties.keys.items,data:data199};
if(vErrors === null){
vErrors = [err347];
}
else {
vErrors.push(err347);
}
errors++;
}
}
}
}
if(data41.prefix !== undefined){
let data200 = data41.prefix;
if(typeof data200 === "string"){
if(func3(data200) < 1){
const err348 = {instancePath:instancePath+"/steps/" + i3+"/prefix",schemaPath:"#/definitions/step.s3.delete/properties/prefix/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema19.properties.prefix,data:data200};
if(vErrors === null){
vErrors = [err348];
}
else {
vErrors.push(err348);
}
errors++;
}
}
else {
const err349 = {instancePath:instancePath+"/steps/" + i3+"/prefix",schemaPath:"#/definitions/step.s3.delete/properties/prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.prefix.type,parentSchema:schema19.properties.prefix,data:data200};
if(vErrors === null){
vErrors = [err349];
}
else {
vErrors.push(err349);
}
errors++;
}
}
if(data41.dependsOn !== undefined){
let data201 = data41.dependsOn;
if(Array.isArray(data201)){
const len23 = data201.length;
for(let i25=0; i25<len23; i25++){
let data202 = data201[i25];
if(typeof data202 !== "string"){
const err350 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn/" + i25,schemaPath:"#/definitions/step.s3.delete/properties/dependsOn/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.dependsOn.items.type,parentSchema:schema19.properties.dependsOn.items,data:data202};
if(vErrors === null){
vErrors = [err350];
}
else {
vErrors.push(err350);
}
errors++;
}
}
}
else {
const err351 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn",schemaPath:"#/definitions/step.s3.delete/properties/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema19.properties.dependsOn.type,parentSchema:schema19.properties.dependsOn,data:data201};
if(vErrors === null){
vErrors = [err351];
}
else {
vErrors.push(err351);
}
errors++;
}
}
if(data41.group !== undefined){
let data203 = data41.group;
if(typeof data203 !== "string"){
const err352 = {instancePath:instancePath+"/steps/" + i3+"/group",schemaPath:"#/definitions/step.s3.delete/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.group.type,parentSchema:schema19.properties.group,data:data203};
if(vErrors === null){
vErrors = [err352];
}
else {
vErrors.push(err352);
}
errors++;
}
}
if(data41.triggerRule !== undefined){
let data204 = data41.triggerRule;
if(typeof data204 !== "string"){
const err353 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.s3.delete/properties/triggerRule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.triggerRule.type,parentSchema:schema19.properties.triggerRule,data:data204};
if(vErrors === null){
vErrors = [err353];
}
else {
vErrors.push(err353);
}
errors++;
}
if(!((((((((((((data204 === "all_success") || (data204 === "all_failed")) || (data204 === "all_done")) || (data204 === "all_done_setup_success")) || (data204 === "all_skipped")) || (data204 === "one_success")) || (data204 === "one_failed")) || (data204 === "one_done")) || (data204 === "none_failed")) || (data204 === "none_failed_min_one_success")) || (data204 === "none_skipped")) || (data204 === "always"))){
const err354 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.s3.delete/properties/triggerRule/enum",keyword:"enum",params:{allowedValues: schema19.properties.triggerRule.enum},message:"must be equal to one of the allowed values",schema:schema19.properties.triggerRule.enum,parentSchema:schema19.properties.triggerRule,data:data204};
if(vErrors === null){
vErrors = [err354];
}
else {
vErrors.push(err354);
}
errors++;
}
}
if(data41.produces !== undefined){
let data205 = data41.produces;
if(Array.isArray(data205)){
const len24 = data205.length;
for(let i26=0; i26<len24; i26++){
let data206 = data205[i26];
if(typeof data206 !== "string"){
const err355 = {instancePath:instancePath+"/steps/" + i3+"/produces/" + i26,schemaPath:"#/definitions/step.s3.delete/properties/produces/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.produces.items.type,parentSchema:schema19.properties.produces.items,data:data206};
if(vErrors === null){
vErrors = [err355];
}
else {
vErrors.push(err355);
}
errors++;
}
}
}
else {
const err356 = {instancePath:instancePath+"/steps/" + i3+"/produces",schemaPath:"#/definitions/step.s3.delete/properties/produces/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema19.properties.produces.type,parentSchema:schema19.properties.produces,data:data205};
if(vErrors === null){
vErrors = [err356];
}
else {
vErrors.push(err356);
}
errors++;
}
}
if(data41.retries !== undefined){
let data207 = data41.retries;
if(!(((typeof data207 == "number") && (!(data207 % 1) && !isNaN(data207))) && (isFinite(data207)))){
const err357 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.s3.delete/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema19.properties.retries.type,parentSchema:schema19.properties.retries,data:data207};
if(vErrors === null){
vErrors = [err357];
}
else {
vErrors.push(err357);
}
errors++;
}
if((typeof data207 == "number") && (isFinite(data207))){
if(data207 > 100 || isNaN(data207)){
const err358 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.s3.delete/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema19.properties.retries,data:data207};
if(vErrors === null){
vErrors = [err358];
}
else {
vErrors.push(err358);
}
errors++;
}
if(data207 < 0 || isNaN(data207)){
const err359 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.s3.delete/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema19.properties.retries,data:data207};
if(vErrors === null){
vErrors = [err359];
}
else {
vErrors.push(err359);
}
errors++;
}
}
}
if(data41.retryDelay !== undefined){
let data208 = data41.retryDelay;
if(typeof data208 !== "string"){
const err360 = {instancePath:instancePath+"/steps/" + i3+"/retryDelay",schemaPath:"#/definitions/step.s3.delete/properties/retryDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.retryDelay.type,parentSchema:schema19.properties.retryDelay,data:data208};
if(vErrors === null){
vErrors = [err360];
}
else {
vErrors.push(err360);
}
errors++;
}
}
if(data41.retryExponentialBackoff !== undefined){
let data209 = data41.retryExponentialBackoff;
if(typeof data209 !== "boolean"){
const err361 = {instancePath:instancePath+"/steps/" + i3+"/retryExponentialBackoff",schemaPath:"#/definitions/step.s3.delete/properties/retryExponentialBackoff/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema19.properties.retryExponentialBackoff.type,parentSchema:schema19.properties.retryExponentialBackoff,data:data209};
if(vErrors === null){
vErrors = [err361];
}
else {
vErrors.push(err361);
}
errors++;
}
}
if(data41.executionTimeout !== undefined){
let data210 = data41.executionTimeout;
if(typeof data210 !== "string"){
const err362 = {instancePath:instancePath+"/steps/" + i3+"/executionTimeout",schemaPath:"#/definitions/step.s3.delete/properties/executionTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.executionTimeout.type,parentSchema:schema19.properties.executionTimeout,data:data210};
if(vErrors === null){
vErrors = [err362];
}
else {
vErrors.push(err362);
}
errors++;
}
}
if(data41.awsConnId !== undefined){
let data211 = data41.awsConnId;
if(typeof data211 === "string"){
if(func3(data211) < 1){
const err363 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.s3.delete/properties/awsConnId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema19.properties.awsConnId,data:data211};
if(vErrors === null){
vErrors = [err363];
}
else {
vErrors.push(err363);
}
errors++;
}
}
else {
const err364 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.s3.delete/properties/awsConnId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.awsConnId.type,parentSchema:schema19.properties.awsConnId,data:data211};
if(vErrors === null){
vErrors = [err364];
}
else {
vErrors.push(err364);
}
errors++;
}
}
if(data41.region !== undefined){
let data212 = data41.region;
if(typeof data212 === "string"){
if(func3(data212) < 1){
const err365 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.s3.delete/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema19.properties.region,data:data212};
if(vErrors === null){
vErrors = [err365];
}
else {
vErrors.push(err365);
}
errors++;
}
}
else {
const err366 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.s3.delete/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.region.type,parentSchema:schema19.properties.region,data:data212};
if(vErrors === null){
vErrors = [err366];
}
else {
vErrors.push(err366);
}
errors++;
}
}
if(data41.deferrable !== undefined){
let data213 = data41.deferrable;
if(typeof data213 !== "boolean"){
const err367 = {instancePath:instancePath+"/steps/" + i3+"/deferrable",schemaPath:"#/definitions/step.s3.delete/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema19.properties.deferrable.type,parentSchema:schema19.properties.deferrable,data:data213};
if(vErrors === null){
vErrors = [err367];
}
else {
vErrors.push(err367);
}
errors++;
}
}
if(data41.pool !== undefined){
let data214 = data41.pool;
if(typeof data214 === "string"){
if(func3(data214) < 1){
const err368 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.s3.delete/properties/pool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema19.properties.pool,data:data214};
if(vErrors === null){
vErrors = [err368];
}
else {
vErrors.push(err368);
}
errors++;
}
}
else {
const err369 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.s3.delete/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.pool.type,parentSchema:schema19.properties.pool,data:data214};
if(vErrors === null){
vErrors = [err369];
}
else {
vErrors.push(err369);
}
errors++;
}
}
}
else {
const err370 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.delete/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema19.type,parentSchema:schema19,data:data41};
if(vErrors === null){
vErrors = [err370];
}
else {
vErrors.push(err370);
}
errors++;
}
}
else if(tag0 === "athena.query"){
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.id === undefined){
const err371 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.athena.query/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema20.required,parentSchema:schema20,data:data41};
if(vErrors === null){
vErrors = [err371];
}
else {
vErrors.push(err371);
}
errors++;
}
if(data41.kind === undefined){
const err372 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.athena.query/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema20.required,parentSchema:schema20,data:data41};
if(vErrors === null){
vErrors = [err372];
}
else {
vErrors.push(err372);
}
errors++;
}
if(data41.database === undefined){
const err373 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.athena.query/required",keyword:"required",params:{missingProperty: "database"},message:"must have required property '"+"database"+"'",schema:schema20.required,parentSchema:schema20,data:data41};
if(vErrors === null){
vErrors = [err373];
}
else {
vErrors.push(err373);
}
errors++;
}
if(data41.outputLocation === undefined){
const err374 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.athena.query/required",keyword:"required",params:{missingProperty: "outputLocation"},message:"must have required property '"+"outputLocation"+"'",schema:schema20.required,parentSchema:schema20,data:data41};
if(vErrors === null){
vErrors = [err374];
}
else {
vErrors.push(err374);
}
errors++;
}
for(const key17 in data41){
if(!(func2.call(schema20.properties, key17))){
const err375 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.athena.query/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key17},message:"must NOT have additional properties",schema:false,parentSchema:schema20,data:data41};
if(vErrors === null){
vErrors = [err375];
}
else {
vErrors.push(err375);
}
errors++;
}
}
if(data41.id !== undefined){
let data215 = data41.id;
if(typeof data215 !== "string"){
const err376 = {instancePath:instancePath+"/steps/" + i3+"/id",schemaPath:"#/definitions/step.athena.query/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.id.type,parentSchema:schema20.properties.id,data:data215};
if(vErrors === null){
vErrors = [err376];
}
else {
vErrors.push(err376);
}
errors++;
}
}
if(data41.kind !== undefined){
let data216 = data41.kind;
if("athena.query" !== data216){
const err377 = {instancePath:instancePath+"/steps/" + i3+"/kind",schemaPath:"#/definitions/step.athena.query/properties/kind/const",keyword:"const",params:{allowedValue: "athena.query"},message:"must be equal to constant",schema:"athena.query",parentSchema:schema20.properties.kind,data:data216};
if(vErrors === null){
vErrors = [err377];
}
else {
vErrors.push(err377);
}
errors++;
}
}
if(data41.query !== undefined){
let data217 = data41.query;
if(typeof data217 === "string"){
if(func3(data217) < 1){
const err378 = {instancePath:instancePath+"/steps/" + i3+"/query",schemaPath:"#/definitions/step.athena.query/properties/query/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema20.properties.query,data:data217};
if(vErrors === null){
vErrors = [err378];
}
else {
vErrors.push(err378);
}
errors++;
}
}
else {
const err379 = {instancePath:instancePath+"/steps/" + i3+"/query",schemaPath:"#/definitions/step.athena.query/properties/query/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.query.type,parentSchema:schema20.properties.query,data:data217};
if(vErrors === null){
vErrors = [err379];
}
else {
vErrors.push(err379);
}
errors++;
}
}
if(data41.queryFile !== undefined){
let data218 = data41.queryFile;
if(typeof data218 === "string"){
if(func3(data218) < 1){
const err380 = {instancePath:instancePath+"/steps/" + i3+"/queryFile",schemaPath:"#/definitions/step.athena.query/properties/queryFile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema20.properties.queryFile,data:data218};
if(vErrors === null){
vErrors = [err380];
}
else {
vErrors.push(err380);
}
errors++;
}
}
else {
const err381 = {instancePath:instancePath+"/steps/" + i3+"/queryFile",schemaPath:"#/definitions/step.athena.query/properties/queryFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.queryFile.type,parentSchema:schema20.properties.queryFile,data:data218};
if(vErrors === null){
vErrors = [err381];
}
else {
vErrors.push(err381);
}
errors++;
}
}
if(data41.database !== undefined){
let data219 = data41.database;
if(typeof data219 === "string"){
if(func3(data219) < 1){
const err382 = {instancePath:instancePath+"/steps/" + i3+"/database",schemaPath:"#/definitions/step.athena.query/properties/database/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema20.properties.database,data:data219};
if(vErrors === null){
vErrors = [err382];
}
else {
vErrors.push(err382);
}
errors++;
}
}
else {
const err383 = {instancePath:instancePath+"/steps/" + i3+"/database",schemaPath:"#/definitions/step.athena.query/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.database.type,parentSchema:schema20.properties.database,data:data219};
if(vErrors === null){
vErrors = [err383];
}
else {
vErrors.push(err383);
}
errors++;
}
}
if(data41.outputLocation !== undefined){
let data220 = data41.outputLocation;
if(typeof data220 !== "string"){
const err384 = {instancePath:instancePath+"/steps/" + i3+"/outputLocation",schemaPath:"#/definitions/step.athena.query/properties/outputLocation/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.outputLocation.type,parentSchema:schema20.properties.outputLocation,data:data220};
if(vErrors === null){
vErrors = [err384];
}
else {
vErrors.push(err384);
}
errors++;
}
}
if(data41.workgroup !== undefined){
let data221 = data41.workgroup;
if(typeof data221 === "string"){
if(func3(data221) < 1){
const err385 = {instancePath:instancePath+"/steps/" + i3+"/workgroup",schemaPath:"#/definitions/step.athena.query/properties/workgroup/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema20.properties.workgroup,data:data221};
if(vErrors === null){
vErrors = [err385];
}
else {
vErrors.push(err385);
}
errors++;
}
}
else {
const err386 = {instancePath:instancePath+"/steps/" + i3+"/workgroup",schemaPath:"#/definitions/step.athena.query/properties/workgroup/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.workgroup.type,parentSchema:schema20.properties.workgroup,data:data221};
if(vErrors === null){
vErrors = [err386];
}
else {
vErrors.push(err386);
}
errors++;
}
}
if(data41.catalog !== undefined){
let data222 = data41.catalog;
if(typeof data222 === "string"){
if(func3(data222) < 1){
const err387 = {instancePath:instancePath+"/steps/" + i3+"/catalog",schemaPath:"#/definitions/step.athena.query/properties/catalog/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema20.properties.catalog,data:data222};
if(vErrors === null){
vErrors = [err387];
}
else {
vErrors.push(err387);
}
errors++;
}
}
else {
const err388 = {instancePath:instancePath+"/steps/" + i3+"/catalog",schemaPath:"#/definitions/step.athena.query/properties/catalog/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.catalog.type,parentSchema:schema20.properties.catalog,data:data222};
if(vErrors === null){
vErrors = [err388];
}
else {
vErrors.push(err388);
}
errors++;
}
}
if(data41.dependsOn !== undefined){
let data223 = data41.dependsOn;
if(Array.isArray(data223)){
const len25 = data223.length;
for(let i27=0; i27<len25; i27++){
let data224 = data223[i27];
if(typeof data224 !== "string"){
const err389 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn/" + i27,schemaPath:"#/definitions/step.athena.query/properties/dependsOn/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.dependsOn.items.type,parentSchema:schema20.properties.dependsOn.items,data:data224};
if(vErrors === null){
vErrors = [err389];
}
else {
vErrors.push(err389);
}
errors++;
}
}
}
else {
const err390 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn",schemaPath:"#/definitions/step.athena.query/properties/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema20.properties.dependsOn.type,parentSchema:schema20.properties.dependsOn,data:data223};
if(vErrors === null){
vErrors = [err390];
}
else {
vErrors.push(err390);
}
errors++;
}
}
if(data41.group !== undefined){
let data225 = data41.group;
if(typeof data225 !== "string"){
const err391 = {instancePath:instancePath+"/steps/" + i3+"/group",schemaPath:"#/definitions/step.athena.query/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.group.type,parentSchema:schema20.properties.group,data:data225};
if(vErrors === null){
vErrors = [err391];
}
else {
vErrors.push(err391);
}
errors++;
}
}
if(data41.triggerRule !== undefined){
let data226 = data41.triggerRule;
if(typeof data226 !== "string"){
const err392 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.athena.query/properties/triggerRule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.triggerRule.type,parentSchema:schema20.properties.triggerRule,data:data226};
if(vErrors === null){
vErrors = [err392];
}
else {
vErrors.push(err392);
}
errors++;
}
if(!((((((((((((data226 === "all_success") || (data226 === "all_failed")) || (data226 === "all_done")) || (data226 === "all_done_setup_success")) || (data226 === "all_skipped")) || (data226 === "one_success")) || (data226 === "one_failed")) || (data226 === "one_done")) || (data226 === "none_failed")) || (data226 === "none_failed_min_one_success")) || (data226 === "none_skipped")) || (data226 === "always"))){
const err393 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.athena.query/properties/triggerRule/enum",keyword:"enum",params:{allowedValues: schema20.properties.triggerRule.enum},message:"must be equal to one of the allowed values",schema:schema20.properties.triggerRule.enum,parentSchema:schema20.properties.triggerRule,data:data226};
if(vErrors === null){
vErrors = [err393];
}
else {
vErrors.push(err393);
}
errors++;
}
}
if(data41.produces !== undefined){
let data227 = data41.produces;
if(Array.isArray(data227)){
const len26 = data227.length;
for(let i28=0; i28<len26; i28++){
let data228 = data227[i28];
if(typeof data228 !== "string"){
const err394 = {instancePath:instancePath+"/steps/" + i3+"/produces/" + i28,schemaPath:"#/definitions/step.athena.query/properties/produces/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.produces.items.type,parentSchema:schema20.properties.produces.items,data:data228};
if(vErrors === null){
vErrors = [err394];
}
else {
vErrors.push(err394);
}
errors++;
}
}
}
else {
const err395 = {instancePath:instancePath+"/steps/" + i3+"/produces",schemaPath:"#/definitions/step.athena.query/properties/produces/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema20.properties.produces.type,parentSchema:schema20.properties.produces,data:data227};
if(vErrors === null){
vErrors = [err395];
}
else {
vErrors.push(err395);
}
errors++;
}
}
if(data41.retries !== undefined){
let data229 = data41.retries;
if(!(((typeof data229 == "number") && (!(data229 % 1) && !isNaN(data229))) && (isFinite(data229)))){
const err396 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.athena.query/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema20.properties.retries.type,parentSchema:schema20.properties.retries,data:data229};
if(vErrors === null){
vErrors = [err396];
}
else {
vErrors.push(err396);
}
errors++;
}
if((typeof data229 == "number") && (isFinite(data229))){
if(data229 > 100 || isNaN(data229)){
const err397 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.athena.query/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema20.properties.retries,data:data229};
if(vErrors === null){
vErrors = [err397];
}
else {
vErrors.push(err397);
}
errors++;
}
if(data229 < 0 || isNaN(data229)){
const err398 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.athena.query/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema20.properties.retries,data:data229};
if(vErrors === null){
vErrors = [err398];
}
else {
vErrors.push(err398);
}
errors++;
}
}
}
if(data41.retryDelay !== undefined){
let data230 = data41.retryDelay;
if(typeof data230 !== "string"){
const err399 = {instancePath:instancePath+"/steps/" + i3+"/retryDelay",schemaPath:"#/definitions/step.athena.query/properties/retryDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.retryDelay.type,parentSchema:schema20.properties.retryDelay,data:data230};
if(vErrors === null){
vErrors = [err399];
}
else {
vErrors.push(err399);
}
errors++;
}
}
if(data41.retryExponentialBackoff !== undefined){
let data231 = data41.retryExponentialBackoff;
if(typeof data231 !== "boolean"){
const err400 = {instancePath:instancePath+"/steps/" + i3+"/retryExponentialBackoff",schemaPath:"#/definitions/step.athena.query/properties/retryExponentialBackoff/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema20.properties.retryExponentialBackoff.type,parentSchema:schema20.properties.retryExponentialBackoff,data:data231};
if(vErrors === null){
vErrors = [err400];
}
else {
vErrors.push(err400);
}
errors++;
}
}
if(data41.executionTimeout !== undefined){
let data232 = data41.executionTimeout;
if(typeof data232 !== "string"){
const err401 = {instancePath:instancePath+"/steps/" + i3+"/executionTimeout",schemaPath:"#/definitions/step.athena.query/properties/executionTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.executionTimeout.type,parentSchema:schema20.properties.executionTimeout,data:data232};
if(vErrors === null){
vErrors = [err401];
}
else {
vErrors.push(err401);
}
errors++;
}
}
if(data41.awsConnId !== undefined){
let data233 = data41.awsConnId;
if(typeof data233 === "string"){
if(func3(data233) < 1){
const err402 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.athena.query/properties/awsConnId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema20.properties.awsConnId,data:data233};
if(vErrors === null){
vErrors = [err402];
}
else {
vErrors.push(err402);
}
errors++;
}
}
else {
const err403 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.athena.query/properties/awsConnId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.awsConnId.type,parentSchema:schema20.properties.awsConnId,data:data233};
if(vErrors === null){
vErrors = [err403];
}
else {
vErrors.push(err403);
}
errors++;
}
}
if(data41.region !== undefined){
let data234 = data41.region;
if(typeof data234 === "string"){
if(func3(data234) < 1){
const err404 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.athena.query/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema20.properties.region,data:data234};
if(vErrors === null){
vErrors = [err404];
}
else {
vErrors.push(err404);
}
errors++;
}
}
else {
const err405 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.athena.query/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.region.type,parentSchema:schema20.properties.region,data:data234};
if(vErrors === null){
vErrors = [err405];
}
else {
vErrors.push(err405);
}
errors++;
}
}
if(data41.deferrable !== undefined){
let data235 = data41.deferrable;
if(typeof data235 !== "boolean"){
const err406 = {instancePath:instancePath+"/steps/" + i3+"/deferrable",schemaPath:"#/definitions/step.athena.query/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema20.properties.deferrable.type,parentSchema:schema20.properties.deferrable,data:data235};
if(vErrors === null){
vErrors = [err406];
}
else {
vErrors.push(err406);
}
errors++;
}
}
if(data41.pool !== undefined){
let data236 = data41.pool;
if(typeof data236 === "string"){
if(func3(data236) < 1){
const err407 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.athena.query/properties/pool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema20.properties.pool,data:data236};
if(vErrors === null){
vErrors = [err407];
}
else {
vErrors.push(err407);
}
errors++;
}
}
else {
const err408 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.athena.query/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.pool.type,parentSchema:schema20.properties.pool,data:data236};
if(vErrors === null){
vErrors = [err408];
}
else {
vErrors.push(err408);
}
errors++;
}
}
}
else {
const err409 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.athena.query/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema20.type,parentSchema:schema20,data:data41};
if(vErrors === null){
vErrors = [err409];
}
else {
vErrors.push(err409);
}
errors++;
}
}
else if(tag0 === "glue.databrew"){
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.id === undefined){
const err410 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.glue.databrew/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema21.required,parentSchema:schema21,data:data41};
if(vErrors === null){
vErrors = [err410];
}
else {
vErrors.push(err410);
}
errors++;
}
if(data41.kind === undefined){
const err411 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.glue.databrew/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema21.required,parentSchema:schema21,data:data41};
if(vErrors === null){
vErrors = [err411];
}
else {
vErrors.push(err411);
}
errors++;
}
if(data41.job === undefined){
const err412 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.glue.databrew/required",keyword:"required",params:{missingProperty: "job"},message:"must have required property '"+"job"+"'",schema:schema21.required,parentSchema:schema21,data:data41};
if(vErrors === null){
vErrors = [err412];
}
else {
vErrors.push(err412);
}
errors++;
}
for(const key18 in data41){
if(!(func2.call(schema21.properties, key18))){
const err413 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.glue.databrew/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key18},message:"must NOT have additional properties",schema:false,parentSchema:schema21,data:data41};
if(vErrors === null){
vErrors = [err413];
}
else {
vErrors.push(err413);
}
errors++;
}
}
if(data41.id !== undefined){
let data237 = data41.id;
if(typeof data237 !== "string"){
const err414 = {instancePath:instancePath+"/steps/" + i3+"/id",schemaPath:"#/definitions/step.glue.databrew/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.id.type,parentSchema:schema21.properties.id,data:data237};
if(vErrors === null){
vErrors = [err414];
}
else {
vErrors.push(err414);
}
errors++;
}
}
if(data41.kind !== undefined){
let data238 = data41.kind;
if("glue.databrew" !== data238){
const err415 = {instancePath:instancePath+"/steps/" + i3+"/kind",schemaPath:"#/definitions/step.glue.databrew/properties/kind/const",keyword:"const",params:{allowedValue: "glue.databrew"},message:"must be equal to constant",schema:"glue.databrew",parentSchema:schema21.properties.kind,data:data238};
if(vErrors === null){
vErrors = [err415];
}
else {
vErrors.push(err415);
}
errors++;
}
}
if(data41.job !== undefined){
let data239 = data41.job;
if(typeof data239 === "string"){
if(func3(data239) > 240){
const err416 = {instancePath:instancePath+"/steps/" + i3+"/job",schemaPath:"#/definitions/step.glue.databrew/properties/job/maxLength",keyword:"maxLength",params:{limit: 240},message:"must NOT have more than 240 characters",schema:240,parentSchema:schema21.properties.job,data:data239};
if(vErrors === null){
vErrors = [err416];
}
else {
vErrors.push(err416);
}
errors++;
}
if(func3(data239) < 1){
const err417 = {instancePath:instancePath+"/steps/" + i3+"/job",schemaPath:"#/definitions/step.glue.databrew/properties/job/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema21.properties.job,data:data239};
if(vErrors === null){
vErrors = [err417];
}
else {
vErrors.push(err417);
}
errors++;
}
}
else {
const err418 = {instancePath:instancePath+"/steps/" + i3+"/job",schemaPath:"#/definitions/step.glue.databrew/properties/job/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.job.type,parentSchema:schema21.properties.job,data:data239};
if(vErrors === null){
vErrors = [err418];
}
else {
vErrors.push(err418);
}
errors++;
}
}
if(data41.waitForCompletion !== undefined){
let data240 = data41.waitForCompletion;
if(typeof data240 !== "boolean"){
const err419 = {instancePath:instancePath+"/steps/" + i3+"/waitForCompletion",schemaPath:"#/definitions/step.glue.databrew/properties/waitForCompletion/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema21.properties.waitForCompletion.type,parentSchema:schema21.properties.waitForCompletion,data:data240};
if(vErrors === null){
vErrors = [err419];
}
else {
vErrors.push(err419);
}
errors++;
}
}
if(data41.maxWait !== undefined){
let data241 = data41.maxWait;
if(typeof data241 !== "string"){
const err420 = {instancePath:instancePath+"/steps/" + i3+"/maxWait",schemaPath:"#/definitions/step.glue.databrew/properties/maxWait/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.maxWait.type,parentSchema:schema21.properties.maxWait,data:data241};
if(vErrors === null){
vErrors = [err420];
}
else {
vErrors.push(err420);
}
errors++;
}
}
if(data41.dependsOn !== undefined){
let data242 = data41.dependsOn;
if(Array.isArray(data242)){
const len27 = data242.length;
for(let i29=0; i29<len27; i29++){
let data243 = data242[i29];
if(typeof data243 !== "string"){
const err421 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn/" + i29,schemaPath:"#/definitions/step.glue.databrew/properties/dependsOn/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.dependsOn.items.type,parentSchema:schema21.properties.dependsOn.items,data:data243};
if(vErrors === null){
vErrors = [err421];
}
else {
vErrors.push(err421);
}
errors++;
}
}
}
else {
const err422 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn",schemaPath:"#/definitions/step.glue.databrew/properties/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema21.properties.dependsOn.type,parentSchema:schema21.properties.dependsOn,data:data242};
if(vErrors === null){
vErrors = [err422];
}
else {
vErrors.push(err422);
}
errors++;
}
}
if(data41.group !== undefined){
let data244 = data41.group;
if(typeof data244 !== "string"){
const err423 = {instancePath:instancePath+"/steps/" + i3+"/group",schemaPath:"#/definitions/step.glue.databrew/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.group.type,parentSchema:schema21.properties.group,data:data244};
if(vErrors === null){
vErrors = [err423];
}
else {
vErrors.push(err423);
}
errors++;
}
}
if(data41.triggerRule !== undefined){
let data245 = data41.triggerRule;
if(typeof data245 !== "string"){
const err424 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.glue.databrew/properties/triggerRule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.triggerRule.type,parentSchema:schema21.properties.triggerRule,data:data245};
if(vErrors === null){
vErrors = [err424];
}
else {
vErrors.push(err424);
}
errors++;
}
if(!((((((((((((data245 === "all_success") || (data245 === "all_failed")) || (data245 === "all_done")) || (data245 === "all_done_setup_success")) || (data245 === "all_skipped")) || (data245 === "one_success")) || (data245 === "one_failed")) || (data245 === "one_done")) || (data245 === "none_failed")) || (data245 === "none_failed_min_one_success")) || (data245 === "none_skipped")) || (data245 === "always"))){
const err425 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.glue.databrew/properties/triggerRule/enum",keyword:"enum",params:{allowedValues: schema21.properties.triggerRule.enum},message:"must be equal to one of the allowed values",schema:schema21.properties.triggerRule.enum,parentSchema:schema21.properties.triggerRule,data:data245};
if(vErrors === null){
vErrors = [err425];
}
else {
vErrors.push(err425);
}
errors++;
}
}
if(data41.produces !== undefined){
let data246 = data41.produces;
if(Array.isArray(data246)){
const len28 = data246.length;
for(let i30=0; i30<len28; i30++){
let data247 = data246[i30];
if(typeof data247 !== "string"){
const err426 = {instancePath:instancePath+"/steps/" + i3+"/produces/" + i30,schemaPath:"#/definitions/step.glue.databrew/properties/produces/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.produces.items.type,parentSchema:schema21.properties.produces.items,data:data247};
if(vErrors === null){
vErrors = [err426];
}
else {
vErrors.push(err426);
}
errors++;
}
}
}
else {
const err427 = {instancePath:instancePath+"/steps/" + i3+"/produces",schemaPath:"#/definitions/step.glue.databrew/properties/produces/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema21.properties.produces.type,parentSchema:schema21.properties.produces,data:data246};
if(vErrors === null){
vErrors = [err427];
}
else {
vErrors.push(err427);
}
errors++;
}
}
if(data41.retries !== undefined){
let data248 = data41.retries;
if(!(((typeof data248 == "number") && (!(data248 % 1) && !isNaN(data248))) && (isFinite(data248)))){
const err428 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.glue.databrew/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema21.properties.retries.type,parentSchema:schema21.properties.retries,data:data248};
if(vErrors === null){
vErrors = [err428];
}
else {
vErrors.push(err428);
}
errors++;
}
if((typeof data248 == "number") && (isFinite(data248))){
if(data248 > 100 || isNaN(data248)){
const err429 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.glue.databrew/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema21.properties.retries,data:data248};
if(vErrors === null){
vErrors = [err429];
}
else {
vErrors.push(err429);
}
errors++;
}
if(data248 < 0 || isNaN(data248)){
const err430 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.glue.databrew/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema21.properties.retries,data:data248};
if(vErrors === null){
vErrors = [err430];
}
else {
vErrors.push(err430);
}
errors++;
}
}
}
if(data41.retryDelay !== undefined){
let data249 = data41.retryDelay;
if(typeof data249 !== "string"){
const err431 = {instancePath:instancePath+"/steps/" + i3+"/retryDelay",schemaPath:"#/definitions/step.glue.databrew/properties/retryDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.retryDelay.type,parentSchema:schema21.properties.retryDelay,data:data249};
if(vErrors === null){
vErrors = [err431];
}
else {
vErrors.push(err431);
}
errors++;
}
}
if(data41.retryExponentialBackoff !== undefined){
let data250 = data41.retryExponentialBackoff;
if(typeof data250 !== "boolean"){
const err432 = {instancePath:instancePath+"/steps/" + i3+"/retryExponentialBackoff",schemaPath:"#/definitions/step.glue.databrew/properties/retryExponentialBackoff/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema21.properties.retryExponentialBackoff.type,parentSchema:schema21.properties.retryExponentialBackoff,data:data250};
if(vErrors === null){
vErrors = [err432];
}
else {
vErrors.push(err432);
}
errors++;
}
}
if(data41.executionTimeout !== undefined){
let data251 = data41.executionTimeout;
if(typeof data251 !== "string"){
const err433 = {instancePath:instancePath+"/steps/" + i3+"/executionTimeout",schemaPath:"#/definitions/step.glue.databrew/properties/executionTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.executionTimeout.type,parentSchema:schema21.properties.executionTimeout,data:data251};
if(vErrors === null){
vErrors = [err433];
}
else {
vErrors.push(err433);
}
errors++;
}
}
if(data41.awsConnId !== undefined){
let data252 = data41.awsConnId;
if(typeof data252 === "string"){
if(func3(data252) < 1){
const err434 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.glue.databrew/properties/awsConnId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema21.properties.awsConnId,data:data252};
if(vErrors === null){
vErrors = [err434];
}
else {
vErrors.push(err434);
}
errors++;
}
}
else {
const err435 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.glue.databrew/properties/awsConnId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.awsConnId.type,parentSchema:schema21.properties.awsConnId,data:data252};
if(vErrors === null){
vErrors = [err435];
}
else {
vErrors.push(err435);
}
errors++;
}
}
if(data41.region !== undefined){
let data253 = data41.region;
if(typeof data253 === "string"){
if(func3(data253) < 1){
const err436 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.glue.databrew/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema21.properties.region,data:data253};
if(vErrors === null){
vErrors = [err436];
}
else {
vErrors.push(err436);
}
errors++;
}
}
else {
const err437 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.glue.databrew/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.region.type,parentSchema:schema21.properties.region,data:data253};
if(vErrors === null){
vErrors = [err437];
}
else {
vErrors.push(err437);
}
errors++;
}
}
if(data41.deferrable !== undefined){
let data254 = data41.deferrable;
if(typeof data254 !== "boolean"){
const err438 = {instancePath:instancePath+"/steps/" + i3+"/deferrable",schemaPath:"#/definitions/step.glue.databrew/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema21.properties.deferrable.type,parentSchema:schema21.properties.deferrable,data:data254};
if(vErrors === null){
vErrors = [err438];
}
else {
vErrors.push(err438);
}
errors++;
}
}
if(data41.pool !== undefined){
let data255 = data41.pool;
if(typeof data255 === "string"){
if(func3(data255) < 1){
const err439 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.glue.databrew/properties/pool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema21.properties.pool,data:data255};
if(vErrors === null){
vErrors = [err439];
}
else {
vErrors.push(err439);
}
errors++;
}
}
else {
const err440 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.glue.databrew/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.pool.type,parentSchema:schema21.properties.pool,data:data255};
if(vErrors === null){
vErrors = [err440];
}
else {
vErrors.push(err440);
}
errors++;
}
}
}
else {
const err441 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.glue.databrew/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.type,parentSchema:schema21,data:data41};
if(vErrors === null){
vErrors = [err441];
}
else {
vErrors.push(err441);
}
errors++;
}
}
else if(tag0 === "emr.cluster"){
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.id === undefined){
const err442 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.emr.cluster/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema22.required,parentSchema:schema22,data:data41};
if(vErrors === null){
vErrors = [err442];
}
else {
vErrors.push(err442);
}
errors++;
}
if(data41.kind === undefined){
const err443 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.emr.cluster/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema22.required,parentSchema:schema22,data:data41};
if(vErrors === null){
vErrors = [err443];
}
else {
vErrors.push(err443);
}
errors++;
}
if(data41.name === undefined){
const err444 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.emr.cluster/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema22.required,parentSchema:schema22,data:data41};
if(vErrors === null){
vErrors = [err444];
}
else {
vErrors.push(err444);
}
errors++;
}
if(data41.releaseLabel === undefined){
const err445 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.emr.cluster/required",keyword:"required",params:{missingProperty: "releaseLabel"},message:"must have required property '"+"releaseLabel"+"'",schema:schema22.required,parentSchema:schema22,data:data41};
if(vErrors === null){
vErrors = [err445];
}
else {
vErrors.push(err445);
}
errors++;
}
if(data41.instances === undefined){
const err446 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.emr.cluster/required",keyword:"required",params:{missingProperty: "instances"},message:"must have required property '"+"instances"+"'",schema:schema22.required,parentSchema:schema22,data:data41};
if(vErrors === null){
vErrors = [err446];
}
else {
vErrors.push(err446);
}
errors++;
}
for(const key19 in data41){
if(!(func2.call(schema22.properties, key19))){
const err447 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.emr.cluster/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key19},message:"must NOT have additional properties",schema:false,parentSchema:schema22,data:data41};
if(vErrors === null){
vErrors = [err447];
}
else {
vErrors.push(err447);
}
errors++;
}
}
if(data41.id !== undefined){
let data256 = data41.id;
if(typeof data256 !== "string"){
const err448 = {instancePath:instancePath+"/steps/" + i3+"/id",schemaPath:"#/definitions/step.emr.cluster/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.id.type,parentSchema:schema22.properties.id,data:data256};
if(vErrors === null){
vErrors = [err448];
}
else {
vErrors.push(err448);
}
errors++;
}
}
if(data41.kind !== undefined){
let data257 = data41.kind;
if("emr.cluster" !== data257){
const err449 = {instancePath:instancePath+"/steps/" + i3+"/kind",schemaPath:"#/definitions/step.emr.cluster/properties/kind/const",keyword:"const",params:{allowedValue: "emr.cluster"},message:"must be equal to constant",schema:"emr.cluster",parentSchema:schema22.properties.kind,data:data257};
if(vErrors === null){
vErrors = [err449];
}
else {
vErrors.push(err449);
}
errors++;
}
}
if(data41.name !== undefined){
let data258 = data41.name;
if(typeof data258 === "string"){
if(func3(data258) > 256){
const err450 = {instancePath:instancePath+"/steps/" + i3+"/name",schemaPath:"#/definitions/step.emr.cluster/properties/name/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema22.properties.name,data:data258};
if(vErrors === null){
vErrors = [err450];
}
else {
vErrors.push(err450);
}
errors++;
}
if(func3(data258) < 1){
const err451 = {instancePath:instancePath+"/steps/" + i3+"/name",schemaPath:"#/definitions/step.emr.cluster/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.name,data:data258};
if(vErrors === null){
vErrors = [err451];
}
else {
vErrors.push(err451);
}
errors++;
}
}
else {
const err452 = {instancePath:instancePath+"/steps/" + i3+"/name",schemaPath:"#/definitions/step.emr.cluster/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.name.type,parentSchema:schema22.properties.name,data:data258};
if(vErrors === null){
vErrors = [err452];
}
else {
vErrors.push(err452);
}
errors++;
}
}
if(data41.releaseLabel !== undefined){
let data259 = data41.releaseLabel;
if(typeof data259 === "string"){
if(func3(data259) < 1){
const err453 = {instancePath:instancePath+"/steps/" + i3+"/releaseLabel",schemaPath:"#/definitions/step.emr.cluster/properties/releaseLabel/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.releaseLabel,data:data259};
if(vErrors === null){
vErrors = [err453];
}
else {
vErrors.push(err453);
}
errors++;
}
}
else {
const err454 = {instancePath:instancePath+"/steps/" + i3+"/releaseLabel",schemaPath:"#/definitions/step.emr.cluster/properties/releaseLabel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.releaseLabel.type,parentSchema:schema22.properties.releaseLabel,data:data259};
if(vErrors === null){
vErrors = [err454];
}
else {
vErrors.push(err454);
}
errors++;
}
}
if(data41.instances !== undefined){
let data260 = data41.instances;
if(data260 && typeof data260 == "object" && !Array.isArray(data260)){
if(data260.master === undefined){
const err455 = {instancePath:instancePath+"/steps/" + i3+"/instances",schemaPath:"#/definitions/step.emr.cluster/properties/instances/required",keyword:"required",params:{missingProperty: "master"},message:"must have required property '"+"master"+"'",schema:schema22.properties.instances.required,parentSchema:schema22.properties.instances,data:data260};
if(vErrors === null){
vErrors = [err455];
}
else {
vErrors.push(err455);
}
errors++;
}
for(const key20 in data260){
if(!((((((key20 === "master") || (key20 === "core")) || (key20 === "task")) || (key20 === "subnets")) || (key20 === "keyName")) || (key20 === "terminationProtected"))){
const err456 = {instancePath:instancePath+"/steps/" + i3+"/instances",schemaPath:"#/definitions/step.emr.cluster/properties/instances/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key20},message:"must NOT have additional properties",schema:false,parentSchema:schema22.properties.instances,data:data260};
if(vErrors === null){
vErrors = [err456];
}
else {
vErrors.push(err456);
}
errors++;
}
}
if(data260.master !== undefined){
let data261 = data260.master;
if(data261 && typeof data261 == "object" && !Array.isArray(data261)){
for(const key21 in data261){
if(!(((((key21 === "type") || (key21 === "count")) || (key21 === "types")) || (key21 === "capacity")) || (key21 === "ebsSizeGb"))){
const err457 = {instancePath:instancePath+"/steps/" + i3+"/instances/master",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/master/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key21},message:"must NOT have additional properties",schema:false,parentSchema:schema22.properties.instances.properties.master,data:data261};
if(vErrors === null){
vErrors = [err457];
}
else {
vErrors.push(err457);
}
errors++;
}
}
if(data261.type !== undefined){
let data262 = data261.type;
if(typeof data262 === "string"){
if(func3(data262) < 1){
const err458 = {instancePath:instancePath+"/steps/" + i3+"/instances/master/type",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/master/properties/type/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.instances.properties.master.properties.type,data:data262};
if(vErrors === null){
vErrors = [err458];
}
else {
vErrors.push(err458);
}
errors++;
}
}
else {
const err459 = {instancePath:instancePath+"/steps/" + i3+"/instances/master/type",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/master/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.instances.properties.master.properties.type.type,parentSchema:schema22.properties.instances.properties.master.properties.type,data:data262};
if(vErrors === null){
vErrors = [err459];
}
else {
vErrors.push(err459);
}
errors++;
}
}
if(data261.count !== undefined){
let data263 = data261.count;
if(!(((typeof data263 == "number") && (!(data263 % 1) && !isNaN(data263))) && (isFinite(data263)))){
const err460 = {instancePath:instancePath+"/steps/" + i3+"/instances/master/count",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/master/properties/count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema22.properties.instances.properties.master.properties.count.type,parentSchema:schema22.properties.instances.properties.master.properties.count,data:data263};
if(vErrors === null){
vErrors = [err460];
}
else {
vErrors.push(err460);
}
errors++;
}
if((typeof data263 == "number") && (isFinite(data263))){
if(data263 > 10000 || isNaN(data263)){
const err461 = {instancePath:instancePath+"/steps/" + i3+"/instances/master/count",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/master/properties/count/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10000},message:"must be <= 10000",schema:10000,parentSchema:schema22.properties.instances.properties.master.properties.count,data:data263};
if(vErrors === null){
vErrors = [err461];
}
else {
vErrors.push(err461);
}
errors++;
}
if(data263 < 1 || isNaN(data263)){
const err462 = {instancePath:instancePath+"/steps/" + i3+"/instances/master/count",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/master/properties/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema22.properties.instances.properties.master.properties.count,data:data263};
if(vErrors === null){
vErrors = [err462];
}
else {
vErrors.push(err462);
}
errors++;
}
}
}
if(data261.types !== undefined){
let data264 = data261.types;
if(Array.isArray(data264)){
if(data264.length > 30){
const err463 = {instancePath:instancePath+"/steps/" + i3+"/instances/master/types",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/master/properties/types/maxItems",keyword:"maxItems",params:{limit: 30},message:"must NOT have more than 30 items",schema:30,parentSchema:schema22.properties.instances.properties.master.properties.types,data:data264};
if(vErrors === null){
vErrors = [err463];
}
else {
vErrors.push(err463);
}
errors++;
}
if(data264.length < 1){
const err464 = {instancePath:instancePath+"/steps/" + i3+"/instances/master/types",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/master/properties/types/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema22.properties.instances.properties.master.properties.types,data:data264};
if(vErrors === null){
vErrors = [err464];
}
else {
vErrors.push(err464);
}
errors++;
}
const len29 = data264.length;
for(let i31=0; i31<len29; i31++){
let data265 = data264[i31];
if(typeof data265 === "string"){
if(func3(data265) < 1){
const err465 = {instancePath:instancePath+"/steps/" + i3+"/instances/master/types/" + i31,schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/master/properties/types/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.instances.properties.master.properties.types.items,data:data265};
if(vErrors === null){
vErrors = [err465];
}
else {
vErrors.push(err465);
}
errors++;
}
}
else {
const err466 = {instancePath:instancePath+"/steps/" + i3+"/instances/master/types/" + i31,schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/master/properties/types/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.instances.properties.master.properties.types.items.type,parentSchema:schema22.properties.instances.properties.master.properties.types.items,data:data265};
if(vErrors === null){
vErrors = [err466];
}
else {
vErrors.push(err466);
}
errors++;
}
}
let i32 = data264.length;
let j2;
if(i32 > 1){
const indices2 = {};
for(;i32--;){
let item2 = data264[i32];
if(typeof item2 !== "string"){
continue;
}
if(typeof indices2[item2] == "number"){
j2 = indices2[item2];
const err467 = {instancePath:instancePath+"/steps/" + i3+"/instances/master/types",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/master/properties/types/uniqueItems",keyword:"uniqueItems",params:{i: i32, j: j2},message:"must NOT have duplicate items (items ## "+j2+" and "+i32+" are identical)",schema:true,parentSchema:schema22.properties.instances.properties.master.properties.types,data:data264};
if(vErrors === null){
vErrors = [err467];
}
else {
vErrors.push(err467);
}
errors++;
break;
}
indices2[item2] = i32;
}
}
}
else {
const err468 = {instancePath:instancePath+"/steps/" + i3+"/instances/master/types",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/master/properties/types/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema22.properties.instances.properties.master.properties.types.type,parentSchema:schema22.properties.instances.properties.master.properties.types,data:data264};
if(vErrors === null){
vErrors = [err468];
}
else {
vErrors.push(err468);
}
errors++;
}
}
if(data261.capacity !== undefined){
let data266 = data261.capacity;
if(!(((typeof data266 == "number") && (!(data266 % 1) && !isNaN(data266))) && (isFinite(data266)))){
const err469 = {instancePath:instancePath+"/steps/" + i3+"/instances/master/capacity",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/master/properties/capacity/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema22.properties.instances.properties.master.properties.capacity.type,parentSchema:schema22.properties.instances.properties.master.properties.capacity,data:data266};
if(vErrors === null){
vErrors = [err469];
}
else {
vErrors.push(err469);
}
errors++;
}
if((typeof data266 == "number") && (isFinite(data266))){
if(data266 > 10000 || isNaN(data266)){
const err470 = {instancePath:instancePath+"/steps/" + i3+"/instances/master/capacity",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/master/properties/capacity/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10000},message:"must be <= 10000",schema:10000,parentSchema:schema22.properties.instances.properties.master.properties.capacity,data:data266};
if(vErrors === null){
vErrors = [err470];
}
else {
vErrors.push(err470);
}
errors++;
}
if(data266 < 1 || isNaN(data266)){
const err471 = {instancePath:instancePath+"/steps/" + i3+"/instances/master/capacity",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/master/properties/capacity/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema22.properties.instances.properties.master.properties.capacity,data:data266};
if(vErrors === null){
vErrors = [err471];
}
else {
vErrors.push(err471);
}
errors++;
}
}
}
if(data261.ebsSizeGb !== undefined){
let data267 = data261.ebsSizeGb;
if(!(((typeof data267 == "number") && (!(data267 % 1) && !isNaN(data267))) && (isFinite(data267)))){
const err472 = {instancePath:instancePath+"/steps/" + i3+"/instances/master/ebsSizeGb",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/master/properties/ebsSizeGb/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema22.properties.instances.properties.master.properties.ebsSizeGb.type,parentSchema:schema22.properties.instances.properties.master.properties.ebsSizeGb,data:data267};
if(vErrors === null){
vErrors = [err472];
}
else {
vErrors.push(err472);
}
errors++;
}
if((typeof data267 == "number") && (isFinite(data267))){
if(data267 > 16384 || isNaN(data267)){
const err473 = {instancePath:instancePath+"/steps/" + i3+"/instances/master/ebsSizeGb",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/master/properties/ebsSizeGb/maximum",keyword:"maximum",params:{comparison: "<=", limit: 16384},message:"must be <= 16384",schema:16384,parentSchema:schema22.properties.instances.properties.master.properties.ebsSizeGb,data:data267};
if(vErrors === null){
vErrors = [err473];
}
else {
vErrors.push(err473);
}
errors++;
}
if(data267 < 1 || isNaN(data267)){
const err474 = {instancePath:instancePath+"/steps/" + i3+"/instances/master/ebsSizeGb",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/master/properties/ebsSizeGb/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema22.properties.instances.properties.master.properties.ebsSizeGb,data:data267};
if(vErrors === null){
vErrors = [err474];
}
else {
vErrors.push(err474);
}
errors++;
}
}
}
}
else {
const err475 = {instancePath:instancePath+"/steps/" + i3+"/instances/master",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/master/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.properties.instances.properties.master.type,parentSchema:schema22.properties.instances.properties.master,data:data261};
if(vErrors === null){
vErrors = [err475];
}
else {
vErrors.push(err475);
}
errors++;
}
}
if(data260.core !== undefined){
let data268 = data260.core;
if(data268 && typeof data268 == "object" && !Array.isArray(data268)){
for(const key22 in data268){
if(!(((((key22 === "type") || (key22 === "count")) || (key22 === "types")) || (key22 === "capacity")) || (key22 === "ebsSizeGb"))){
const err476 = {instancePath:instancePath+"/steps/" + i3+"/instances/core",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/core/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key22},message:"must NOT have additional properties",schema:false,parentSchema:schema22.properties.instances.properties.core,data:data268};
if(vErrors === null){
vErrors = [err476];
}
else {
vErrors.push(err476);
}
errors++;
}
}
if(data268.type !== undefined){
let data269 = data268.type;
if(typeof data269 === "string"){
if(func3(data269) < 1){
const err477 = {instancePath:instancePath+"/steps/" + i3+"/instances/core/type",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/core/properties/type/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.instances.properties.core.properties.type,data:data269};
if(vErrors === null){
vErrors = [err477];
}
else {
vErrors.push(err477);
}
errors++;
}
}
else {
const err478 = {instancePath:instancePath+"/steps/" + i3+"/instances/core/type",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/core/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.instances.properties.core.properties.type.type,parentSchema:schema22.properties.instances.properties.core.properties.type,data:data269};
if(vErrors === null){
vErrors = [err478];
}
else {
vErrors.push(err478);
}
errors++;
}
}
if(data268.count !== undefined){
let data270 = data268.count;
if(!(((typeof data270 == "number") && (!(data270 % 1) && !isNaN(data270))) && (isFinite(data270)))){
const err479 = {instancePath:instancePath+"/steps/" + i3+"/instances/core/count",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/core/properties/count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema22.properties.instances.properties.core.properties.count.type,parentSchema:schema22.properties.instances.properties.core.properties.count,data:data270};
if(vErrors === null){
vErrors = [err479];
}
else {
vErrors.push(err479);
}
errors++;
}
if((typeof data270 == "number") && (isFinite(data270))){
if(data270 > 10000 || isNaN(data270)){
const err480 = {instancePath:instancePath+"/steps/" + i3+"/instances/core/count",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/core/properties/count/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10000},message:"must be <= 10000",schema:10000,parentSchema:schema22.properties.instances.properties.core.properties.count,data:data270};
if(vErrors === null){
vErrors = [err480];
}
else {
vErrors.push(err480);
}
errors++;
}
if(data270 < 1 || isNaN(data270)){
const err481 = {instancePath:instancePath+"/steps/" + i3+"/instances/core/count",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/core/properties/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema22.properties.instances.properties.core.properties.count,data:data270};
if(vErrors === null){
vErrors = [err481];
}
else {
vErrors.push(err481);
}
errors++;
}
}
}
if(data268.types !== undefined){
let data271 = data268.types;
if(Array.isArray(data271)){
if(data271.length > 30){
const err482 = {instancePath:instancePath+"/steps/" + i3+"/instances/core/types",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/core/properties/types/maxItems",keyword:"maxItems",params:{limit: 30},message:"must NOT have more than 30 items",schema:30,parentSchema:schema22.properties.instances.properties.core.properties.types,data:data271};
if(vErrors === null){
vErrors = [err482];
}
else {
vErrors.push(err482);
}
errors++;
}
if(data271.length < 1){
const err483 = {instancePath:instancePath+"/steps/" + i3+"/instances/core/types",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/core/properties/types/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema22.properties.instances.properties.core.properties.types,data:data271};
if(vErrors === null){
vErrors = [err483];
}
else {
vErrors.push(err483);
}
errors++;
}
const len30 = data271.length;
for(let i33=0; i33<len30; i33++){
let data272 = data271[i33];
if(typeof data272 === "string"){
if(func3(data272) < 1){
const err484 = {instancePath:instancePath+"/steps/" + i3+"/instances/core/types/" + i33,schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/core/properties/types/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.instances.properties.core.properties.types.items,data:data272};
if(vErrors === null){
vErrors = [err484];
}
else {
vErrors.push(err484);
}
errors++;
}
}
else {
const err485 = {instancePath:instancePath+"/steps/" + i3+"/instances/core/types/" + i33,schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/core/properties/types/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.instances.properties.core.properties.types.items.type,parentSchema:schema22.properties.instances.properties.core.properties.types.items,data:data272};
if(vErrors === null){
vErrors = [err485];
}
else {
vErrors.push(err485);
}
errors++;
}
}
let i34 = data271.length;
let j3;
if(i34 > 1){
const indices3 = {};
for(;i34--;){
let item3 = data271[i34];
if(typeof item3 !== "string"){
continue;
}
if(typeof indices3[item3] == "number"){
j3 = indices3[item3];
const err486 = {instancePath:instancePath+"/steps/" + i3+"/instances/core/types",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/core/properties/types/uniqueItems",keyword:"uniqueItems",params:{i: i34, j: j3},message:"must NOT have duplicate items (items ## "+j3+" and "+i34+" are identical)",schema:true,parentSchema:schema22.properties.instances.properties.core.properties.types,data:data271};
if(vErrors === null){
vErrors = [err486];
}
else {
vErrors.push(err486);
}
errors++;
break;
}
indices3[item3] = i34;
}
}
}
else {
const err487 = {instancePath:instancePath+"/steps/" + i3+"/instances/core/types",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/core/properties/types/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema22.properties.instances.properties.core.properties.types.type,parentSchema:schema22.properties.instances.properties.core.properties.types,data:data271};
if(vErrors === null){
vErrors = [err487];
}
else {
vErrors.push(err487);
}
errors++;
}
}
if(data268.capacity !== undefined){
let data273 = data268.capacity;
if(!(((typeof data273 == "number") && (!(data273 % 1) && !isNaN(data273))) && (isFinite(data273)))){
const err488 = {instancePath:instancePath+"/steps/" + i3+"/instances/core/capacity",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/core/properties/capacity/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema22.properties.instances.properties.core.properties.capacity.type,parentSchema:schema22.properties.instances.properties.core.properties.capacity,data:data273};
if(vErrors === null){
vErrors = [err488];
}
else {
vErrors.push(err488);
}
errors++;
}
if((typeof data273 == "number") && (isFinite(data273))){
if(data273 > 10000 || isNaN(data273)){
const err489 = {instancePath:instancePath+"/steps/" + i3+"/instances/core/capacity",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/core/properties/capacity/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10000},message:"must be <= 10000",schema:10000,parentSchema:schema22.properties.instances.properties.core.properties.capacity,data:data273};
if(vErrors === null){
vErrors = [err489];
}
else {
vErrors.push(err489);
}
errors++;
}
if(data273 < 1 || isNaN(data273)){
const err490 = {instancePath:instancePath+"/steps/" + i3+"/instances/core/capacity",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/core/properties/capacity/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema22.properties.instances.properties.core.properties.capacity,data:data273};
if(vErrors === null){
vErrors = [err490];
}
else {
vErrors.push(err490);
}
errors++;
}
}
}
if(data268.ebsSizeGb !== undefined){
let data274 = data268.ebsSizeGb;
if(!(((typeof data274 == "number") && (!(data274 % 1) && !isNaN(data274))) && (isFinite(data274)))){
const err491 = {instancePath:instancePath+"/steps/" + i3+"/instances/core/ebsSizeGb",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/core/properties/ebsSizeGb/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema22.properties.instances.properties.core.properties.ebsSizeGb.type,parentSchema:schema22.properties.instances.properties.core.properties.ebsSizeGb,data:data274};
if(vErrors === null){
vErrors = [err491];
}
else {
vErrors.push(err491);
}
errors++;
}
if((typeof data274 == "number") && (isFinite(data274))){
if(data274 > 16384 || isNaN(data274)){
const err492 = {instancePath:instancePath+"/steps/" + i3+"/instances/core/ebsSizeGb",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/core/properties/ebsSizeGb/maximum",keyword:"maximum",params:{comparison: "<=", limit: 16384},message:"must be <= 16384",schema:16384,parentSchema:schema22.properties.instances.properties.core.properties.ebsSizeGb,data:data274};
if(vErrors === null){
vErrors = [err492];
}
else {
vErrors.push(err492);
}
errors++;
}
if(data274 < 1 || isNaN(data274)){
const err493 = {instancePath:instancePath+"/steps/" + i3+"/instances/core/ebsSizeGb",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/core/properties/ebsSizeGb/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema22.properties.instances.properties.core.properties.ebsSizeGb,data:data274};
if(vErrors === null){
vErrors = [err493];
}
else {
vErrors.push(err493);
}
errors++;
}
}
}
}
else {
const err494 = {instancePath:instancePath+"/steps/" + i3+"/instances/core",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/core/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.properties.instances.properties.core.type,parentSchema:schema22.properties.instances.properties.core,data:data268};
if(vErrors === null){
vErrors = [err494];
}
else {
vErrors.push(err494);
}
errors++;
}
}
if(data260.task !== undefined){
let data275 = data260.task;
if(data275 && typeof data275 == "object" && !Array.isArray(data275)){
for(const key23 in data275){
if(!(((((key23 === "type") || (key23 === "count")) || (key23 === "types")) || (key23 === "capacity")) || (key23 === "ebsSizeGb"))){
const err495 = {instancePath:instancePath+"/steps/" + i3+"/instances/task",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/task/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key23},message:"must NOT have additional properties",schema:false,parentSchema:schema22.properties.instances.properties.task,data:data275};
if(vErrors === null){
vErrors = [err495];
}
else {
vErrors.push(err495);
}
errors++;
}
}
if(data275.type !== undefined){
let data276 = data275.type;
if(typeof data276 === "string"){
if(func3(data276) < 1){
const err496 = {instancePath:instancePath+"/steps/" + i3+"/instances/task/type",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/task/properties/type/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.instances.properties.task.properties.type,data:data276};
if(vErrors === null){
vErrors = [err496];
}
else {
vErrors.push(err496);
}
errors++;
}
}
else {
const err497 = {instancePath:instancePath+"/steps/" + i3+"/instances/task/type",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/task/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.instances.properties.task.properties.type.type,parentSchema:schema22.properties.instances.properties.task.properties.type,data:data276};
if(vErrors === null){
vErrors = [err497];
}
else {
vErrors.push(err497);
}
errors++;
}
}
if(data275.count !== undefined){
let data277 = data275.count;
if(!(((typeof data277 == "number") && (!(data277 % 1) && !isNaN(data277))) && (isFinite(data277)))){
const err498 = {instancePath:instancePath+"/steps/" + i3+"/instances/task/count",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/task/properties/count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema22.properties.instances.properties.task.properties.count.type,parentSchema:schema22.properties.instances.properties.task.properties.count,data:data277};
if(vErrors === null){
vErrors = [err498];
}
else {
vErrors.push(err498);
}
errors++;
}
if((typeof data277 == "number") && (isFinite(data277))){
if(data277 > 10000 || isNaN(data277)){
const err499 = {instancePath:instancePath+"/steps/" + i3+"/instances/task/count",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/task/properties/count/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10000},message:"must be <= 10000",schema:10000,parentSchema:schema22.properties.instances.properties.task.properties.count,data:data277};
if(vErrors === null){
vErrors = [err499];
}
else {
vErrors.push(err499);
}
errors++;
}
if(data277 < 1 || isNaN(data277)){
const err500 = {instancePath:instancePath+"/steps/" + i3+"/instances/task/count",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/task/properties/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema22.properties.instances.properties.task.properties.count,data:data277};
if(vErrors === null){
vErrors = [err500];
}
else {
vErrors.push(err500);
}
errors++;
}
}
}
if(data275.types !== undefined){
let data278 = data275.types;
if(Array.isArray(data278)){
if(data278.length > 30){
const err501 = {instancePath:instancePath+"/steps/" + i3+"/instances/task/types",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/task/properties/types/maxItems",keyword:"maxItems",params:{limit: 30},message:"must NOT have more than 30 items",schema:30,parentSchema:schema22.properties.instances.properties.task.properties.types,data:data278};
if(vErrors === null){
vErrors = [err501];
}
else {
vErrors.push(err501);
}
errors++;
}
if(data278.length < 1){
const err502 = {instancePath:instancePath+"/steps/" + i3+"/instances/task/types",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/task/properties/types/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema22.properties.instances.properties.task.properties.types,data:data278};
if(vErrors === null){
vErrors = [err502];
}
else {
vErrors.push(err502);
}
errors++;
}
const len31 = data278.length;
for(let i35=0; i35<len31; i35++){
let data279 = data278[i35];
if(typeof data279 === "string"){
if(func3(data279) < 1){
const err503 = {instancePath:instancePath+"/steps/" + i3+"/instances/task/types/" + i35,schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/task/properties/types/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.instances.properties.task.properties.types.items,data:data279};
if(vErrors === null){
vErrors = [err503];
}
else {
vErrors.push(err503);
}
errors++;
}
}
else {
const err504 = {instancePath:instancePath+"/steps/" + i3+"/instances/task/types/" + i35,schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/task/properties/types/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.instances.properties.task.properties.types.items.type,parentSchema:schema22.properties.instances.properties.task.properties.types.items,data:data279};
if(vErrors === null){
vErrors = [err504];
}
else {
vErrors.push(err504);
}
errors++;
}
}
let i36 = data278.length;
let j4;
if(i36 > 1){
const indices4 = {};
for(;i36--;){
let item4 = data278[i36];
if(typeof item4 !== "string"){
continue;
}
if(typeof indices4[item4] == "number"){
j4 = indices4[item4];
const err505 = {instancePath:instancePath+"/steps/" + i3+"/instances/task/types",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/task/properties/types/uniqueItems",keyword:"uniqueItems",params:{i: i36, j: j4},message:"must NOT have duplicate items (items ## "+j4+" and "+i36+" are identical)",schema:true,parentSchema:schema22.properties.instances.properties.task.properties.types,data:data278};
if(vErrors === null){
vErrors = [err505];
}
else {
vErrors.push(err505);
}
errors++;
break;
}
indices4[item4] = i36;
}
}
}
else {
const err506 = {instancePath:instancePath+"/steps/" + i3+"/instances/task/types",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/task/properties/types/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema22.properties.instances.properties.task.properties.types.type,parentSchema:schema22.properties.instances.properties.task.properties.types,data:data278};
if(vErrors === null){
vErrors = [err506];
}
else {
vErrors.push(err506);
}
errors++;
}
}
if(data275.capacity !== undefined){
let data280 = data275.capacity;
if(!(((typeof data280 == "number") && (!(data280 % 1) && !isNaN(data280))) && (isFinite(data280)))){
const err507 = {instancePath:instancePath+"/steps/" + i3+"/instances/task/capacity",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/task/properties/capacity/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema22.properties.instances.properties.task.properties.capacity.type,parentSchema:schema22.properties.instances.properties.task.properties.capacity,data:data280};
if(vErrors === null){
vErrors = [err507];
}
else {
vErrors.push(err507);
}
errors++;
}
if((typeof data280 == "number") && (isFinite(data280))){
if(data280 > 10000 || isNaN(data280)){
const err508 = {instancePath:instancePath+"/steps/" + i3+"/instances/task/capacity",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/task/properties/capacity/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10000},message:"must be <= 10000",schema:10000,parentSchema:schema22.properties.instances.properties.task.properties.capacity,data:data280};
if(vErrors === null){
vErrors = [err508];
}
else {
vErrors.push(err508);
}
errors++;
}
if(data280 < 1 || isNaN(data280)){
const err509 = {instancePath:instancePath+"/steps/" + i3+"/instances/task/capacity",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/task/properties/capacity/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema22.properties.instances.properties.task.properties.capacity,data:data280};
if(vErrors === null){
vErrors = [err509];
}
else {
vErrors.push(err509);
}
errors++;
}
}
}
if(data275.ebsSizeGb !== undefined){
let data281 = data275.ebsSizeGb;
if(!(((typeof data281 == "number") && (!(data281 % 1) && !isNaN(data281))) && (isFinite(data281)))){
const err510 = {instancePath:instancePath+"/steps/" + i3+"/instances/task/ebsSizeGb",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/task/properties/ebsSizeGb/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema22.properties.instances.properties.task.properties.ebsSizeGb.type,parentSchema:schema22.properties.instances.properties.task.properties.ebsSizeGb,data:data281};
if(vErrors === null){
vErrors = [err510];
}
else {
vErrors.push(err510);
}
errors++;
}
if((typeof data281 == "number") && (isFinite(data281))){
if(data281 > 16384 || isNaN(data281)){
const err511 = {instancePath:instancePath+"/steps/" + i3+"/instances/task/ebsSizeGb",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/task/properties/ebsSizeGb/maximum",keyword:"maximum",params:{comparison: "<=", limit: 16384},message:"must be <= 16384",schema:16384,parentSchema:schema22.properties.instances.properties.task.properties.ebsSizeGb,data:data281};
if(vErrors === null){
vErrors = [err511];
}
else {
vErrors.push(err511);
}
errors++;
}
if(data281 < 1 || isNaN(data281)){
const err512 = {instancePath:instancePath+"/steps/" + i3+"/instances/task/ebsSizeGb",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/task/properties/ebsSizeGb/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema22.properties.instances.properties.task.properties.ebsSizeGb,data:data281};
if(vErrors === null){
vErrors = [err512];
}
else {
vErrors.push(err512);
}
errors++;
}
}
}
}
else {
const err513 = {instancePath:instancePath+"/steps/" + i3+"/instances/task",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/task/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.properties.instances.properties.task.type,parentSchema:schema22.properties.instances.properties.task,data:data275};
if(vErrors === null){
vErrors = [err513];
}
else {
vErrors.push(err513);
}
errors++;
}
}
if(data260.subnets !== undefined){
let data282 = data260.subnets;
if(Array.isArray(data282)){
if(data282.length < 1){
const err514 = {instancePath:instancePath+"/steps/" + i3+"/instances/subnets",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/subnets/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema22.properties.instances.properties.subnets,data:data282};
if(vErrors === null){
vErrors = [err514];
}
else {
vErrors.push(err514);
}
errors++;
}
const len32 = data282.length;
for(let i37=0; i37<len32; i37++){
let data283 = data282[i37];
if(typeof data283 === "string"){
if(!pattern2.test(data283)){
const err515 = {instancePath:instancePath+"/steps/" + i3+"/instances/subnets/" + i37,schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/subnets/items/pattern",keyword:"pattern",params:{pattern: "^subnet-[0-9a-f]{8,17}$"},message:"must match pattern \""+"^subnet-[0-9a-f]{8,17}$"+"\"",schema:"^subnet-[0-9a-f]{8,17}$",parentSchema:schema22.properties.instances.properties.subnets.items,data:data283};
if(vErrors === null){
vErrors = [err515];
}
else {
vErrors.push(err515);
}
errors++;
}
}
else {
const err516 = {instancePath:instancePath+"/steps/" + i3+"/instances/subnets/" + i37,schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/subnets/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.instances.properties.subnets.items.type,parentSchema:schema22.properties.instances.properties.subnets.items,data:data283};
if(vErrors === null){
vErrors = [err516];
}
else {
vErrors.push(err516);
}
errors++;
}
}
let i38 = data282.length;
let j5;
if(i38 > 1){
const indices5 = {};
for(;i38--;){
let item5 = data282[i38];
if(typeof item5 !== "string"){
continue;
}
if(typeof indices5[item5] == "number"){
j5 = indices5[item5];
const err517 = {instancePath:instancePath+"/steps/" + i3+"/instances/subnets",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/subnets/uniqueItems",keyword:"uniqueItems",params:{i: i38, j: j5},message:"must NOT have duplicate items (items ## "+j5+" and "+i38+" are identical)",schema:true,parentSchema:schema22.properties.instances.properties.subnets,data:data282};
if(vErrors === null){
vErrors = [err517];
}
else {
vErrors.push(err517);
}
errors++;
break;
}
indices5[item5] = i38;
}
}
}
else {
const err518 = {instancePath:instancePath+"/steps/" + i3+"/instances/subnets",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/subnets/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema22.properties.instances.properties.subnets.type,parentSchema:schema22.properties.instances.properties.subnets,data:data282};
if(vErrors === null){
vErrors = [err518];
}
else {
vErrors.push(err518);
}
errors++;
}
}
if(data260.keyName !== undefined){
let data284 = data260.keyName;
if(typeof data284 === "string"){
if(func3(data284) < 1){
const err519 = {instancePath:instancePath+"/steps/" + i3+"/instances/keyName",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/keyName/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.instances.properties.keyName,data:data284};
if(vErrors === null){
vErrors = [err519];
}
else {
vErrors.push(err519);
}
errors++;
}
}
else {
const err520 = {instancePath:instancePath+"/steps/" + i3+"/instances/keyName",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/keyName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.instances.properties.keyName.type,parentSchema:schema22.properties.instances.properties.keyName,data:data284};
if(vErrors === null){
vErrors = [err520];
}
else {
vErrors.push(err520);
}
errors++;
}
}
if(data260.terminationProtected !== undefined){
let data285 = data260.terminationProtected;
if(typeof data285 !== "boolean"){
const err521 = {instancePath:instancePath+"/steps/" + i3+"/instances/terminationProtected",schemaPath:"#/definitions/step.emr.cluster/properties/instances/properties/terminationProtected/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema22.properties.instances.properties.terminationProtected.type,parentSchema:schema22.properties.instances.properties.terminationProtected,data:data285};
if(vErrors === null){
vErrors = [err521];
}
else {
vErrors.push(err521);
}
errors++;
}
}
}
else {
const err522 = {instancePath:instancePath+"/steps/" + i3+"/instances",schemaPath:"#/definitions/step.emr.cluster/properties/instances/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.properties.instances.type,parentSchema:schema22.properties.instances,data:data260};
if(vErrors === null){
vErrors = [err522];
}
else {
vErrors.push(err522);
}
errors++;
}
}
if(data41.spot !== undefined){
let data286 = data41.spot;
if(Array.isArray(data286)){
const len33 = data286.length;
for(let i39=0; i39<len33; i39++){
let data287 = data286[i39];
if(typeof data287 !== "string"){
const err523 = {instancePath:instancePath+"/steps/" + i3+"/spot/" + i39,schemaPath:"#/definitions/step.emr.cluster/properties/spot/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.spot.items.type,parentSchema:schema22.properties.spot.items,data:data287};
if(vErrors === null){
vErrors = [err523];
}
else {
vErrors.push(err523);
}
errors++;
}
if(!(((data287 === "master") || (data287 === "core")) || (data287 === "task"))){
const err524 = {instancePath:instancePath+"/steps/" + i3+"/spot/" + i39,schemaPath:"#/definitions/step.emr.cluster/properties/spot/items/enum",keyword:"enum",params:{allowedValues: schema22.properties.spot.items.enum},message:"must be equal to one of the allowed values",schema:schema22.properties.spot.items.enum,parentSchema:schema22.properties.spot.items,data:data287};
if(vErrors === null){
vErrors = [err524];
}
else {
vErrors.push(err524);
}
errors++;
}
}
let i40 = data286.length;
let j6;
if(i40 > 1){
const indices6 = {};
for(;i40--;){
let item6 = data286[i40];
if(typeof item6 !== "string"){
continue;
}
if(typeof indices6[item6] == "number"){
j6 = indices6[item6];
const err525 = {instancePath:instancePath+"/steps/" + i3+"/spot",schemaPath:"#/definitions/step.emr.cluster/properties/spot/uniqueItems",keyword:"uniqueItems",params:{i: i40, j: j6},message:"must NOT have duplicate items (items ## "+j6+" and "+i40+" are identical)",schema:true,parentSchema:schema22.properties.spot,data:data286};
if(vErrors === null){
vErrors = [err525];
}
else {
vErrors.push(err525);
}
errors++;
break;
}
indices6[item6] = i40;
}
}
}
else {
const err526 = {instancePath:instancePath+"/steps/" + i3+"/spot",schemaPath:"#/definitions/step.emr.cluster/properties/spot/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema22.properties.spot.type,parentSchema:schema22.properties.spot,data:data286};
if(vErrors === null){
vErrors = [err526];
}
else {
vErrors.push(err526);
}
errors++;
}
}
if(data41.steps !== undefined){
let data288 = data41.steps;
if(Array.isArray(data288)){
if(data288.length > 256){
const err527 = {instancePath:instancePath+"/steps/" + i3+"/steps",schemaPath:"#/definitions/step.emr.cluster/properties/steps/maxItems",keyword:"maxItems",params:{limit: 256},message:"must NOT have more than 256 items",schema:256,parentSchema:schema22.properties.steps,data:data288};
if(vErrors === null){
vErrors = [err527];
}
else {
vErrors.push(err527);
}
errors++;
}
if(data288.length < 1){
const err528 = {instancePath:instancePath+"/steps/" + i3+"/steps",schemaPath:"#/definitions/step.emr.cluster/properties/steps/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema22.properties.steps,data:data288};
if(vErrors === null){
vErrors = [err528];
}
else {
vErrors.push(err528);
}
errors++;
}
const len34 = data288.length;
for(let i41=0; i41<len34; i41++){
let data289 = data288[i41];
if(data289 && typeof data289 == "object" && !Array.isArray(data289)){
if(data289.name === undefined){
const err529 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i41,schemaPath:"#/definitions/step.emr.cluster/properties/steps/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema22.properties.steps.items.required,parentSchema:schema22.properties.steps.items,data:data289};
if(vErrors === null){
vErrors = [err529];
}
else {
vErrors.push(err529);
}
errors++;
}
if(data289.args === undefined){
const err530 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i41,schemaPath:"#/definitions/step.emr.cluster/properties/steps/items/required",keyword:"required",params:{missingProperty: "args"},message:"must have required property '"+"args"+"'",schema:schema22.properties.steps.items.required,parentSchema:schema22.properties.steps.items,data:data289};
if(vErrors === null){
vErrors = [err530];
}
else {
vErrors.push(err530);
}
errors++;
}
for(const key24 in data289){
if(!(((((key24 === "name") || (key24 === "jar")) || (key24 === "mainClass")) || (key24 === "args")) || (key24 === "actionOnFailure"))){
const err531 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i41,schemaPath:"#/definitions/step.emr.cluster/properties/steps/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key24},message:"must NOT have additional properties",schema:false,parentSchema:schema22.properties.steps.items,data:data289};
if(vErrors === null){
vErrors = [err531];
}
else {
vErrors.push(err531);
}
errors++;
}
}
if(data289.name !== undefined){
let data290 = data289.name;
if(typeof data290 === "string"){
if(func3(data290) > 256){
const err532 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i41+"/name",schemaPath:"#/definitions/step.emr.cluster/properties/steps/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema22.properties.steps.items.properties.name,data:data290};
if(vErrors === null){
vErrors = [err532];
}
else {
vErrors.push(err532);
}
errors++;
}
if(func3(data290) < 1){
const err533 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i41+"/name",schemaPath:"#/definitions/step.emr.cluster/properties/steps/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.steps.items.properties.name,data:data290};
if(vErrors === null){
vErrors = [err533];
}
else {
vErrors.push(err533);
}
errors++;
}
}
else {
const err534 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i41+"/name",schemaPath:"#/definitions/step.emr.cluster/properties/steps/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.steps.items.properties.name.type,parentSchema:schema22.properties.steps.items.properties.name,data:data290};
if(vErrors === null){
vErrors = [err534];
}
else {
vErrors.push(err534);
}
errors++;
}
}
if(data289.jar !== undefined){
let data291 = data289.jar;
if(typeof data291 === "string"){
if(func3(data291) < 1){
const err535 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i41+"/jar",schemaPath:"#/definitions/step.emr.cluster/properties/steps/items/properties/jar/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.steps.items.properties.jar,data:data291};
if(vErrors === null){
vErrors = [err535];
}
else {
vErrors.push(err535);
}
errors++;
}
}
else {
const err536 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i41+"/jar",schemaPath:"#/definitions/step.emr.cluster/properties/steps/items/properties/jar/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.steps.items.properties.jar.type,parentSchema:schema22.properties.steps.items.properties.jar,data:data291};
if(vErrors === null){
vErrors = [err536];
}
else {
vErrors.push(err536);
}
errors++;
}
}
if(data289.mainClass !== undefined){
let data292 = data289.mainClass;
if(typeof data292 === "string"){
if(func3(data292) < 1){
const err537 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i41+"/mainClass",schemaPath:"#/definitions/step.emr.cluster/properties/steps/items/properties/mainClass/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.steps.items.properties.mainClass,data:data292};
if(vErrors === null){
vErrors = [err537];
}
else {
vErrors.push(err537);
}
errors++;
}
}
else {
const err538 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i41+"/mainClass",schemaPath:"#/definitions/step.emr.cluster/properties/steps/items/properties/mainClass/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.steps.items.properties.mainClass.type,parentSchema:schema22.properties.steps.items.properties.mainClass,data:data292};
if(vErrors === null){
vErrors = [err538];
}
else {
vErrors.push(err538);
}
errors++;
}
}
if(data289.args !== undefined){
let data293 = data289.args;
if(Array.isArray(data293)){
const len35 = data293.length;
for(let i42=0; i42<len35; i42++){
let data294 = data293[i42];
if(typeof data294 !== "string"){
const err539 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i41+"/args/" + i42,schemaPath:"#/definitions/step.emr.cluster/properties/steps/items/properties/args/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.steps.items.properties.args.items.type,parentSchema:schema22.properties.steps.items.properties.args.items,data:data294};
if(vErrors === null){
vErrors = [err539];
}
else {
vErrors.push(err539);
}
errors++;
}
}
}
else {
const err540 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i41+"/args",schemaPath:"#/definitions/step.emr.cluster/properties/steps/items/properties/args/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema22.properties.steps.items.properties.args.type,parentSchema:schema22.properties.steps.items.properties.args,data:data293};
if(vErrors === null){
vErrors = [err540];
}
else {
vErrors.push(err540);
}
errors++;
}
}
if(data289.actionOnFailure !== undefined){
let data295 = data289.actionOnFailure;
if(typeof data295 !== "string"){
const err541 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i41+"/actionOnFailure",schemaPath:"#/definitions/step.emr.cluster/properties/steps/items/properties/actionOnFailure/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.steps.items.properties.actionOnFailure.type,parentSchema:schema22.properties.steps.items.properties.actionOnFailure,data:data295};
if(vErrors === null){
vErrors = [err541];
}
else {
vErrors.push(err541);
}
errors++;
}
if(!(((data295 === "CANCEL_AND_WAIT") || (data295 === "CONTINUE")) || (data295 === "TERMINATE_CLUSTER"))){
const err542 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i41+"/actionOnFailure",schemaPath:"#/definitions/step.emr.cluster/properties/steps/items/properties/actionOnFailure/enum",keyword:"enum",params:{allowedValues: schema22.properties.steps.items.properties.actionOnFailure.enum},message:"must be equal to one of the allowed values",schema:schema22.properties.steps.items.properties.actionOnFailure.enum,parentSchema:schema22.properties.steps.items.properties.actionOnFailure,data:data295};
if(vErrors === null){
vErrors = [err542];
}
else {
vErrors.push(err542);
}
errors++;
}
}
}
else {
const err543 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i41,schemaPath:"#/definitions/step.emr.cluster/properties/steps/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.properties.steps.items.type,parentSchema:schema22.properties.steps.items,data:data289};
if(vErrors === null){
vErrors = [err543];
}
else {
vErrors.push(err543);
}
errors++;
}
}
}
else {
const err544 = {instancePath:instancePath+"/steps/" + i3+"/steps",schemaPath:"#/definitions/step.emr.cluster/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema22.properties.steps.type,parentSchema:schema22.properties.steps,data:data288};
if(vErrors === null){
vErrors = [err544];
}
else {
vErrors.push(err544);
}
errors++;
}
}
if(data41.terminateAfter !== undefined){
let data296 = data41.terminateAfter;
if(typeof data296 !== "string"){
const err545 = {instancePath:instancePath+"/steps/" + i3+"/terminateAfter",schemaPath:"#/definitions/step.emr.cluster/properties/terminateAfter/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.terminateAfter.type,parentSchema:schema22.properties.terminateAfter,data:data296};
if(vErrors === null){
vErrors = [err545];
}
else {
vErrors.push(err545);
}
errors++;
}
}
if(data41.keepAlive !== undefined){
let data297 = data41.keepAlive;
if(typeof data297 !== "boolean"){
const err546 = {instancePath:instancePath+"/steps/" + i3+"/keepAlive",schemaPath:"#/definitions/step.emr.cluster/properties/keepAlive/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema22.properties.keepAlive.type,parentSchema:schema22.properties.keepAlive,data:data297};
if(vErrors === null){
vErrors = [err546];
}
else {
vErrors.push(err546);
}
errors++;
}
}
if(data41.applications !== undefined){
let data298 = data41.applications;
if(Array.isArray(data298)){
if(data298.length < 1){
const err547 = {instancePath:instancePath+"/steps/" + i3+"/applications",schemaPath:"#/definitions/step.emr.cluster/properties/applications/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema22.properties.applications,data:data298};
if(vErrors === null){
vErrors = [err547];
}
else {
vErrors.push(err547);
}
errors++;
}
const len36 = data298.length;
for(let i43=0; i43<len36; i43++){
let data299 = data298[i43];
if(typeof data299 !== "string"){
const err548 = {instancePath:instancePath+"/steps/" + i3+"/applications/" + i43,schemaPath:"#/definitions/step.emr.cluster/properties/applications/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.applications.items.type,parentSchema:schema22.properties.applications.items,data:data299};
if(vErrors === null){
vErrors = [err548];
}
else {
vErrors.push(err548);
}
errors++;
}
}
let i44 = data298.length;
let j7;
if(i44 > 1){
const indices7 = {};
for(;i44--;){
let item7 = data298[i44];
if(typeof item7 !== "string"){
continue;
}
if(typeof indices7[item7] == "number"){
j7 = indices7[item7];
const err549 = {instancePath:instancePath+"/steps/" + i3+"/applications",schemaPath:"#/definitions/step.emr.cluster/properties/applications/uniqueItems",keyword:"uniqueItems",params:{i: i44, j: j7},message:"must NOT have duplicate items (items ## "+j7+" and "+i44+" are identical)",schema:true,parentSchema:schema22.properties.applications,data:data298};
if(vErrors === null){
vErrors = [err549];
}
else {
vErrors.push(err549);
}
errors++;
break;
}
indices7[item7] = i44;
}
}
}
else {
const err550 = {instancePath:instancePath+"/steps/" + i3+"/applications",schemaPath:"#/definitions/step.emr.cluster/properties/applications/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema22.properties.applications.type,parentSchema:schema22.properties.applications,data:data298};
if(vErrors === null){
vErrors = [err550];
}
else {
vErrors.push(err550);
}
errors++;
}
}
if(data41.logUri !== undefined){
let data300 = data41.logUri;
if(typeof data300 !== "string"){
const err551 = {instancePath:instancePath+"/steps/" + i3+"/logUri",schemaPath:"#/definitions/step.emr.cluster/properties/logUri/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.logUri.type,parentSchema:schema22.properties.logUri,data:data300};
if(vErrors === null){
vErrors = [err551];
}
else {
vErrors.push(err551);
}
errors++;
}
}
if(data41.serviceRole !== undefined){
let data301 = data41.serviceRole;
if(typeof data301 === "string"){
if(func3(data301) < 1){
const err552 = {instancePath:instancePath+"/steps/" + i3+"/serviceRole",schemaPath:"#/definitions/step.emr.cluster/properties/serviceRole/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.serviceRole,data:data301};
if(vErrors === null){
vErrors = [err552];
}
else {
vErrors.push(err552);
}
errors++;
}
}
else {
const err553 = {instancePath:instancePath+"/steps/" + i3+"/serviceRole",schemaPath:"#/definitions/step.emr.cluster/properties/serviceRole/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.serviceRole.type,parentSchema:schema22.properties.serviceRole,data:data301};
if(vErrors === null){
vErrors = [err553];
}
else {
vErrors.push(err553);
}
errors++;
}
}
if(data41.jobFlowRole !== undefined){
let data302 = data41.jobFlowRole;
if(typeof data302 === "string"){
if(func3(data302) < 1){
const err554 = {instancePath:instancePath+"/steps/" + i3+"/jobFlowRole",schemaPath:"#/definitions/step.emr.cluster/properties/jobFlowRole/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.jobFlowRole,data:data302};
if(vErrors === null){
vErrors = [err554];
}
else {
vErrors.push(err554);
}
errors++;
}
}
else {
const err555 = {instancePath:instancePath+"/steps/" + i3+"/jobFlowRole",schemaPath:"#/definitions/step.emr.cluster/properties/jobFlowRole/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.jobFlowRole.type,parentSchema:schema22.properties.jobFlowRole,data:data302};
if(vErrors === null){
vErrors = [err555];
}
else {
vErrors.push(err555);
}
errors++;
}
}
if(data41.securityConfiguration !== undefined){
let data303 = data41.securityConfiguration;
if(typeof data303 === "string"){
if(func3(data303) < 1){
const err556 = {instancePath:instancePath+"/steps/" + i3+"/securityConfiguration",schemaPath:"#/definitions/step.emr.cluster/properties/securityConfiguration/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.securityConfiguration,data:data303};
if(vErrors === null){
vErrors = [err556];
}
else {
vErrors.push(err556);
}
errors++;
}
}
else {
const err557 = {instancePath:instancePath+"/steps/" + i3+"/securityConfiguration",schemaPath:"#/definitions/step.emr.cluster/properties/securityConfiguration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.securityConfiguration.type,parentSchema:schema22.properties.securityConfiguration,data:data303};
if(vErrors === null){
vErrors = [err557];
}
else {
vErrors.push(err557);
}
errors++;
}
}
if(data41.configurations !== undefined){
let data304 = data41.configurations;
if(Array.isArray(data304)){
const len37 = data304.length;
for(let i45=0; i45<len37; i45++){
let data305 = data304[i45];
if(!(data305 && typeof data305 == "object" && !Array.isArray(data305))){
const err558 = {instancePath:instancePath+"/steps/" + i3+"/configurations/" + i45,schemaPath:"#/definitions/step.emr.cluster/properties/configurations/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.properties.configurations.items.type,parentSchema:schema22.properties.configurations.items,data:data305};
if(vErrors === null){
vErrors = [err558];
}
else {
vErrors.push(err558);
}
errors++;
}
}
}
else {
const err559 = {instancePath:instancePath+"/steps/" + i3+"/configurations",schemaPath:"#/definitions/step.emr.cluster/properties/configurations/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema22.properties.configurations.type,parentSchema:schema22.properties.configurations,data:data304};
if(vErrors === null){
vErrors = [err559];
}
else {
vErrors.push(err559);
}
errors++;
}
}
if(data41.stepConcurrencyLevel !== undefined){
let data306 = data41.stepConcurrencyLevel;
if(!(((typeof data306 == "number") && (!(data306 % 1) && !isNaN(data306))) && (isFinite(data306)))){
const err560 = {instancePath:instancePath+"/steps/" + i3+"/stepConcurrencyLevel",schemaPath:"#/definitions/step.emr.cluster/properties/stepConcurrencyLevel/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema22.properties.stepConcurrencyLevel.type,parentSchema:schema22.properties.stepConcurrencyLevel,data:data306};
if(vErrors === null){
vErrors = [err560];
}
else {
vErrors.push(err560);
}
errors++;
}
if((typeof data306 == "number") && (isFinite(data306))){
if(data306 > 256 || isNaN(data306)){
const err561 = {instancePath:instancePath+"/steps/" + i3+"/stepConcurrencyLevel",schemaPath:"#/definitions/step.emr.cluster/properties/stepConcurrencyLevel/maximum",keyword:"maximum",params:{comparison: "<=", limit: 256},message:"must be <= 256",schema:256,parentSchema:schema22.properties.stepConcurrencyLevel,data:data306};
if(vErrors === null){
vErrors = [err561];
}
else {
vErrors.push(err561);
}
errors++;
}
if(data306 < 1 || isNaN(data306)){
const err562 = {instancePath:instancePath+"/steps/" + i3+"/stepConcurrencyLevel",schemaPath:"#/definitions/step.emr.cluster/properties/stepConcurrencyLevel/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema22.properties.stepConcurrencyLevel,data:data306};
if(vErrors === null){
vErrors = [err562];
}
else {
vErrors.push(err562);
}
errors++;
}
}
}
if(data41.tags !== undefined){
let data307 = data41.tags;
if(data307 && typeof data307 == "object" && !Array.isArray(data307)){
for(const key25 in data307){
let data308 = data307[key25];
if(typeof data308 !== "string"){
const err563 = {instancePath:instancePath+"/steps/" + i3+"/tags/" + key25.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/step.emr.cluster/properties/tags/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.tags.additionalProperties.type,parentSchema:schema22.properties.tags.additionalProperties,data:data308};
if(vErrors === null){
vErrors = [err563];
}
else {
vErrors.push(err563);
}
errors++;
}
}
}
else {
const err564 = {instancePath:instancePath+"/steps/" + i3+"/tags",schemaPath:"#/definitions/step.emr.cluster/properties/tags/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.properties.tags.type,parentSchema:schema22.properties.tags,data:data307};
if(vErrors === null){
vErrors = [err564];
}
else {
vErrors.push(err564);
}
errors++;
}
}
if(data41.waitFor !== undefined){
let data309 = data41.waitFor;
if(typeof data309 !== "string"){
const err565 = {instancePath:instancePath+"/steps/" + i3+"/waitFor",schemaPath:"#/definitions/step.emr.cluster/properties/waitFor/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.waitFor.type,parentSchema:schema22.properties.waitFor,data:data309};
if(vErrors === null){
vErrors = [err565];
}
else {
vErrors.push(err565);
}
errors++;
}
if(!(((data309 === "none") || (data309 === "ready")) || (data309 === "terminated"))){
const err566 = {instancePath:instancePath+"/steps/" + i3+"/waitFor",schemaPath:"#/definitions/step.emr.cluster/properties/waitFor/enum",keyword:"enum",params:{allowedValues: schema22.properties.waitFor.enum},message:"must be equal to one of the allowed values",schema:schema22.properties.waitFor.enum,parentSchema:schema22.properties.waitFor,data:data309};
if(vErrors === null){
vErrors = [err566];
}
else {
vErrors.push(err566);
}
errors++;
}
}
if(data41.maxWait !== undefined){
let data310 = data41.maxWait;
if(typeof data310 !== "string"){
const err567 = {instancePath:instancePath+"/steps/" + i3+"/maxWait",schemaPath:"#/definitions/step.emr.cluster/properties/maxWait/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.maxWait.type,parentSchema:schema22.properties.maxWait,data:data310};
if(vErrors === null){
vErrors = [err567];
}
else {
vErrors.push(err567);
}
errors++;
}
}
if(data41.dependsOn !== undefined){
let data311 = data41.dependsOn;
if(Array.isArray(data311)){
const len38 = data311.length;
for(let i46=0; i46<len38; i46++){
let data312 = data311[i46];
if(typeof data312 !== "string"){
const err568 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn/" + i46,schemaPath:"#/definitions/step.emr.cluster/properties/dependsOn/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.dependsOn.items.type,parentSchema:schema22.properties.dependsOn.items,data:data312};
if(vErrors === null){
vErrors = [err568];
}
else {
vErrors.push(err568);
}
errors++;
}
}
}
else {
const err569 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn",schemaPath:"#/definitions/step.emr.cluster/properties/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema22.properties.dependsOn.type,parentSchema:schema22.properties.dependsOn,data:data311};
if(vErrors === null){
vErrors = [err569];
}
else {
vErrors.push(err569);
}
errors++;
}
}
if(data41.group !== undefined){
let data313 = data41.group;
if(typeof data313 !== "string"){
const err570 = {instancePath:instancePath+"/steps/" + i3+"/group",schemaPath:"#/definitions/step.emr.cluster/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.group.type,parentSchema:schema22.properties.group,data:data313};
if(vErrors === null){
vErrors = [err570];
}
else {
vErrors.push(err570);
}
errors++;
}
}
if(data41.triggerRule !== undefined){
let data314 = data41.triggerRule;
if(typeof data314 !== "string"){
const err571 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.emr.cluster/properties/triggerRule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.triggerRule.type,parentSchema:schema22.properties.triggerRule,data:data314};
if(vErrors === null){
vErrors = [err571];
}
else {
vErrors.push(err571);
}
errors++;
}
if(!((((((((((((data314 === "all_success") || (data314 === "all_failed")) || (data314 === "all_done")) || (data314 === "all_done_setup_success")) || (data314 === "all_skipped")) || (data314 === "one_success")) || (data314 === "one_failed")) || (data314 === "one_done")) || (data314 === "none_failed")) || (data314 === "none_failed_min_one_success")) || (data314 === "none_skipped")) || (data314 === "always"))){
const err572 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.emr.cluster/properties/triggerRule/enum",keyword:"enum",params:{allowedValues: schema22.properties.triggerRule.enum},message:"must be equal to one of the allowed values",schema:schema22.properties.triggerRule.enum,parentSchema:schema22.properties.triggerRule,data:data314};
if(vErrors === null){
vErrors = [err572];
}
else {
vErrors.push(err572);
}
errors++;
}
}
if(data41.produces !== undefined){
let data315 = data41.produces;
if(Array.isArray(data315)){
const len39 = data315.length;
for(let i47=0; i47<len39; i47++){
let data316 = data315[i47];
if(typeof data316 !== "string"){
const err573 = {instancePath:instancePath+"/steps/" + i3+"/produces/" + i47,schemaPath:"#/definitions/step.emr.cluster/properties/produces/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.produces.items.type,parentSchema:schema22.properties.produces.items,data:data316};
if(vErrors === null){
vErrors = [err573];
}
else {
vErrors.push(err573);
}
errors++;
}
}
}
else {
const err574 = {instancePath:instancePath+"/steps/" + i3+"/produces",schemaPath:"#/definitions/step.emr.cluster/properties/produces/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema22.properties.produces.type,parentSchema:schema22.properties.produces,data:data315};
if(vErrors === null){
vErrors = [err574];
}
else {
vErrors.push(err574);
}
errors++;
}
}
if(data41.retries !== undefined){
let data317 = data41.retries;
if(!(((typeof data317 == "number") && (!(data317 % 1) && !isNaN(data317))) && (isFinite(data317)))){
const err575 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.emr.cluster/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema22.properties.retries.type,parentSchema:schema22.properties.retries,data:data317};
if(vErrors === null){
vErrors = [err575];
}
else {
vErrors.push(err575);
}
errors++;
}
if((typeof data317 == "number") && (isFinite(data317))){
if(data317 > 100 || isNaN(data317)){
const err576 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.emr.cluster/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema22.properties.retries,data:data317};
if(vErrors === null){
vErrors = [err576];
}
else {
vErrors.push(err576);
}
errors++;
}
if(data317 < 0 || isNaN(data317)){
const err577 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.emr.cluster/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema22.properties.retries,data:data317};
if(vErrors === null){
vErrors = [err577];
}
else {
vErrors.push(err577);
}
errors++;
}
}
}
if(data41.retryDelay !== undefined){
let data318 = data41.retryDelay;
if(typeof data318 !== "string"){
const err578 = {instancePath:instancePath+"/steps/" + i3+"/retryDelay",schemaPath:"#/definitions/step.emr.cluster/properties/retryDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.retryDelay.type,parentSchema:schema22.properties.retryDelay,data:data318};
if(vErrors === null){
vErrors = [err578];
}
else {
vErrors.push(err578);
}
errors++;
}
}
if(data41.retryExponentialBackoff !== undefined){
let data319 = data41.retryExponentialBackoff;
if(typeof data319 !== "boolean"){
const err579 = {instancePath:instancePath+"/steps/" + i3+"/retryExponentialBackoff",schemaPath:"#/definitions/step.emr.cluster/properties/retryExponentialBackoff/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema22.properties.retryExponentialBackoff.type,parentSchema:schema22.properties.retryExponentialBackoff,data:data319};
if(vErrors === null){
vErrors = [err579];
}
else {
vErrors.push(err579);
}
errors++;
}
}
if(data41.executionTimeout !== undefined){
let data320 = data41.executionTimeout;
if(typeof data320 !== "string"){
const err580 = {instancePath:instancePath+"/steps/" + i3+"/executionTimeout",schemaPath:"#/definitions/step.emr.cluster/properties/executionTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.executionTimeout.type,parentSchema:schema22.properties.executionTimeout,data:data320};
if(vErrors === null){
vErrors = [err580];
}
else {
vErrors.push(err580);
}
errors++;
}
}
if(data41.awsConnId !== undefined){
let data321 = data41.awsConnId;
if(typeof data321 === "string"){
if(func3(data321) < 1){
const err581 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.emr.cluster/properties/awsConnId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.awsConnId,data:data321};
if(vErrors === null){
vErrors = [err581];
}
else {
vErrors.push(err581);
}
errors++;
}
}
else {
const err582 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.emr.cluster/properties/awsConnId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.awsConnId.type,parentSchema:schema22.properties.awsConnId,data:data321};
if(vErrors === null){
vErrors = [err582];
}
else {
vErrors.push(err582);
}
errors++;
}
}
if(data41.region !== undefined){
let data322 = data41.region;
if(typeof data322 === "string"){
if(func3(data322) < 1){
const err583 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.emr.cluster/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.region,data:data322};
if(vErrors === null){
vErrors = [err583];
}
else {
vErrors.push(err583);
}
errors++;
}
}
else {
const err584 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.emr.cluster/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.region.type,parentSchema:schema22.properties.region,data:data322};
if(vErrors === null){
vErrors = [err584];
}
else {
vErrors.push(err584);
}
errors++;
}
}
if(data41.deferrable !== undefined){
let data323 = data41.deferrable;
if(typeof data323 !== "boolean"){
const err585 = {instancePath:instancePath+"/steps/" + i3+"/deferrable",schemaPath:"#/definitions/step.emr.cluster/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema22.properties.deferrable.type,parentSchema:schema22.properties.deferrable,data:data323};
if(vErrors === null){
vErrors = [err585];
}
else {
vErrors.push(err585);
}
errors++;
}
}
if(data41.pool !== undefined){
let data324 = data41.pool;
if(typeof data324 === "string"){
if(func3(data324) < 1){
const err586 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.emr.cluster/properties/pool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.pool,data:data324};
if(vErrors === null){
vErrors = [err586];
}
else {
vErrors.push(err586);
}
errors++;
}
}
else {
const err587 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.emr.cluster/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.pool.type,parentSchema:schema22.properties.pool,data:data324};
if(vErrors === null){
vErrors = [err587];
}
else {
vErrors.push(err587);
}
errors++;
}
}
}
else {
const err588 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.emr.cluster/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.type,parentSchema:schema22,data:data41};
if(vErrors === null){
vErrors = [err588];
}
else {
vErrors.push(err588);
}
errors++;
}
}
else if(tag0 === "emr.steps"){
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.id === undefined){
const err589 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.emr.steps/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema23.required,parentSchema:schema23,data:data41};
if(vErrors === null){
vErrors = [err589];
}
else {
vErrors.push(err589);
}
errors++;
}
if(data41.kind === undefined){
const err590 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.emr.steps/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema23.required,parentSchema:schema23,data:data41};
if(vErrors === null){
vErrors = [err590];
}
else {
vErrors.push(err590);
}
errors++;
}
if(data41.steps === undefined){
const err591 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.emr.steps/required",keyword:"required",params:{missingProperty: "steps"},message:"must have required property '"+"steps"+"'",schema:schema23.required,parentSchema:schema23,data:data41};
if(vErrors === null){
vErrors = [err591];
}
else {
vErrors.push(err591);
}
errors++;
}
for(const key26 in data41){
if(!(func2.call(schema23.properties, key26))){
const err592 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.emr.steps/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key26},message:"must NOT have additional properties",schema:false,parentSchema:schema23,data:data41};
if(vErrors === null){
vErrors = [err592];
}
else {
vErrors.push(err592);
}
errors++;
}
}
if(data41.id !== undefined){
let data325 = data41.id;
if(typeof data325 !== "string"){
const err593 = {instancePath:instancePath+"/steps/" + i3+"/id",schemaPath:"#/definitions/step.emr.steps/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.id.type,parentSchema:schema23.properties.id,data:data325};
if(vErrors === null){
vErrors = [err593];
}
else {
vErrors.push(err593);
}
errors++;
}
}
if(data41.kind !== undefined){
let data326 = data41.kind;
if("emr.steps" !== data326){
const err594 = {instancePath:instancePath+"/steps/" + i3+"/kind",schemaPath:"#/definitions/step.emr.steps/properties/kind/const",keyword:"const",params:{allowedValue: "emr.steps"},message:"must be equal to constant",schema:"emr.steps",parentSchema:schema23.properties.kind,data:data326};
if(vErrors === null){
vErrors = [err594];
}
else {
vErrors.push(err594);
}
errors++;
}
}
if(data41.cluster !== undefined){
let data327 = data41.cluster;
if(typeof data327 === "string"){
if(func3(data327) < 1){
const err595 = {instancePath:instancePath+"/steps/" + i3+"/cluster",schemaPath:"#/definitions/step.emr.steps/properties/cluster/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema23.properties.cluster,data:data327};
if(vErrors === null){
vErrors = [err595];
}
else {
vErrors.push(err595);
}
errors++;
}
}
else {
const err596 = {instancePath:instancePath+"/steps/" + i3+"/cluster",schemaPath:"#/definitions/step.emr.steps/properties/cluster/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.cluster.type,parentSchema:schema23.properties.cluster,data:data327};
if(vErrors === null){
vErrors = [err596];
}
else {
vErrors.push(err596);
}
errors++;
}
}
if(data41.clusterStep !== undefined){
let data328 = data41.clusterStep;
if(typeof data328 === "string"){
if(func3(data328) < 1){
const err597 = {instancePath:instancePath+"/steps/" + i3+"/clusterStep",schemaPath:"#/definitions/step.emr.steps/properties/clusterStep/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema23.properties.clusterStep,data:data328};
if(vErrors === null){
vErrors = [err597];
}
else {
vErrors.push(err597);
}
errors++;
}
}
else {
const err598 = {instancePath:instancePath+"/steps/" + i3+"/clusterStep",schemaPath:"#/definitions/step.emr.steps/properties/clusterStep/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.clusterStep.type,parentSchema:schema23.properties.clusterStep,data:data328};
if(vErrors === null){
vErrors = [err598];
}
else {
vErrors.push(err598);
}
errors++;
}
}
if(data41.steps !== undefined){
let data329 = data41.steps;
if(Array.isArray(data329)){
if(data329.length > 256){
const err599 = {instancePath:instancePath+"/steps/" + i3+"/steps",schemaPath:"#/definitions/step.emr.steps/properties/steps/maxItems",keyword:"maxItems",params:{limit: 256},message:"must NOT have more than 256 items",schema:256,parentSchema:schema23.properties.steps,data:data329};
if(vErrors === null){
vErrors = [err599];
}
else {
vErrors.push(err599);
}
errors++;
}
if(data329.length < 1){
const err600 = {instancePath:instancePath+"/steps/" + i3+"/steps",schemaPath:"#/definitions/step.emr.steps/properties/steps/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema23.properties.steps,data:data329};
if(vErrors === null){
vErrors = [err600];
}
else {
vErrors.push(err600);
}
errors++;
}
const len40 = data329.length;
for(let i48=0; i48<len40; i48++){
let data330 = data329[i48];
if(data330 && typeof data330 == "object" && !Array.isArray(data330)){
if(data330.name === undefined){
const err601 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i48,schemaPath:"#/definitions/step.emr.steps/properties/steps/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema23.properties.steps.items.required,parentSchema:schema23.properties.steps.items,data:data330};
if(vErrors === null){
vErrors = [err601];
}
else {
vErrors.push(err601);
}
errors++;
}
if(data330.args === undefined){
const err602 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i48,schemaPath:"#/definitions/step.emr.steps/properties/steps/items/required",keyword:"required",params:{missingProperty: "args"},message:"must have required property '"+"args"+"'",schema:schema23.properties.steps.items.required,parentSchema:schema23.properties.steps.items,data:data330};
if(vErrors === null){
vErrors = [err602];
}
else {
vErrors.push(err602);
}
errors++;
}
for(const key27 in data330){
if(!(((((key27 === "name") || (key27 === "jar")) || (key27 === "mainClass")) || (key27 === "args")) || (key27 === "actionOnFailure"))){
const err603 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i48,schemaPath:"#/definitions/step.emr.steps/properties/steps/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key27},message:"must NOT have additional properties",schema:false,parentSchema:schema23.properties.steps.items,data:data330};
if(vErrors === null){
vErrors = [err603];
}
else {
vErrors.push(err603);
}
errors++;
}
}
if(data330.name !== undefined){
let data331 = data330.name;
if(typeof data331 === "string"){
if(func3(data331) > 256){
const err604 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i48+"/name",schemaPath:"#/definitions/step.emr.steps/properties/steps/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema23.properties.steps.items.properties.name,data:data331};
if(vErrors === null){
vErrors = [err604];
}
else {
vErrors.push(err604);
}
errors++;
}
if(func3(data331) < 1){
const err605 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i48+"/name",schemaPath:"#/definitions/step.emr.steps/properties/steps/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema23.properties.steps.items.properties.name,data:data331};
if(vErrors === null){
vErrors = [err605];
}
else {
vErrors.push(err605);
}
errors++;
}
}
else {
const err606 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i48+"/name",schemaPath:"#/definitions/step.emr.steps/properties/steps/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.steps.items.properties.name.type,parentSchema:schema23.properties.steps.items.properties.name,data:data331};
if(vErrors === null){
vErrors = [err606];
}
else {
vErrors.push(err606);
}
errors++;
}
}
if(data330.jar !== undefined){
let data332 = data330.jar;
if(typeof data332 === "string"){
if(func3(data332) < 1){
const err607 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i48+"/jar",schemaPath:"#/definitions/step.emr.steps/properties/steps/items/properties/jar/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema23.properties.steps.items.properties.jar,data:data332};
if(vErrors === null){
vErrors = [err607];
}
else {
vErrors.push(err607);
}
errors++;
}
}
else {
const err608 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i48+"/jar",schemaPath:"#/definitions/step.emr.steps/properties/steps/items/properties/jar/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.steps.items.properties.jar.type,parentSchema:schema23.properties.steps.items.properties.jar,data:data332};
if(vErrors === null){
vErrors = [err608];
}
else {
vErrors.push(err608);
}
errors++;
}
}
if(data330.mainClass !== undefined){
let data333 = data330.mainClass;
if(typeof data333 === "string"){
if(func3(data333) < 1){
const err609 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i48+"/mainClass",schemaPath:"#/definitions/step.emr.steps/properties/steps/items/properties/mainClass/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema23.properties.steps.items.properties.mainClass,data:data333};
if(vErrors === null){
vErrors = [err609];
}
else {
vErrors.push(err609);
}
errors++;
}
}
else {
const err610 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i48+"/mainClass",schemaPath:"#/definitions/step.emr.steps/properties/steps/items/properties/mainClass/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.steps.items.properties.mainClass.type,parentSchema:schema23.properties.steps.items.properties.mainClass,data:data333};
if(vErrors === null){
vErrors = [err610];
}
else {
vErrors.push(err610);
}
errors++;
}
}
if(data330.args !== undefined){
let data334 = data330.args;
if(Array.isArray(data334)){
const len41 = data334.length;
for(let i49=0; i49<len41; i49++){
let data335 = data334[i49];
if(typeof data335 !== "string"){
const err611 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i48+"/args/" + i49,schemaPath:"#/definitions/step.emr.steps/properties/steps/items/properties/args/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.steps.items.properties.args.items.type,parentSchema:schema23.properties.steps.items.properties.args.items,data:data335};
if(vErrors === null){
vErrors = [err611];
}
else {
vErrors.push(err611);
}
errors++;
}
}
}
else {
const err612 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i48+"/args",schemaPath:"#/definitions/step.emr.steps/properties/steps/items/properties/args/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema23.properties.steps.items.properties.args.type,parentSchema:schema23.properties.steps.items.properties.args,data:data334};
if(vErrors === null){
vErrors = [err612];
}
else {
vErrors.push(err612);
}
errors++;
}
}
if(data330.actionOnFailure !== undefined){
let data336 = data330.actionOnFailure;
if(typeof data336 !== "string"){
const err613 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i48+"/actionOnFailure",schemaPath:"#/definitions/step.emr.steps/properties/steps/items/properties/actionOnFailure/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.steps.items.properties.actionOnFailure.type,parentSchema:schema23.properties.steps.items.properties.actionOnFailure,data:data336};
if(vErrors === null){
vErrors = [err613];
}
else {
vErrors.push(err613);
}
errors++;
}
if(!(((data336 === "CANCEL_AND_WAIT") || (data336 === "CONTINUE")) || (data336 === "TERMINATE_CLUSTER"))){
const err614 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i48+"/actionOnFailure",schemaPath:"#/definitions/step.emr.steps/properties/steps/items/properties/actionOnFailure/enum",keyword:"enum",params:{allowedValues: schema23.properties.steps.items.properties.actionOnFailure.enum},message:"must be equal to one of the allowed values",schema:schema23.properties.steps.items.properties.actionOnFailure.enum,parentSchema:schema23.properties.steps.items.properties.actionOnFailure,data:data336};
if(vErrors === null){
vErrors = [err614];
}
else {
vErrors.push(err614);
}
errors++;
}
}
}
else {
const err615 = {instancePath:instancePath+"/steps/" + i3+"/steps/" + i48,schemaPath:"#/definitions/step.emr.steps/properties/steps/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.properties.steps.items.type,parentSchema:schema23.properties.steps.items,data:data330};
if(vErrors === null){
vErrors = [err615];
}
else {
vErrors.push(err615);
}
errors++;
}
}
}
else {
const err616 = {instancePath:instancePath+"/steps/" + i3+"/steps",schemaPath:"#/definitions/step.emr.steps/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema23.properties.steps.type,parentSchema:schema23.properties.steps,data:data329};
if(vErrors === null){
vErrors = [err616];
}
else {
vErrors.push(err616);
}
errors++;
}
}
if(data41.executionRole !== undefined){
let data337 = data41.executionRole;
if(typeof data337 !== "string"){
const err617 = {instancePath:instancePath+"/steps/" + i3+"/executionRole",schemaPath:"#/definitions/step.emr.steps/properties/executionRole/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.executionRole.type,parentSchema:schema23.properties.executionRole,data:data337};
if(vErrors === null){
vErrors = [err617];
}
else {
vErrors.push(err617);
}
errors++;
}
}
if(data41.waitForCompletion !== undefined){
let data338 = data41.waitForCompletion;
if(typeof data338 !== "boolean"){
const err618 = {instancePath:instancePath+"/steps/" + i3+"/waitForCompletion",schemaPath:"#/definitions/step.emr.steps/properties/waitForCompletion/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema23.properties.waitForCompletion.type,parentSchema:schema23.properties.waitForCompletion,data:data338};
if(vErrors === null){
vErrors = [err618];
}
else {
vErrors.push(err618);
}
errors++;
}
}
if(data41.maxWait !== undefined){
let data339 = data41.maxWait;
if(typeof data339 !== "string"){
const err619 = {instancePath:instancePath+"/steps/" + i3+"/maxWait",schemaPath:"#/definitions/step.emr.steps/properties/maxWait/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.maxWait.type,parentSchema:schema23.properties.maxWait,data:data339};
if(vErrors === null){
vErrors = [err619];
}
else {
vErrors.push(err619);
}
errors++;
}
}
if(data41.dependsOn !== undefined){
let data340 = data41.dependsOn;
if(Array.isArray(data340)){
const len42 = data340.length;
for(let i50=0; i50<len42; i50++){
let data341 = data340[i50];
if(typeof data341 !== "string"){
const err620 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn/" + i50,schemaPath:"#/definitions/step.emr.steps/properties/dependsOn/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.dependsOn.items.type,parentSchema:schema23.properties.dependsOn.items,data:data341};
if(vErrors === null){
vErrors = [err620];
}
else {
vErrors.push(err620);
}
errors++;
}
}
}
else {
const err621 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn",schemaPath:"#/definitions/step.emr.steps/properties/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema23.properties.dependsOn.type,parentSchema:schema23.properties.dependsOn,data:data340};
if(vErrors === null){
vErrors = [err621];
}
else {
vErrors.push(err621);
}
errors++;
}
}
if(data41.group !== undefined){
let data342 = data41.group;
if(typeof data342 !== "string"){
const err622 = {instancePath:instancePath+"/steps/" + i3+"/group",schemaPath:"#/definitions/step.emr.steps/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.group.type,parentSchema:schema23.properties.group,data:data342};
if(vErrors === null){
vErrors = [err622];
}
else {
vErrors.push(err622);
}
errors++;
}
}
if(data41.triggerRule !== undefined){
let data343 = data41.triggerRule;
if(typeof data343 !== "string"){
const err623 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.emr.steps/properties/triggerRule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.triggerRule.type,parentSchema:schema23.properties.triggerRule,data:data343};
if(vErrors === null){
vErrors = [err623];
}
else {
vErrors.push(err623);
}
errors++;
}
if(!((((((((((((data343 === "all_success") || (data343 === "all_failed")) || (data343 === "all_done")) || (data343 === "all_done_setup_success")) || (data343 === "all_skipped")) || (data343 === "one_success")) || (data343 === "one_failed")) || (data343 === "one_done")) || (data343 === "none_failed")) || (data343 === "none_failed_min_one_success")) || (data343 === "none_skipped")) || (data343 === "always"))){
const err624 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.emr.steps/properties/triggerRule/enum",keyword:"enum",params:{allowedValues: schema23.properties.triggerRule.enum},message:"must be equal to one of the allowed values",schema:schema23.properties.triggerRule.enum,parentSchema:schema23.properties.triggerRule,data:data343};
if(vErrors === null){
vErrors = [err624];
}
else {
vErrors.push(err624);
}
errors++;
}
}
if(data41.produces !== undefined){
let data344 = data41.produces;
if(Array.isArray(data344)){
const len43 = data344.length;
for(let i51=0; i51<len43; i51++){
let data345 = data344[i51];
if(typeof data345 !== "string"){
const err625 = {instancePath:instancePath+"/steps/" + i3+"/produces/" + i51,schemaPath:"#/definitions/step.emr.steps/properties/produces/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.produces.items.type,parentSchema:schema23.properties.produces.items,data:data345};
if(vErrors === null){
vErrors = [err625];
}
else {
vErrors.push(err625);
}
errors++;
}
}
}
else {
const err626 = {instancePath:instancePath+"/steps/" + i3+"/produces",schemaPath:"#/definitions/step.emr.steps/properties/produces/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema23.properties.produces.type,parentSchema:schema23.properties.produces,data:data344};
if(vErrors === null){
vErrors = [err626];
}
else {
vErrors.push(err626);
}
errors++;
}
}
if(data41.retries !== undefined){
let data346 = data41.retries;
if(!(((typeof data346 == "number") && (!(data346 % 1) && !isNaN(data346))) && (isFinite(data346)))){
const err627 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.emr.steps/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema23.properties.retries.type,parentSchema:schema23.properties.retries,data:data346};
if(vErrors === null){
vErrors = [err627];
}
else {
vErrors.push(err627);
}
errors++;
}
if((typeof data346 == "number") && (isFinite(data346))){
if(data346 > 100 || isNaN(data346)){
const err628 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.emr.steps/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema23.properties.retries,data:data346};
if(vErrors === null){
vErrors = [err628];
}
else {
vErrors.push(err628);
}
errors++;
}
if(data346 < 0 || isNaN(data346)){
const err629 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.emr.steps/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema23.properties.retries,data:data346};
if(vErrors === null){
vErrors = [err629];
}
else {
vErrors.push(err629);
}
errors++;
}
}
}
if(data41.retryDelay !== undefined){
let data347 = data41.retryDelay;
if(typeof data347 !== "string"){
const err630 = {instancePath:instancePath+"/steps/" + i3+"/retryDelay",schemaPath:"#/definitions/step.emr.steps/properties/retryDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.retryDelay.type,parentSchema:schema23.properties.retryDelay,data:data347};
if(vErrors === null){
vErrors = [err630];
}
else {
vErrors.push(err630);
}
errors++;
}
}
if(data41.retryExponentialBackoff !== undefined){
let data348 = data41.retryExponentialBackoff;
if(typeof data348 !== "boolean"){
const err631 = {instancePath:instancePath+"/steps/" + i3+"/retryExponentialBackoff",schemaPath:"#/definitions/step.emr.steps/properties/retryExponentialBackoff/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema23.properties.retryExponentialBackoff.type,parentSchema:schema23.properties.retryExponentialBackoff,data:data348};
if(vErrors === null){
vErrors = [err631];
}
else {
vErrors.push(err631);
}
errors++;
}
}
if(data41.executionTimeout !== undefined){
let data349 = data41.executionTimeout;
if(typeof data349 !== "string"){
const err632 = {instancePath:instancePath+"/steps/" + i3+"/executionTimeout",schemaPath:"#/definitions/step.emr.steps/properties/executionTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.executionTimeout.type,parentSchema:schema23.properties.executionTimeout,data:data349};
if(vErrors === null){
vErrors = [err632];
}
else {
vErrors.push(err632);
}
errors++;
}
}
if(data41.awsConnId !== undefined){
let data350 = data41.awsConnId;
if(typeof data350 === "string"){
if(func3(data350) < 1){
const err633 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.emr.steps/properties/awsConnId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema23.properties.awsConnId,data:data350};
if(vErrors === null){
vErrors = [err633];
}
else {
vErrors.push(err633);
}
errors++;
}
}
else {
const err634 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.emr.steps/properties/awsConnId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.awsConnId.type,parentSchema:schema23.properties.awsConnId,data:data350};
if(vErrors === null){
vErrors = [err634];
}
else {
vErrors.push(err634);
}
errors++;
}
}
if(data41.region !== undefined){
let data351 = data41.region;
if(typeof data351 === "string"){
if(func3(data351) < 1){
const err635 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.emr.steps/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema23.properties.region,data:data351};
if(vErrors === null){
vErrors = [err635];
}
else {
vErrors.push(err635);
}
errors++;
}
}
else {
const err636 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.emr.steps/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.region.type,parentSchema:schema23.properties.region,data:data351};
if(vErrors === null){
vErrors = [err636];
}
else {
vErrors.push(err636);
}
errors++;
}
}
if(data41.deferrable !== undefined){
let data352 = data41.deferrable;
if(typeof data352 !== "boolean"){
const err637 = {instancePath:instancePath+"/steps/" + i3+"/deferrable",schemaPath:"#/definitions/step.emr.steps/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema23.properties.deferrable.type,parentSchema:schema23.properties.deferrable,data:data352};
if(vErrors === null){
vErrors = [err637];
}
else {
vErrors.push(err637);
}
errors++;
}
}
if(data41.pool !== undefined){
let data353 = data41.pool;
if(typeof data353 === "string"){
if(func3(data353) < 1){
const err638 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.emr.steps/properties/pool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema23.properties.pool,data:data353};
if(vErrors === null){
vErrors = [err638];
}
else {
vErrors.push(err638);
}
errors++;
}
}
else {
const err639 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.emr.steps/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.pool.type,parentSchema:schema23.properties.pool,data:data353};
if(vErrors === null){
vErrors = [err639];
}
else {
vErrors.push(err639);
}
errors++;
}
}
}
else {
const err640 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.emr.steps/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.type,parentSchema:schema23,data:data41};
if(vErrors === null){
vErrors = [err640];
}
else {
vErrors.push(err640);
}
errors++;
}
}
else if(tag0 === "emr.serverless"){
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.id === undefined){
const err641 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.emr.serverless/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema24.required,parentSchema:schema24,data:data41};
if(vErrors === null){
vErrors = [err641];
}
else {
vErrors.push(err641);
}
errors++;
}
if(data41.kind === undefined){
const err642 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.emr.serverless/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema24.required,parentSchema:schema24,data:data41};
if(vErrors === null){
vErrors = [err642];
}
else {
vErrors.push(err642);
}
errors++;
}
if(data41.application === undefined){
const err643 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.emr.serverless/required",keyword:"required",params:{missingProperty: "application"},message:"must have required property '"+"application"+"'",schema:schema24.required,parentSchema:schema24,data:data41};
if(vErrors === null){
vErrors = [err643];
}
else {
vErrors.push(err643);
}
errors++;
}
if(data41.executionRole === undefined){
const err644 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.emr.serverless/required",keyword:"required",params:{missingProperty: "executionRole"},message:"must have required property '"+"executionRole"+"'",schema:schema24.required,parentSchema:schema24,data:data41};
if(vErrors === null){
vErrors = [err644];
}
else {
vErrors.push(err644);
}
errors++;
}
if(data41.entryPoint === undefined){
const err645 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.emr.serverless/required",keyword:"required",params:{missingProperty: "entryPoint"},message:"must have required property '"+"entryPoint"+"'",schema:schema24.required,parentSchema:schema24,data:data41};
if(vErrors === null){
vErrors = [err645];
}
else {
vErrors.push(err645);
}
errors++;
}
for(const key28 in data41){
if(!(func2.call(schema24.properties, key28))){
const err646 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.emr.serverless/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key28},message:"must NOT have additional properties",schema:false,parentSchema:schema24,data:data41};
if(vErrors === null){
vErrors = [err646];
}
else {
vErrors.push(err646);
}
errors++;
}
}
if(data41.id !== undefined){
let data354 = data41.id;
if(typeof data354 !== "string"){
const err647 = {instancePath:instancePath+"/steps/" + i3+"/id",schemaPath:"#/definitions/step.emr.serverless/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.id.type,parentSchema:schema24.properties.id,data:data354};
if(vErrors === null){
vErrors = [err647];
}
else {
vErrors.push(err647);
}
errors++;
}
}
if(data41.kind !== undefined){
let data355 = data41.kind;
if("emr.serverless" !== data355){
const err648 = {instancePath:instancePath+"/steps/" + i3+"/kind",schemaPath:"#/definitions/step.emr.serverless/properties/kind/const",keyword:"const",params:{allowedValue: "emr.serverless"},message:"must be equal to constant",schema:"emr.serverless",parentSchema:schema24.properties.kind,data:data355};
if(vErrors === null){
vErrors = [err648];
}
else {
vErrors.push(err648);
}
errors++;
}
}
if(data41.application !== undefined){
let data356 = data41.application;
if(typeof data356 === "string"){
if(func3(data356) < 1){
const err649 = {instancePath:instancePath+"/steps/" + i3+"/application",schemaPath:"#/definitions/step.emr.serverless/properties/application/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema24.properties.application,data:data356};
if(vErrors === null){
vErrors = [err649];
}
else {
vErrors.push(err649);
}
errors++;
}
}
else {
const err650 = {instancePath:instancePath+"/steps/" + i3+"/application",schemaPath:"#/definitions/step.emr.serverless/properties/application/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.application.type,parentSchema:schema24.properties.application,data:data356};
if(vErrors === null){
vErrors = [err650];
}
else {
vErrors.push(err650);
}
errors++;
}
}
if(data41.executionRole !== undefined){
let data357 = data41.executionRole;
if(typeof data357 !== "string"){
const err651 = {instancePath:instancePath+"/steps/" + i3+"/executionRole",schemaPath:"#/definitions/step.emr.serverless/properties/executionRole/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.executionRole.type,parentSchema:schema24.properties.executionRole,data:data357};
if(vErrors === null){
vErrors = [err651];
}
else {
vErrors.push(err651);
}
errors++;
}
}
if(data41.entryPoint !== undefined){
let data358 = data41.entryPoint;
if(typeof data358 === "string"){
if(func3(data358) < 1){
const err652 = {instancePath:instancePath+"/steps/" + i3+"/entryPoint",schemaPath:"#/definitions/step.emr.serverless/properties/entryPoint/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema24.properties.entryPoint,data:data358};
if(vErrors === null){
vErrors = [err652];
}
else {
vErrors.push(err652);
}
errors++;
}
}
else {
const err653 = {instancePath:instancePath+"/steps/" + i3+"/entryPoint",schemaPath:"#/definitions/step.emr.serverless/properties/entryPoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.entryPoint.type,parentSchema:schema24.properties.entryPoint,data:data358};
if(vErrors === null){
vErrors = [err653];
}
else {
vErrors.push(err653);
}
errors++;
}
}
if(data41.arguments !== undefined){
let data359 = data41.arguments;
if(Array.isArray(data359)){
const len44 = data359.length;
for(let i52=0; i52<len44; i52++){
let data360 = data359[i52];
if(typeof data360 !== "string"){
const err654 = {instancePath:instancePath+"/steps/" + i3+"/arguments/" + i52,schemaPath:"#/definitions/step.emr.serverless/properties/arguments/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.arguments.items.type,parentSchema:schema24.properties.arguments.items,data:data360};
if(vErrors === null){
vErrors = [err654];
}
else {
vErrors.push(err654);
}
errors++;
}
}
}
else {
const err655 = {instancePath:instancePath+"/steps/" + i3+"/arguments",schemaPath:"#/definitions/step.emr.serverless/properties/arguments/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema24.properties.arguments.type,parentSchema:schema24.properties.arguments,data:data359};
if(vErrors === null){
vErrors = [err655];
}
else {
vErrors.push(err655);
}
errors++;
}
}
if(data41.sparkSubmitParameters !== undefined){
let data361 = data41.sparkSubmitParameters;
if(typeof data361 === "string"){
if(func3(data361) < 1){
const err656 = {instancePath:instancePath+"/steps/" + i3+"/sparkSubmitParameters",schemaPath:"#/definitions/step.emr.serverless/properties/sparkSubmitParameters/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema24.properties.sparkSubmitParameters,data:data361};
if(vErrors === null){
vErrors = [err656];
}
else {
vErrors.push(err656);
}
errors++;
}
}
else {
const err657 = {instancePath:instancePath+"/steps/" + i3+"/sparkSubmitParameters",schemaPath:"#/definitions/step.emr.serverless/properties/sparkSubmitParameters/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.sparkSubmitParameters.type,parentSchema:schema24.properties.sparkSubmitParameters,data:data361};
if(vErrors === null){
vErrors = [err657];
}
else {
vErrors.push(err657);
}
errors++;
}
}
if(data41.configurationOverrides !== undefined){
let data362 = data41.configurationOverrides;
if(data362 && typeof data362 == "object" && !Array.isArray(data362)){
for(const key29 in data362){
if(!((key29 === "applicationConfiguration") || (key29 === "monitoringConfiguration"))){
const err658 = {instancePath:instancePath+"/steps/" + i3+"/configurationOverrides",schemaPath:"#/definitions/step.emr.serverless/properties/configurationOverrides/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key29},message:"must NOT have additional properties",schema:false,parentSchema:schema24.properties.configurationOverrides,data:data362};
if(vErrors === null){
vErrors = [err658];
}
else {
vErrors.push(err658);
}
errors++;
}
}
if(data362.applicationConfiguration !== undefined){
let data363 = data362.applicationConfiguration;
if(Array.isArray(data363)){
const len45 = data363.length;
for(let i53=0; i53<len45; i53++){
let data364 = data363[i53];
if(!(data364 && typeof data364 == "object" && !Array.isArray(data364))){
const err659 = {instancePath:instancePath+"/steps/" + i3+"/configurationOverrides/applicationConfiguration/" + i53,schemaPath:"#/definitions/step.emr.serverless/properties/configurationOverrides/properties/applicationConfiguration/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.properties.configurationOverrides.properties.applicationConfiguration.items.type,parentSchema:schema24.properties.configurationOverrides.properties.applicationConfiguration.items,data:data364};
if(vErrors === null){
vErrors = [err659];
}
else {
vErrors.push(err659);
}
errors++;
}
}
}
else {
const err660 = {instancePath:instancePath+"/steps/" + i3+"/configurationOverrides/applicationConfiguration",schemaPath:"#/definitions/step.emr.serverless/properties/configurationOverrides/properties/applicationConfiguration/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema24.properties.configurationOverrides.properties.applicationConfiguration.type,parentSchema:schema24.properties.configurationOverrides.properties.applicationConfiguration,data:data363};
if(vErrors === null){
vErrors = [err660];
}
else {
vErrors.push(err660);
}
errors++;
}
}
if(data362.monitoringConfiguration !== undefined){
let data365 = data362.monitoringConfiguration;
if(!(data365 && typeof data365 == "object" && !Array.isArray(data365))){
const err661 = {instancePath:instancePath+"/steps/" + i3+"/configurationOverrides/monitoringConfiguration",schemaPath:"#/definitions/step.emr.serverless/properties/configurationOverrides/properties/monitoringConfiguration/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.properties.configurationOverrides.properties.monitoringConfiguration.type,parentSchema:schema24.properties.configurationOverrides.properties.monitoringConfiguration,data:data365};
if(vErrors === null){
vErrors = [err661];
}
else {
vErrors.push(err661);
}
errors++;
}
}
}
else {
const err662 = {instancePath:instancePath+"/steps/" + i3+"/configurationOverrides",schemaPath:"#/definitions/step.emr.serverless/properties/configurationOverrides/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.properties.configurationOverrides.type,parentSchema:schema24.properties.configurationOverrides,data:data362};
if(vErrors === null){
vErrors = [err662];
}
else {
vErrors.push(err662);
}
errors++;
}
}
if(data41.name !== undefined){
let data366 = data41.name;
if(typeof data366 === "string"){
if(func3(data366) > 256){
const err663 = {instancePath:instancePath+"/steps/" + i3+"/name",schemaPath:"#/definitions/step.emr.serverless/properties/name/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema24.properties.name,data:data366};
if(vErrors === null){
vErrors = [err663];
}
else {
vErrors.push(err663);
}
errors++;
}
if(func3(data366) < 1){
const err664 = {instancePath:instancePath+"/steps/" + i3+"/name",schemaPath:"#/definitions/step.emr.serverless/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema24.properties.name,data:data366};
if(vErrors === null){
vErrors = [err664];
}
else {
vErrors.push(err664);
}
errors++;
}
}
else {
const err665 = {instancePath:instancePath+"/steps/" + i3+"/name",schemaPath:"#/definitions/step.emr.serverless/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.name.type,parentSchema:schema24.properties.name,data:data366};
if(vErrors === null){
vErrors = [err665];
}
else {
vErrors.push(err665);
}
errors++;
}
}
if(data41.waitForCompletion !== undefined){
let data367 = data41.waitForCompletion;
if(typeof data367 !== "boolean"){
const err666 = {instancePath:instancePath+"/steps/" + i3+"/waitForCompletion",schemaPath:"#/definitions/step.emr.serverless/properties/waitForCompletion/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema24.properties.waitForCompletion.type,parentSchema:schema24.properties.waitForCompletion,data:data367};
if(vErrors === null){
vErrors = [err666];
}
else {
vErrors.push(err666);
}
errors++;
}
}
if(data41.maxWait !== undefined){
let data368 = data41.maxWait;
if(typeof data368 !== "string"){
const err667 = {instancePath:instancePath+"/steps/" + i3+"/maxWait",schemaPath:"#/definitions/step.emr.serverless/properties/maxWait/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.maxWait.type,parentSchema:schema24.properties.maxWait,data:data368};
if(vErrors === null){
vErrors = [err667];
}
else {
vErrors.push(err667);
}
errors++;
}
}
if(data41.cancelOnKill !== undefined){
let data369 = data41.cancelOnKill;
if(typeof data369 !== "boolean"){
const err668 = {instancePath:instancePath+"/steps/" + i3+"/cancelOnKill",schemaPath:"#/definitions/step.emr.serverless/properties/cancelOnKill/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema24.properties.cancelOnKill.type,parentSchema:schema24.properties.cancelOnKill,data:data369};
if(vErrors === null){
vErrors = [err668];
}
else {
vErrors.push(err668);
}
errors++;
}
}
if(data41.dependsOn !== undefined){
let data370 = data41.dependsOn;
if(Array.isArray(data370)){
const len46 = data370.length;
for(let i54=0; i54<len46; i54++){
let data371 = data370[i54];
if(typeof data371 !== "string"){
const err669 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn/" + i54,schemaPath:"#/definitions/step.emr.serverless/properties/dependsOn/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.dependsOn.items.type,parentSchema:schema24.properties.dependsOn.items,data:data371};
if(vErrors === null){
vErrors = [err669];
}
else {
vErrors.push(err669);
}
errors++;
}
}
}
else {
const err670 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn",schemaPath:"#/definitions/step.emr.serverless/properties/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema24.properties.dependsOn.type,parentSchema:schema24.properties.dependsOn,data:data370};
if(vErrors === null){
vErrors = [err670];
}
else {
vErrors.push(err670);
}
errors++;
}
}
if(data41.group !== undefined){
let data372 = data41.group;
if(typeof data372 !== "string"){
const err671 = {instancePath:instancePath+"/steps/" + i3+"/group",schemaPath:"#/definitions/step.emr.serverless/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.group.type,parentSchema:schema24.properties.group,data:data372};
if(vErrors === null){
vErrors = [err671];
}
else {
vErrors.push(err671);
}
errors++;
}
}
if(data41.triggerRule !== undefined){
let data373 = data41.triggerRule;
if(typeof data373 !== "string"){
const err672 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.emr.serverless/properties/triggerRule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.triggerRule.type,parentSchema:schema24.properties.triggerRule,data:data373};
if(vErrors === null){
vErrors = [err672];
}
else {
vErrors.push(err672);
}
errors++;
}
if(!((((((((((((data373 === "all_success") || (data373 === "all_failed")) || (data373 === "all_done")) || (data373 === "all_done_setup_success")) || (data373 === "all_skipped")) || (data373 === "one_success")) || (data373 === "one_failed")) || (data373 === "one_done")) || (data373 === "none_failed")) || (data373 === "none_failed_min_one_success")) || (data373 === "none_skipped")) || (data373 === "always"))){
const err673 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.emr.serverless/properties/triggerRule/enum",keyword:"enum",params:{allowedValues: schema24.properties.triggerRule.enum},message:"must be equal to one of the allowed values",schema:schema24.properties.triggerRule.enum,parentSchema:schema24.properties.triggerRule,data:data373};
if(vErrors === null){
vErrors = [err673];
}
else {
vErrors.push(err673);
}
errors++;
}
}
if(data41.produces !== undefined){
let data374 = data41.produces;
if(Array.isArray(data374)){
const len47 = data374.length;
for(let i55=0; i55<len47; i55++){
let data375 = data374[i55];
if(typeof data375 !== "string"){
const err674 = {instancePath:instancePath+"/steps/" + i3+"/produces/" + i55,schemaPath:"#/definitions/step.emr.serverless/properties/produces/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.produces.items.type,parentSchema:schema24.properties.produces.items,data:data375};
if(vErrors === null){
vErrors = [err674];
}
else {
vErrors.push(err674);
}
errors++;
}
}
}
else {
const err675 = {instancePath:instancePath+"/steps/" + i3+"/produces",schemaPath:"#/definitions/step.emr.serverless/properties/produces/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema24.properties.produces.type,parentSchema:schema24.properties.produces,data:data374};
if(vErrors === null){
vErrors = [err675];
}
else {
vErrors.push(err675);
}
errors++;
}
}
if(data41.retries !== undefined){
let data376 = data41.retries;
if(!(((typeof data376 == "number") && (!(data376 % 1) && !isNaN(data376))) && (isFinite(data376)))){
const err676 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.emr.serverless/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.retries.type,parentSchema:schema24.properties.retries,data:data376};
if(vErrors === null){
vErrors = [err676];
}
else {
vErrors.push(err676);
}
errors++;
}
if((typeof data376 == "number") && (isFinite(data376))){
if(data376 > 100 || isNaN(data376)){
const err677 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.emr.serverless/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema24.properties.retries,data:data376};
if(vErrors === null){
vErrors = [err677];
}
else {
vErrors.push(err677);
}
errors++;
}
if(data376 < 0 || isNaN(data376)){
const err678 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.emr.serverless/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema24.properties.retries,data:data376};
if(vErrors === null){
vErrors = [err678];
}
else {
vErrors.push(err678);
}
errors++;
}
}
}
if(data41.retryDelay !== undefined){
let data377 = data41.retryDelay;
if(typeof data377 !== "string"){
const err679 = {instancePath:instancePath+"/steps/" + i3+"/retryDelay",schemaPath:"#/definitions/step.emr.serverless/properties/retryDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.retryDelay.type,parentSchema:schema24.properties.retryDelay,data:data377};
if(vErrors === null){
vErrors = [err679];
}
else {
vErrors.push(err679);
}
errors++;
}
}
if(data41.retryExponentialBackoff !== undefined){
let data378 = data41.retryExponentialBackoff;
if(typeof data378 !== "boolean"){
const err680 = {instancePath:instancePath+"/steps/" + i3+"/retryExponentialBackoff",schemaPath:"#/definitions/step.emr.serverless/properties/retryExponentialBackoff/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema24.properties.retryExponentialBackoff.type,parentSchema:schema24.properties.retryExponentialBackoff,data:data378};
if(vErrors === null){
vErrors = [err680];
}
else {
vErrors.push(err680);
}
errors++;
}
}
if(data41.executionTimeout !== undefined){
let data379 = data41.executionTimeout;
if(typeof data379 !== "string"){
const err681 = {instancePath:instancePath+"/steps/" + i3+"/executionTimeout",schemaPath:"#/definitions/step.emr.serverless/properties/executionTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.executionTimeout.type,parentSchema:schema24.properties.executionTimeout,data:data379};
if(vErrors === null){
vErrors = [err681];
}
else {
vErrors.push(err681);
}
errors++;
}
}
if(data41.awsConnId !== undefined){
let data380 = data41.awsConnId;
if(typeof data380 === "string"){
if(func3(data380) < 1){
const err682 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.emr.serverless/properties/awsConnId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema24.properties.awsConnId,data:data380};
if(vErrors === null){
vErrors = [err682];
}
else {
vErrors.push(err682);
}
errors++;
}
}
else {
const err683 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.emr.serverless/properties/awsConnId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.awsConnId.type,parentSchema:schema24.properties.awsConnId,data:data380};
if(vErrors === null){
vErrors = [err683];
}
else {
vErrors.push(err683);
}
errors++;
}
}
if(data41.region !== undefined){
let data381 = data41.region;
if(typeof data381 === "string"){
if(func3(data381) < 1){
const err684 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.emr.serverless/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema24.properties.region,data:data381};
if(vErrors === null){
vErrors = [err684];
}
else {
vErrors.push(err684);
}
errors++;
}
}
else {
const err685 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.emr.serverless/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.region.type,parentSchema:schema24.properties.region,data:data381};
if(vErrors === null){
vErrors = [err685];
}
else {
vErrors.push(err685);
}
errors++;
}
}
if(data41.deferrable !== undefined){
let data382 = data41.deferrable;
if(typeof data382 !== "boolean"){
const err686 = {instancePath:instancePath+"/steps/" + i3+"/deferrable",schemaPath:"#/definitions/step.emr.serverless/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema24.properties.deferrable.type,parentSchema:schema24.properties.deferrable,data:data382};
if(vErrors === null){
vErrors = [err686];
}
else {
vErrors.push(err686);
}
errors++;
}
}
if(data41.pool !== undefined){
let data383 = data41.pool;
if(typeof data383 === "string"){
if(func3(data383) < 1){
const err687 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.emr.serverless/properties/pool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema24.properties.pool,data:data383};
if(vErrors === null){
vErrors = [err687];
}
else {
vErrors.push(err687);
}
errors++;
}
}
else {
const err688 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.emr.serverless/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.pool.type,parentSchema:schema24.properties.pool,data:data383};
if(vErrors === null){
vErrors = [err688];
}
else {
vErrors.push(err688);
}
errors++;
}
}
}
else {
const err689 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.emr.serverless/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.type,parentSchema:schema24,data:data41};
if(vErrors === null){
vErrors = [err689];
}
else {
vErrors.push(err689);
}
errors++;
}
}
else if(tag0 === "flink.start"){
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.id === undefined){
const err690 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.flink.start/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema25.required,parentSchema:schema25,data:data41};
if(vErrors === null){
vErrors = [err690];
}
else {
vErrors.push(err690);
}
errors++;
}
if(data41.kind === undefined){
const err691 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.flink.start/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema25.required,parentSchema:schema25,data:data41};
if(vErrors === null){
vErrors = [err691];
}
else {
vErrors.push(err691);
}
errors++;
}
if(data41.application === undefined){
const err692 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.flink.start/required",keyword:"required",params:{missingProperty: "application"},message:"must have required property '"+"application"+"'",schema:schema25.required,parentSchema:schema25,data:data41};
if(vErrors === null){
vErrors = [err692];
}
else {
vErrors.push(err692);
}
errors++;
}
for(const key30 in data41){
if(!(func2.call(schema25.properties, key30))){
const err693 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.flink.start/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key30},message:"must NOT have additional properties",schema:false,parentSchema:schema25,data:data41};
if(vErrors === null){
vErrors = [err693];
}
else {
vErrors.push(err693);
}
errors++;
}
}
if(data41.id !== undefined){
let data384 = data41.id;
if(typeof data384 !== "string"){
const err694 = {instancePath:instancePath+"/steps/" + i3+"/id",schemaPath:"#/definitions/step.flink.start/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.id.type,parentSchema:schema25.properties.id,data:data384};
if(vErrors === null){
vErrors = [err694];
}
else {
vErrors.push(err694);
}
errors++;
}
}
if(data41.kind !== undefined){
let data385 = data41.kind;
if("flink.start" !== data385){
const err695 = {instancePath:instancePath+"/steps/" + i3+"/kind",schemaPath:"#/definitions/step.flink.start/properties/kind/const",keyword:"const",params:{allowedValue: "flink.start"},message:"must be equal to constant",schema:"flink.start",parentSchema:schema25.properties.kind,data:data385};
if(vErrors === null){
vErrors = [err695];
}
else {
vErrors.push(err695);
}
errors++;
}
}
if(data41.application !== undefined){
let data386 = data41.application;
if(typeof data386 === "string"){
if(func3(data386) < 1){
const err696 = {instancePath:instancePath+"/steps/" + i3+"/application",schemaPath:"#/definitions/step.flink.start/properties/application/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema25.properties.application,data:data386};
if(vErrors === null){
vErrors = [err696];
}
else {
vErrors.push(err696);
}
errors++;
}
}
else {
const err697 = {instancePath:instancePath+"/steps/" + i3+"/application",schemaPath:"#/definitions/step.flink.start/properties/application/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.application.type,parentSchema:schema25.properties.application,data:data386};
if(vErrors === null){
vErrors = [err697];
}
else {
vErrors.push(err697);
}
errors++;
}
}
if(data41.runConfiguration !== undefined){
let data387 = data41.runConfiguration;
if(data387 && typeof data387 == "object" && !Array.isArray(data387)){
for(const key31 in data387){
if(!(((key31 === "applicationRestoreType") || (key31 === "snapshotName")) || (key31 === "allowNonRestoredState"))){
const err698 = {instancePath:instancePath+"/steps/" + i3+"/runConfiguration",schemaPath:"#/definitions/step.flink.start/properties/runConfiguration/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key31},message:"must NOT have additional properties",schema:false,parentSchema:schema25.properties.runConfiguration,data:data387};
if(vErrors === null){
vErrors = [err698];
}
else {
vErrors.push(err698);
}
errors++;
}
}
if(data387.applicationRestoreType !== undefined){
let data388 = data387.applicationRestoreType;
if(typeof data388 !== "string"){
const err699 = {instancePath:instancePath+"/steps/" + i3+"/runConfiguration/applicationRestoreType",schemaPath:"#/definitions/step.flink.start/properties/runConfiguration/properties/applicationRestoreType/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.runConfiguration.properties.applicationRestoreType.type,parentSchema:schema25.properties.runConfiguration.properties.applicationRestoreType,data:data388};
if(vErrors === null){
vErrors = [err699];
}
else {
vErrors.push(err699);
}
errors++;
}
if(!(((data388 === "SKIP_RESTORE_FROM_SNAPSHOT") || (data388 === "RESTORE_FROM_LATEST_SNAPSHOT")) || (data388 === "RESTORE_FROM_CUSTOM_SNAPSHOT"))){
const err700 = {instancePath:instancePath+"/steps/" + i3+"/runConfiguration/applicationRestoreType",schemaPath:"#/definitions/step.flink.start/properties/runConfiguration/properties/applicationRestoreType/enum",keyword:"enum",params:{allowedValues: schema25.properties.runConfiguration.properties.applicationRestoreType.enum},message:"must be equal to one of the allowed values",schema:schema25.properties.runConfiguration.properties.applicationRestoreType.enum,parentSchema:schema25.properties.runConfiguration.properties.applicationRestoreType,data:data388};
if(vErrors === null){
vErrors = [err700];
}
else {
vErrors.push(err700);
}
errors++;
}
}
if(data387.snapshotName !== undefined){
let data389 = data387.snapshotName;
if(typeof data389 === "string"){
if(func3(data389) > 256){
const err701 = {instancePath:instancePath+"/steps/" + i3+"/runConfiguration/snapshotName",schemaPath:"#/definitions/step.flink.start/properties/runConfiguration/properties/snapshotName/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema25.properties.runConfiguration.properties.snapshotName,data:data389};
if(vErrors === null){
vErrors = [err701];
}
else {
vErrors.push(err701);
}
errors++;
}
if(func3(data389) < 1){
const err702 = {instancePath:instancePath+"/steps/" + i3+"/runConfiguration/snapshotName",schemaPath:"#/definitions/step.flink.start/properties/runConfiguration/properties/snapshotName/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema25.properties.runConfiguration.properties.snapshotName,data:data389};
if(vErrors === null){
vErrors = [err702];
}
else {
vErrors.push(err702);
}
errors++;
}
}
else {
const err703 = {instancePath:instancePath+"/steps/" + i3+"/runConfiguration/snapshotName",schemaPath:"#/definitions/step.flink.start/properties/runConfiguration/properties/snapshotName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.runConfiguration.properties.snapshotName.type,parentSchema:schema25.properties.runConfiguration.properties.snapshotName,data:data389};
if(vErrors === null){
vErrors = [err703];
}
else {
vErrors.push(err703);
}
errors++;
}
}
if(data387.allowNonRestoredState !== undefined){
let data390 = data387.allowNonRestoredState;
if(typeof data390 !== "boolean"){
const err704 = {instancePath:instancePath+"/steps/" + i3+"/runConfiguration/allowNonRestoredState",schemaPath:"#/definitions/step.flink.start/properties/runConfiguration/properties/allowNonRestoredState/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema25.properties.runConfiguration.properties.allowNonRestoredState.type,parentSchema:schema25.properties.runConfiguration.properties.allowNonRestoredState,data:data390};
if(vErrors === null){
vErrors = [err704];
}
else {
vErrors.push(err704);
}
errors++;
}
}
}
else {
const err705 = {instancePath:instancePath+"/steps/" + i3+"/runConfiguration",schemaPath:"#/definitions/step.flink.start/properties/runConfiguration/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema25.properties.runConfiguration.type,parentSchema:schema25.properties.runConfiguration,data:data387};
if(vErrors === null){
vErrors = [err705];
}
else {
vErrors.push(err705);
}
errors++;
}
}
if(data41.waitForCompletion !== undefined){
let data391 = data41.waitForCompletion;
if(typeof data391 !== "boolean"){
const err706 = {instancePath:instancePath+"/steps/" + i3+"/waitForCompletion",schemaPath:"#/definitions/step.flink.start/properties/waitForCompletion/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema25.properties.waitForCompletion.type,parentSchema:schema25.properties.waitForCompletion,data:data391};
if(vErrors === null){
vErrors = [err706];
}
else {
vErrors.push(err706);
}
errors++;
}
}
if(data41.maxWait !== undefined){
let data392 = data41.maxWait;
if(typeof data392 !== "string"){
const err707 = {instancePath:instancePath+"/steps/" + i3+"/maxWait",schemaPath:"#/definitions/step.flink.start/properties/maxWait/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.maxWait.type,parentSchema:schema25.properties.maxWait,data:data392};
if(vErrors === null){
vErrors = [err707];
}
else {
vErrors.push(err707);
}
errors++;
}
}
if(data41.stopAtEnd !== undefined){
let data393 = data41.stopAtEnd;
if(typeof data393 !== "boolean"){
const err708 = {instancePath:instancePath+"/steps/" + i3+"/stopAtEnd",schemaPath:"#/definitions/step.flink.start/properties/stopAtEnd/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema25.properties.stopAtEnd.type,parentSchema:schema25.properties.stopAtEnd,data:data393};
if(vErrors === null){
vErrors = [err708];
}
else {
vErrors.push(err708);
}
errors++;
}
}
if(data41.dependsOn !== undefined){
let data394 = data41.dependsOn;
if(Array.isArray(data394)){
const len48 = data394.length;
for(let i56=0; i56<len48; i56++){
let data395 = data394[i56];
if(typeof data395 !== "string"){
const err709 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn/" + i56,schemaPath:"#/definitions/step.flink.start/properties/dependsOn/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.dependsOn.items.type,parentSchema:schema25.properties.dependsOn.items,data:data395};
if(vErrors === null){
vErrors = [err709];
}
else {
vErrors.push(err709);
}
errors++;
}
}
}
else {
const err710 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn",schemaPath:"#/definitions/step.flink.start/properties/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema25.properties.dependsOn.type,parentSchema:schema25.properties.dependsOn,data:data394};
if(vErrors === null){
vErrors = [err710];
}
else {
vErrors.push(err710);
}
errors++;
}
}
if(data41.group !== undefined){
let data396 = data41.group;
if(typeof data396 !== "string"){
const err711 = {instancePath:instancePath+"/steps/" + i3+"/group",schemaPath:"#/definitions/step.flink.start/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.group.type,parentSchema:schema25.properties.group,data:data396};
if(vErrors === null){
vErrors = [err711];
}
else {
vErrors.push(err711);
}
errors++;
}
}
if(data41.triggerRule !== undefined){
let data397 = data41.triggerRule;
if(typeof data397 !== "string"){
const err712 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.flink.start/properties/triggerRule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.triggerRule.type,parentSchema:schema25.properties.triggerRule,data:data397};
if(vErrors === null){
vErrors = [err712];
}
else {
vErrors.push(err712);
}
errors++;
}
if(!((((((((((((data397 === "all_success") || (data397 === "all_failed")) || (data397 === "all_done")) || (data397 === "all_done_setup_success")) || (data397 === "all_skipped")) || (data397 === "one_success")) || (data397 === "one_failed")) || (data397 === "one_done")) || (data397 === "none_failed")) || (data397 === "none_failed_min_one_success")) || (data397 === "none_skipped")) || (data397 === "always"))){
const err713 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.flink.start/properties/triggerRule/enum",keyword:"enum",params:{allowedValues: schema25.properties.triggerRule.enum},message:"must be equal to one of the allowed values",schema:schema25.properties.triggerRule.enum,parentSchema:schema25.properties.triggerRule,data:data397};
if(vErrors === null){
vErrors = [err713];
}
else {
vErrors.push(err713);
}
errors++;
}
}
if(data41.produces !== undefined){
let data398 = data41.produces;
if(Array.isArray(data398)){
const len49 = data398.length;
for(let i57=0; i57<len49; i57++){
let data399 = data398[i57];
if(typeof data399 !== "string"){
const err714 = {instancePath:instancePath+"/steps/" + i3+"/produces/" + i57,schemaPath:"#/definitions/step.flink.start/properties/produces/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.produces.items.type,parentSchema:schema25.properties.produces.items,data:data399};
if(vErrors === null){
vErrors = [err714];
}
else {
vErrors.push(err714);
}
errors++;
}
}
}
else {
const err715 = {instancePath:instancePath+"/steps/" + i3+"/produces",schemaPath:"#/definitions/step.flink.start/properties/produces/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema25.properties.produces.type,parentSchema:schema25.properties.produces,data:data398};
if(vErrors === null){
vErrors = [err715];
}
else {
vErrors.push(err715);
}
errors++;
}
}
if(data41.retries !== undefined){
let data400 = data41.retries;
if(!(((typeof data400 == "number") && (!(data400 % 1) && !isNaN(data400))) && (isFinite(data400)))){
const err716 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.flink.start/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema25.properties.retries.type,parentSchema:schema25.properties.retries,data:data400};
if(vErrors === null){
vErrors = [err716];
}
else {
vErrors.push(err716);
}
errors++;
}
if((typeof data400 == "number") && (isFinite(data400))){
if(data400 > 100 || isNaN(data400)){
const err717 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.flink.start/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema25.properties.retries,data:data400};
if(vErrors === null){
vErrors = [err717];
}
else {
vErrors.push(err717);
}
errors++;
}
if(data400 < 0 || isNaN(data400)){
const err718 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.flink.start/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema25.properties.retries,data:data400};
if(vErrors === null){
vErrors = [err718];
}
else {
vErrors.push(err718);
}
errors++;
}
}
}
if(data41.retryDelay !== undefined){
let data401 = data41.retryDelay;
if(typeof data401 !== "string"){
const err719 = {instancePath:instancePath+"/steps/" + i3+"/retryDelay",schemaPath:"#/definitions/step.flink.start/properties/retryDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.retryDelay.type,parentSchema:schema25.properties.retryDelay,data:data401};
if(vErrors === null){
vErrors = [err719];
}
else {
vErrors.push(err719);
}
errors++;
}
}
if(data41.retryExponentialBackoff !== undefined){
let data402 = data41.retryExponentialBackoff;
if(typeof data402 !== "boolean"){
const err720 = {instancePath:instancePath+"/steps/" + i3+"/retryExponentialBackoff",schemaPath:"#/definitions/step.flink.start/properties/retryExponentialBackoff/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema25.properties.retryExponentialBackoff.type,parentSchema:schema25.properties.retryExponentialBackoff,data:data402};
if(vErrors === null){
vErrors = [err720];
}
else {
vErrors.push(err720);
}
errors++;
}
}
if(data41.executionTimeout !== undefined){
let data403 = data41.executionTimeout;
if(typeof data403 !== "string"){
const err721 = {instancePath:instancePath+"/steps/" + i3+"/executionTimeout",schemaPath:"#/definitions/step.flink.start/properties/executionTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.executionTimeout.type,parentSchema:schema25.properties.executionTimeout,data:data403};
if(vErrors === null){
vErrors = [err721];
}
else {
vErrors.push(err721);
}
errors++;
}
}
if(data41.awsConnId !== undefined){
let data404 = data41.awsConnId;
if(typeof data404 === "string"){
if(func3(data404) < 1){
const err722 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.flink.start/properties/awsConnId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema25.properties.awsConnId,data:data404};
if(vErrors === null){
vErrors = [err722];
}
else {
vErrors.push(err722);
}
errors++;
}
}
else {
const err723 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.flink.start/properties/awsConnId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.awsConnId.type,parentSchema:schema25.properties.awsConnId,data:data404};
if(vErrors === null){
vErrors = [err723];
}
else {
vErrors.push(err723);
}
errors++;
}
}
if(data41.region !== undefined){
let data405 = data41.region;
if(typeof data405 === "string"){
if(func3(data405) < 1){
const err724 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.flink.start/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema25.properties.region,data:data405};
if(vErrors === null){
vErrors = [err724];
}
else {
vErrors.push(err724);
}
errors++;
}
}
else {
const err725 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.flink.start/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.region.type,parentSchema:schema25.properties.region,data:data405};
if(vErrors === null){
vErrors = [err725];
}
else {
vErrors.push(err725);
}
errors++;
}
}
if(data41.deferrable !== undefined){
let data406 = data41.deferrable;
if(typeof data406 !== "boolean"){
const err726 = {instancePath:instancePath+"/steps/" + i3+"/deferrable",schemaPath:"#/definitions/step.flink.start/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema25.properties.deferrable.type,parentSchema:schema25.properties.deferrable,data:data406};
if(vErrors === null){
vErrors = [err726];
}
else {
vErrors.push(err726);
}
errors++;
}
}
if(data41.pool !== undefined){
let data407 = data41.pool;
if(typeof data407 === "string"){
if(func3(data407) < 1){
const err727 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.flink.start/properties/pool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema25.properties.pool,data:data407};
if(vErrors === null){
vErrors = [err727];
}
else {
vErrors.push(err727);
}
errors++;
}
}
else {
const err728 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.flink.start/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.pool.type,parentSchema:schema25.properties.pool,data:data407};
if(vErrors === null){
vErrors = [err728];
}
else {
vErrors.push(err728);
}
errors++;
}
}
}
else {
const err729 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.flink.start/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema25.type,parentSchema:schema25,data:data41};
if(vErrors === null){
vErrors = [err729];
}
else {
vErrors.push(err729);
}
errors++;
}
}
else if(tag0 === "lambda.invoke"){
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.id === undefined){
const err730 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.lambda.invoke/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema26.required,parentSchema:schema26,data:data41};
if(vErrors === null){
vErrors = [err730];
}
else {
vErrors.push(err730);
}
errors++;
}
if(data41.kind === undefined){
const err731 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.lambda.invoke/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema26.required,parentSchema:schema26,data:data41};
if(vErrors === null){
vErrors = [err731];
}
else {
vErrors.push(err731);
}
errors++;
}
if(data41.function === undefined){
const err732 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.lambda.invoke/required",keyword:"required",params:{missingProperty: "function"},message:"must have required property '"+"function"+"'",schema:schema26.required,parentSchema:schema26,data:data41};
if(vErrors === null){
vErrors = [err732];
}
else {
vErrors.push(err732);
}
errors++;
}
for(const key32 in data41){
if(!(func2.call(schema26.properties, key32))){
const err733 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.lambda.invoke/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key32},message:"must NOT have additional properties",schema:false,parentSchema:schema26,data:data41};
if(vErrors === null){
vErrors = [err733];
}
else {
vErrors.push(err733);
}
errors++;
}
}
if(data41.id !== undefined){
let data408 = data41.id;
if(typeof data408 !== "string"){
const err734 = {instancePath:instancePath+"/steps/" + i3+"/id",schemaPath:"#/definitions/step.lambda.invoke/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.id.type,parentSchema:schema26.properties.id,data:data408};
if(vErrors === null){
vErrors = [err734];
}
else {
vErrors.push(err734);
}
errors++;
}
}
if(data41.kind !== undefined){
let data409 = data41.kind;
if("lambda.invoke" !== data409){
const err735 = {instancePath:instancePath+"/steps/" + i3+"/kind",schemaPath:"#/definitions/step.lambda.invoke/properties/kind/const",keyword:"const",params:{allowedValue: "lambda.invoke"},message:"must be equal to constant",schema:"lambda.invoke",parentSchema:schema26.properties.kind,data:data409};
if(vErrors === null){
vErrors = [err735];
}
else {
vErrors.push(err735);
}
errors++;
}
}
if(data41.function !== undefined){
let data410 = data41.function;
if(typeof data410 === "string"){
if(func3(data410) < 1){
const err736 = {instancePath:instancePath+"/steps/" + i3+"/function",schemaPath:"#/definitions/step.lambda.invoke/properties/function/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema26.properties.function,data:data410};
if(vErrors === null){
vErrors = [err736];
}
else {
vErrors.push(err736);
}
errors++;
}
}
else {
const err737 = {instancePath:instancePath+"/steps/" + i3+"/function",schemaPath:"#/definitions/step.lambda.invoke/properties/function/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.function.type,parentSchema:schema26.properties.function,data:data410};
if(vErrors === null){
vErrors = [err737];
}
else {
vErrors.push(err737);
}
errors++;
}
}
if(data41.payload !== undefined){
let data411 = data41.payload;
if(!(data411 && typeof data411 == "object" && !Array.isArray(data411))){
const err738 = {instancePath:instancePath+"/steps/" + i3+"/payload",schemaPath:"#/definitions/step.lambda.invoke/properties/payload/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema26.properties.payload.type,parentSchema:schema26.properties.payload,data:data411};
if(vErrors === null){
vErrors = [err738];
}
else {
vErrors.push(err738);
}
errors++;
}
}
if(data41.invocationType !== undefined){
let data412 = data41.invocationType;
if(typeof data412 !== "string"){
const err739 = {instancePath:instancePath+"/steps/" + i3+"/invocationType",schemaPath:"#/definitions/step.lambda.invoke/properties/invocationType/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.invocationType.type,parentSchema:schema26.properties.invocationType,data:data412};
if(vErrors === null){
vErrors = [err739];
}
else {
vErrors.push(err739);
}
errors++;
}
if(!(((data412 === "RequestResponse") || (data412 === "Event")) || (data412 === "DryRun"))){
const err740 = {instancePath:instancePath+"/steps/" + i3+"/invocationType",schemaPath:"#/definitions/step.lambda.invoke/properties/invocationType/enum",keyword:"enum",params:{allowedValues: schema26.properties.invocationType.enum},message:"must be equal to one of the allowed values",schema:schema26.properties.invocationType.enum,parentSchema:schema26.properties.invocationType,data:data412};
if(vErrors === null){
vErrors = [err740];
}
else {
vErrors.push(err740);
}
errors++;
}
}
if(data41.qualifier !== undefined){
let data413 = data41.qualifier;
if(typeof data413 === "string"){
if(func3(data413) < 1){
const err741 = {instancePath:instancePath+"/steps/" + i3+"/qualifier",schemaPath:"#/definitions/step.lambda.invoke/properties/qualifier/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema26.properties.qualifier,data:data413};
if(vErrors === null){
vErrors = [err741];
}
else {
vErrors.push(err741);
}
errors++;
}
}
else {
const err742 = {instancePath:instancePath+"/steps/" + i3+"/qualifier",schemaPath:"#/definitions/step.lambda.invoke/properties/qualifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.qualifier.type,parentSchema:schema26.properties.qualifier,data:data413};
if(vErrors === null){
vErrors = [err742];
}
else {
vErrors.push(err742);
}
errors++;
}
}
if(data41.tailLogs !== undefined){
let data414 = data41.tailLogs;
if(typeof data414 !== "boolean"){
const err743 = {instancePath:instancePath+"/steps/" + i3+"/tailLogs",schemaPath:"#/definitions/step.lambda.invoke/properties/tailLogs/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema26.properties.tailLogs.type,parentSchema:schema26.properties.tailLogs,data:data414};
if(vErrors === null){
vErrors = [err743];
}
else {
vErrors.push(err743);
}
errors++;
}
}
if(data41.dependsOn !== undefined){
let data415 = data41.dependsOn;
if(Array.isArray(data415)){
const len50 = data415.length;
for(let i58=0; i58<len50; i58++){
let data416 = data415[i58];
if(typeof data416 !== "string"){
const err744 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn/" + i58,schemaPath:"#/definitions/step.lambda.invoke/properties/dependsOn/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.dependsOn.items.type,parentSchema:schema26.properties.dependsOn.items,data:data416};
if(vErrors === null){
vErrors = [err744];
}
else {
vErrors.push(err744);
}
errors++;
}
}
}
else {
const err745 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn",schemaPath:"#/definitions/step.lambda.invoke/properties/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema26.properties.dependsOn.type,parentSchema:schema26.properties.dependsOn,data:data415};
if(vErrors === null){
vErrors = [err745];
}
else {
vErrors.push(err745);
}
errors++;
}
}
if(data41.group !== undefined){
let data417 = data41.group;
if(typeof data417 !== "string"){
const err746 = {instancePath:instancePath+"/steps/" + i3+"/group",schemaPath:"#/definitions/step.lambda.invoke/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.group.type,parentSchema:schema26.properties.group,data:data417};
if(vErrors === null){
vErrors = [err746];
}
else {
vErrors.push(err746);
}
errors++;
}
}
if(data41.triggerRule !== undefined){
let data418 = data41.triggerRule;
if(typeof data418 !== "string"){
const err747 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.lambda.invoke/properties/triggerRule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.triggerRule.type,parentSchema:schema26.properties.triggerRule,data:data418};
if(vErrors === null){
vErrors = [err747];
}
else {
vErrors.push(err747);
}
errors++;
}
if(!((((((((((((data418 === "all_success") || (data418 === "all_failed")) || (data418 === "all_done")) || (data418 === "all_done_setup_success")) || (data418 === "all_skipped")) || (data418 === "one_success")) || (data418 === "one_failed")) || (data418 === "one_done")) || (data418 === "none_failed")) || (data418 === "none_failed_min_one_success")) || (data418 === "none_skipped")) || (data418 === "always"))){
const err748 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.lambda.invoke/properties/triggerRule/enum",keyword:"enum",params:{allowedValues: schema26.properties.triggerRule.enum},message:"must be equal to one of the allowed values",schema:schema26.properties.triggerRule.enum,parentSchema:schema26.properties.triggerRule,data:data418};
if(vErrors === null){
vErrors = [err748];
}
else {
vErrors.push(err748);
}
errors++;
}
}
if(data41.produces !== undefined){
let data419 = data41.produces;
if(Array.isArray(data419)){
const len51 = data419.length;
for(let i59=0; i59<len51; i59++){
let data420 = data419[i59];
if(typeof data420 !== "string"){
const err749 = {instancePath:instancePath+"/steps/" + i3+"/produces/" + i59,schemaPath:"#/definitions/step.lambda.invoke/properties/produces/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.produces.items.type,parentSchema:schema26.properties.produces.items,data:data420};
if(vErrors === null){
vErrors = [err749];
}
else {
vErrors.push(err749);
}
errors++;
}
}
}
else {
const err750 = {instancePath:instancePath+"/steps/" + i3+"/produces",schemaPath:"#/definitions/step.lambda.invoke/properties/produces/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema26.properties.produces.type,parentSchema:schema26.properties.produces,data:data419};
if(vErrors === null){
vErrors = [err750];
}
else {
vErrors.push(err750);
}
errors++;
}
}
if(data41.retries !== undefined){
let data421 = data41.retries;
if(!(((typeof data421 == "number") && (!(data421 % 1) && !isNaN(data421))) && (isFinite(data421)))){
const err751 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.lambda.invoke/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema26.properties.retries.type,parentSchema:schema26.properties.retries,data:data421};
if(vErrors === null){
vErrors = [err751];
}
else {
vErrors.push(err751);
}
errors++;
}
if((typeof data421 == "number") && (isFinite(data421))){
if(data421 > 100 || isNaN(data421)){
const err752 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.lambda.invoke/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema26.properties.retries,data:data421};
if(vErrors === null){
vErrors = [err752];
}
else {
vErrors.push(err752);
}
errors++;
}
if(data421 < 0 || isNaN(data421)){
const err753 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.lambda.invoke/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.retries,data:data421};
if(vErrors === null){
vErrors = [err753];
}
else {
vErrors.push(err753);
}
errors++;
}
}
}
if(data41.retryDelay !== undefined){
let data422 = data41.retryDelay;
if(typeof data422 !== "string"){
const err754 = {instancePath:instancePath+"/steps/" + i3+"/retryDelay",schemaPath:"#/definitions/step.lambda.invoke/properties/retryDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.retryDelay.type,parentSchema:schema26.properties.retryDelay,data:data422};
if(vErrors === null){
vErrors = [err754];
}
else {
vErrors.push(err754);
}
errors++;
}
}
if(data41.retryExponentialBackoff !== undefined){
let data423 = data41.retryExponentialBackoff;
if(typeof data423 !== "boolean"){
const err755 = {instancePath:instancePath+"/steps/" + i3+"/retryExponentialBackoff",schemaPath:"#/definitions/step.lambda.invoke/properties/retryExponentialBackoff/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema26.properties.retryExponentialBackoff.type,parentSchema:schema26.properties.retryExponentialBackoff,data:data423};
if(vErrors === null){
vErrors = [err755];
}
else {
vErrors.push(err755);
}
errors++;
}
}
if(data41.executionTimeout !== undefined){
let data424 = data41.executionTimeout;
if(typeof data424 !== "string"){
const err756 = {instancePath:instancePath+"/steps/" + i3+"/executionTimeout",schemaPath:"#/definitions/step.lambda.invoke/properties/executionTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.executionTimeout.type,parentSchema:schema26.properties.executionTimeout,data:data424};
if(vErrors === null){
vErrors = [err756];
}
else {
vErrors.push(err756);
}
errors++;
}
}
if(data41.awsConnId !== undefined){
let data425 = data41.awsConnId;
if(typeof data425 === "string"){
if(func3(data425) < 1){
const err757 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.lambda.invoke/properties/awsConnId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema26.properties.awsConnId,data:data425};
if(vErrors === null){
vErrors = [err757];
}
else {
vErrors.push(err757);
}
errors++;
}
}
else {
const err758 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.lambda.invoke/properties/awsConnId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.awsConnId.type,parentSchema:schema26.properties.awsConnId,data:data425};
if(vErrors === null){
vErrors = [err758];
}
else {
vErrors.push(err758);
}
errors++;
}
}
if(data41.region !== undefined){
let data426 = data41.region;
if(typeof data426 === "string"){
if(func3(data426) < 1){
const err759 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.lambda.invoke/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema26.properties.region,data:data426};
if(vErrors === null){
vErrors = [err759];
}
else {
vErrors.push(err759);
}
errors++;
}
}
else {
const err760 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.lambda.invoke/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.region.type,parentSchema:schema26.properties.region,data:data426};
if(vErrors === null){
vErrors = [err760];
}
else {
vErrors.push(err760);
}
errors++;
}
}
if(data41.deferrable !== undefined){
let data427 = data41.deferrable;
if(typeof data427 !== "boolean"){
const err761 = {instancePath:instancePath+"/steps/" + i3+"/deferrable",schemaPath:"#/definitions/step.lambda.invoke/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema26.properties.deferrable.type,parentSchema:schema26.properties.deferrable,data:data427};
if(vErrors === null){
vErrors = [err761];
}
else {
vErrors.push(err761);
}
errors++;
}
}
if(data41.pool !== undefined){
let data428 = data41.pool;
if(typeof data428 === "string"){
if(func3(data428) < 1){
const err762 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.lambda.invoke/properties/pool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema26.properties.pool,data:data428};
if(vErrors === null){
vErrors = [err762];
}
else {
vErrors.push(err762);
}
errors++;
}
}
else {
const err763 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.lambda.invoke/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.pool.type,parentSchema:schema26.properties.pool,data:data428};
if(vErrors === null){
vErrors = [err763];
}
else {
vErrors.push(err763);
}
errors++;
}
}
}
else {
const err764 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.lambda.invoke/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema26.type,parentSchema:schema26,data:data41};
if(vErrors === null){
vErrors = [err764];
}
else {
vErrors.push(err764);
}
errors++;
}
}
else if(tag0 === "stepfunctions.start"){
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.id === undefined){
const err765 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.stepfunctions.start/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema27.required,parentSchema:schema27,data:data41};
if(vErrors === null){
vErrors = [err765];
}
else {
vErrors.push(err765);
}
errors++;
}
if(data41.kind === undefined){
const err766 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.stepfunctions.start/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema27.required,parentSchema:schema27,data:data41};
if(vErrors === null){
vErrors = [err766];
}
else {
vErrors.push(err766);
}
errors++;
}
if(data41.stateMachine === undefined){
const err767 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.stepfunctions.start/required",keyword:"required",params:{missingProperty: "stateMachine"},message:"must have required property '"+"stateMachine"+"'",schema:schema27.required,parentSchema:schema27,data:data41};
if(vErrors === null){
vErrors = [err767];
}
else {
vErrors.push(err767);
}
errors++;
}
for(const key33 in data41){
if(!(func2.call(schema27.properties, key33))){
const err768 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.stepfunctions.start/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key33},message:"must NOT have additional properties",schema:false,parentSchema:schema27,data:data41};
if(vErrors === null){
vErrors = [err768];
}
else {
vErrors.push(err768);
}
errors++;
}
}
if(data41.id !== undefined){
let data429 = data41.id;
if(typeof data429 !== "string"){
const err769 = {instancePath:instancePath+"/steps/" + i3+"/id",schemaPath:"#/definitions/step.stepfunctions.start/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.id.type,parentSchema:schema27.properties.id,data:data429};
if(vErrors === null){
vErrors = [err769];
}
else {
vErrors.push(err769);
}
errors++;
}
}
if(data41.kind !== undefined){
let data430 = data41.kind;
if("stepfunctions.start" !== data430){
const err770 = {instancePath:instancePath+"/steps/" + i3+"/kind",schemaPath:"#/definitions/step.stepfunctions.start/properties/kind/const",keyword:"const",params:{allowedValue: "stepfunctions.start"},message:"must be equal to constant",schema:"stepfunctions.start",parentSchema:schema27.properties.kind,data:data430};
if(vErrors === null){
vErrors = [err770];
}
else {
vErrors.push(err770);
}
errors++;
}
}
if(data41.stateMachine !== undefined){
let data431 = data41.stateMachine;
if(typeof data431 === "string"){
if(func3(data431) < 1){
const err771 = {instancePath:instancePath+"/steps/" + i3+"/stateMachine",schemaPath:"#/definitions/step.stepfunctions.start/properties/stateMachine/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema27.properties.stateMachine,data:data431};
if(vErrors === null){
vErrors = [err771];
}
else {
vErrors.push(err771);
}
errors++;
}
}
else {
const err772 = {instancePath:instancePath+"/steps/" + i3+"/stateMachine",schemaPath:"#/definitions/step.stepfunctions.start/properties/stateMachine/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.stateMachine.type,parentSchema:schema27.properties.stateMachine,data:data431};
if(vErrors === null){
vErrors = [err772];
}
else {
vErrors.push(err772);
}
errors++;
}
}
if(data41.input !== undefined){
let data432 = data41.input;
if(!(data432 && typeof data432 == "object" && !Array.isArray(data432))){
const err773 = {instancePath:instancePath+"/steps/" + i3+"/input",schemaPath:"#/definitions/step.stepfunctions.start/properties/input/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema27.properties.input.type,parentSchema:schema27.properties.input,data:data432};
if(vErrors === null){
vErrors = [err773];
}
else {
vErrors.push(err773);
}
errors++;
}
}
if(data41.name !== undefined){
let data433 = data41.name;
if(typeof data433 === "string"){
if(func3(data433) < 1){
const err774 = {instancePath:instancePath+"/steps/" + i3+"/name",schemaPath:"#/definitions/step.stepfunctions.start/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema27.properties.name,data:data433};
if(vErrors === null){
vErrors = [err774];
}
else {
vErrors.push(err774);
}
errors++;
}
}
else {
const err775 = {instancePath:instancePath+"/steps/" + i3+"/name",schemaPath:"#/definitions/step.stepfunctions.start/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.name.type,parentSchema:schema27.properties.name,data:data433};
if(vErrors === null){
vErrors = [err775];
}
else {
vErrors.push(err775);
}
errors++;
}
}
if(data41.waitForCompletion !== undefined){
let data434 = data41.waitForCompletion;
if(typeof data434 !== "boolean"){
const err776 = {instancePath:instancePath+"/steps/" + i3+"/waitForCompletion",schemaPath:"#/definitions/step.stepfunctions.start/properties/waitForCompletion/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema27.properties.waitForCompletion.type,parentSchema:schema27.properties.waitForCompletion,data:data434};
if(vErrors === null){
vErrors = [err776];
}
else {
vErrors.push(err776);
}
errors++;
}
}
if(data41.pollInterval !== undefined){
let data435 = data41.pollInterval;
if(typeof data435 !== "string"){
const err777 = {instancePath:instancePath+"/steps/" + i3+"/pollInterval",schemaPath:"#/definitions/step.stepfunctions.start/properties/pollInterval/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.pollInterval.type,parentSchema:schema27.properties.pollInterval,data:data435};
if(vErrors === null){
vErrors = [err777];
}
else {
vErrors.push(err777);
}
errors++;
}
}
if(data41.timeout !== undefined){
let data436 = data41.timeout;
if(typeof data436 !== "string"){
const err778 = {instancePath:instancePath+"/steps/" + i3+"/timeout",schemaPath:"#/definitions/step.stepfunctions.start/properties/timeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.timeout.type,parentSchema:schema27.properties.timeout,data:data436};
if(vErrors === null){
vErrors = [err778];
}
else {
vErrors.push(err778);
}
errors++;
}
}
if(data41.dependsOn !== undefined){
let data437 = data41.dependsOn;
if(Array.isArray(data437)){
const len52 = data437.length;
for(let i60=0; i60<len52; i60++){
let data438 = data437[i60];
if(typeof data438 !== "string"){
const err779 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn/" + i60,schemaPath:"#/definitions/step.stepfunctions.start/properties/dependsOn/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.dependsOn.items.type,parentSchema:schema27.properties.dependsOn.items,data:data438};
if(vErrors === null){
vErrors = [err779];
}
else {
vErrors.push(err779);
}
errors++;
}
}
}
else {
const err780 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn",schemaPath:"#/definitions/step.stepfunctions.start/properties/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema27.properties.dependsOn.type,parentSchema:schema27.properties.dependsOn,data:data437};
if(vErrors === null){
vErrors = [err780];
}
else {
vErrors.push(err780);
}
errors++;
}
}
if(data41.group !== undefined){
let data439 = data41.group;
if(typeof data439 !== "string"){
const err781 = {instancePath:instancePath+"/steps/" + i3+"/group",schemaPath:"#/definitions/step.stepfunctions.start/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.group.type,parentSchema:schema27.properties.group,data:data439};
if(vErrors === null){
vErrors = [err781];
}
else {
vErrors.push(err781);
}
errors++;
}
}
if(data41.triggerRule !== undefined){
let data440 = data41.triggerRule;
if(typeof data440 !== "string"){
const err782 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.stepfunctions.start/properties/triggerRule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.triggerRule.type,parentSchema:schema27.properties.triggerRule,data:data440};
if(vErrors === null){
vErrors = [err782];
}
else {
vErrors.push(err782);
}
errors++;
}
if(!((((((((((((data440 === "all_success") || (data440 === "all_failed")) || (data440 === "all_done")) || (data440 === "all_done_setup_success")) || (data440 === "all_skipped")) || (data440 === "one_success")) || (data440 === "one_failed")) || (data440 === "one_done")) || (data440 === "none_failed")) || (data440 === "none_failed_min_one_success")) || (data440 === "none_skipped")) || (data440 === "always"))){
const err783 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.stepfunctions.start/properties/triggerRule/enum",keyword:"enum",params:{allowedValues: schema27.properties.triggerRule.enum},message:"must be equal to one of the allowed values",schema:schema27.properties.triggerRule.enum,parentSchema:schema27.properties.triggerRule,data:data440};
if(vErrors === null){
vErrors = [err783];
}
else {
vErrors.push(err783);
}
errors++;
}
}
if(data41.produces !== undefined){
let data441 = data41.produces;
if(Array.isArray(data441)){
const len53 = data441.length;
for(let i61=0; i61<len53; i61++){
let data442 = data441[i61];
if(typeof data442 !== "string"){
const err784 = {instancePath:instancePath+"/steps/" + i3+"/produces/" + i61,schemaPath:"#/definitions/step.stepfunctions.start/properties/produces/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.produces.items.type,parentSchema:schema27.properties.produces.items,data:data442};
if(vErrors === null){
vErrors = [err784];
}
else {
vErrors.push(err784);
}
errors++;
}
}
}
else {
const err785 = {instancePath:instancePath+"/steps/" + i3+"/produces",schemaPath:"#/definitions/step.stepfunctions.start/properties/produces/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema27.properties.produces.type,parentSchema:schema27.properties.produces,data:data441};
if(vErrors === null){
vErrors = [err785];
}
else {
vErrors.push(err785);
}
errors++;
}
}
if(data41.retries !== undefined){
let data443 = data41.retries;
if(!(((typeof data443 == "number") && (!(data443 % 1) && !isNaN(data443))) && (isFinite(data443)))){
const err786 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.stepfunctions.start/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema27.properties.retries.type,parentSchema:schema27.properties.retries,data:data443};
if(vErrors === null){
vErrors = [err786];
}
else {
vErrors.push(err786);
}
errors++;
}
if((typeof data443 == "number") && (isFinite(data443))){
if(data443 > 100 || isNaN(data443)){
const err787 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.stepfunctions.start/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema27.properties.retries,data:data443};
if(vErrors === null){
vErrors = [err787];
}
else {
vErrors.push(err787);
}
errors++;
}
if(data443 < 0 || isNaN(data443)){
const err788 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.stepfunctions.start/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema27.properties.retries,data:data443};
if(vErrors === null){
vErrors = [err788];
}
else {
vErrors.push(err788);
}
errors++;
}
}
}
if(data41.retryDelay !== undefined){
let data444 = data41.retryDelay;
if(typeof data444 !== "string"){
const err789 = {instancePath:instancePath+"/steps/" + i3+"/retryDelay",schemaPath:"#/definitions/step.stepfunctions.start/properties/retryDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.retryDelay.type,parentSchema:schema27.properties.retryDelay,data:data444};
if(vErrors === null){
vErrors = [err789];
}
else {
vErrors.push(err789);
}
errors++;
}
}
if(data41.retryExponentialBackoff !== undefined){
let data445 = data41.retryExponentialBackoff;
if(typeof data445 !== "boolean"){
const err790 = {instancePath:instancePath+"/steps/" + i3+"/retryExponentialBackoff",schemaPath:"#/definitions/step.stepfunctions.start/properties/retryExponentialBackoff/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema27.properties.retryExponentialBackoff.type,parentSchema:schema27.properties.retryExponentialBackoff,data:data445};
if(vErrors === null){
vErrors = [err790];
}
else {
vErrors.push(err790);
}
errors++;
}
}
if(data41.executionTimeout !== undefined){
let data446 = data41.executionTimeout;
if(typeof data446 !== "string"){
const err791 = {instancePath:instancePath+"/steps/" + i3+"/executionTimeout",schemaPath:"#/definitions/step.stepfunctions.start/properties/executionTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.executionTimeout.type,parentSchema:schema27.properties.executionTimeout,data:data446};
if(vErrors === null){
vErrors = [err791];
}
else {
vErrors.push(err791);
}
errors++;
}
}
if(data41.awsConnId !== undefined){
let data447 = data41.awsConnId;
if(typeof data447 === "string"){
if(func3(data447) < 1){
const err792 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.stepfunctions.start/properties/awsConnId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema27.properties.awsConnId,data:data447};
if(vErrors === null){
vErrors = [err792];
}
else {
vErrors.push(err792);
}
errors++;
}
}
else {
const err793 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.stepfunctions.start/properties/awsConnId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.awsConnId.type,parentSchema:schema27.properties.awsConnId,data:data447};
if(vErrors === null){
vErrors = [err793];
}
else {
vErrors.push(err793);
}
errors++;
}
}
if(data41.region !== undefined){
let data448 = data41.region;
if(typeof data448 === "string"){
if(func3(data448) < 1){
const err794 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.stepfunctions.start/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema27.properties.region,data:data448};
if(vErrors === null){
vErrors = [err794];
}
else {
vErrors.push(err794);
}
errors++;
}
}
else {
const err795 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.stepfunctions.start/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.region.type,parentSchema:schema27.properties.region,data:data448};
if(vErrors === null){
vErrors = [err795];
}
else {
vErrors.push(err795);
}
errors++;
}
}
if(data41.deferrable !== undefined){
let data449 = data41.deferrable;
if(typeof data449 !== "boolean"){
const err796 = {instancePath:instancePath+"/steps/" + i3+"/deferrable",schemaPath:"#/definitions/step.stepfunctions.start/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema27.properties.deferrable.type,parentSchema:schema27.properties.deferrable,data:data449};
if(vErrors === null){
vErrors = [err796];
}
else {
vErrors.push(err796);
}
errors++;
}
}
if(data41.pool !== undefined){
let data450 = data41.pool;
if(typeof data450 === "string"){
if(func3(data450) < 1){
const err797 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.stepfunctions.start/properties/pool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema27.properties.pool,data:data450};
if(vErrors === null){
vErrors = [err797];
}
else {
vErrors.push(err797);
}
errors++;
}
}
else {
const err798 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.stepfunctions.start/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.pool.type,parentSchema:schema27.properties.pool,data:data450};
if(vErrors === null){
vErrors = [err798];
}
else {
vErrors.push(err798);
}
errors++;
}
}
}
else {
const err799 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.stepfunctions.start/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema27.type,parentSchema:schema27,data:data41};
if(vErrors === null){
vErrors = [err799];
}
else {
vErrors.push(err799);
}
errors++;
}
}
else if(tag0 === "eventbridge.put"){
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.id === undefined){
const err800 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.eventbridge.put/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema28.required,parentSchema:schema28,data:data41};
if(vErrors === null){
vErrors = [err800];
}
else {
vErrors.push(err800);
}
errors++;
}
if(data41.kind === undefined){
const err801 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.eventbridge.put/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema28.required,parentSchema:schema28,data:data41};
if(vErrors === null){
vErrors = [err801];
}
else {
vErrors.push(err801);
}
errors++;
}
if(data41.entries === undefined){
const err802 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.eventbridge.put/required",keyword:"required",params:{missingProperty: "entries"},message:"must have required property '"+"entries"+"'",schema:schema28.required,parentSchema:schema28,data:data41};
if(vErrors === null){
vErrors = [err802];
}
else {
vErrors.push(err802);
}
errors++;
}
for(const key34 in data41){
if(!(func2.call(schema28.properties, key34))){
const err803 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.eventbridge.put/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key34},message:"must NOT have additional properties",schema:false,parentSchema:schema28,data:data41};
if(vErrors === null){
vErrors = [err803];
}
else {
vErrors.push(err803);
}
errors++;
}
}
if(data41.id !== undefined){
let data451 = data41.id;
if(typeof data451 !== "string"){
const err804 = {instancePath:instancePath+"/steps/" + i3+"/id",schemaPath:"#/definitions/step.eventbridge.put/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.id.type,parentSchema:schema28.properties.id,data:data451};
if(vErrors === null){
vErrors = [err804];
}
else {
vErrors.push(err804);
}
errors++;
}
}
if(data41.kind !== undefined){
let data452 = data41.kind;
if("eventbridge.put" !== data452){
const err805 = {instancePath:instancePath+"/steps/" + i3+"/kind",schemaPath:"#/definitions/step.eventbridge.put/properties/kind/const",keyword:"const",params:{allowedValue: "eventbridge.put"},message:"must be equal to constant",schema:"eventbridge.put",parentSchema:schema28.properties.kind,data:data452};
if(vErrors === null){
vErrors = [err805];
}
else {
vErrors.push(err805);
}
errors++;
}
}
if(data41.entries !== undefined){
let data453 = data41.entries;
if(Array.isArray(data453)){
if(data453.length > 10){
const err806 = {instancePath:instancePath+"/steps/" + i3+"/entries",schemaPath:"#/definitions/step.eventbridge.put/properties/entries/maxItems",keyword:"maxItems",params:{limit: 10},message:"must NOT have more than 10 items",schema:10,parentSchema:schema28.properties.entries,data:data453};
if(vErrors === null){
vErrors = [err806];
}
else {
vErrors.push(err806);
}
errors++;
}
if(data453.length < 1){
const err807 = {instancePath:instancePath+"/steps/" + i3+"/entries",schemaPath:"#/definitions/step.eventbridge.put/properties/entries/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema28.properties.entries,data:data453};
if(vErrors === null){
vErrors = [err807];
}
else {
vErrors.push(err807);
}
errors++;
}
const len54 = data453.length;
for(let i62=0; i62<len54; i62++){
let data454 = data453[i62];
if(data454 && typeof data454 == "object" && !Array.isArray(data454)){
if(data454.source === undefined){
const err808 = {instancePath:instancePath+"/steps/" + i3+"/entries/" + i62,schemaPath:"#/definitions/step.eventbridge.put/properties/entries/items/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema28.properties.entries.items.required,parentSchema:schema28.properties.entries.items,data:data454};
if(vErrors === null){
vErrors = [err808];
}
else {
vErrors.push(err808);
}
errors++;
}
if(data454.detailType === undefined){
const err809 = {instancePath:instancePath+"/steps/" + i3+"/entries/" + i62,schemaPath:"#/definitions/step.eventbridge.put/properties/entries/items/required",keyword:"required",params:{missingProperty: "detailType"},message:"must have required property '"+"detailType"+"'",schema:schema28.properties.entries.items.required,parentSchema:schema28.properties.entries.items,data:data454};
if(vErrors === null){
vErrors = [err809];
}
else {
vErrors.push(err809);
}
errors++;
}
if(data454.detail === undefined){
const err810 = {instancePath:instancePath+"/steps/" + i3+"/entries/" + i62,schemaPath:"#/definitions/step.eventbridge.put/properties/entries/items/required",keyword:"required",params:{missingProperty: "detail"},message:"must have required property '"+"detail"+"'",schema:schema28.properties.entries.items.required,parentSchema:schema28.properties.entries.items,data:data454};
if(vErrors === null){
vErrors = [err810];
}
else {
vErrors.push(err810);
}
errors++;
}
for(const key35 in data454){
if(!(((((key35 === "source") || (key35 === "detailType")) || (key35 === "detail")) || (key35 === "eventBusName")) || (key35 === "resources"))){
const err811 = {instancePath:instancePath+"/steps/" + i3+"/entries/" + i62,schemaPath:"#/definitions/step.eventbridge.put/properties/entries/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key35},message:"must NOT have additional properties",schema:false,parentSchema:schema28.properties.entries.items,data:data454};
if(vErrors === null){
vErrors = [err811];
}
else {
vErrors.push(err811);
}
errors++;
}
}
if(data454.source !== undefined){
let data455 = data454.source;
if(typeof data455 === "string"){
if(func3(data455) > 256){
const err812 = {instancePath:instancePath+"/steps/" + i3+"/entries/" + i62+"/source",schemaPath:"#/definitions/step.eventbridge.put/properties/entries/items/properties/source/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema28.properties.entries.items.properties.source,data:data455};
if(vErrors === null){
vErrors = [err812];
}
else {
vErrors.push(err812);
}
errors++;
}
if(func3(data455) < 1){
const err813 = {instancePath:instancePath+"/steps/" + i3+"/entries/" + i62+"/source",schemaPath:"#/definitions/step.eventbridge.put/properties/entries/items/properties/source/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema28.properties.entries.items.properties.source,data:data455};
if(vErrors === null){
vErrors = [err813];
}
else {
vErrors.push(err813);
}
errors++;
}
}
else {
const err814 = {instancePath:instancePath+"/steps/" + i3+"/entries/" + i62+"/source",schemaPath:"#/definitions/step.eventbridge.put/properties/entries/items/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.entries.items.properties.source.type,parentSchema:schema28.properties.entries.items.properties.source,data:data455};
if(vErrors === null){
vErrors = [err814];
}
else {
vErrors.push(err814);
}
errors++;
}
}
if(data454.detailType !== undefined){
let data456 = data454.detailType;
if(typeof data456 === "string"){
if(func3(data456) > 128){
const err815 = {instancePath:instancePath+"/steps/" + i3+"/entries/" + i62+"/detailType",schemaPath:"#/definitions/step.eventbridge.put/properties/entries/items/properties/detailType/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema28.properties.entries.items.properties.detailType,data:data456};
if(vErrors === null){
vErrors = [err815];
}
else {
vErrors.push(err815);
}
errors++;
}
if(func3(data456) < 1){
const err816 = {instancePath:instancePath+"/steps/" + i3+"/entries/" + i62+"/detailType",schemaPath:"#/definitions/step.eventbridge.put/properties/entries/items/properties/detailType/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema28.properties.entries.items.properties.detailType,data:data456};
if(vErrors === null){
vErrors = [err816];
}
else {
vErrors.push(err816);
}
errors++;
}
}
else {
const err817 = {instancePath:instancePath+"/steps/" + i3+"/entries/" + i62+"/detailType",schemaPath:"#/definitions/step.eventbridge.put/properties/entries/items/properties/detailType/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.entries.items.properties.detailType.type,parentSchema:schema28.properties.entries.items.properties.detailType,data:data456};
if(vErrors === null){
vErrors = [err817];
}
else {
vErrors.push(err817);
}
errors++;
}
}
if(data454.detail !== undefined){
let data457 = data454.detail;
if(!(data457 && typeof data457 == "object" && !Array.isArray(data457))){
const err818 = {instancePath:instancePath+"/steps/" + i3+"/entries/" + i62+"/detail",schemaPath:"#/definitions/step.eventbridge.put/properties/entries/items/properties/detail/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema28.properties.entries.items.properties.detail.type,parentSchema:schema28.properties.entries.items.properties.detail,data:data457};
if(vErrors === null){
vErrors = [err818];
}
else {
vErrors.push(err818);
}
errors++;
}
}
if(data454.eventBusName !== undefined){
let data458 = data454.eventBusName;
if(typeof data458 === "string"){
if(func3(data458) > 1600){
const err819 = {instancePath:instancePath+"/steps/" + i3+"/entries/" + i62+"/eventBusName",schemaPath:"#/definitions/step.eventbridge.put/properties/entries/items/properties/eventBusName/maxLength",keyword:"maxLength",params:{limit: 1600},message:"must NOT have more than 1600 characters",schema:1600,parentSchema:schema28.properties.entries.items.properties.eventBusName,data:data458};
if(vErrors === null){
vErrors = [err819];
}
else {
vErrors.push(err819);
}
errors++;
}
if(func3(data458) < 1){
const err820 = {instancePath:instancePath+"/steps/" + i3+"/entries/" + i62+"/eventBusName",schemaPath:"#/definitions/step.eventbridge.put/properties/entries/items/properties/eventBusName/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema28.properties.entries.items.properties.eventBusName,data:data458};
if(vErrors === null){
vErrors = [err820];
}
else {
vErrors.push(err820);
}
errors++;
}
}
else {
const err821 = {instancePath:instancePath+"/steps/" + i3+"/entries/" + i62+"/eventBusName",schemaPath:"#/definitions/step.eventbridge.put/properties/entries/items/properties/eventBusName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.entries.items.properties.eventBusName.type,parentSchema:schema28.properties.entries.items.properties.eventBusName,data:data458};
if(vErrors === null){
vErrors = [err821];
}
else {
vErrors.push(err821);
}
errors++;
}
}
if(data454.resources !== undefined){
let data459 = data454.resources;
if(Array.isArray(data459)){
const len55 = data459.length;
for(let i63=0; i63<len55; i63++){
let data460 = data459[i63];
if(typeof data460 === "string"){
if(func3(data460) < 1){
const err822 = {instancePath:instancePath+"/steps/" + i3+"/entries/" + i62+"/resources/" + i63,schemaPath:"#/definitions/step.eventbridge.put/properties/entries/items/properties/resources/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema28.properties.entries.items.properties.resources.items,data:data460};
if(vErrors === null){
vErrors = [err822];
}
else {
vErrors.push(err822);
}
errors++;
}
}
else {
const err823 = {instancePath:instancePath+"/steps/" + i3+"/entries/" + i62+"/resources/" + i63,schemaPath:"#/definitions/step.eventbridge.put/properties/entries/items/properties/resources/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.entries.items.properties.resources.items.type,parentSchema:schema28.properties.entries.items.properties.resources.items,data:data460};
if(vErrors === null){
vErrors = [err823];
}
else {
vErrors.push(err823);
}
errors++;
}
}
}
else {
const err824 = {instancePath:instancePath+"/steps/" + i3+"/entries/" + i62+"/resources",schemaPath:"#/definitions/step.eventbridge.put/properties/entries/items/properties/resources/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema28.properties.entries.items.properties.resources.type,parentSchema:schema28.properties.entries.items.properties.resources,data:data459};
if(vErrors === null){
vErrors = [err824];
}
else {
vErrors.push(err824);
}
errors++;
}
}
}
else {
const err825 = {instancePath:instancePath+"/steps/" + i3+"/entries/" + i62,schemaPath:"#/definitions/step.eventbridge.put/properties/entries/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema28.properties.entries.items.type,parentSchema:schema28.properties.entries.items,data:data454};
if(vErrors === null){
vErrors = [err825];
}
else {
vErrors.push(err825);
}
errors++;
}
}
}
else {
const err826 = {instancePath:instancePath+"/steps/" + i3+"/entries",schemaPath:"#/definitions/step.eventbridge.put/properties/entries/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema28.properties.entries.type,parentSchema:schema28.properties.entries,data:data453};
if(vErrors === null){
vErrors = [err826];
}
else {
vErrors.push(err826);
}
errors++;
}
}
if(data41.endpointId !== undefined){
let data461 = data41.endpointId;
if(typeof data461 === "string"){
if(func3(data461) < 1){
const err827 = {instancePath:instancePath+"/steps/" + i3+"/endpointId",schemaPath:"#/definitions/step.eventbridge.put/properties/endpointId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema28.properties.endpointId,data:data461};
if(vErrors === null){
vErrors = [err827];
}
else {
vErrors.push(err827);
}
errors++;
}
}
else {
const err828 = {instancePath:instancePath+"/steps/" + i3+"/endpointId",schemaPath:"#/definitions/step.eventbridge.put/properties/endpointId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.endpointId.type,parentSchema:schema28.properties.endpointId,data:data461};
if(vErrors === null){
vErrors = [err828];
}
else {
vErrors.push(err828);
}
errors++;
}
}
if(data41.dependsOn !== undefined){
let data462 = data41.dependsOn;
if(Array.isArray(data462)){
const len56 = data462.length;
for(let i64=0; i64<len56; i64++){
let data463 = data462[i64];
if(typeof data463 !== "string"){
const err829 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn/" + i64,schemaPath:"#/definitions/step.eventbridge.put/properties/dependsOn/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.dependsOn.items.type,parentSchema:schema28.properties.dependsOn.items,data:data463};
if(vErrors === null){
vErrors = [err829];
}
else {
vErrors.push(err829);
}
errors++;
}
}
}
else {
const err830 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn",schemaPath:"#/definitions/step.eventbridge.put/properties/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema28.properties.dependsOn.type,parentSchema:schema28.properties.dependsOn,data:data462};
if(vErrors === null){
vErrors = [err830];
}
else {
vErrors.push(err830);
}
errors++;
}
}
if(data41.group !== undefined){
let data464 = data41.group;
if(typeof data464 !== "string"){
const err831 = {instancePath:instancePath+"/steps/" + i3+"/group",schemaPath:"#/definitions/step.eventbridge.put/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.group.type,parentSchema:schema28.properties.group,data:data464};
if(vErrors === null){
vErrors = [err831];
}
else {
vErrors.push(err831);
}
errors++;
}
}
if(data41.triggerRule !== undefined){
let data465 = data41.triggerRule;
if(typeof data465 !== "string"){
const err832 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.eventbridge.put/properties/triggerRule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.triggerRule.type,parentSchema:schema28.properties.triggerRule,data:data465};
if(vErrors === null){
vErrors = [err832];
}
else {
vErrors.push(err832);
}
errors++;
}
if(!((((((((((((data465 === "all_success") || (data465 === "all_failed")) || (data465 === "all_done")) || (data465 === "all_done_setup_success")) || (data465 === "all_skipped")) || (data465 === "one_success")) || (data465 === "one_failed")) || (data465 === "one_done")) || (data465 === "none_failed")) || (data465 === "none_failed_min_one_success")) || (data465 === "none_skipped")) || (data465 === "always"))){
const err833 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.eventbridge.put/properties/triggerRule/enum",keyword:"enum",params:{allowedValues: schema28.properties.triggerRule.enum},message:"must be equal to one of the allowed values",schema:schema28.properties.triggerRule.enum,parentSchema:schema28.properties.triggerRule,data:data465};
if(vErrors === null){
vErrors = [err833];
}
else {
vErrors.push(err833);
}
errors++;
}
}
if(data41.produces !== undefined){
let data466 = data41.produces;
if(Array.isArray(data466)){
const len57 = data466.length;
for(let i65=0; i65<len57; i65++){
let data467 = data466[i65];
if(typeof data467 !== "string"){
const err834 = {instancePath:instancePath+"/steps/" + i3+"/produces/" + i65,schemaPath:"#/definitions/step.eventbridge.put/properties/produces/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.produces.items.type,parentSchema:schema28.properties.produces.items,data:data467};
if(vErrors === null){
vErrors = [err834];
}
else {
vErrors.push(err834);
}
errors++;
}
}
}
else {
const err835 = {instancePath:instancePath+"/steps/" + i3+"/produces",schemaPath:"#/definitions/step.eventbridge.put/properties/produces/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema28.properties.produces.type,parentSchema:schema28.properties.produces,data:data466};
if(vErrors === null){
vErrors = [err835];
}
else {
vErrors.push(err835);
}
errors++;
}
}
if(data41.retries !== undefined){
let data468 = data41.retries;
if(!(((typeof data468 == "number") && (!(data468 % 1) && !isNaN(data468))) && (isFinite(data468)))){
const err836 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.eventbridge.put/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema28.properties.retries.type,parentSchema:schema28.properties.retries,data:data468};
if(vErrors === null){
vErrors = [err836];
}
else {
vErrors.push(err836);
}
errors++;
}
if((typeof data468 == "number") && (isFinite(data468))){
if(data468 > 100 || isNaN(data468)){
const err837 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.eventbridge.put/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema28.properties.retries,data:data468};
if(vErrors === null){
vErrors = [err837];
}
else {
vErrors.push(err837);
}
errors++;
}
if(data468 < 0 || isNaN(data468)){
const err838 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.eventbridge.put/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema28.properties.retries,data:data468};
if(vErrors === null){
vErrors = [err838];
}
else {
vErrors.push(err838);
}
errors++;
}
}
}
if(data41.retryDelay !== undefined){
let data469 = data41.retryDelay;
if(typeof data469 !== "string"){
const err839 = {instancePath:instancePath+"/steps/" + i3+"/retryDelay",schemaPath:"#/definitions/step.eventbridge.put/properties/retryDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.retryDelay.type,parentSchema:schema28.properties.retryDelay,data:data469};
if(vErrors === null){
vErrors = [err839];
}
else {
vErrors.push(err839);
}
errors++;
}
}
if(data41.retryExponentialBackoff !== undefined){
let data470 = data41.retryExponentialBackoff;
if(typeof data470 !== "boolean"){
const err840 = {instancePath:instancePath+"/steps/" + i3+"/retryExponentialBackoff",schemaPath:"#/definitions/step.eventbridge.put/properties/retryExponentialBackoff/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema28.properties.retryExponentialBackoff.type,parentSchema:schema28.properties.retryExponentialBackoff,data:data470};
if(vErrors === null){
vErrors = [err840];
}
else {
vErrors.push(err840);
}
errors++;
}
}
if(data41.executionTimeout !== undefined){
let data471 = data41.executionTimeout;
if(typeof data471 !== "string"){
const err841 = {instancePath:instancePath+"/steps/" + i3+"/executionTimeout",schemaPath:"#/definitions/step.eventbridge.put/properties/executionTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.executionTimeout.type,parentSchema:schema28.properties.executionTimeout,data:data471};
if(vErrors === null){
vErrors = [err841];
}
else {
vErrors.push(err841);
}
errors++;
}
}
if(data41.awsConnId !== undefined){
let data472 = data41.awsConnId;
if(typeof data472 === "string"){
if(func3(data472) < 1){
const err842 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.eventbridge.put/properties/awsConnId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema28.properties.awsConnId,data:data472};
if(vErrors === null){
vErrors = [err842];
}
else {
vErrors.push(err842);
}
errors++;
}
}
else {
const err843 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.eventbridge.put/properties/awsConnId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.awsConnId.type,parentSchema:schema28.properties.awsConnId,data:data472};
if(vErrors === null){
vErrors = [err843];
}
else {
vErrors.push(err843);
}
errors++;
}
}
if(data41.region !== undefined){
let data473 = data41.region;
if(typeof data473 === "string"){
if(func3(data473) < 1){
const err844 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.eventbridge.put/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema28.properties.region,data:data473};
if(vErrors === null){
vErrors = [err844];
}
else {
vErrors.push(err844);
}
errors++;
}
}
else {
const err845 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.eventbridge.put/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.region.type,parentSchema:schema28.properties.region,data:data473};
if(vErrors === null){
vErrors = [err845];
}
else {
vErrors.push(err845);
}
errors++;
}
}
if(data41.deferrable !== undefined){
let data474 = data41.deferrable;
if(typeof data474 !== "boolean"){
const err846 = {instancePath:instancePath+"/steps/" + i3+"/deferrable",schemaPath:"#/definitions/step.eventbridge.put/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema28.properties.deferrable.type,parentSchema:schema28.properties.deferrable,data:data474};
if(vErrors === null){
vErrors = [err846];
}
else {
vErrors.push(err846);
}
errors++;
}
}
if(data41.pool !== undefined){
let data475 = data41.pool;
if(typeof data475 === "string"){
if(func3(data475) < 1){
const err847 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.eventbridge.put/properties/pool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema28.properties.pool,data:data475};
if(vErrors === null){
vErrors = [err847];
}
else {
vErrors.push(err847);
}
errors++;
}
}
else {
const err848 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.eventbridge.put/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.pool.type,parentSchema:schema28.properties.pool,data:data475};
if(vErrors === null){
vErrors = [err848];
}
else {
vErrors.push(err848);
}
errors++;
}
}
}
else {
const err849 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.eventbridge.put/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema28.type,parentSchema:schema28,data:data41};
if(vErrors === null){
vErrors = [err849];
}
else {
vErrors.push(err849);
}
errors++;
}
}
else if(tag0 === "s3.put"){
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.id === undefined){
const err850 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.put/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema29.required,parentSchema:schema29,data:data41};
if(vErrors === null){
vErrors = [err850];
}
else {
vErrors.push(err850);
}
errors++;
}
if(data41.kind === undefined){
const err851 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.put/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema29.required,parentSchema:schema29,data:data41};
if(vErrors === null){
vErrors = [err851];
}
else {
vErrors.push(err851);
}
errors++;
}
if(data41.bucket === undefined){
const err852 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.put/required",keyword:"required",params:{missingProperty: "bucket"},message:"must have required property '"+"bucket"+"'",schema:schema29.required,parentSchema:schema29,data:data41};
if(vErrors === null){
vErrors = [err852];
}
else {
vErrors.push(err852);
}
errors++;
}
if(data41.key === undefined){
const err853 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.put/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema29.required,parentSchema:schema29,data:data41};
if(vErrors === null){
vErrors = [err853];
}
else {
vErrors.push(err853);
}
errors++;
}
if(data41.data === undefined){
const err854 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.put/required",keyword:"required",params:{missingProperty: "data"},message:"must have required property '"+"data"+"'",schema:schema29.required,parentSchema:schema29,data:data41};
if(vErrors === null){
vErrors = [err854];
}
else {
vErrors.push(err854);
}
errors++;
}
for(const key36 in data41){
if(!(func2.call(schema29.properties, key36))){
const err855 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.put/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key36},message:"must NOT have additional properties",schema:false,parentSchema:schema29,data:data41};
if(vErrors === null){
vErrors = [err855];
}
else {
vErrors.push(err855);
}
errors++;
}
}
if(data41.id !== undefined){
let data476 = data41.id;
if(typeof data476 !== "string"){
const err856 = {instancePath:instancePath+"/steps/" + i3+"/id",schemaPath:"#/definitions/step.s3.put/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.id.type,parentSchema:schema29.properties.id,data:data476};
if(vErrors === null){
vErrors = [err856];
}
else {
vErrors.push(err856);
}
errors++;
}
}
if(data41.kind !== undefined){
let data477 = data41.kind;
if("s3.put" !== data477){
const err857 = {instancePath:instancePath+"/steps/" + i3+"/kind",schemaPath:"#/definitions/step.s3.put/properties/kind/const",keyword:"const",params:{allowedValue: "s3.put"},message:"must be equal to constant",schema:"s3.put",parentSchema:schema29.properties.kind,data:data477};
if(vErrors === null){
vErrors = [err857];
}
else {
vErrors.push(err857);
}
errors++;
}
}
if(data41.bucket !== undefined){
let data478 = data41.bucket;
if(typeof data478 === "string"){
if(func3(data478) < 1){
const err858 = {instancePath:instancePath+"/steps/" + i3+"/bucket",schemaPath:"#/definitions/step.s3.put/properties/bucket/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema29.properties.bucket,data:data478};
if(vErrors === null){
vErrors = [err858];
}
else {
vErrors.push(err858);
}
errors++;
}
}
else {
const err859 = {instancePath:instancePath+"/steps/" + i3+"/bucket",schemaPath:"#/definitions/step.s3.put/properties/bucket/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.bucket.type,parentSchema:schema29.properties.bucket,data:data478};
if(vErrors === null){
vErrors = [err859];
}
else {
vErrors.push(err859);
}
errors++;
}
}
if(data41.key !== undefined){
let data479 = data41.key;
if(typeof data479 === "string"){
if(func3(data479) < 1){
const err860 = {instancePath:instancePath+"/steps/" + i3+"/key",schemaPath:"#/definitions/step.s3.put/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema29.properties.key,data:data479};
if(vErrors === null){
vErrors = [err860];
}
else {
vErrors.push(err860);
}
errors++;
}
}
else {
const err861 = {instancePath:instancePath+"/steps/" + i3+"/key",schemaPath:"#/definitions/step.s3.put/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.key.type,parentSchema:schema29.properties.key,data:data479};
if(vErrors === null){
vErrors = [err861];
}
else {
vErrors.push(err861);
}
errors++;
}
}
if(data41.data !== undefined){
let data480 = data41.data;
if((!data480 || typeof data480 != "object") && (typeof data480 !== "string")){
const err862 = {instancePath:instancePath+"/steps/" + i3+"/data",schemaPath:"#/definitions/step.s3.put/properties/data/type",keyword:"type",params:{type: schema29.properties.data.type},message:"must be string,object,array",schema:schema29.properties.data.type,parentSchema:schema29.properties.data,data:data480};
if(vErrors === null){
vErrors = [err862];
}
else {
vErrors.push(err862);
}
errors++;
}
}
if(data41.replace !== undefined){
let data481 = data41.replace;
if(typeof data481 !== "boolean"){
const err863 = {instancePath:instancePath+"/steps/" + i3+"/replace",schemaPath:"#/definitions/step.s3.put/properties/replace/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema29.properties.replace.type,parentSchema:schema29.properties.replace,data:data481};
if(vErrors === null){
vErrors = [err863];
}
else {
vErrors.push(err863);
}
errors++;
}
}
if(data41.encrypt !== undefined){
let data482 = data41.encrypt;
if(typeof data482 !== "boolean"){
const err864 = {instancePath:instancePath+"/steps/" + i3+"/encrypt",schemaPath:"#/definitions/step.s3.put/properties/encrypt/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema29.properties.encrypt.type,parentSchema:schema29.properties.encrypt,data:data482};
if(vErrors === null){
vErrors = [err864];
}
else {
vErrors.push(err864);
}
errors++;
}
}
if(data41.compression !== undefined){
let data483 = data41.compression;
if(typeof data483 !== "string"){
const err865 = {instancePath:instancePath+"/steps/" + i3+"/compression",schemaPath:"#/definitions/step.s3.put/properties/compression/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.compression.type,parentSchema:schema29.properties.compression,data:data483};
if(vErrors === null){
vErrors = [err865];
}
else {
vErrors.push(err865);
}
errors++;
}
if(!(data483 === "gzip")){
const err866 = {instancePath:instancePath+"/steps/" + i3+"/compression",schemaPath:"#/definitions/step.s3.put/properties/compression/enum",keyword:"enum",params:{allowedValues: schema29.properties.compression.enum},message:"must be equal to one of the allowed values",schema:schema29.properties.compression.enum,parentSchema:schema29.properties.compression,data:data483};
if(vErrors === null){
vErrors = [err866];
}
else {
vErrors.push(err866);
}
errors++;
}
}
if(data41.dependsOn !== undefined){
let data484 = data41.dependsOn;
if(Array.isArray(data484)){
const len58 = data484.length;
for(let i66=0; i66<len58; i66++){
let data485 = data484[i66];
if(typeof data485 !== "string"){
const err867 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn/" + i66,schemaPath:"#/definitions/step.s3.put/properties/dependsOn/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.dependsOn.items.type,parentSchema:schema29.properties.dependsOn.items,data:data485};
if(vErrors === null){
vErrors = [err867];
}
else {
vErrors.push(err867);
}
errors++;
}
}
}
else {
const err868 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn",schemaPath:"#/definitions/step.s3.put/properties/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema29.properties.dependsOn.type,parentSchema:schema29.properties.dependsOn,data:data484};
if(vErrors === null){
vErrors = [err868];
}
else {
vErrors.push(err868);
}
errors++;
}
}
if(data41.group !== undefined){
let data486 = data41.group;
if(typeof data486 !== "string"){
const err869 = {instancePath:instancePath+"/steps/" + i3+"/group",schemaPath:"#/definitions/step.s3.put/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.group.type,parentSchema:schema29.properties.group,data:data486};
if(vErrors === null){
vErrors = [err869];
}
else {
vErrors.push(err869);
}
errors++;
}
}
if(data41.triggerRule !== undefined){
let data487 = data41.triggerRule;
if(typeof data487 !== "string"){
const err870 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.s3.put/properties/triggerRule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.triggerRule.type,parentSchema:schema29.properties.triggerRule,data:data487};
if(vErrors === null){
vErrors = [err870];
}
else {
vErrors.push(err870);
}
errors++;
}
if(!((((((((((((data487 === "all_success") || (data487 === "all_failed")) || (data487 === "all_done")) || (data487 === "all_done_setup_success")) || (data487 === "all_skipped")) || (data487 === "one_success")) || (data487 === "one_failed")) || (data487 === "one_done")) || (data487 === "none_failed")) || (data487 === "none_failed_min_one_success")) || (data487 === "none_skipped")) || (data487 === "always"))){
const err871 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.s3.put/properties/triggerRule/enum",keyword:"enum",params:{allowedValues: schema29.properties.triggerRule.enum},message:"must be equal to one of the allowed values",schema:schema29.properties.triggerRule.enum,parentSchema:schema29.properties.triggerRule,data:data487};
if(vErrors === null){
vErrors = [err871];
}
else {
vErrors.push(err871);
}
errors++;
}
}
if(data41.produces !== undefined){
let data488 = data41.produces;
if(Array.isArray(data488)){
const len59 = data488.length;
for(let i67=0; i67<len59; i67++){
let data489 = data488[i67];
if(typeof data489 !== "string"){
const err872 = {instancePath:instancePath+"/steps/" + i3+"/produces/" + i67,schemaPath:"#/definitions/step.s3.put/properties/produces/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.produces.items.type,parentSchema:schema29.properties.produces.items,data:data489};
if(vErrors === null){
vErrors = [err872];
}
else {
vErrors.push(err872);
}
errors++;
}
}
}
else {
const err873 = {instancePath:instancePath+"/steps/" + i3+"/produces",schemaPath:"#/definitions/step.s3.put/properties/produces/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema29.properties.produces.type,parentSchema:schema29.properties.produces,data:data488};
if(vErrors === null){
vErrors = [err873];
}
else {
vErrors.push(err873);
}
errors++;
}
}
if(data41.retries !== undefined){
let data490 = data41.retries;
if(!(((typeof data490 == "number") && (!(data490 % 1) && !isNaN(data490))) && (isFinite(data490)))){
const err874 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.s3.put/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema29.properties.retries.type,parentSchema:schema29.properties.retries,data:data490};
if(vErrors === null){
vErrors = [err874];
}
else {
vErrors.push(err874);
}
errors++;
}
if((typeof data490 == "number") && (isFinite(data490))){
if(data490 > 100 || isNaN(data490)){
const err875 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.s3.put/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema29.properties.retries,data:data490};
if(vErrors === null){
vErrors = [err875];
}
else {
vErrors.push(err875);
}
errors++;
}
if(data490 < 0 || isNaN(data490)){
const err876 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.s3.put/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema29.properties.retries,data:data490};
if(vErrors === null){
vErrors = [err876];
}
else {
vErrors.push(err876);
}
errors++;
}
}
}
if(data41.retryDelay !== undefined){
let data491 = data41.retryDelay;
if(typeof data491 !== "string"){
const err877 = {instancePath:instancePath+"/steps/" + i3+"/retryDelay",schemaPath:"#/definitions/step.s3.put/properties/retryDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.retryDelay.type,parentSchema:schema29.properties.retryDelay,data:data491};
if(vErrors === null){
vErrors = [err877];
}
else {
vErrors.push(err877);
}
errors++;
}
}
if(data41.retryExponentialBackoff !== undefined){
let data492 = data41.retryExponentialBackoff;
if(typeof data492 !== "boolean"){
const err878 = {instancePath:instancePath+"/steps/" + i3+"/retryExponentialBackoff",schemaPath:"#/definitions/step.s3.put/properties/retryExponentialBackoff/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema29.properties.retryExponentialBackoff.type,parentSchema:schema29.properties.retryExponentialBackoff,data:data492};
if(vErrors === null){
vErrors = [err878];
}
else {
vErrors.push(err878);
}
errors++;
}
}
if(data41.executionTimeout !== undefined){
let data493 = data41.executionTimeout;
if(typeof data493 !== "string"){
const err879 = {instancePath:instancePath+"/steps/" + i3+"/executionTimeout",schemaPath:"#/definitions/step.s3.put/properties/executionTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.executionTimeout.type,parentSchema:schema29.properties.executionTimeout,data:data493};
if(vErrors === null){
vErrors = [err879];
}
else {
vErrors.push(err879);
}
errors++;
}
}
if(data41.awsConnId !== undefined){
let data494 = data41.awsConnId;
if(typeof data494 === "string"){
if(func3(data494) < 1){
const err880 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.s3.put/properties/awsConnId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema29.properties.awsConnId,data:data494};
if(vErrors === null){
vErrors = [err880];
}
else {
vErrors.push(err880);
}
errors++;
}
}
else {
const err881 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.s3.put/properties/awsConnId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.awsConnId.type,parentSchema:schema29.properties.awsConnId,data:data494};
if(vErrors === null){
vErrors = [err881];
}
else {
vErrors.push(err881);
}
errors++;
}
}
if(data41.region !== undefined){
let data495 = data41.region;
if(typeof data495 === "string"){
if(func3(data495) < 1){
const err882 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.s3.put/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema29.properties.region,data:data495};
if(vErrors === null){
vErrors = [err882];
}
else {
vErrors.push(err882);
}
errors++;
}
}
else {
const err883 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.s3.put/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.region.type,parentSchema:schema29.properties.region,data:data495};
if(vErrors === null){
vErrors = [err883];
}
else {
vErrors.push(err883);
}
errors++;
}
}
if(data41.deferrable !== undefined){
let data496 = data41.deferrable;
if(typeof data496 !== "boolean"){
const err884 = {instancePath:instancePath+"/steps/" + i3+"/deferrable",schemaPath:"#/definitions/step.s3.put/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema29.properties.deferrable.type,parentSchema:schema29.properties.deferrable,data:data496};
if(vErrors === null){
vErrors = [err884];
}
else {
vErrors.push(err884);
}
errors++;
}
}
if(data41.pool !== undefined){
let data497 = data41.pool;
if(typeof data497 === "string"){
if(func3(data497) < 1){
const err885 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.s3.put/properties/pool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema29.properties.pool,data:data497};
if(vErrors === null){
vErrors = [err885];
}
else {
vErrors.push(err885);
}
errors++;
}
}
else {
const err886 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.s3.put/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.pool.type,parentSchema:schema29.properties.pool,data:data497};
if(vErrors === null){
vErrors = [err886];
}
else {
vErrors.push(err886);
}
errors++;
}
}
}
else {
const err887 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.s3.put/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema29.type,parentSchema:schema29,data:data41};
if(vErrors === null){
vErrors = [err887];
}
else {
vErrors.push(err887);
}
errors++;
}
}
else if(tag0 === "airflow.operator"){
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.id === undefined){
const err888 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.airflow.operator/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema30.required,parentSchema:schema30,data:data41};
if(vErrors === null){
vErrors = [err888];
}
else {
vErrors.push(err888);
}
errors++;
}
if(data41.kind === undefined){
const err889 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.airflow.operator/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema30.required,parentSchema:schema30,data:data41};
if(vErrors === null){
vErrors = [err889];
}
else {
vErrors.push(err889);
}
errors++;
}
if(data41.operator === undefined){
const err890 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.airflow.operator/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'",schema:schema30.required,parentSchema:schema30,data:data41};
if(vErrors === null){
vErrors = [err890];
}
else {
vErrors.push(err890);
}
errors++;
}
for(const key37 in data41){
if(!(func2.call(schema30.properties, key37))){
const err891 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.airflow.operator/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key37},message:"must NOT have additional properties",schema:false,parentSchema:schema30,data:data41};
if(vErrors === null){
vErrors = [err891];
}
else {
vErrors.push(err891);
}
errors++;
}
}
if(data41.id !== undefined){
let data498 = data41.id;
if(typeof data498 !== "string"){
const err892 = {instancePath:instancePath+"/steps/" + i3+"/id",schemaPath:"#/definitions/step.airflow.operator/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.id.type,parentSchema:schema30.properties.id,data:data498};
if(vErrors === null){
vErrors = [err892];
}
else {
vErrors.push(err892);
}
errors++;
}
}
if(data41.kind !== undefined){
let data499 = data41.kind;
if("airflow.operator" !== data499){
const err893 = {instancePath:instancePath+"/steps/" + i3+"/kind",schemaPath:"#/definitions/step.airflow.operator/properties/kind/const",keyword:"const",params:{allowedValue: "airflow.operator"},message:"must be equal to constant",schema:"airflow.operator",parentSchema:schema30.properties.kind,data:data499};
if(vErrors === null){
vErrors = [err893];
}
else {
vErrors.push(err893);
}
errors++;
}
}
if(data41.operator !== undefined){
let data500 = data41.operator;
if(typeof data500 === "string"){
if(func3(data500) < 1){
const err894 = {instancePath:instancePath+"/steps/" + i3+"/operator",schemaPath:"#/definitions/step.airflow.operator/properties/operator/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema30.properties.operator,data:data500};
if(vErrors === null){
vErrors = [err894];
}
else {
vErrors.push(err894);
}
errors++;
}
}
else {
const err895 = {instancePath:instancePath+"/steps/" + i3+"/operator",schemaPath:"#/definitions/step.airflow.operator/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.operator.type,parentSchema:schema30.properties.operator,data:data500};
if(vErrors === null){
vErrors = [err895];
}
else {
vErrors.push(err895);
}
errors++;
}
}
if(data41.arguments !== undefined){
let data501 = data41.arguments;
if(!(data501 && typeof data501 == "object" && !Array.isArray(data501))){
const err896 = {instancePath:instancePath+"/steps/" + i3+"/arguments",schemaPath:"#/definitions/step.airflow.operator/properties/arguments/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.properties.arguments.type,parentSchema:schema30.properties.arguments,data:data501};
if(vErrors === null){
vErrors = [err896];
}
else {
vErrors.push(err896);
}
errors++;
}
}
if(data41.dependsOn !== undefined){
let data502 = data41.dependsOn;
if(Array.isArray(data502)){
const len60 = data502.length;
for(let i68=0; i68<len60; i68++){
let data503 = data502[i68];
if(typeof data503 !== "string"){
const err897 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn/" + i68,schemaPath:"#/definitions/step.airflow.operator/properties/dependsOn/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.dependsOn.items.type,parentSchema:schema30.properties.dependsOn.items,data:data503};
if(vErrors === null){
vErrors = [err897];
}
else {
vErrors.push(err897);
}
errors++;
}
}
}
else {
const err898 = {instancePath:instancePath+"/steps/" + i3+"/dependsOn",schemaPath:"#/definitions/step.airflow.operator/properties/dependsOn/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema30.properties.dependsOn.type,parentSchema:schema30.properties.dependsOn,data:data502};
if(vErrors === null){
vErrors = [err898];
}
else {
vErrors.push(err898);
}
errors++;
}
}
if(data41.group !== undefined){
let data504 = data41.group;
if(typeof data504 !== "string"){
const err899 = {instancePath:instancePath+"/steps/" + i3+"/group",schemaPath:"#/definitions/step.airflow.operator/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.group.type,parentSchema:schema30.properties.group,data:data504};
if(vErrors === null){
vErrors = [err899];
}
else {
vErrors.push(err899);
}
errors++;
}
}
if(data41.triggerRule !== undefined){
let data505 = data41.triggerRule;
if(typeof data505 !== "string"){
const err900 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.airflow.operator/properties/triggerRule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.triggerRule.type,parentSchema:schema30.properties.triggerRule,data:data505};
if(vErrors === null){
vErrors = [err900];
}
else {
vErrors.push(err900);
}
errors++;
}
if(!((((((((((((data505 === "all_success") || (data505 === "all_failed")) || (data505 === "all_done")) || (data505 === "all_done_setup_success")) || (data505 === "all_skipped")) || (data505 === "one_success")) || (data505 === "one_failed")) || (data505 === "one_done")) || (data505 === "none_failed")) || (data505 === "none_failed_min_one_success")) || (data505 === "none_skipped")) || (data505 === "always"))){
const err901 = {instancePath:instancePath+"/steps/" + i3+"/triggerRule",schemaPath:"#/definitions/step.airflow.operator/properties/triggerRule/enum",keyword:"enum",params:{allowedValues: schema30.properties.triggerRule.enum},message:"must be equal to one of the allowed values",schema:schema30.properties.triggerRule.enum,parentSchema:schema30.properties.triggerRule,data:data505};
if(vErrors === null){
vErrors = [err901];
}
else {
vErrors.push(err901);
}
errors++;
}
}
if(data41.produces !== undefined){
let data506 = data41.produces;
if(Array.isArray(data506)){
const len61 = data506.length;
for(let i69=0; i69<len61; i69++){
let data507 = data506[i69];
if(typeof data507 !== "string"){
const err902 = {instancePath:instancePath+"/steps/" + i3+"/produces/" + i69,schemaPath:"#/definitions/step.airflow.operator/properties/produces/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.produces.items.type,parentSchema:schema30.properties.produces.items,data:data507};
if(vErrors === null){
vErrors = [err902];
}
else {
vErrors.push(err902);
}
errors++;
}
}
}
else {
const err903 = {instancePath:instancePath+"/steps/" + i3+"/produces",schemaPath:"#/definitions/step.airflow.operator/properties/produces/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema30.properties.produces.type,parentSchema:schema30.properties.produces,data:data506};
if(vErrors === null){
vErrors = [err903];
}
else {
vErrors.push(err903);
}
errors++;
}
}
if(data41.retries !== undefined){
let data508 = data41.retries;
if(!(((typeof data508 == "number") && (!(data508 % 1) && !isNaN(data508))) && (isFinite(data508)))){
const err904 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.airflow.operator/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema30.properties.retries.type,parentSchema:schema30.properties.retries,data:data508};
if(vErrors === null){
vErrors = [err904];
}
else {
vErrors.push(err904);
}
errors++;
}
if((typeof data508 == "number") && (isFinite(data508))){
if(data508 > 100 || isNaN(data508)){
const err905 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.airflow.operator/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema30.properties.retries,data:data508};
if(vErrors === null){
vErrors = [err905];
}
else {
vErrors.push(err905);
}
errors++;
}
if(data508 < 0 || isNaN(data508)){
const err906 = {instancePath:instancePath+"/steps/" + i3+"/retries",schemaPath:"#/definitions/step.airflow.operator/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema30.properties.retries,data:data508};
if(vErrors === null){
vErrors = [err906];
}
else {
vErrors.push(err906);
}
errors++;
}
}
}
if(data41.retryDelay !== undefined){
let data509 = data41.retryDelay;
if(typeof data509 !== "string"){
const err907 = {instancePath:instancePath+"/steps/" + i3+"/retryDelay",schemaPath:"#/definitions/step.airflow.operator/properties/retryDelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.retryDelay.type,parentSchema:schema30.properties.retryDelay,data:data509};
if(vErrors === null){
vErrors = [err907];
}
else {
vErrors.push(err907);
}
errors++;
}
}
if(data41.retryExponentialBackoff !== undefined){
let data510 = data41.retryExponentialBackoff;
if(typeof data510 !== "boolean"){
const err908 = {instancePath:instancePath+"/steps/" + i3+"/retryExponentialBackoff",schemaPath:"#/definitions/step.airflow.operator/properties/retryExponentialBackoff/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema30.properties.retryExponentialBackoff.type,parentSchema:schema30.properties.retryExponentialBackoff,data:data510};
if(vErrors === null){
vErrors = [err908];
}
else {
vErrors.push(err908);
}
errors++;
}
}
if(data41.executionTimeout !== undefined){
let data511 = data41.executionTimeout;
if(typeof data511 !== "string"){
const err909 = {instancePath:instancePath+"/steps/" + i3+"/executionTimeout",schemaPath:"#/definitions/step.airflow.operator/properties/executionTimeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.executionTimeout.type,parentSchema:schema30.properties.executionTimeout,data:data511};
if(vErrors === null){
vErrors = [err909];
}
else {
vErrors.push(err909);
}
errors++;
}
}
if(data41.awsConnId !== undefined){
let data512 = data41.awsConnId;
if(typeof data512 === "string"){
if(func3(data512) < 1){
const err910 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.airflow.operator/properties/awsConnId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema30.properties.awsConnId,data:data512};
if(vErrors === null){
vErrors = [err910];
}
else {
vErrors.push(err910);
}
errors++;
}
}
else {
const err911 = {instancePath:instancePath+"/steps/" + i3+"/awsConnId",schemaPath:"#/definitions/step.airflow.operator/properties/awsConnId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.awsConnId.type,parentSchema:schema30.properties.awsConnId,data:data512};
if(vErrors === null){
vErrors = [err911];
}
else {
vErrors.push(err911);
}
errors++;
}
}
if(data41.region !== undefined){
let data513 = data41.region;
if(typeof data513 === "string"){
if(func3(data513) < 1){
const err912 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.airflow.operator/properties/region/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema30.properties.region,data:data513};
if(vErrors === null){
vErrors = [err912];
}
else {
vErrors.push(err912);
}
errors++;
}
}
else {
const err913 = {instancePath:instancePath+"/steps/" + i3+"/region",schemaPath:"#/definitions/step.airflow.operator/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.region.type,parentSchema:schema30.properties.region,data:data513};
if(vErrors === null){
vErrors = [err913];
}
else {
vErrors.push(err913);
}
errors++;
}
}
if(data41.deferrable !== undefined){
let data514 = data41.deferrable;
if(typeof data514 !== "boolean"){
const err914 = {instancePath:instancePath+"/steps/" + i3+"/deferrable",schemaPath:"#/definitions/step.airflow.operator/properties/deferrable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema30.properties.deferrable.type,parentSchema:schema30.properties.deferrable,data:data514};
if(vErrors === null){
vErrors = [err914];
}
else {
vErrors.push(err914);
}
errors++;
}
}
if(data41.pool !== undefined){
let data515 = data41.pool;
if(typeof data515 === "string"){
if(func3(data515) < 1){
const err915 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.airflow.operator/properties/pool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema30.properties.pool,data:data515};
if(vErrors === null){
vErrors = [err915];
}
else {
vErrors.push(err915);
}
errors++;
}
}
else {
const err916 = {instancePath:instancePath+"/steps/" + i3+"/pool",schemaPath:"#/definitions/step.airflow.operator/properties/pool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.pool.type,parentSchema:schema30.properties.pool,data:data515};
if(vErrors === null){
vErrors = [err916];
}
else {
vErrors.push(err916);
}
errors++;
}
}
}
else {
const err917 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/definitions/step.airflow.operator/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.type,parentSchema:schema30,data:data41};
if(vErrors === null){
vErrors = [err917];
}
else {
vErrors.push(err917);
}
errors++;
}
}
else {
const err918 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/properties/steps/items/discriminator",keyword:"discriminator",params:{error: "mapping", tag: "kind", tagValue: tag0},message:"value of tag \"kind\" must be in oneOf",schema:schema11.properties.steps.items.discriminator,parentSchema:schema11.properties.steps.items,data:data41};
if(vErrors === null){
vErrors = [err918];
}
else {
vErrors.push(err918);
}
errors++;
}
}
else {
const err919 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/properties/steps/items/discriminator",keyword:"discriminator",params:{error: "tag", tag: "kind", tagValue: tag0},message:"tag \"kind\" must be string",schema:schema11.properties.steps.items.discriminator,parentSchema:schema11.properties.steps.items,data:data41};
if(vErrors === null){
vErrors = [err919];
}
else {
vErrors.push(err919);
}
errors++;
}
}
else {
const err920 = {instancePath:instancePath+"/steps/" + i3,schemaPath:"#/properties/steps/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.steps.items.type,parentSchema:schema11.properties.steps.items,data:data41};
if(vErrors === null){
vErrors = [err920];
}
else {
vErrors.push(err920);
}
errors++;
}
}
}
else {
const err921 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.steps.type,parentSchema:schema11.properties.steps,data:data40};
if(vErrors === null){
vErrors = [err921];
}
else {
vErrors.push(err921);
}
errors++;
}
}
}
else {
const err922 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err922];
}
else {
vErrors.push(err922);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

