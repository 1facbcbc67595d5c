/**
 * The GitHub Actions workflow `dagsmith init` writes to .github/workflows/dagsmith.yml (and `init --update`
 * rewrites): a check job for every pull request and push, and a deploy job per environment of the config for pushes
 * to main; the check job also runs the pipeline tests (`dagsmith test`). Pull requests from forks get a read-only token, so the steps that write to GitHub (the SARIF upload, the
 * graph comment) run only for branches of the repository itself; forks get the lint findings as annotations.
 *
 * Action majors (checked December 2026): actions/checkout@v6, actions/setup-node@v6,
 * github/codeql-action/upload-sarif@v4 (v3 runs on Node.js 20 and is retired with it),
 * marocchino/sticky-pull-request-comment@v3, aws-actions/configure-aws-credentials@v6 — each on Node.js 24.
 */
export const WORKFLOW_PATH = '.github/workflows/dagsmith.yml';

/** What the workflow needs of an environment of dagsmith.config.yaml. */
export interface WorkflowEnvironment {
  /** Letters, digits, `_` and `-` (DS144): safe in YAML keys and in a shell command as it is. */
  readonly name: string;
  /** Whether it is an MWAA environment (then the deploy also checks that Airflow imported the DAGs). */
  readonly mwaa: boolean;
  /** The region of its MWAA environment, for the AWS credentials step (else the repository variable AWS_REGION). */
  readonly region?: string;
}

/** Steps of a pull request from this repository or a push: the token may write to GitHub. */
const SAME_REPO = "(github.event_name == 'push' || github.event.pull_request.head.repo.full_name == github.repository)";

const SETUP_STEPS = `      - name: Check out
        uses: actions/checkout@v6
        with:
          persist-credentials: false   # no step pushes

      - name: Set up Node.js
        uses: actions/setup-node@v6
        with:
          node-version: 22
          cache: npm

      - name: Install dagsmith
        run: npm ci`;

/** The workflow for a project with these environments (in the config's order: each deploy waits for the one before). */
export function workflowFor(environments: readonly WorkflowEnvironment[]): string {
  const jobs = [CHECK_JOB, ...environments.map((e, i) => deployJob(e, environments[i - 1]))];
  return `${HEADER}\n${jobs.join('\n')}`;
}

const HEADER = `# dagsmith: checks every pull request and push; deploys main to each environment of dagsmith.config.yaml.
# Written by \`dagsmith init\`; \`dagsmith init --update\` rewrites it (from the config's environments).
name: dagsmith

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

jobs:`;

const CHECK_JOB = `  check:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      actions: read            # upload-sarif reads the workflow run; required in private repositories
      security-events: write   # upload the lint findings to code scanning
      pull-requests: write     # post the graph of the changed pipelines
    steps:
${SETUP_STEPS.replace('          persist-credentials: false   # no step pushes', '          persist-credentials: false   # no step pushes\n          fetch-depth: 0               # graph --changed compares with the base branch')}

      - name: Validate pipelines for every environment
        run: npx dagsmith validate --all-envs

      - name: Lint pipelines
        run: npx dagsmith lint --format github   # findings as annotations, also on pull requests from forks

      - name: Lint findings as SARIF
        if: always() && ${SAME_REPO}
        run: npx dagsmith lint --format sarif > dagsmith.sarif || [ $? -eq 1 ]   # 1: findings, failed above

      - name: Upload lint findings to code scanning
        if: always() && hashFiles('dagsmith.sarif') != '' && ${SAME_REPO}
        uses: github/codeql-action/upload-sarif@v4
        with:
          sarif_file: dagsmith.sarif
          category: dagsmith

      - name: Check generated DAGs are up to date for every environment
        run: npx dagsmith compile --check --all-envs

      # Runs tests/ end to end: the pipelines in the real Airflow of their target against an emulated AWS
      # (docs/testing.md); the first run installs the Airflow environment into ~/.cache/dagsmith.
      - name: Test pipelines
        run: npx dagsmith test

      - name: Graph changed pipelines
        if: github.event_name == 'pull_request'
        env:
          BASE_REF: \${{ github.base_ref }}
        run: npx dagsmith graph --changed "origin/$BASE_REF" > dagsmith-graph.md

      - name: Post the graph on the pull request
        if: github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository
        uses: marocchino/sticky-pull-request-comment@v3
        with:
          header: dagsmith-graph
          path: dagsmith-graph.md
`;

function deployJob(env: WorkflowEnvironment, previous: WorkflowEnvironment | undefined): string {
  const approval = /^prod/i.test(env.name)
    ? `    # Manual approval: in Settings > Environments, give '${env.name}' required reviewers; this job waits for one.\n`
    : `    # For a manual approval, give the GitHub environment '${env.name}' required reviewers (Settings > Environments).\n`;
  return `  deploy-${env.name}:
    needs: ${previous ? `deploy-${previous.name}` : 'check'}
    if: github.event_name == 'push' && github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
${approval}    environment: ${env.name}   # its variable DAGSMITH_DEPLOY_ROLE_ARN names the IAM role to deploy with
    concurrency:
      group: dagsmith-deploy-${env.name}
      cancel-in-progress: false   # never stop a sync half-way
    permissions:
      contents: read
      id-token: write   # OpenID Connect: assume the AWS role without stored keys
    steps:
${SETUP_STEPS}

      - name: AWS credentials
        uses: aws-actions/configure-aws-credentials@v6
        with:
          role-to-assume: \${{ vars.DAGSMITH_DEPLOY_ROLE_ARN }}
          aws-region: ${env.region ?? '${{ vars.AWS_REGION }}'}

      - name: Deploy to ${env.name}${env.mwaa ? ' and check that Airflow imports the DAGs' : ''}
        run: npx dagsmith sync --env ${env.name}${env.mwaa ? ' --verify' : ''}
`;
}
