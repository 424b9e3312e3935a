import { NewEvent } from './event-store';
import { streamCategory, traceCarrierOf, tracedAppend } from './tracing';

const metadata = { actor: '5415-0101', occurredAt: '2026-11-20T09:00:00.000Z', correlationId: 'c', causationId: 'c' };

describe('event-store tracing helpers', () => {
  it('with tracing off, an append gets the events as given: nothing added to their metadata', async () => {
    const events: NewEvent[] = [{ id: 'e1', type: 'ReportTaken', data: {}, metadata }];
    const seen: NewEvent[][] = [];
    await tracedAppend('report-1', events, undefined, async (given) => void seen.push(given));
    expect(seen).toEqual([events]);
    expect(seen[0][0]).toBe(events[0]);
  });

  it('reads a stored trace context, and only its W3C fields', () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    expect(traceCarrierOf({ ...metadata, trace: { traceparent, tracestate: 'a=b', other: 'x' } })).toEqual({
      traceparent,
      tracestate: 'a=b',
    });
    expect(traceCarrierOf(metadata)).toBeUndefined();
    expect(traceCarrierOf({ ...metadata, trace: 'garbage' })).toBeUndefined();
    expect(traceCarrierOf({ ...metadata, trace: { tracestate: 'a=b' } })).toBeUndefined();
  });

  it('names spans by the stream category, never by a record id', () => {
    expect(streamCategory('report-7250a21e-4212-4d26-a049-5c8f1e0e0042')).toBe('report');
    expect(streamCategory('consultations')).toBe('consultations');
  });
});
