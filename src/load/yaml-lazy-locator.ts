import type { JsonPath, SourceRange } from '../diagnostics/types';
import type { Locator } from '../diagnostics/reporter';
import { PositionRecorder, PositionTable, positionTable, type PositionArrays } from './yaml-fast-positions';

/**
 * The locator of a file the fast path loaded. The first time a position is asked for (a diagnostic or a lint
 * finding), it builds a table of positions from what the fast parse recorded (src/load/yaml-fast-positions.ts);
 * for a document whose constructs that table does not cover, it parses the text with the full `yaml` path and then
 * answers as YamlLocator. Either way the answers are YamlLocator's.
 */
export class LazyYamlLocator implements Locator {
  private locator: Locator | PositionTable | undefined;

  /**
   * `text` is the file's text without its byte-order mark, as the loader parsed it; `recorded`, what the fast parse
   * recorded of it, or the positions the block parser computed (src/load/yaml-block.ts).
   */
  constructor(
    private readonly text: string,
    private recorded?: PositionRecorder | PositionArrays,
  ) {}

  /** Whether a position has been asked for (and the positions computed for it). */
  get materialized(): boolean {
    return this.locator !== undefined;
  }

  /** Whether the positions came from the full parser (the fast table did not cover the document). */
  get parsedAgain(): boolean {
    return this.locator !== undefined && !(this.locator instanceof PositionTable);
  }

  locate(path: JsonPath, at: 'key' | 'value' = 'value'): SourceRange {
    if (!this.locator) {
      const recorded = this.recorded;
      const table = recorded instanceof PositionRecorder ? positionTable(this.text, recorded) : recorded && new PositionTable(this.text, recorded);
      this.locator = table ?? fullLocator(this.text);
      this.recorded = undefined;
    }
    return this.locator.locate(path, at);
  }
}

function fullLocator(text: string): Locator {
  const { composeDocuments, YamlLocator } = require('./yaml-locator') as typeof import('./yaml-locator');
  const { LineCounter, Parser } = require('yaml') as typeof import('yaml');
  const lineCounter = new LineCounter();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  // The fast path accepted the text, so it holds exactly one document, free of errors.
  return new YamlLocator(composeDocuments(tokens, text)[0]!, lineCounter);
}
