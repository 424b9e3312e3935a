#!/usr/bin/env node
// The design inside the repository: fails when a file of the repository points to design documents
// outside it, or when a relative link of a Markdown file (README.md, docs/, the projects' guides) reaches no file
// (libs/testing/src/doc-links.cjs).
// Files are those git knows of (tracked, or new and not ignored), so node_modules, dist and caches are not read.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { outsideReferences, brokenLinks, isMarkdown } = require(path.join(root, 'libs/testing/src/doc-links.cjs'));

const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
})
  .split('\0')
  .filter((f) => f !== '' && existsSync(path.join(root, f)));
const problems = [];
for (const file of files) {
  const bytes = readFileSync(path.join(root, file));
  if (bytes.includes(0)) continue; // binary
  const text = bytes.toString('utf8');
  for (const { line, reference } of outsideReferences(text))
    problems.push(`${file}:${line}: refers to ${reference}, outside the repository (point into docs/ instead)`);
  if (isMarkdown(file)) {
    for (const { line, target, resolved } of brokenLinks(file, text, (p) => existsSync(path.join(root, p)))) {
      problems.push(`${file}:${line}: link ${target} reaches no file of the repository (${resolved})`);
    }
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`check-docs: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`check-docs: ${files.length} files, none points outside the repository; every relative Markdown link resolves`);
