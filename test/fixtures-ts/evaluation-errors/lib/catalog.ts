import { glue } from 'dagsmith';

const CATALOG: Record<string, string[]> = { sales: ['orders', 'refunds'] };

export function jobsFor(domain: string) {
  const tables = CATALOG[domain];
  if (!tables) throw new RangeError(`unknown domain '${domain}'`);
  return tables.map((t) => glue.job({ id: t, job: t }));
}
