/** An indent-aware line writer for Python source. Lines are joined with '\n' and the file ends with one. */
export class PyWriter {
  private readonly lines: string[] = [];
  private currentIndent = '';

  /** The indentation of the lines written now (4 spaces a level). */
  get indent(): string {
    return this.currentIndent;
  }

  /** Writes one logical line (which may itself contain newlines from a multi-line expression). */
  line(text = ''): this {
    this.lines.push(text === '' ? '' : this.currentIndent + text);
    return this;
  }

  /** Writes an empty line, unless the last line is one already. */
  blank(): this {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
    return this;
  }

  /** Writes `header` (ending in ':') and runs `body` one level deeper. */
  block(header: string, body: () => void): this {
    this.line(header);
    const outer = this.currentIndent;
    this.currentIndent = outer + '    ';
    try {
      body();
    } finally {
      this.currentIndent = outer;
    }
    return this;
  }

  toString(): string {
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === '') this.lines.pop();
    return this.lines.join('\n') + '\n';
  }
}
