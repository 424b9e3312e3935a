// The design lives inside the repository: no file may point to documents outside it, and every
// relative link of the project's Markdown (README.md, docs/, every other *.md) must reach a file that exists.
// Pure functions over text and a file-exists predicate; scripts/check-docs.mjs runs them on the
// repository's files in `npm test`'s lint step. Plain CommonJS so that script and Jest share it.
const path = require('node:path');

/**
 * Paths to design documents that live outside the repository. Spelled in pieces so that this file
 * does not name them itself.
 */
const OUTSIDE_REFERENCES = [['..', 'shared', ''].join('/'), ['', 'work', 'shared'].join('/')];

/** Each line of `text` that names a document outside the repository, with its 1-based number. */
function outsideReferences(text) {
  const found = [];
  text.split('\n').forEach((line, i) => {
    for (const ref of OUTSIDE_REFERENCES) if (line.includes(ref)) found.push({ line: i + 1, reference: ref });
  });
  return found;
}

/** Blanks out fenced code blocks and inline code spans (their brackets are not links), keeping line numbers. */
function withoutCode(markdown) {
  let fence = null;
  return markdown
    .split('\n')
    .map((line) => {
      const opening = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (fence) {
        if (opening && opening[1][0] === fence[0] && opening[1].length >= fence.length) fence = null;
        return '';
      }
      if (opening) {
        fence = opening[1];
        return '';
      }
      return line.replace(/(`+)[^`]*?\1/g, '');
    })
    .join('\n');
}

/**
 * The link targets of a Markdown text, inline (`[text](target "title")`, images too) and reference
 * definitions (`[label]: target`), each with its line.
 */
function markdownLinks(markdown) {
  const links = [];
  withoutCode(markdown)
    .split('\n')
    .forEach((line, i) => {
      for (const m of line.matchAll(/\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+"[^"]*")?\s*\)/g))
        links.push({ line: i + 1, target: m[1].replace(/^<|>$/g, '') });
      const definition = /^\s{0,3}\[[^\]]+\]:\s*(\S+)/.exec(line);
      if (definition) links.push({ line: i + 1, target: definition[1].replace(/^<|>$/g, '') });
    });
  return links;
}

/**
 * The repository path a link target names, relative to the repository root, or null when it is not a
 * relative link to a file (a URL with a scheme, a mail address, an anchor in the same document).
 */
function linkedPath(fromFile, target) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('//')) return null;
  const bare = target.split('#')[0].split('?')[0];
  if (bare === '') return null;
  let decoded;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    decoded = bare;
  }
  const joined = decoded.startsWith('/') ? decoded.slice(1) : path.posix.join(path.posix.dirname(fromFile), decoded);
  return path.posix.normalize(joined).replace(/\/$/, '');
}

/**
 * The relative links of one Markdown file (its path relative to the repository root) that reach no
 * file or folder: `exists(path)` says whether a repository path exists. A link that climbs out of
 * the repository is broken whatever lies there.
 */
function brokenLinks(file, markdown, exists) {
  const broken = [];
  for (const { line, target } of markdownLinks(markdown)) {
    const target_ = linkedPath(file, target);
    if (target_ === null) continue;
    if (target_ === '..' || target_.startsWith('../') || !exists(target_)) broken.push({ line, target, resolved: target_ });
  }
  return broken;
}

/** Whether a repository file's links are held to the rule: every Markdown file (README.md, docs/, the projects' guides). */
function isMarkdown(file) {
  return file.endsWith('.md');
}

module.exports = { OUTSIDE_REFERENCES, outsideReferences, markdownLinks, linkedPath, brokenLinks, isMarkdown };
