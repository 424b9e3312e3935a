import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeBatcher } from './batch';

describe('changeBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes the first change on at once, and those within the window together at its end', () => {
    const batches: number[][] = [];
    const b = changeBatcher<number>((batch) => batches.push(batch), 300);
    b.push(1);
    expect(batches).toEqual([[1]]);
    b.push(2);
    b.push(3);
    expect(batches).toEqual([[1]]);
    vi.advanceTimersByTime(300);
    expect(batches).toEqual([[1], [2, 3]]);
    b.push(4);
    expect(batches).toEqual([[1], [2, 3]]);
    vi.advanceTimersByTime(300);
    expect(batches).toEqual([[1], [2, 3], [4]]);
    vi.advanceTimersByTime(300);
    b.push(5);
    expect(batches).toEqual([[1], [2, 3], [4], [5]]);
  });

  it('drops what waits when cleared or stopped', () => {
    const batches: number[][] = [];
    const b = changeBatcher<number>((batch) => batches.push(batch), 300);
    b.push(1);
    b.push(2);
    b.clear();
    vi.advanceTimersByTime(300);
    b.push(3);
    b.push(4);
    b.stop();
    vi.advanceTimersByTime(1000);
    expect(batches).toEqual([[1], [3]]);
  });
});
