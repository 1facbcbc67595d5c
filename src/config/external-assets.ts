/**
 * `externalAssets` of dagsmith.config.yaml for one compile: `${name}` resolved with the environment's variables.
 * DS170 when the resolved URI is one Airflow refuses; DS171 when an entry names a variable the environment lacks.
 */
import { assetUriError } from '../base/asset-condition';
import { makeDiagnostic } from '../diagnostics/diagnostic';
import type { Diagnostic } from '../diagnostics/types';
import { didYouMean } from '../util/suggest';
import type { ProjectConfig } from './project-config';

const START = { line: 1, col: 1, endLine: 1, endCol: 1 };

export function externalAssetsOf(config: ProjectConfig, vars: ReadonlyMap<string, string>): { uris: string[]; diagnostics: Diagnostic[] } {
  const uris: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const file = config.file ?? 'dagsmith.config.yaml';
  const at = (i: number) => config.locate?.(['externalAssets', i]) ?? START;
  config.externalAssets.forEach((entry, i) => {
    if (!entry.includes('${')) {
      uris.push(entry);
      return;
    }
    let missing: string | undefined;
    const uri = entry.replace(/\$\{([^}]*)\}/g, (_m, name: string) => {
      const v = vars.get(name);
      if (v === undefined) missing ??= name;
      return v ?? '';
    });
    if (missing !== undefined) {
      const hint = didYouMean(missing, vars.keys());
      diagnostics.push(
        makeDiagnostic(
          'DS171',
          file,
          at(i),
          `externalAssets entry ${JSON.stringify(entry)} uses \${${missing}}, which this compile's variables do not define`,
          {
            path: ['externalAssets', i],
            ...(hint ? { hint } : {}),
          },
        ),
      );
      return;
    }
    const err = assetUriError(uri);
    if (err)
      diagnostics.push(
        makeDiagnostic('DS170', file, at(i), `${err.message} (externalAssets entry ${JSON.stringify(entry)})`, { path: ['externalAssets', i] }),
      );
    else uris.push(uri);
  });
  return { uris, diagnostics };
}
