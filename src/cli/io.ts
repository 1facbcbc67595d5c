/** Where commands print: injectable so tests can capture output without spawning a process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress is shown only there). */
  readonly interactive?: boolean;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  get interactive() {
    return Boolean(process.stderr.isTTY);
  },
};

export const EXIT = { ok: 0, inputErrors: 1, usage: 2, remote: 3 } as const;
