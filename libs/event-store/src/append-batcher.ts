import type { Pool } from 'pg';

/** One append as the SQL functions see it; `events` is the JSON payload with content hashes. */
export interface AppendRequest {
  stream: string;
  expected: number;
  events: string;
  /** Whether the database answers with what it stored ({@link StoredAppend}); only a caller that uses it asks. */
  answer: boolean;
}

/** What the database answered for one append. */
export interface AppendOutcome {
  status: 'ok' | 'wrong_expected_version' | 'unique_violation';
  streamVersion: number | null;
  transactionId: string | null;
  lastPosition: string | null;
  constraint?: string;
  /** What an `ok` append stored, when asked for it ({@link AppendRequest.answer}; migration 4 on). */
  recorded?: StoredAppend | null;
}

/** What one append stored, beside the events it was given: their positions and chain links, and the commit's time (PostgreSQL's text). */
export interface StoredAppend {
  recordedAt: string;
  prevHash: string;
  positions: string[];
  hashes: string[];
}

interface Pending extends AppendRequest {
  resolve(o: AppendOutcome): void;
  reject(e: unknown): void;
}

/**
 * Group commit for appends that arrive while others are in flight: they go to PostgreSQL together,
 * in one round trip and one transaction, each under its own subtransaction so that one refused
 * append does not affect the others. With no concurrency an append is sent alone, at once; under
 * load, many appends share one commit — the cost that dominates an append.
 */
export class AppendBatcher {
  private readonly queue: Pending[] = [];
  private inFlight = 0;
  private drainScheduled = false;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly options: { maxInFlight: number; maxBatch: number },
  ) {}

  append(request: AppendRequest): Promise<AppendOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...request, resolve, reject });
      if (this.inFlight === 0) this.drain();
      else this.scheduleDrain();
    });
  }

  /**
   * Sends on the next turn of the event loop, after the callers woken by the batch that just returned
   * have queued their next appends: otherwise the first of them would leave alone in a batch of one.
   */
  private scheduleDrain(): void {
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    setImmediate(() => {
      this.drainScheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight++;
      this.send(batch)
        .catch((e) => batch.forEach((p) => p.reject(e)))
        .finally(() => {
          this.inFlight--;
          this.scheduleDrain();
        });
    }
  }

  private async send(batch: Pending[]): Promise<void> {
    if (batch.length === 1) {
      const [p] = batch;
      try {
        const { rows } = await this.pool.query({
          name: `${this.schema}_append_events`,
          text: `SELECT * FROM "${this.schema}".append_events($1, $2, $3::jsonb, $4)`,
          values: [p.stream, p.expected, p.events, p.answer],
        });
        p.resolve(outcome(rows[0]));
      } catch (e) {
        const err = e as { code?: string; constraint?: string };
        if (err.code !== '23505') throw e;
        p.resolve({ status: 'unique_violation', streamVersion: null, transactionId: null, lastPosition: null, constraint: err.constraint });
      }
      return;
    }
    const { rows } = await this.pool.query({
      name: `${this.schema}_append_batch`,
      text: `SELECT * FROM "${this.schema}".append_batch($1::text[], $2::bigint[], $3::jsonb[], $4::boolean[])`,
      values: [batch.map((p) => p.stream), batch.map((p) => p.expected), batch.map((p) => p.events), batch.map((p) => p.answer)],
    });
    for (const r of rows) batch[r.idx].resolve(outcome(r));
  }
}

export function outcome(r: {
  status: string;
  stream_version: number | null;
  transaction_id: string | null;
  last_position: string | null;
  constraint_name?: string | null;
  recorded?: StoredAppend | null;
}): AppendOutcome {
  return {
    status: r.status as AppendOutcome['status'],
    streamVersion: r.stream_version,
    transactionId: r.transaction_id,
    lastPosition: r.last_position,
    constraint: r.constraint_name ?? undefined,
    recorded: r.recorded,
  };
}
