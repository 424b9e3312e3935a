import { Writable } from 'node:stream';
import { LiveStream, sseEvent } from './live-updates';
import { Principal } from './principal';

const reader: Principal = {
  staffId: '5415-0201',
  username: 'pieter.janssens',
  displayName: 'Pieter Janssens',
  roles: ['detective'],
  teams: ['Diefstallen'],
  unit: 'LRD',
};

/** A socket that takes nothing until told to: a client that stopped reading. */
function stalledSocket(highWaterMark: number) {
  const held: (() => void)[] = [];
  const received: string[] = [];
  const out = new Writable({
    highWaterMark,
    write(chunk: Buffer, _enc, done) {
      received.push(chunk.toString());
      held.push(done);
    },
  });
  return {
    out,
    received,
    /** The client reads again: everything held is taken. */
    resume() {
      while (held.length > 0) held.shift()!();
    },
  };
}

describe('LiveStream', () => {
  it('drops what a slow reader cannot take instead of buffering it, then sends one resync once drained', () => {
    const socket = stalledSocket(1024);
    const stream = new LiveStream(socket.out, reader);
    const change = (i: number) =>
      sseEvent('change', { type: 'report', id: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`, version: i });
    for (let i = 0; i < 10_000; i++) stream.send(change(i));
    // Bounded: what the socket holds stays within its high-water mark and one frame.
    expect(socket.out.writableLength).toBeLessThanOrEqual(1024 + change(0).length);
    const sent = socket.out.writableLength + socket.received.join('').length;
    expect(sent).toBeLessThan(2 * 1024 + change(0).length);
    socket.resume();
    socket.resume();
    const after = socket.received.join('');
    expect(after.match(/event: resync/g)).toHaveLength(1);
    expect(after.endsWith(sseEvent('resync', { reason: 'slow_consumer' }))).toBe(true);
    // And it carries on normally afterwards.
    stream.send(change(10_001));
    socket.resume();
    expect(socket.received.join('').endsWith(change(10_001))).toBe(true);
  });

  it('sends heartbeats as comment lines, but not while the reader is behind', () => {
    const socket = stalledSocket(16);
    const stream = new LiveStream(socket.out, reader);
    stream.heartbeat();
    expect(socket.received).toEqual([': heartbeat\n\n']);
    // Past the high-water mark: the stream is behind, and a heartbeat adds nothing to the backlog.
    stream.send(sseEvent('change', { type: 'report', id: 'r-1', version: 1 }));
    const backlog = socket.out.writableLength;
    expect(backlog).toBeGreaterThan(16);
    stream.heartbeat();
    expect(socket.out.writableLength).toBe(backlog);
    socket.resume();
    socket.resume();
    stream.heartbeat();
    expect(socket.received.at(-1)).toBe(': heartbeat\n\n');
  });

  it('writes nothing after the end', () => {
    const socket = stalledSocket(1024);
    const stream = new LiveStream(socket.out, reader);
    stream.end(sseEvent('expired', { reason: 'token_expired' }));
    stream.send(sseEvent('change', { type: 'report', id: 'x', version: 1 }));
    socket.resume();
    expect(socket.received.join('')).toBe(sseEvent('expired', { reason: 'token_expired' }));
    expect(stream.isClosed).toBe(true);
  });
});
