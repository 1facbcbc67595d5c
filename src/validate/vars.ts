import type { JsonPath } from '../diagnostics/types';
import type { Reporter } from '../load/source';
import { didYouMean } from '../util/suggest';

const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Replaces deploy-time variables `${name}` in every string value (not in keys) with the environment's value.
 * `$${` writes a literal `${`; `{{ ... }}` (Airflow Jinja) is left alone. Undefined or malformed references are
 * reported at the string that holds them, left as written, and their paths returned so that later checks leave
 * them alone instead of reporting the same mistake again. The caller bounds the data's depth (checkDataLimits).
 */
export function resolveVariables(
  data: unknown,
  vars: ReadonlyMap<string, string>,
  reporter: Reporter,
): { data: unknown; unresolved: JsonPath[] } {
  const unresolved: JsonPath[] = [];
  // The path of the value being walked, one array pushed and popped: copied only for a string that has a reference.
  const path: (string | number)[] = [];
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return value.includes('$') ? substitute(value, path.slice()) : value;
    if (Array.isArray(value)) {
      return value.map((v, i) => {
        path.push(i);
        const out = walk(v);
        path.pop();
        return out;
      });
    }
    if (value && typeof value === 'object') {
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        path.push(key);
        setOwn(copy, key, walk((value as Record<string, unknown>)[key]));
        path.pop();
      }
      return copy;
    }
    return value;
  };

  const substitute = (text: string, path: JsonPath): string => {
    let out = '';
    let i = 0;
    while (i < text.length) {
      if (text.startsWith('$${', i)) {
        out += '${';
        i += 3;
        continue;
      }
      if (text.startsWith('${', i)) {
        const end = text.indexOf('}', i + 2);
        const name = end < 0 ? '' : text.slice(i + 2, end);
        if (end < 0 || !VAR_NAME.test(name)) {
          unresolved.push(path);
          reporter.report('DS320', path, `malformed variable reference in ${JSON.stringify(text)}: write \${name} (or $\${ for a literal \${)`);
          return text;
        }
        const v = vars.get(name);
        if (v === undefined) {
          if (!unresolved.includes(path)) unresolved.push(path);
          const defined = [...vars.keys()];
          reporter.report('DS312', path, `variable '${name}' is not defined in the selected environment`, {
            hint: didYouMean(name, defined) ?? (defined.length ? `defined: ${defined.join(', ')}` : 'define it under vars: in dagsmith.config.yaml'),
          });
          out += text.slice(i, end + 1);
          i = end + 1;
          continue;
        }
        out += v;
        i = end + 1;
        continue;
      }
      out += text[i];
      i++;
    }
    return out;
  };

  return { data: walk(data), unresolved };
}

/** Sets an own property: a key such as `__proto__` is data here, not the prototype (as with Object.fromEntries). */
function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}
