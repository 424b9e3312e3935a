#!/usr/bin/env node
// Proves the architecture lint rules bite: each fixture in tools/lint-fixtures is linted as if it
// lived at the path in its `// lint-as:` line, and must fail with the rule(s) in its `// expect:` line
// (or pass, for `clean`). Exits non-zero when a rule no longer catches its fixture.
import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'tools', 'lint-fixtures');
const eslint = new ESLint({ cwd: root, ignore: false });
let failures = 0;
let checked = 0;

for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  const text = readFileSync(path.join(dir, file), 'utf8');
  const lintAs = /^\/\/ lint-as: (.+)$/m.exec(text)?.[1].trim();
  const expect = /^\/\/ expect: (.+)$/m.exec(text)?.[1].trim();
  if (!lintAs || !expect) {
    console.error(`${file}: missing "// lint-as:" or "// expect:" header`);
    failures++;
    continue;
  }
  const [result] = await eslint.lintText(text, { filePath: path.join(root, lintAs) });
  const errors = result.messages.filter((m) => m.severity === 2);
  const byRule = errors.reduce((acc, m) => acc.set(m.ruleId, (acc.get(m.ruleId) ?? 0) + 1), new Map());
  let ok;
  if (expect === 'clean') {
    ok = errors.length === 0;
  } else {
    const [, rule, count] = /^(\S+)(?: x(\d+))?$/.exec(expect);
    ok = count ? byRule.get(rule) === Number(count) : (byRule.get(rule) ?? 0) > 0;
  }
  checked++;
  const seen = [...byRule].map(([r, n]) => `${r} x${n}`).join(', ') || 'no errors';
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${file} (as ${lintAs}): expected ${expect}; got ${seen}`);
  for (const m of errors) console.log(`       ${m.line}:${m.column} ${m.ruleId}: ${m.message.split('\n')[0]}`);
  if (!ok) failures++;
}
console.log(`${checked - failures} passed, ${failures} failed`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
