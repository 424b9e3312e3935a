#!/usr/bin/env node
// `npm run fuzz` (and a step of `npm test`): contract fuzzing of the real embedded product with
// Schemathesis (docs/adr/0015-contract-fuzzing.md).
//   1. installs the pinned Schemathesis into a cached virtual environment (scripts/fuzz/schemathesis.mjs);
//   2. compiles and starts `npm start`'s main (`--fresh`) on its own port with its own data folder in the
//      temp folder, its rate limits raised so every answer is the route's own (SEARCH_RATE_LIMIT,
//      AUTH_RATE_LIMIT, LOGIN_FAILURE_LIMIT);
//   3. takes development tokens for the personas and seeds a few realistic records through the API
//      (scripts/fuzz/seed.mjs);
//   4. runs Schemathesis against every document the product serves (each service's and the platform's),
//      as two personas each (PERSONAS), with every check on; the seeded ids are dictionaries its path
//      parameters draw from; each operation accepts, for a schema-valid request, only a success or the
//      domain refusals its document lists (statusesOf);
//   5. writes each run's config, log and JUnit XML to dist/fuzz/<document>.<persona>/ and
//      {passed, failed, pending} to the test run's results folder: one test per operation and persona (a
//      failed test: any check failed on that operation as that persona), plus each run's stateful test.
// It stops by itself: each run is bounded by max-examples and killed past its time limit, and the whole
// fuzz by FUZZ_TIME_LIMIT; a run cut short counts as failed.
// Options: --persona a,b  --document reports,platform  --max-examples N  --seed N  --continue-on-failure
// Environment: FUZZ_PORT (default: a free port), FUZZ_MAX_EXAMPLES (10), FUZZ_SEED, FUZZ_JOBS (Schemathesis
// runs at once, default 2), FUZZ_TIME_LIMIT (seconds for all runs, default 600).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { devTokens, seed, SEED_USERS } from './fuzz/seed.mjs';
import { ensureSchemathesis } from './fuzz/schemathesis.mjs';
import { build, run } from './start.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'fuzz');
const SERVICES = ['reports', 'investigations', 'evidence', 'integrity'];
const DOCUMENTS = [...SERVICES, 'platform'];

/**
 * Who the fuzz acts as, per document: the persona whose work the service holds, so requests reach its
 * domain rules, and one from elsewhere, so they reach its access rules (need-to-know, roles). Four
 * personas in all: the desk officer (an.peeters), a detective of one team (pieter.janssens), the evidence
 * custodian (marc.goossens) and an oversight officer of Intern Toezicht (bart.desmet; the consultation log).
 */
const PERSONAS = {
  reports: ['an.peeters', 'pieter.janssens'],
  investigations: ['pieter.janssens', 'marc.goossens'],
  evidence: ['marc.goossens', 'pieter.janssens'],
  integrity: ['bart.desmet', 'pieter.janssens'],
  platform: ['bart.desmet', 'an.peeters'],
};

/** Limits for the product under fuzz: far above what a fuzz run sends, so every answer is the route's own. */
const FUZZ_LIMITS = { SEARCH_RATE_LIMIT: '1000000', AUTH_RATE_LIMIT: '1000000', LOGIN_FAILURE_LIMIT: '1000000' };

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = process.argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
  return value;
}

function list(value, known, what) {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = items.filter((i) => !known.includes(i));
  if (unknown.length) throw new Error(`unknown ${what}: ${unknown.join(', ')} (known: ${known.join(', ')})`);
  return items;
}

