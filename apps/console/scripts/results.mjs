import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Leaves a run's counts where scripts/test.mjs totals them (POLICE_TEST_RESULTS, else dist/test-results). */
export function writeResults(name, counts) {
  const dir = process.env.POLICE_TEST_RESULTS ?? path.join(root, 'dist', 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ project: 'apps/console', kind: name, ...counts }));
}
