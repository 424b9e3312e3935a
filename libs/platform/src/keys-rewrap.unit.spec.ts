import { KeyEncryptionKeyRing, LocalKeyEncryptionKey } from '@police/event-store';
import { parseRewrapArguments, rotationRingFromEnv } from './keys-rewrap.main';

describe('npm run keys:rewrap, its command line and keys', () => {
  it('takes a database and one or more schemas, and says what is wrong otherwise', () => {
    expect(parseRewrapArguments(['--database', 'postgres://x/y', '--schema', 'reports', '--schema', 'evidence'])).toEqual({
      database: 'postgres://x/y',
      schemas: ['reports', 'evidence'],
    });
    expect(parseRewrapArguments(['--schema', 'reports'])).toBe('--database is required');
    expect(parseRewrapArguments(['--database', 'postgres://x/y'])).toBe('--schema is required');
    expect(parseRewrapArguments(['--database'])).toBe('--database needs a value');
    expect(parseRewrapArguments(['--force'])).toBe('unknown argument --force');
  });

  it('needs the new key and the old, and never makes one', () => {
    const next = LocalKeyEncryptionKey.generate();
    const old = LocalKeyEncryptionKey.generate();
    const ring = rotationRingFromEnv({
      EVENT_KEY_ENCRYPTION_KEY: next.toBase64(),
      EVENT_KEY_ENCRYPTION_KEY_PREVIOUS: ` ${old.toBase64()} ,`,
    });
    expect(ring).toBeInstanceOf(KeyEncryptionKeyRing);
    expect((ring as KeyEncryptionKeyRing).id).toBe(next.id);
    expect((ring as KeyEncryptionKeyRing).find(old.id)?.id).toBe(old.id);
    expect(rotationRingFromEnv({ EVENT_KEY_ENCRYPTION_KEY_PREVIOUS: old.toBase64() })).toMatch(
      /EVENT_KEY_ENCRYPTION_KEY \(or _FILE\) is required/,
    );
    expect(rotationRingFromEnv({ EVENT_KEY_ENCRYPTION_KEY: next.toBase64() })).toMatch(/EVENT_KEY_ENCRYPTION_KEY_PREVIOUS is required/);
  });
});
