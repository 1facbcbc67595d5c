/**
 * Collects the generated file's imports and writes them in PEP 8 groups: the standard library (datetime), then
 * pendulum, then Airflow and its providers; sorted by module within a group, a blank line between groups.
 */
export class Imports {
  private readonly fromImports = new Map<string, Set<string>>();
  private readonly modules = new Set<string>();
  /** Local name -> `module:symbol` it is bound to. */
  private readonly bound = new Map<string, string>();

  /**
   * Imports `symbol` from `module` and returns the name to use. Two modules may export the same name (an
   * airflow.operator class can be named like one dagsmith imports): the later one is imported `as NAME_2`.
   */
  from(module: string, symbol: string): string {
    const key = `${module}:${symbol}`;
    let local = symbol;
    for (let n = 2; this.bound.has(local) && this.bound.get(local) !== key; n++) local = `${symbol}_${n}`;
    this.bound.set(local, key);
    if (!this.fromImports.has(module)) this.fromImports.set(module, new Set());
    this.fromImports.get(module)!.add(local === symbol ? symbol : `${symbol} as ${local}`);
    return local;
  }

  module(m: string): void {
    this.modules.add(m);
  }

  names(): string[] {
    return [...this.bound.keys()];
  }

  lines(): string[] {
    const std = ['datetime', 'json'];
    const order = (m: string) => (std.includes(m) ? 0 : m === 'pendulum' ? 1 : 2);
    const entries: [string, string][] = [
      ...[...this.modules].map((m): [string, string] => [m, `import ${m}`]),
      ...[...this.fromImports].map(([m, names]): [string, string] => [m, `from ${m} import ${[...names].sort().join(', ')}`]),
    ];
    entries.sort((a, b) => order(a[0]) - order(b[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const out: string[] = [];
    let last = -1;
    for (const [m, line] of entries) {
      if (last !== -1 && order(m) !== last && (last === 0 || order(m) === 2)) out.push('');
      last = order(m);
      out.push(line);
    }
    return out;
  }
}
