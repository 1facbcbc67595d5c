/** An indent-aware line writer for Python source. Lines are joined with '\n' and the file ends with one. */
export class PyWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  get indent(): string {
    return '    '.repeat(this.depth);
  }

  /** Writes one logical line (which may itself contain newlines from a multi-line expression). */
  line(text = ''): this {
    this.lines.push(text === '' ? '' : this.indent + text);
    return this;
  }

  blank(): this {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
    return this;
  }

  /** Writes `header` (ending in ':') and runs `body` one level deeper. */
  block(header: string, body: () => void): this {
    this.line(header);
    this.depth++;
    try {
      body();
    } finally {
      this.depth--;
    }
    return this;
  }

  toString(): string {
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === '') this.lines.pop();
    return this.lines.join('\n') + '\n';
  }
}
