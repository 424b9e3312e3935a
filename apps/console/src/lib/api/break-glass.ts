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
    const key = recordKey(url);
    this.given.set(key, justification);
    this.asking.delete(key);
  }

  /** Whether this session opened the record by breaking the glass (screens say so). */
  wasUsedFor(url: string): boolean {
    return this.given.has(recordKey(url));
  }

  forgetAll(): void {
    this.given.clear();
    this.asking.clear();
  }

  /**
   * The reason for this record: the one being asked for or just given (a refusal of the same screen's
   * other read that arrives while the dialog is open, or after it was answered but before the retry came
   * back, shares it), else the user's answer. A refusal with fields at fault asks again, as does one that
   * came back with the very reason it was sent with (`sent`).
   */
  ask(request: JustificationRequest, sent?: Justification): Promise<Justification | null> {
    const key = recordKey(request.url);
    if (request.problem.errors.length === 0) {
      const pending = this.asking.get(key);
      if (pending) return pending.then((answer) => (answer && answer === sent ? this.askUser(key, request) : answer));
      const given = this.given.get(key);
      if (given && given !== sent) return Promise.resolve(given);
    }
    return this.askUser(key, request);
  }

  private askUser(key: string, request: JustificationRequest): Promise<Justification | null> {
    const asker = this.asker;
    if (!asker) return Promise.resolve(null);
    const question = asker(request).then(
      (answer) => {
        // Kept as the answer for this record until its retry is settled (remember or settle).
        if (!answer && this.asking.get(key) === question) this.asking.delete(key);
        return answer;
      },
      (error: unknown) => {
        if (this.asking.get(key) === question) this.asking.delete(key);
        throw error;
      },
    );
    this.asking.set(key, question);
    return question;
  }

  /** The retry with the user's answer came back refused on other grounds, or failed: the next refusal asks anew. */
  settle(url: string): void {
    this.asking.delete(recordKey(url));
  }
}

export const breakGlass = new BreakGlass();
