// Schemathesis for the contract fuzz: the pinned version (scripts/fuzz/requirements.txt, compiled from
// requirements.in: every package pinned with its files' hashes, installed with --require-hashes) in a
// virtual environment cached outside git, under the native test servers' folder
// (POLICE_INFRA_DIR, default /var/tmp/police-case-platform):
//   venv-schemathesis-<version>-py<major.minor>/   with .installed holding requirements.txt's hash.
// A changed pin makes another folder; a changed requirements.txt (or an interrupted install) is
// reinstalled. Needs only Debian's python3: when `python3 -m venv` cannot work (Debian ships ensurepip
// in python3-venv) it installs python3-venv with apt, as infra.mjs installs PostgreSQL.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { aptInstall, resolveConfig, withLock } from '../../infra/native/infra.mjs';

const requirements = path.join(path.dirname(fileURLToPath(import.meta.url)), 'requirements.txt');

/** The pinned Schemathesis version, as requirements.txt has it. */
export function schemathesisVersion() {
  const m = /^schemathesis==([^\s\\]+)/m.exec(readFileSync(requirements, 'utf8'));
  if (!m) throw new Error(`${requirements} pins no schemathesis==<version>`);
  return m[1];
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.error) return { status: -1, out: r.error.message };
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function pythonVersion(python) {
  const r = run(python, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])']);
  return r.status === 0 ? r.out.trim() : null;
}

/**
 * Makes sure the pinned Schemathesis is installed and returns the path of its `st` command.
 * `log` gets one line per step that takes time.
 */
export async function ensureSchemathesis(log = (m) => console.log(`[fuzz] ${m}`)) {
  const cfg = resolveConfig();
  const version = schemathesisVersion();
  const pinned = readFileSync(requirements, 'utf8');
  const hash = createHash('sha256').update(pinned).digest('hex');
  let python = 'python3';
  let py = pythonVersion(python);
  if (!py) {
    aptInstall(cfg, log, ['python3', 'python3-venv']);
    py = pythonVersion(python);
    if (!py) throw new Error('python3 is not available, and installing it with apt did not help');
  }
  const venv = path.join(cfg.root, `venv-schemathesis-${version}-py${py}`);
  const st = path.join(venv, 'bin', 'st');
  const marker = path.join(venv, '.installed');
  const current = () => existsSync(st) && existsSync(marker) && readFileSync(marker, 'utf8').trim() === hash;
  if (current()) return st;
  // One install at a time (two test runs on one machine share the cache).
  await withLock({ ...cfg, lockFile: `${venv}.lock` }, log, async () => {
    if (current()) return;
    const t0 = Date.now();
    rmSync(venv, { recursive: true, force: true });
    log(`installing schemathesis ${version} (Python ${py}) into ${venv} ...`);
    let made = run(python, ['-m', 'venv', venv]);
    if (made.status !== 0 && /ensurepip|python3(\.\d+)?-venv/.test(made.out)) {
      rmSync(venv, { recursive: true, force: true });
      aptInstall(cfg, log, [`python${py}-venv`]);
      made = run(python, ['-m', 'venv', venv]);
    }
    if (made.status !== 0) throw new Error(`python3 -m venv ${venv} failed:\n${made.out.trim()}`);
    const pip = run(path.join(venv, 'bin', 'python'), [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--no-input',
      '--require-hashes',
      '-r',
      requirements,
    ]);
    if (pip.status !== 0 || !existsSync(st)) {
      rmSync(venv, { recursive: true, force: true });
      throw new Error(`pip install -r ${requirements} failed:\n${pip.out.trim().split('\n').slice(-20).join('\n')}`);
    }
    writeFileSync(marker, `${hash}\n`);
    log(`schemathesis ${version} installed in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  });
  return st;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await ensureSchemathesis());
}
