import { Logger } from '@nestjs/common';

let unhandledRejections = 0;
let installed: ((reason: unknown, promise: Promise<unknown>) => void) | undefined;

/**
 * Treats an unhandled promise rejection as what it is, a defect: logged with its stack and a count, and
 * counted (see {@link defectCount}, reported by `/health/live`), instead of Node's default of ending the
 * process — every background loop handles its own failures, so one that escapes is a bug to fix, not a
 * reason to take the service down. Installed once per process by the hosts; tests fail on one instead
 * (`libs/testing/src/jest-setup.js`).
 */
export function installDefectHandlers(logger = new Logger('Defect')): void {
  if (installed) return;
  installed = (reason) => {
    unhandledRejections++;
    const detail = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    logger.error(`unhandled promise rejection #${unhandledRejections} (a defect: some code let a failure escape): ${detail}`);
  };
  process.on('unhandledRejection', installed);
}

/** Unhandled rejections this process has seen since it started. */
export function defectCount(): number {
  return unhandledRejections;
}
