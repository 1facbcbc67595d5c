import { makeRng } from '../load/yaml-generator';

/**
 * `count` texts, each 0 to `maxPieces - 1` pieces drawn from `pieces` (seeded: a failure names the text, and the same
 * seed repeats it), after the hand-picked `edges`: inputs for a differential test of a fast path against the general
 * code it replaces.
 */
export function randomTexts(pieces: readonly string[], opts: { seed: number; count: number; maxPieces: number; edges: readonly string[] }): string[] {
  const rnd = makeRng(opts.seed);
  const texts = [...opts.edges];
  for (let i = 0; i < opts.count; i++) {
    let t = '';
    const n = Math.floor(rnd() * opts.maxPieces);
    for (let j = 0; j < n; j++) t += pieces[Math.floor(rnd() * pieces.length)];
    texts.push(t);
  }
  return texts;
}
