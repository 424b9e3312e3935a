/**
 * The public integration events: the only data that crosses a service boundary. Each contract is a
 * class with class-validator constraints and a static wire name `<context>.<Event>.v<N>`, declared once
 * in `<producer>/<event>.v<N>.ts` with a valid example payload (`…Fixture`) beside it.
 *
 * Loading this module needs `reflect-metadata` in the process (class-transformer's `@Type` reads it), as
 * every NestJS process and the Jest setup already provide.
 */
export * from './contracts';
export * from './registry';
