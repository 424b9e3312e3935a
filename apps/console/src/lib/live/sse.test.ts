import { describe, expect, it } from 'vitest';
import { SseParser } from './sse';

describe('SseParser', () => {
  it('gives the events as they complete, whatever the chunks, and skips comments (heartbeats)', () => {
    const p = new SseParser();
    expect(p.push('retry: 5000\nevent: ready\ndata: {"service":"rep')).toEqual([]);
    expect(p.push('orts"}\n\n: heartbeat\n\nevent: change\r\ndata: {"id":"a"}\r')).toEqual([
      { event: 'ready', data: '{"service":"reports"}' },
    ]);
    expect(p.push('\n\r\nevent:resync\ndata:x\n\n')).toEqual([
      { event: 'change', data: '{"id":"a"}' },
      { event: 'resync', data: 'x' },
    ]);
  });

  it('joins data lines, names an unnamed event message, and forgets an event without data', () => {
    const p = new SseParser();
    expect(p.push('data: one\ndata: two\n\nevent: lonely\n\n')).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });
});
