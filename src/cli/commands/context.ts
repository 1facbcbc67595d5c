import type { CliIO } from '../io';

/** What every command gets: where it runs, where it prints, and how it sets the exit code. */
export interface CommandContext {
  readonly cwd: string;
  readonly io: CliIO;
  readonly exit: (code: number) => void;
}
