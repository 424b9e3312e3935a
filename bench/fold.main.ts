import { printTable } from './bench-kit';
import { runFoldBench } from './fold.bench';

/**
 * The fold bench alone, without a database or the other suites: to profile it,
 * `node --cpu-prof -r tsconfig-paths/register dist/out-tsc/bench/fold.main.js` after `npx tsc -p tsconfig.build.json`
 * (with TS_NODE_BASEURL=dist/out-tsc, as scripts/start.mjs runs the compiled mains).
 */
runFoldBench().then(
  ({ rows }) => printTable('fold', rows),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
