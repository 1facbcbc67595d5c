/**
 * A moto server (the moto virtualenv's `moto_server`) on 127.0.0.1 for tests that need real AWS APIs over HTTP.
 * The test that starts one stops it. Nothing here skips: a missing virtualenv fails the test.
 */
import { dirname, join } from 'node:path';
import { startMotoServer, type MotoServer } from '../../src/test-runner/moto-server';
import { venvPython } from './venvs';

export { freeLoopbackPort, type MotoServer } from '../../src/test-runner/moto-server';

/**
 * Starts the moto virtualenv's `moto_server` on 127.0.0.1 (never another interface) and waits until its
 * /moto-api/ answers. Throws with moto's output when it does not come up.
 */
export function startMoto(timeoutMs = 30_000): Promise<MotoServer> {
  return startMotoServer(join(dirname(venvPython('moto')), 'moto_server'), timeoutMs);
}
