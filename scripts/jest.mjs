#!/usr/bin/env node
// Runs one kind of test (unit | int | e2e | chaos) of one project with the shared Jest preset,
// and leaves a JSON result in dist/test-results for scripts/test.mjs to total up.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [projectRoot, kind, ...rest] = process.argv.slice(2);
if (!projectRoot || !['unit', 'int', 'e2e', 'chaos'].includes(kind)) {
  console.error('usage: node scripts/jest.mjs <projectRoot> <unit|int|e2e|chaos> [jest args]');
  process.exit(2);
}
const { jestConfig } = require(path.join(root, 'jest.preset.js'));
const { runCLI } = require('jest');

// The orchestrator (scripts/test.mjs) gives each run its own folder, so other runs cannot overwrite its results.
const resultsDir = process.env.POLICE_TEST_RESULTS ?? path.join(root, 'dist', 'test-results');
mkdirSync(resultsDir, { recursive: true });
const config = jestConfig(projectRoot, kind);
const argv = {
  config: JSON.stringify(config),
  passWithNoTests: true,
  ci: process.env.CI === 'true',
  runInBand: kind !== 'unit',
  maxWorkers: kind === 'unit' ? '50%' : 1,
  forceExit: false,
  _: rest,
  $0: 'jest',
};
const { results } = await runCLI(argv, [config.rootDir]);
const name = `${projectRoot.replace(/[\\/]/g, '_')}-${kind}.json`;
writeFileSync(
  path.join(resultsDir, name),
  JSON.stringify({
    project: projectRoot,
    kind,
    passed: results.numPassedTests,
    failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
    pending: results.numPendingTests + results.numTodoTests,
    success: results.success,
  }),
);
process.exit(results.success ? 0 : 1);
