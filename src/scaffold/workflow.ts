/**
 * The GitHub Actions workflow `dagsmith init` writes to .github/workflows/dagsmith.yml: validate, lint with the
 * findings uploaded to code scanning (SARIF), compile --check, the pipeline tests (`dagsmith test`), and a Mermaid
 * graph of the changed pipelines posted
 * on the pull request. Pull requests from forks get a read-only token, so the two steps that write to GitHub run
 * only for branches of the repository itself; the checks run for everyone.
 */
export const WORKFLOW_PATH = '.github/workflows/dagsmith.yml';

export const WORKFLOW = `# dagsmith checks for every pull request that touches the pipelines.
name: dagsmith

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

jobs:
  check:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write   # upload the lint findings to code scanning
      pull-requests: write     # post the graph of the changed pipelines
    steps:
      - name: Check out
        uses: actions/checkout@v4
        with:
          fetch-depth: 0   # graph --changed compares with the base branch

      - name: Set up Node.js
        uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm

      - name: Install dagsmith
        run: npm ci

      - name: Validate pipelines
        run: npx dagsmith validate

      - name: Lint pipelines
        run: npx dagsmith lint --format sarif > dagsmith.sarif

      - name: Upload lint findings to code scanning
        if: always() && (github.event_name == 'push' || github.event.pull_request.head.repo.full_name == github.repository)
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: dagsmith.sarif
          category: dagsmith

      - name: Check generated DAGs are up to date
        run: npx dagsmith compile --check

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
        uses: marocchino/sticky-pull-request-comment@v2
        with:
          header: dagsmith-graph
          path: dagsmith-graph.md
`;
