// lint-as: services/integrity/src/domain/bad.decide.ts
// expect: no-restricted-syntax x3
export function decide(): { at: Date; ms: number; zone: string | undefined } {
  return { at: new Date(), ms: Date.now(), zone: process.env.TZ };
}
