#!/usr/bin/env node
// Validates the Kubernetes manifests (infra/k8s) with kubeconform against the Kubernetes API's own schemas,
// strictly (an unknown field is an error). Part of `npm test`'s lint step; alone: `npm run lint:k8s`.
//
// Everything comes through the Go module proxy, pinned, and is cached outside git under the native test
// servers' folder (POLICE_INFRA_DIR, default /var/tmp/police-case-platform), cache/k8s/:
//   - kubeconform, `go install github.com/yannh/kubeconform/cmd/kubeconform@<KUBECONFORM>` (Go from the
//     machine; an older Go fetches the toolchain the module asks for, itself a module on the proxy);
//   - the schemas, generated from the OpenAPI document of the Kubernetes API (api/openapi-spec/swagger.json)
//     that the k8s.io/kubernetes module of <KUBERNETES> carries: one JSON schema per kind and version, with
//     the definitions it uses, every object closed (additionalProperties: false) as kubeconform's "strict"
//     schemas are, IntOrString and Quantity as a string or a number — what openapi2jsonschema does for the
//     schemas kubeconform downloads by default, which cannot be reached from here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const KUBECONFORM = 'v0.7.0';
const KUBERNETES = 'v1.32.0';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifests = path.join(root, 'infra', 'k8s');
const cache = path.join(path.resolve(process.env.POLICE_INFRA_DIR || '/var/tmp/police-case-platform'), 'cache', 'k8s');
const log = (m) => console.log(`[k8s] ${m}`);

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  return r;
}

function goCommand() {
  for (const candidate of ['go', '/usr/local/go/bin/go', '/usr/lib/go/bin/go']) {
    const r = spawnSync(candidate, ['version'], { encoding: 'utf8' });
    if (!r.error && r.status === 0) return candidate;
  }
  throw new Error(
    'Go is needed to install kubeconform and the Kubernetes schemas (from the Go module proxy): install Go (e.g. apt-get install golang-go) and run again',
  );
}

const goEnv = {
  GOPATH: path.join(cache, 'go'),
  GOMODCACHE: path.join(cache, 'go', 'pkg', 'mod'),
  GOFLAGS: '-modcacherw',
  GO111MODULE: 'on',
};

function ensureKubeconform(go) {
  const bin = path.join(cache, `kubeconform-${KUBECONFORM}`);
  const exe = path.join(bin, 'kubeconform');
  if (existsSync(exe)) return exe;
  log(`installing kubeconform ${KUBECONFORM} from the Go module proxy (once; a few minutes)...`);
  const r = run(go, ['install', `github.com/yannh/kubeconform/cmd/kubeconform@${KUBECONFORM}`], { ...goEnv, GOBIN: bin });
  if (r.status !== 0) throw new Error(`go install kubeconform failed:\n${r.stdout}${r.stderr}`);
  return exe;
}

/** Kubeconform's file name of a kind's schema: `<kind>-<group's first label>-<version>.json`, or `<kind>-<version>.json` for the core group. */
function schemaFile({ group, version, kind }) {
  return `${kind.toLowerCase()}${group ? `-${group.split('.')[0].toLowerCase()}` : ''}-${version.toLowerCase()}.json`;
}

function strict(schema) {
  if (Array.isArray(schema)) return schema.map(strict);
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema))
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, strict(s)])) : strict(v);
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

function refsOf(schema, found = new Set()) {
  if (Array.isArray(schema)) schema.forEach((s) => refsOf(s, found));
  else if (schema && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (k === '$ref' && typeof v === 'string') found.add(v.replace('#/definitions/', ''));
      else refsOf(v, found);
    }
  }
  return found;
}

function ensureSchemas(go) {
  const dir = path.join(cache, `schemas-${KUBERNETES}-strict`);
  if (existsSync(path.join(dir, '.complete'))) return dir;
  log(`generating the schemas of Kubernetes ${KUBERNETES} from k8s.io/kubernetes (Go module proxy; once)...`);
  const r = run(go, ['mod', 'download', '-json', `k8s.io/kubernetes@${KUBERNETES}`], goEnv);
  if (r.status !== 0) throw new Error(`go mod download k8s.io/kubernetes@${KUBERNETES} failed:\n${r.stdout}${r.stderr}`);
  const { Dir } = JSON.parse(r.stdout);
  const swagger = JSON.parse(readFileSync(path.join(Dir, 'api', 'openapi-spec', 'swagger.json'), 'utf8'));
  const definitions = strict(swagger.definitions);
  definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString'] = { oneOf: [{ type: 'string' }, { type: 'integer' }] };
  definitions['io.k8s.apimachinery.pkg.api.resource.Quantity'] = { oneOf: [{ type: 'string' }, { type: 'number' }] };
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  let kinds = 0;
  for (const [name, definition] of Object.entries(definitions)) {
    const gvks = definition['x-kubernetes-group-version-kind'];
    if (!Array.isArray(gvks)) continue;
    const used = new Set();
    const todo = [...refsOf(definition)];
    while (todo.length > 0) {
      const ref = todo.pop();
      if (used.has(ref) || !definitions[ref]) continue;
      used.add(ref);
      todo.push(...refsOf(definitions[ref]));
    }
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      ...definition,
      definitions: Object.fromEntries([...used].sort().map((d) => [d, definitions[d]])),
    };
    for (const gvk of gvks) {
      writeFileSync(path.join(tmp, schemaFile(gvk)), JSON.stringify(schema));
      kinds++;
    }
    void name;
  }
  writeFileSync(path.join(tmp, '.complete'), `${kinds} kinds from k8s.io/kubernetes@${KUBERNETES}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return dir;
}

function main() {
  const files = readdirSync(manifests)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(manifests, f));
  if (files.length === 0) throw new Error(`no manifests in ${manifests}`);
  const go = goCommand();
  const kubeconform = ensureKubeconform(go);
  const schemas = ensureSchemas(go);
  const r = run(kubeconform, [
    '-strict',
    '-summary',
    '-output',
    'text',
    '-kubernetes-version',
    KUBERNETES.slice(1),
    '-schema-location',
    `${schemas}/{{ .ResourceKind }}{{ .KindSuffix }}.json`,
    ...files,
  ]);
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  return r.status ?? 1;
}

try {
  process.exit(main());
} catch (e) {
  console.error(`[k8s] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
