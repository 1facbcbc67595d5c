/** Where commands print: injectable so tests can capture output without spawning a process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress is shown only there). */
  readonly interactive?: boolean;
}

/**
 * A stream whose reader went away (`dagsmith schema | head`) fails the next write with EPIPE, asynchronously: the
 * error would end the process with a stack trace. Such a stream is written no more; the command finishes and exits
 * with its own code (so `set -o pipefail` still sees a failed lint). Other stream errors stay errors.
 */
const closed = new WeakSet<NodeJS.WriteStream>();
const watched = new WeakSet<NodeJS.WriteStream>();

function writeTo(stream: NodeJS.WriteStream, text: string): void {
  if (!watched.has(stream)) {
    watched.add(stream);
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      closed.add(stream);
    });
  }
  if (closed.has(stream)) return;
  stream.write(text.endsWith('\n') ? text : text + '\n');
}

export const processIO: CliIO = {
  out: (t) => writeTo(process.stdout, t),
  err: (t) => writeTo(process.stderr, t),
  get interactive() {
    return Boolean(process.stderr.isTTY);
  },
};

export const EXIT = { ok: 0, inputErrors: 1, usage: 2, remote: 3 } as const;

/**
 * Third-party warnings are not dagsmith's output: the AWS SDK's Node.js version warning (NodeVersionSupportWarning,
 * printed on every sync and plan under Node.js 20) is switched off with the variable the SDK documents for it, unless
 * the user set it. dagsmith says what it has to say about the Node.js version itself, once (`init`, README).
 */
export function quietThirdPartyWarnings(env: NodeJS.ProcessEnv = process.env): void {
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}
