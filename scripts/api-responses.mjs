// The JSON Schemas of what each route answers, derived from the TypeScript return type its handler
// declares (ts-json-schema-generator), so the documents describe the views the code really builds and
// nobody writes them twice. Part of `npm run api:generate`.
//
// For every project (services/*, libs/*) with controllers, one committed file
// `<project>/src/<project>.responses.json`: `operations` maps `<Controller>_<handler>` (the operationId)
// to the schema of the handler's awaited return type (null for a file or text answer: StreamableFile,
// string, void), `definitions` holds the named types they refer to (`#/components/schemas/<Name>`).
// The project registers it with `registerResponseSchemas` (libs/platform), and the OpenAPI builder
// puts each schema under the route's success responses.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const { createParser, createFormatter, SchemaGenerator, DEFAULT_CONFIG, Context } = require('ts-json-schema-generator');

const HTTP_METHODS = ['Get', 'Post', 'Put', 'Patch', 'Delete'];
const NOT_JSON = ['StreamableFile', 'string', 'void', 'Buffer'];

function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const abs = path.join(dir, entry);
    if (statSync(abs).isDirectory()) out.push(...sourceFiles(abs));
    else if (entry.endsWith('.ts') && !entry.endsWith('.spec.ts') && !entry.endsWith('.d.ts')) out.push(abs);
  }
  return out;
}

/** Projects (`services/x`, `libs/x`) and their files that declare controllers. */
function controllerFiles(root) {
  const byProject = new Map();
  for (const group of ['services', 'libs']) {
    for (const name of readdirSync(path.join(root, group))) {
      const src = path.join(root, group, name, 'src');
      let files;
      try {
        files = sourceFiles(src);
      } catch {
        continue;
      }
      const withControllers = files.filter((f) => /@Controller\(/.test(readFileSync(f, 'utf8')));
      if (withControllers.length > 0) byProject.set(`${group}/${name}`, withControllers);
    }
  }
  return byProject;
}

/** A generator that returns the definition of each of several roots, and their named types once. */
class OperationSchemas extends SchemaGenerator {
  of(nodes) {
    const roots = nodes.map((node) => ({ node, type: this.nodeParser.createType(node, new Context()) }));
    const definitions = {};
    for (const r of roots) this.appendRootChildDefinitions(r.type, definitions);
    return { roots: roots.map((r) => this.getRootTypeDefinition(r.type, r.node)), definitions };
  }
}

function decoratorName(d, sf) {
  const e = d.expression;
  return ts.isCallExpression(e) ? e.expression.getText(sf) : e.getText(sf);
}

/** Every route handler of a file: its operationId and the type node of what it answers. */
function operations(sf, checker, missing) {
  const found = [];
  const visit = (node) => {
    if (ts.isClassDeclaration(node) && node.name) {
      for (const m of node.members) {
        if (!ts.isMethodDeclaration(m)) continue;
        if (!(ts.getDecorators(m) ?? []).some((d) => HTTP_METHODS.includes(decoratorName(d, sf)))) continue;
        const id = `${node.name.text}_${m.name.getText(sf)}`;
        let type = m.type;
        if (!type) {
          const inferred = checker.typeToString(
            checker.getReturnTypeOfSignature(checker.getSignatureFromDeclaration(m)),
            undefined,
            ts.TypeFormatFlags.NoTruncation,
          );
          missing.push(`${path.relative(process.cwd(), sf.fileName)}: ${id} (it returns ${inferred})`);
          continue;
        }
        if (ts.isTypeReferenceNode(type) && type.typeName.getText(sf) === 'Promise') type = type.typeArguments[0];
        const text = type.getText(sf);
        found.push({ id, type: NOT_JSON.includes(text) ? null : type });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function rewriteRefs(node) {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' ? v.replace('#/definitions/', '#/components/schemas/') : rewriteRefs(v),
    ]),
  );
}

/** Sorted keys, so the committed files change only when a schema does. */
function sorted(obj) {
  return Object.fromEntries(
    Object.keys(obj)
      .sort()
      .map((k) => [k, obj[k]]),
  );
}

/** Path (relative to the workspace) → text of every responses file. */
export function responseSchemaFiles(root) {
  const projects = controllerFiles(root);
  const allFiles = [...projects.values()].flat();
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram(allFiles, { ...parsed.options, noEmit: true });
  const generatorConfig = {
    ...DEFAULT_CONFIG,
    expose: 'export',
    topRef: false,
    jsDoc: 'extended',
    additionalProperties: true,
    skipTypeCheck: true,
    sortProps: false,
  };
  const generator = new OperationSchemas(
    program,
    createParser(program, generatorConfig),
    createFormatter(generatorConfig),
    generatorConfig,
  );
  const files = new Map();
  const missing = [];
  for (const [project, projectFiles] of projects) {
    const ops = projectFiles.flatMap((f) => operations(program.getSourceFile(f), program.getTypeChecker(), missing));
    const json = ops.filter((o) => o.type);
    const { roots, definitions } = generator.of(json.map((o) => o.type));
    const byId = {};
    for (const o of ops) byId[o.id] = null;
    json.forEach((o, i) => (byId[o.id] = rewriteRefs(roots[i])));
    const name = path.basename(project);
    const text = `${JSON.stringify({ operations: sorted(byId), definitions: sorted(rewriteRefs(definitions)) }, null, 2)}\n`;
    files.set(`${project}/src/${name}.responses.json`, text);
  }
  if (missing.length > 0) {
    throw new Error(
      `Route handlers without a declared return type (the documents take what a route answers from it; declare it, e.g. Promise<ReportView>):\n  ${missing.join('\n  ')}`,
    );
  }
  return files;
}
