import { readFileSync } from 'node:fs';
import { Pool } from 'pg';
import { parseCheckpointLines, publicKeyFromPem } from './anchor';
import { AnchorReport, CheckpointFile, verifyAnchors } from './anchor-verify';

export interface VerifyArguments {
  checkpoints: string[];
  publicKeys: string[];
  database: string;
}

export const VERIFY_USAGE =
  'usage: npm run audit:verify -- --checkpoints <file.jsonl> [--checkpoints <file>…] --public-key <key.pem> [--public-key <pem>…] --database <postgres url>';

/** The command line of `npm run audit:verify`, or why it is not one. */
export function parseVerifyArguments(argv: string[]): VerifyArguments | string {
  const args: VerifyArguments = { checkpoints: [], publicKeys: [], database: '' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!['--checkpoints', '--public-key', '--database'].includes(flag)) return `unknown argument ${flag}`;
    if (value === undefined || value.startsWith('--')) return `${flag} needs a value`;
    i++;
    if (flag === '--checkpoints') args.checkpoints.push(value);
    else if (flag === '--public-key') args.publicKeys.push(value);
    else args.database = value;
  }
  if (args.checkpoints.length === 0) return '--checkpoints is required';
  if (args.publicKeys.length === 0) return '--public-key is required';
  if (!args.database) return '--database is required';
  return args;
}

/** The report as the command prints it. */
export function formatReport(report: AnchorReport): string {
  const { checkpoints, eventLogs, days } = report.checked;
  const checked = `${checkpoints} checkpoints, ${eventLogs} event logs, ${days} consultation day chains`;
  if (report.ok) return `OK: ${checked}: the database holds everything anchored.\n`;
  return `FAILED: ${checked}; ${report.findings.length} findings:\n${report.findings.map((f) => `  ${f.log}: ${f.message}`).join('\n')}\n`;
}

/** Exit codes: 0 everything anchored is there, 1 something is missing or changed, 2 the command line or a file is wrong. */
async function main(): Promise<number> {
  const args = parseVerifyArguments(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${VERIFY_USAGE}\n`);
    return 2;
  }
  const files: CheckpointFile[] = args.checkpoints.map((name) => ({ name, ...parseCheckpointLines(readFileSync(name, 'utf8')) }));
  const publicKeys = args.publicKeys.map((file) => publicKeyFromPem(readFileSync(file, 'utf8')));
  const pool = new Pool({ connectionString: args.database, max: 2, application_name: 'audit-verify' });
  try {
    const report = await verifyAnchors({ pool, files, publicKeys });
    process.stdout.write(formatReport(report));
    return report.ok ? 0 : 1;
  } finally {
    await pool.end();
  }
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
