import type { JsonPath, SourceRange } from '../diagnostics/types';
import type { Locator } from '../diagnostics/reporter';

/**
 * The locator of a file the fast path loaded: it parses the text with the full `yaml` path the first time a
 * position is asked for (a diagnostic or a lint finding), then answers as YamlLocator. A file nothing is reported
 * about is never parsed twice, so code on the success path must not call `locate`.
 */
export class LazyYamlLocator implements Locator {
  private locator: Locator | undefined;

  /** `text` is the file's text without its byte-order mark, as the loader parsed it. */
  constructor(private readonly text: string) {}

  /** Whether a position has been asked for (and the text parsed for it). */
  get materialized(): boolean {
    return this.locator !== undefined;
  }

  locate(path: JsonPath, at: 'key' | 'value' = 'value'): SourceRange {
    if (!this.locator) {
      const { composeDocuments, YamlLocator } = require('./yaml-locator') as typeof import('./yaml-locator');
      const { LineCounter, Parser } = require('yaml') as typeof import('yaml');
      const lineCounter = new LineCounter();
      const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(this.text));
      // The fast path accepted the text, so it holds exactly one document, free of errors.
      this.locator = new YamlLocator(composeDocuments(tokens, this.text)[0]!, lineCounter);
    }
    return this.locator.locate(path, at);
  }
}
