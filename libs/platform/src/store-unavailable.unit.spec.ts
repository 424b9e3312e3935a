import { isStoreUnavailable } from './store-unavailable';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });

describe('isStoreUnavailable', () => {
  it.each([
    ['a fast or immediate restart (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['a server still starting (57P03)', pgError('57P03', 'the database system is starting up')],
    ['a connection exception (08006)', pgError('08006', 'connection failure')],
    ['a standby or demoted primary (25006)', pgError('25006', 'cannot execute INSERT in a read-only transaction')],
    ['too many connections (53300)', pgError('53300', 'sorry, too many clients already')],
    ['nothing listening', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', errno: -111 })],
    ['a connection cut under a query', new Error('Connection terminated unexpectedly')],
    ['a pool that waited in vain', new Error('timeout exceeded when trying to connect')],
    [
      'TypeORM wrapping the driver error',
      Object.assign(new Error('Query failed'), { driverError: pgError('57P01', 'terminating connection') }),
    ],
    [
      'a refused connection on every address',
      new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })], ''),
    ],
    ['a cause chain', new Error('append failed', { cause: new Error('Connection terminated due to connection timeout') })],
  ])('says so for %s', (_what, error) => expect(isStoreUnavailable(error)).toBe(true));

  it.each([
    ['a unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error (a defect)', pgError('42601', 'syntax error at or near "SELEC"')],
    ['a plain error', new Error('boom')],
    ['not an error', 'Connection terminated'],
    ['nothing', undefined],
  ])('does not for %s', (_what, error) => expect(isStoreUnavailable(error)).toBe(false));
});
