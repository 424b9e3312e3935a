import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { NextFunction, Request, Response } from 'express';
import type { INestApplication } from '@nestjs/common';

/** Hashed build output (`assets/<name>-<hash>.js`): its name changes with its content. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html above all) is revalidated on every load, so a new build shows at once. */
const REVALIDATE = 'no-cache';

/**
 * Serves the built web console (`apps/console/dist`) beside the API: its files as they are (hashed
 * assets cached for a year, the rest revalidated), and `index.html` for any other GET outside `/api`,
 * so that the single-page app's own routes (`/desk/reports/…`) load on a reload or a shared link. A
 * missing file (a path with an extension, or under `/assets/`) is a 404, never the page. `/api` is left
 * to the API. Mounted as middleware after the security headers, so the console gets the same CSP.
 * Returns false, serving nothing, when the console has not been built.
 */
export function serveConsole(app: INestApplication, dir: string): boolean {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const isApi = (p: string): boolean => p === '/api' || p.startsWith('/api/');
  const files = express.static(dir, {
    index: false,
    redirect: false,
    fallthrough: true,
    setHeaders: (res, file) =>
      res.setHeader('Cache-Control', path.relative(dir, file).startsWith(`assets${path.sep}`) ? IMMUTABLE : REVALIDATE),
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path)) return next();
    files(req, res, () => {
      if (req.path.startsWith('/assets/') || path.posix.basename(req.path).includes('.')) {
        res.status(404).type('text/plain').setHeader('Cache-Control', REVALIDATE).send('Not found');
        return;
      }
      res.sendFile(index, { cacheControl: false, headers: { 'Cache-Control': REVALIDATE } }, (err) => err && next(err));
    });
  });
  return true;
}

/** Where the built console is: `CONSOLE_DIR`, else `apps/console/dist` under the working directory. */
export function consoleDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.CONSOLE_DIR ?? path.join('apps', 'console', 'dist'));
}
