import type { CodeInfo } from '../code-info';

/** DS6xx, sync: deploying to S3 and MWAA. See src/diagnostics/codes.ts. */
export const SYNC_CODES = {
  DS600: {
    severity: 'error',
    title: 'dags-out/ is not what compile writes (sync refused)',
    why: 'sync deploys the compiled DAGs; deploying a stale or hand-edited dags-out/ would deploy something nobody reviewed.',
    fix: 'Run `dagsmith compile` (for the same environment) and commit the result, then sync.',
  },
  DS601: {
    severity: 'error',
    title: 'the stored sync manifest cannot be used',
    why: 'sync compares the bucket with the manifest of the last sync to know what it deployed; an unreadable one cannot be trusted.',
    fix: 'Look at the manifest object named in the message; remove it only if you know what is deployed.',
  },
  DS602: {
    severity: 'error',
    title: 'object not deployed by dagsmith is in the way',
    why: 'sync overwrites and removes only objects it deployed; another object at a DAG’s key would be lost.',
    fix: 'Move the object away, or give the pipeline another id.',
  },
  DS603: {
    severity: 'error',
    title: 'another sync holds the DAG prefix',
    why: 'Two syncs at once to the same prefix would interleave their uploads and removals. A running sync renews its lock; one that was stopped releases it; one that was killed leaves it to expire after its lease (5 minutes).',
    fix: 'Wait for the other sync to finish, or for the lock of a killed sync to expire; if you know its sync is gone, `sync --force-unlock ID` with the lock id the message names breaks it at once.',
  },
  DS610: {
    severity: 'error',
    title: 'no MWAA API at the endpoint sync asks',
    why: '`--env` with an MWAA environment asks the MWAA API (GetEnvironment) which bucket and folder to deploy to; the endpoint the AWS configuration names does not answer it (a local S3 server, a proxy, a wrong region or URL).',
    fix: 'Point AWS_ENDPOINT_URL_MWAA (or AWS_ENDPOINT_URL) at the MWAA API, or deploy to the bucket itself with `--bucket s3://BUCKET/PREFIX`, adding `--env` for the environment\u2019s values.',
  },
  DS630: {
    severity: 'error',
    title: 'MWAA environment cannot be described',
    why: 'sync reads the environment (bucket, DAG folder, Airflow version, status) before it uploads anything.',
    fix: 'Check the environment name and region in dagsmith.config.yaml and the credentials\u2019 airflow:GetEnvironment permission.',
  },
  DS631: {
    severity: 'error',
    title: 'MWAA environment is not AVAILABLE',
    why: 'Uploading while the environment is updating or failing would mix old and new DAGs with an update in flight.',
    fix: 'Wait until it is AVAILABLE, or pass --wait.',
  },
  DS632: {
    severity: 'error',
    title: 'MWAA environment runs another Airflow version than the DAGs were compiled for',
    why: 'DAGs compiled for one Airflow use its imports and operator arguments; another version may refuse them.',
    fix: 'Set the environment\u2019s `airflow:` in dagsmith.config.yaml to the version MWAA runs, and compile again.',
  },
  DS633: {
    severity: 'error',
    title: 'bucket of the MWAA environment is not versioned',
    why: 'MWAA reads requirements, plugins and startup scripts by object version; an unversioned bucket gives none.',
    fix: 'Turn on versioning for the bucket (MWAA requires it).',
  },
  DS634: {
    severity: 'error',
    title: 'MWAA environment update failed or did not finish in time',
    why: 'New requirements or plugins take effect only through an environment update, which failed or is still running.',
    fix: 'Look at the environment in the MWAA console; correct the requirements or plugins, or wait longer.',
  },
  DS635: {
    severity: 'error',
    title: 'MWAA reports import errors in deployed DAGs',
    why: 'The deployed DAG files do not import in the environment (a missing package, a plugin, a version mismatch).',
    fix: 'Read the error shown; correct the requirements or the pipeline and sync again.',
  },
  DS636: {
    severity: 'error',
    title: 'plugins folder cannot be packed into plugins.zip',
    why: 'plugins.zip takes regular files only, within limits of depth and count, unchanged while they are read.',
    fix: 'Remove links and special files from the plugins folder, or make it smaller.',
  },
  DS637: {
    severity: 'error',
    title: 'MWAA CLI endpoint gave no usable answer',
    why: '--verify asks Airflow in the environment for import errors through MWAA\u2019s CLI endpoint, which did not answer usably.',
    fix: 'Check the airflow:CreateCliToken permission and the web server\u2019s network access, or sync without --verify.',
  },
  DS638: {
    severity: 'error',
    title: 'environment has no MWAA settings',
    why: 'sync --env needs to know where to deploy: an MWAA environment (mwaa: {name, region}) or a bucket.',
    fix: 'Add `mwaa:` or `bucket:` to the environment in dagsmith.config.yaml.',
  },
  DS639: {
    severity: 'error',
    title: 'requirements, plugins or startup script cannot be read or uploaded',
    why: 'The environment\u2019s requirements, plugins.zip or startup script could not be read locally or uploaded, so the environment cannot be updated consistently.',
    fix: 'Check the file named in the message and the bucket permissions, then sync again.',
  },
} as const satisfies Record<string, CodeInfo>;
