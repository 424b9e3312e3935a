import { readFileSync } from 'node:fs';
import { KeyEncryptionKeyRing, LocalKeyEncryptionKey, rewrapDataKeys } from '@police/event-store';
import { Pool } from 'pg';
import { previousKeysFromEnv } from './key-encryption';

export interface RewrapArguments {
  database: string;
  schemas: string[];
}

export const REWRAP_USAGE =
  'usage: EVENT_KEY_ENCRYPTION_KEY=<new> EVENT_KEY_ENCRYPTION_KEY_PREVIOUS=<old>[,<older>…] npm run keys:rewrap -- --database <postgres url> --schema <service> [--schema <service>…]';

/** The command line of `npm run keys:rewrap`, or why it is not one. */
export function parseRewrapArguments(argv: string[]): RewrapArguments | string {
  const args: RewrapArguments = { database: '', schemas: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag !== '--database' && flag !== '--schema') return `unknown argument ${flag}`;
    if (value === undefined || value.startsWith('--')) return `${flag} needs a value`;
    i++;
    if (flag === '--schema') args.schemas.push(value);
    else args.database = value;
  }
  if (!args.database) return '--database is required';
  if (args.schemas.length === 0) return '--schema is required';
  return args;
}

/**
 * The ring of a rotation from the environment: the new key (`EVENT_KEY_ENCRYPTION_KEY` or `_FILE`) and the ones it
 * replaces (`EVENT_KEY_ENCRYPTION_KEY_PREVIOUS`, base64, comma-separated). Never makes a key: a re-wrap under a key
 * nobody keeps would lose every data key.
 */
export function rotationRingFromEnv(env: NodeJS.ProcessEnv): KeyEncryptionKeyRing | string {
  const current =
    env.EVENT_KEY_ENCRYPTION_KEY ?? (env.EVENT_KEY_ENCRYPTION_KEY_FILE && readFileSync(env.EVENT_KEY_ENCRYPTION_KEY_FILE, 'utf8'));
  if (!current) return 'EVENT_KEY_ENCRYPTION_KEY (or _FILE) is required: the new key-encryption key';
  const previous = previousKeysFromEnv(env);
  if (previous.length === 0) return 'EVENT_KEY_ENCRYPTION_KEY_PREVIOUS is required: the key-encryption key(s) being replaced';
  return new KeyEncryptionKeyRing(LocalKeyEncryptionKey.fromBase64(current), previous);
}

/** Exit codes: 0 every data key is under the new key, 1 some are not (printed), 2 the command line or a key is wrong. */
async function main(): Promise<number> {
  const args = parseRewrapArguments(process.argv.slice(2));
  const ring = typeof args === 'string' ? args : rotationRingFromEnv(process.env);
  if (typeof args === 'string' || typeof ring === 'string') {
    process.stderr.write(`${typeof args === 'string' ? args : ring}\n${REWRAP_USAGE}\n`);
    return 2;
  }
  const pool = new Pool({ connectionString: args.database, max: 2, application_name: 'keys-rewrap' });
  let complete = true;
  try {
    for (const schema of args.schemas) {
      const result = await rewrapDataKeys(pool, schema, ring, {
        onProgress: (n) => process.stdout.write(`${schema}: ${n} data keys re-wrapped\n`),
      });
      const left = Object.entries(result.remaining);
      process.stdout.write(
        left.length === 0
          ? `${schema}: done, ${result.rewrapped} re-wrapped; every data key is under ${ring.id}\n`
          : `${schema}: ${result.rewrapped} re-wrapped; still under another key: ${left.map(([id, n]) => `${n} under ${id}`).join(', ')}\n`,
      );
      if (left.length > 0) complete = false;
    }
  } finally {
    await pool.end();
  }
  return complete ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(2);
    },
  );
}
