/** dagsmith's own version (package.json), for the CLI, SARIF, manifests and the cache key. */
export const VERSION: string = (require('../../package.json') as { version: string }).version;