function positive(value, what) {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${what} must be a positive whole number, got "${value}"`);
  return n;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

const log = (m) => console.log(`[fuzz] ${m}`);
const secs = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

/** The embedded product (`npm start --fresh`'s compiled main), its output in dist/fuzz/product.log. */
async function startProduct(port, dataDir) {
  const logFile = path.join(out, 'product.log');
  const stream = createWriteStream(logFile);
  const env = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEV_AUTH: 'true', LOG_LEVEL: 'warn', ...FUZZ_LIMITS };
  const child = run('infra/embedded/src/main.js', ['--fresh'], env, { exitWithChild: false, stdio: 'pipe' });
  child.stdout.pipe(stream);
  child.stderr.pipe(stream);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (const service of SERVICES) {
    for (;;) {
      if (exited) throw new Error(`the product exited (${exited.code ?? exited.signal}) before it was up; see ${logFile}`);
      const ok = await fetch(`${base}/api/${service}/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`the product did not answer ${base}/api/${service}/health within 120 s; see ${logFile}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const stop = async () => {
    if (exited) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  };
  return { base, stop, exited: () => exited, logFile };
}

/** A TOML string (JSON's escapes are TOML's basic-string escapes for what we write). */
const toml = (value) => JSON.stringify(value);

/**
 * Path parameters drawn from the seeded ids (with this probability; else Schemathesis' own values, which
 * reach the not-found and malformed answers), per path: [path regex, parameter, dictionary].
 */
const SEEDED = 0.7;
const BINDINGS = [
  ['^/api/reports/pvs/\\{pvId\\}', 'pvId', 'pv'],
  ['^/api/reports/\\{id\\}', 'id', 'report'],
  ['^/api/investigations/\\{id\\}', 'id', 'investigation'],
  ['^/api/investigations/\\{id\\}/members/\\{staffId\\}', 'staffId', 'staff'],
  ['^/api/investigations/\\{id\\}/parties/\\{partyLinkId\\}', 'partyLinkId', 'partyLink'],
  ['^/api/investigations/\\{id\\}/tasks/\\{taskId\\}', 'taskId', 'task'],
  ['^/api/investigations/\\{id\\}/series-links/\\{otherInvestigationId\\}', 'otherInvestigationId', 'investigation'],
  ['^/api/evidence/items/\\{id\\}', 'id', 'item'],
  ['^/api/evidence/items/\\{id\\}/handovers/\\{handoverId\\}', 'handoverId', 'handover'],
  ['^/api/evidence/found-objects/\\{id\\}', 'id', 'foundObject'],
  ['^/api/integrity/complaints/\\{id\\}', 'id', 'complaint'],
  ['^/api/integrity/staff/\\{staffId\\}', 'staffId', 'staff'],
];

/** The domain refusals a schema-valid request may get (ADR): the record is hidden or missing, its state or version forbids, a rule refuses. */
const DOMAIN_REFUSALS = [403, 404, 409, 412, 422, 428];

/**
 * What each check expects of one operation, from the statuses its document lists:
 * - a schema-valid request (positive_data_acceptance): a success, or one of the domain refusals the
 *   operation documents; 401 too where the operation asks for no token (the token route: unknown
 *   credentials are its refusal), never where the persona's valid token is sent. 400 (the document
 *   accepts what the edge refuses), 413, 415, 429 and 503 stay failures;
 * - a schema-invalid request (negative_data_rejection): any refusal the operation documents;
 * - a request without a required header (missing_required_header): any documented refusal but 412
 *   (a missing If-Match is not a stale one: 428).
 */
function statusesOf(operation) {
  const documented = Object.keys(operation.responses ?? {})
    .map(Number)
    .filter((s) => s >= 400 && s < 500);
  const acceptable = documented.filter((s) => DOMAIN_REFUSALS.includes(s) || (s === 401 && !operation.security?.length));
  return {
    positive: ['2xx', ...acceptable.map(String)],
    negative: documented.map(String),
    missingHeader: documented.filter((s) => s !== 412).map(String),
  };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** The Schemathesis configuration of one run (schemathesis.toml; see the ADR for each choice). */
function config({ document, spec, base, token, ids, maxExamples, seed: runSeed, reportDir, continueOnFailure }) {
  const lines = [
    `base-url = ${toml(base)}`,
    // The persona's token in the config file, not on a command line other users of the machine can list.
    `headers = { Authorization = ${toml(`Bearer ${token}`)} }`,
    // One worker per run (runs go in parallel instead): Python 3.11's ast module is not safe across
    // threads, and Hypothesis parses lambdas' source while generating ("AST constructor recursion depth
    // mismatch" as a run error with two workers).
    'workers = 1',
    `seed = ${runSeed}`,
    `continue-on-failure = ${continueOnFailure}`,
    'request-timeout = 30',
    'color = false',
    '',
    '[generation]',
    `max-examples = ${maxExamples}`,
    'mode = "all"',
    // Reproducible from the seed alone: no examples database carried between runs.
    'database = "none"',
    '',
    '[phases.examples]',
    'enabled = true',
    '[phases.coverage]',
    'enabled = true',
    '[phases.fuzzing]',
    'enabled = true',
    '[phases.stateful]',
    'enabled = true',
    '',
    // Every check. An operation's expected statuses are its own (below); an operation left out of the
    // document's paths would expect a success only.
    '[checks]',
    'enabled = true',
    '[checks.positive_data_acceptance]',
    'expected-statuses = ["2xx"]',
    '',
    '[reports]',
    `directory = ${toml(reportDir)}`,
    '[reports.junit]',
    'enabled = true',
    '',
  ];
  const bindings = BINDINGS.filter(([regex, , dictionary]) => regex.startsWith(`^/api/${document}/`) && ids[dictionary]?.length);
  for (const dictionary of new Set(bindings.map((b) => b[2])))
    lines.push(`[dictionaries.${dictionary}]`, `values = ${toml(ids[dictionary])}`, '');
  for (const [route, item] of Object.entries(spec.paths)) {
    for (const method of METHODS.filter((m) => item[m])) {
      const statuses = statusesOf(item[method]);
      // An event stream (the live routes) never ends: read its first event (`ready`), then close it.
      const streams = Object.entries(item[method].responses ?? {}).some(
        ([status, answer]) => status.startsWith('2') && answer.content?.['text/event-stream'],
      );
      const seeded = bindings
        .filter(([regex]) => new RegExp(regex).test(route))
        .map(([, parameter, dictionary]) => `${toml(`path.${parameter}`)} = { dictionary = ${toml(dictionary)}, probability = ${SEEDED} }`);
      lines.push(
        '[[operations]]',
        `include-name = ${toml(`${method.toUpperCase()} ${route}`)}`,
        ...(seeded.length ? [`parameters = { ${seeded.join(', ')} }`] : []),
        ...(streams ? ['max-stream-events = 1'] : []),
        `checks.positive_data_acceptance.expected-statuses = ${toml(statuses.positive)}`,
        `checks.negative_data_rejection.expected-statuses = ${toml(statuses.negative)}`,
        `checks.missing_required_header.expected-statuses = ${toml(statuses.missingHeader)}`,
        '',
      );
    }
  }
  return lines.join('\n');
}

function runSchemathesis(st, args, logFile, timeoutMs) {
  return new Promise((resolve) => {
    const stream = createWriteStream(logFile);
    const child = spawn(st, args, {
      // Schemathesis keeps a cache (.schemathesis/) in its working folder: dist/fuzz, emptied every run.
      cwd: out,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NO_COLOR: '1',
        COLUMNS: '120',
        PYTHONPATH: path.join(root, 'scripts', 'fuzz'),
        PYTHONDONTWRITEBYTECODE: '1',
        SCHEMATHESIS_HOOKS: 'hooks',
      },
    });
    child.stdout.pipe(stream);
    child.stderr.pipe(stream);
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        child.kill('SIGKILL');
      },
      Math.max(timeoutMs, 1),
    );
    child.on('exit', (code) => {
      clearTimeout(timer);
      stream.end(() => resolve({ code, timedOut }));
    });
  });
}

/** Test cases of a JUnit report: name → failure messages (empty when it passed), and the skipped ones. */
function junitCases(file) {
  const xml = readFileSync(file, 'utf8');
  const cases = [];
  const re = /<testcase name="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g;
  for (let m; (m = re.exec(xml));) {
    const body = m[3] ?? '';
    const failures = [...body.matchAll(/<(failure|error) [^>]*message="([^"]*)"/g)].map((f) => f[2]);
    cases.push({
      name: m[1]
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>'),
      failures,
      skipped: /<skipped/.test(body),
    });
  }
  return cases;
}

/** "N generated" from Schemathesis' summary. */
function generatedIn(logFile) {
  const m = /(\d+) generated/.exec(readFileSync(logFile, 'utf8'));
  return m ? Number(m[1]) : 0;
}

/** One Schemathesis run: a document as a persona. Its config, log and JUnit report go to dist/fuzz/<document>.<persona>/. */
async function fuzzRun({ st, base, document, spec, persona, token, ids, maxExamples, seed: runSeed, continueOnFailure, timeoutMs }) {
  const name = `${document}.${persona}`;
  const reportDir = path.join(out, name);
  mkdirSync(reportDir, { recursive: true });
  const configFile = path.join(reportDir, 'schemathesis.toml');
  writeFileSync(configFile, config({ document, spec, base, token, ids, maxExamples, seed: runSeed, reportDir, continueOnFailure }), {
    mode: 0o600,
  });
  const logFile = path.join(reportDir, 'schemathesis.log');
  const t = Date.now();
  const args = ['--config-file', configFile, 'run', `${base}/api/${document}/docs-json`];
  const { code, timedOut } = await runSchemathesis(st, args, logFile, timeoutMs);
  const junit = readdirSync(reportDir).find((f) => f.startsWith('junit') && f.endsWith('.xml'));
  const cases = junit ? junitCases(path.join(reportDir, junit)) : [];
  const failed = cases.filter((c) => c.failures.length > 0);
  const r = {
    document,
    persona,
    code,
    timedOut,
    seconds: (Date.now() - t) / 1000,
    cases,
    failed,
    generated: generatedIn(logFile),
    logFile,
  };
  const problem = timedOut
    ? ` CUT SHORT at its time limit (see ${path.relative(root, logFile)})`
    : code !== 0 && failed.length === 0
      ? ` exit ${code} without a failed operation (see ${path.relative(root, logFile)})`
      : '';
  const lines = [
    `${name.padEnd(32)} ${String(cases.length).padStart(3)} tests, ${String(r.generated).padStart(5)} cases, ${String(failed.length).padStart(3)} failed, ${r.seconds.toFixed(1)}s${problem}`,
  ];
  for (const f of failed) lines.push(`    ✗ ${f.name}: ${[...new Set(f.failures)].join(', ')} (${path.relative(root, logFile)})`);
  log(lines.join('\n[fuzz] '));
  return r;
}

async function main() {
  const started = Date.now();
  const known = [
    ...new Set([
      ...Object.values(PERSONAS).flat(),
      ...SEED_USERS,
      'wim.debacker',
      'els.jacobs',
      'nathalie.wouters',
      'hilde.mertens',
      'ines.dubois',
    ]),
  ];
  const chosen = option('persona', undefined);
  const documents = list(option('document', DOCUMENTS.join(',')), DOCUMENTS, 'document');
  // --persona a,b fuzzes every chosen document as each of them; by default each document as its own two.
  const personasOf = (document) => (chosen === undefined ? PERSONAS[document] : list(chosen, known, 'persona'));
  const personas = [...new Set(documents.flatMap(personasOf))];
  const maxExamples = positive(option('max-examples', process.env.FUZZ_MAX_EXAMPLES ?? '10'), 'max-examples');
  const runSeed = positive(option('seed', process.env.FUZZ_SEED ?? '20261205'), 'seed');
  const jobs = positive(process.env.FUZZ_JOBS ?? '2', 'FUZZ_JOBS');
  const deadline = started + positive(process.env.FUZZ_TIME_LIMIT ?? '600', 'FUZZ_TIME_LIMIT') * 1000;
  const continueOnFailure = process.argv.includes('--continue-on-failure');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  const st = await ensureSchemathesis(log);
  build();
  const port = Number(process.env.FUZZ_PORT ?? (await freePort()));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'police-fuzz-'));
  let product;
  const results = [];
  const notRun = [];
  try {
    const t0 = Date.now();
    product = await startProduct(port, dataDir);
    log(
      `product up on ${product.base} in ${secs(t0)} (data in ${dataDir}; rate limits raised: ${Object.entries(FUZZ_LIMITS)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')})`,
    );
    const tokens = await devTokens(product.base, [...new Set([...personas, ...SEED_USERS])]);
    const t1 = Date.now();
    const ids = await seed(product.base, tokens);
    log(
      `seeded in ${secs(t1)}: ${Object.entries(ids)
        .map(([k, v]) => `${v.length} ${k}`)
        .join(', ')}`,
    );
    const specs = {};
    for (const document of documents) specs[document] = await fetch(`${product.base}/api/${document}/docs-json`).then((r) => r.json());

    const runs = documents.flatMap((document) => personasOf(document).map((persona) => ({ document, persona })));
    let next = 0;
    const worker = async () => {
      while (next < runs.length) {
        const { document, persona } = runs[next++];
        if (product.exited()) throw new Error(`the product stopped before ${document}.${persona}; see ${product.logFile}`);
        if (Date.now() >= deadline) {
          notRun.push(`${document}.${persona}`);
          continue;
        }
        results.push(
          await fuzzRun({
            st,
            base: product.base,
            document,
            spec: specs[document],
            persona,
            token: tokens.get(persona),
            ids,
            maxExamples,
            seed: runSeed,
            continueOnFailure,
            timeoutMs: deadline - Date.now(),
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: jobs }, worker));
    if (product.exited()) throw new Error(`the product stopped during the fuzz; see ${product.logFile}`);
  } finally {
    if (product) await product.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  // One test per operation and persona; a run that ended badly without failing an operation fails as a whole, as does one never started.
  let passed = 0;
  let failed = notRun.length;
  let pending = 0;
  for (const r of results) {
    for (const c of r.cases) {
      if (c.failures.length) failed++;
      else if (c.skipped) pending++;
      else passed++;
    }
    if ((r.code !== 0 || r.timedOut || r.cases.length === 0) && r.failed.length === 0) failed++;
  }
  if (notRun.length) log(`not run, FUZZ_TIME_LIMIT reached: ${notRun.join(', ')}`);
  const generated = results.reduce((n, r) => n + r.generated, 0);
  const operations = new Set(results.flatMap((r) => r.cases.map((c) => c.name).filter((n) => n !== 'Stateful tests'))).size;
  log(
    `${operations} operations, ${results.length} runs as ${personas.length} personas: ${generated} test cases in ${secs(started)}; ${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''} (reports in ${path.relative(root, out)})`,
  );
  writeResult({ passed, failed, pending });
  return failed === 0 && pending === 0;
}

/** The step's count for npm test's closing line (scripts/test.mjs adds up the results folder). */
function writeResult(counts) {
  const resultsDir = process.env.POLICE_TEST_RESULTS ?? path.join(root, 'dist', 'test-results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    path.join(resultsDir, 'fuzz.json'),
    JSON.stringify({ project: 'fuzz', kind: 'fuzz', ...counts, success: counts.failed === 0 && counts.pending === 0 }),
  );
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (e) => {
    console.error(`[fuzz] ${e?.stack ?? e}`);
    // The fuzz could not run (install, start, seed): one failed test, so the closing line shows it.
    writeResult({ passed: 0, failed: 1, pending: 0 });
    process.exit(1);
  },
);
