// PGlite's extensions are exported as `@electric-sql/pglite/contrib/*`, a subpath the workspace's
// `moduleResolution: node` cannot see (Node's own resolution at run time can). Their type, declared here.
declare module '@electric-sql/pglite/contrib/pg_trgm' {
  import type { Extension } from '@electric-sql/pglite';
  export const pg_trgm: Extension;
}
