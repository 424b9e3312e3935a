import type { ProblemError } from './problem';

/** Why a reader opens a record outside their assignment, as sent in `X-Justification(-Case)`. */
export interface Justification {
  text: string;
  caseRef?: string;
}

/** What the dialog is asked: the refusal (with the fields at fault of an earlier, rejected reason). */
export interface JustificationRequest {
  url: string;
  problem: ProblemError;
}

export type JustificationAsker = (request: JustificationRequest) => Promise<Justification | null>;

/** The server's rule for a justification (libs/security `parseJustification`), checked before sending. */
export const JUSTIFICATION_RULES = { minWords: 3, minLength: 15, maxLength: 500, caseRef: /^[A-Za-z0-9][A-Za-z0-9./_-]{0,63}$/ };

export function justificationProblems(j: Justification): { text?: 'short' | 'long'; caseRef?: 'invalid' } {
  const text = j.text.replace(/\s+/g, ' ').trim();
  const words = text.split(' ').filter((w) => /[\p{L}\p{N}]{2,}/u.test(w));
  const out: { text?: 'short' | 'long'; caseRef?: 'invalid' } = {};
  if (text.length < JUSTIFICATION_RULES.minLength || words.length < JUSTIFICATION_RULES.minWords) out.text = 'short';
  else if (text.length > JUSTIFICATION_RULES.maxLength) out.text = 'long';
  if (j.caseRef && !JUSTIFICATION_RULES.caseRef.test(j.caseRef.trim())) out.caseRef = 'invalid';
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The record a URL reads: its path up to the first id (`/api/reports/<id>` for `/api/reports/<id>/pvs`),
 * so that one reason covers the reads of one record's screen.
 */
export function recordKey(url: string): string {
  const segments = new URL(url, 'http://x').pathname.split('/');
  const at = segments.findIndex((s) => UUID.test(s));
  return at < 0 ? segments.join('/') : segments.slice(0, at + 1).join('/');
}

/**
 * Break-glass reads. The transport asks here when a read answers `403 justification required`; the
 * console's dialog (registered with {@link setAsker}) asks the user why. A reason given for a record is
 * remembered in memory for the session, so the same screen's other reads and refetches send it too
 * (each is still logged as a break-glass consultation); sign-out forgets them. Concurrent refusals for
 * one record share one question.
 */
export class BreakGlass {
  private asker: JustificationAsker | null = null;
  private readonly given = new Map<string, Justification>();
  private readonly asking = new Map<string, Promise<Justification | null>>();

  setAsker(asker: JustificationAsker | null): () => void {
    this.asker = asker;
    return () => {
      if (this.asker === asker) this.asker = null;
    };
  }

  rememberedFor(url: string): Justification | undefined {
    return this.given.get(recordKey(url));
  }

  remember(url: string, justification: Justification): void {
    this.given.set(recordKey(url), justification);
  }

  /** Whether this session opened the record by breaking the glass (screens say so). */
  wasUsedFor(url: string): boolean {
    return this.given.has(recordKey(url));
  }

  forgetAll(): void {
    this.given.clear();
  }

  ask(request: JustificationRequest): Promise<Justification | null> {
    const asker = this.asker;
    if (!asker) return Promise.resolve(null);
    const key = recordKey(request.url);
    const pending = this.asking.get(key);
    if (pending && request.problem.errors.length === 0) return pending;
    const question = asker(request).finally(() => this.asking.delete(key));
    this.asking.set(key, question);
    return question;
  }
}

export const breakGlass = new BreakGlass();
