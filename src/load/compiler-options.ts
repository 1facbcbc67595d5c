/**
 * Compiler options for pipeline files, in tsconfig form. The checker uses them, and `dagsmith init` writes them to
 * pipelines/tsconfig.json so that the editor checks what dagsmith checks.
 * No ambient `types` (a pipeline is a pure function of its source; Node's globals are not part of the SDK) and
 * `isolatedModules`, because each file is transpiled on its own.
 */
export const PIPELINE_COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'preserve',
  moduleResolution: 'bundler',
  lib: ['ES2023'],
  types: [] as string[],
  strict: true,
  noEmit: true,
  isolatedModules: true,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  esModuleInterop: true,
  skipLibCheck: true,
  forceConsistentCasingInFileNames: true,
};
