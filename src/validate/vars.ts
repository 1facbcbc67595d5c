import type { JsonPath } from '../diagnostics/types';
import type { Reporter } from '../diagnostics/reporter';
import { didYouMean } from '../util/suggest';

const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Replaces deploy-time variables `${name}` in every string value (not in keys) with the environment's value.
 * `$${` writes a literal `${`; `{{ ... }}` (Airflow Jinja) is left alone. Undefined or malformed references are
 * reported at the string that holds them, left as written, and their paths returned so that later checks leave
 * them alone instead of reporting the same mistake again. The caller bounds the data's depth (checkDataLimits).
 * What holds no reference is returned as it is, shared with `data` (which nothing changes), not copied.
 */
export function resolveVariables(data: unknown, vars: ReadonlyMap<string, string>, reporter: Reporter): { data: unknown; unresolved: JsonPath[] } {
  const unresolved: JsonPath[] = [];
  // The path of the value being walked, one array pushed and popped: copied only for a string that has a reference.
  const path: (string | number)[] = [];
  // A mapping or list is copied only when a value inside it changes; the rest of the data is returned as it was.
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return value.includes('$') ? substitute(value, path.slice()) : value;
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        const v = walk(value[i]);
        path.pop();
        if (!Object.is(v, value[i])) (copy ??= value.slice())[i] = v;
      }
      return copy ?? value;
    }
    if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj);
      // Anything but a plain mapping (which neither YAML nor a TypeScript pipeline's data has) becomes one.
      let copy: Record<string, unknown> | undefined = Object.getPrototypeOf(obj) === Object.prototype ? undefined : {};
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        path.push(key);
        const v = walk(obj[key]);
        path.pop();
        if (!copy && !Object.is(v, obj[key])) {
          copy = {};
          for (let j = 0; j < i; j++) setOwn(copy, keys[j]!, obj[keys[j]!]);
        }
        if (copy) setOwn(copy, key, v);
      }
      return copy ?? value;
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
