// One Jest configuration for every project; `kind` picks the test suffix.
// unit: *.unit.spec.ts (pure, no I/O); int: *.int.spec.ts (real PostgreSQL/Kafka); e2e: *.e2e.spec.ts (a service over HTTP);
// chaos: *.chaos.spec.ts (fault injection, `npm run chaos`: servers of its own, which scripts/chaos.mjs starts and stops).
const path = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

const timeouts = { unit: 10_000, int: 120_000, e2e: 120_000, chaos: 300_000 };

function jestConfig(projectRoot, kind) {
  const root = path.resolve(__dirname, projectRoot);
  return {
    rootDir: root,
    displayName: `${path.basename(root)}:${kind}`,
    testEnvironment: 'node',
    testMatch: [`<rootDir>/**/*.${kind}.spec.ts`],
    // The KurrentDB adapter's suite runs only where a KurrentDB server is given (none can run on our CI machines).
    testPathIgnorePatterns: [
      '/node_modules/',
      '/dist/',
      '/lint-fixtures/',
      ...(process.env.KURRENTDB_URL ? [] : ['\\.kurrentdb\\.int\\.spec\\.ts$']),
    ],
    transform: {
      '^.+\\.ts$': ['ts-jest', { tsconfig: path.resolve(__dirname, 'tsconfig.spec.json') }],
    },
    moduleFileExtensions: ['ts', 'js', 'json'],
    moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: `${__dirname}/` }),
    setupFiles: [path.resolve(__dirname, 'libs/testing/src/jest-setup.js')],
    setupFilesAfterEnv: [path.resolve(__dirname, 'libs/testing/src/jest-after-env.js')],
    globalSetup: kind === 'unit' || kind === 'chaos' ? undefined : path.resolve(__dirname, 'libs/testing/src/jest-global-setup.js'),
    globalTeardown: kind === 'unit' || kind === 'chaos' ? undefined : path.resolve(__dirname, 'libs/testing/src/jest-global-teardown.js'),
    testTimeout: timeouts[kind],
  };
}

module.exports = { jestConfig };
