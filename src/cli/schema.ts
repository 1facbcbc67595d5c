import { publicSchemaText } from '../schema/validate';
import { EXIT, type CliIO } from './io';

export async function schema(_opts: { cwd: string }, io: CliIO): Promise<number> {
  io.out(publicSchemaText());
  return EXIT.ok;
}
