/** S3 URIs that a job's argument list names under a flag: what it reads (`--input`) or writes (`--output`). */

/**
 * The URIs of an argument list that follow a flag `flag` matches, as `--flag s3://...` (the next argument) or
 * `--flag=s3://...`, with their index in the list.
 */
export function urisAfterFlag(args: readonly string[], flag: RegExp): { index: number; uri: string }[] {
  const out: { index: number; uri: string }[] = [];
  args.forEach((a, i) => {
    const eq = /^(--?[\w-]+)=(s3:\/\/\S+)$/.exec(a);
    if (eq && flag.test(eq[1]!)) out.push({ index: i, uri: eq[2]! });
    else if (a.startsWith('s3://') && i > 0 && flag.test(args[i - 1]!)) out.push({ index: i, uri: a });
  });
  return out;
}
