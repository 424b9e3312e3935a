import { commandOutcome, serviceOfPath } from './http-metrics';

describe('what the HTTP metrics read from a request and its answer', () => {
  it('puts a request under its service, or the platform for what no service owns', () => {
    expect(serviceOfPath('/api/reports/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed?x=1')).toBe('reports');
    expect(serviceOfPath('/api/integrity')).toBe('integrity');
    expect(serviceOfPath('/api/auth/dev/token')).toBe('platform');
    expect(serviceOfPath('/api/reportsx/1')).toBe('platform');
    expect(serviceOfPath('/metrics')).toBe('platform');
  });

  it('tells an accepted command from a refusal, a concurrent change and an error', () => {
    expect(commandOutcome(201, '')).toBe('accepted');
    expect(commandOutcome(200, '')).toBe('accepted');
    expect(commandOutcome(412, 'precondition-failed')).toBe('conflict');
    expect(commandOutcome(409, 'concurrent-change')).toBe('conflict');
    expect(commandOutcome(409, 'report_closed')).toBe('refused');
    expect(commandOutcome(400, 'validation')).toBe('refused');
    expect(commandOutcome(503, 'audit-unavailable')).toBe('error');
  });
});
