import { LoginLockout } from './login-lockout';

describe('LoginLockout', () => {
  it('locks a client after 5 failures within 15 minutes, until the oldest of them is 15 minutes old', () => {
    let now = 0;
    const lockout = new LoginLockout({ maxFailures: 5, windowMs: 15 * 60_000, now: () => now });
    for (let i = 0; i < 4; i++) {
      lockout.recordFailure('10.0.0.1');
      now += 60_000;
    }
    expect(lockout.retryAfterSeconds('10.0.0.1')).toBe(0);
    lockout.recordFailure('10.0.0.1');
    expect(lockout.retryAfterSeconds('10.0.0.1')).toBe(11 * 60);
    expect(lockout.retryAfterSeconds('10.0.0.2')).toBe(0);
    now = 15 * 60_000 + 1;
    expect(lockout.retryAfterSeconds('10.0.0.1')).toBe(0);
    lockout.recordFailure('10.0.0.1');
    expect(lockout.retryAfterSeconds('10.0.0.1')).toBe(60);
  });
});
