import { DomainError } from '@police/event-store';
import { complaintIdOfMessage, receivedOnOf } from './integrity.consumer';

describe('the desk complaint consumer', () => {
  it('takes the Belgian calendar day of receipt, never after today', () => {
    expect(receivedOnOf('2025-04-02T09:41:00+02:00', new Date('2025-04-03T00:00:00Z'))).toBe('2025-04-02');
    // 23:30 UTC on 1 April is 01:30 on 2 April in Gent…
    expect(receivedOnOf('2025-04-01T23:30:00Z', new Date('2025-04-03T00:00:00Z'))).toBe('2025-04-02');
    // …but while it is still 1 April in UTC the domain would call 2 April the future.
    expect(receivedOnOf('2025-04-01T23:30:00Z', new Date('2025-04-01T23:31:00Z'))).toBe('2025-04-01');
  });

  it('refuses a receipt time a Date cannot hold (an RFC 3339 leap second), so the message is parked rather than retried', () => {
    expect(() => receivedOnOf('2016-12-31T23:59:60Z', new Date('2017-01-02T00:00:00Z'))).toThrow(DomainError);
    expect(() => receivedOnOf('2016-12-31T23:59:60Z', new Date('2017-01-02T00:00:00Z'))).toThrow(/receivedAt/);
  });

  it('names the same complaint for the same message, and another for another', () => {
    expect(complaintIdOfMessage('m-1')).toBe(complaintIdOfMessage('m-1'));
    expect(complaintIdOfMessage('m-1')).not.toBe(complaintIdOfMessage('m-2'));
    expect(complaintIdOfMessage('m-1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
