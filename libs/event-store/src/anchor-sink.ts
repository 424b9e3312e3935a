import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Checkpoint, parseCheckpointLines } from './anchor';
import { canonicalJson } from './hashing';

/**
 * Where checkpoints go: append-only, outside the database (ADR 0052). A JSON Lines file by default; an
 * object store with retention (WORM) fits the same port.
 */
export interface CheckpointSink {
  /** For messages: the file's path, the bucket's address. */
  readonly location: string;
  /** Every checkpoint written so far, in order. Fails on a line that is no checkpoint: the chain cannot be extended over it. */
  read(): Promise<Checkpoint[]>;
  /** Adds one checkpoint at the end, durably, before resolving. */
  append(checkpoint: Checkpoint): Promise<void>;
}

/**
 * A JSON Lines file opened for appending only (O_APPEND), one checkpoint a line, synced to disk before
 * `append` resolves. One writer per file: two processes appending to the same file would fork its chain.
 */
export class FileCheckpointSink implements CheckpointSink {
  constructor(readonly location: string) {}

  async read(): Promise<Checkpoint[]> {
    let text: string;
    try {
      text = await readFile(this.location, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const { checkpoints, problems } = parseCheckpointLines(text);
    if (problems.length > 0) throw new Error(`${this.location}: ${problems.join('; ')}`);
    return checkpoints;
  }

  async append(checkpoint: Checkpoint): Promise<void> {
    await mkdir(path.dirname(this.location), { recursive: true });
    const file = await open(this.location, 'a', 0o640);
    try {
      await file.write(`${canonicalJson(checkpoint)}\n`);
      await file.datasync();
    } finally {
      await file.close();
    }
  }
}

/** Checkpoints kept in memory (unit tests, and a host that only wants the endpoint). */
export class MemoryCheckpointSink implements CheckpointSink {
  readonly location = 'memory';
  readonly checkpoints: Checkpoint[] = [];

  async read(): Promise<Checkpoint[]> {
    return [...this.checkpoints];
  }

  async append(checkpoint: Checkpoint): Promise<void> {
    this.checkpoints.push(checkpoint);
  }
}
