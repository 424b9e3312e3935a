import type { SearchHit } from '../api/search.api';

/** A run of text, marked when it matched the search. */
export interface Run {
  text: string;
  match: boolean;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The words a hit was found by, for marking its title and numbers: the runs the API marked in its
 * snippet, and the searched words as typed (3+ letters; not excluded ones, not `or`), since the
 * service matches each word also as a prefix (`fiets` finds `fietsdiefstal`).
 */
export function foundWords(q: string, hit: Pick<SearchHit, 'snippet'>): string[] {
  const typed = q
    .split(/\s+/)
    .filter((w) => !w.startsWith('-') && w.toLowerCase() !== 'or')
    .map((w) => fold(w.replace(/^["'(]+|["'),;.]+$/g, '')))
    .filter((w) => w.length >= 3);
  const marked = hit.snippet.filter((p) => p.match).map((p) => fold(p.text.trim()));
  return [...new Set([...typed, ...marked].filter((w) => w !== ''))];
}

/** `text` cut into runs, the words that start with one of `words` marked (case and accents aside). */
export function markWords(text: string, words: readonly string[]): Run[] {
  if (words.length === 0) return [{ text, match: false }];
  const runs: Run[] = [];
  for (const token of text.split(/([\p{L}\p{N}]+)/u)) {
    if (token === '') continue;
    const match = /[\p{L}\p{N}]/u.test(token) && words.some((w) => fold(token).startsWith(w));
    const last = runs[runs.length - 1];
    if (last && last.match === match) last.text += token;
    else runs.push({ text: token, match });
  }
  return runs;
}

/** Whether a reference (PV or register number) is one the search found: it holds a searched number. */
export function referenceFound(reference: string, q: string): boolean {
  const ref = reference.toLowerCase().replace(/\s+/g, '');
  return q
    .split(/\s+/)
    .map((t) => t.replace(/^["'(]+|["'),;]+$/g, '').toLowerCase())
    .some((t) => t.length >= 3 && /\d/.test(t) && !t.startsWith('-') && ref.includes(t));
}
