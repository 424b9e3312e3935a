import { DEV_USERS } from '@police/security';

/**
 * The columns of every authorization matrix: one demo user of the development issuer per persona, and
 * `anonymous` (no token). Other demo users (e.g. GAK's `wim.debacker`) are called by username.
 */
export const PERSONAS = {
  anonymous: undefined,
  front_desk: 'an.peeters',
  det_diefstal: 'pieter.janssens',
  det_drugs: 'sofie.maes',
  det_zeden: 'lotte.willems',
  det_geweld: 'koen.claes',
  team_lead: 'els.jacobs',
  evidence: 'marc.goossens',
  lab: 'nathalie.wouters',
  bit: 'bart.desmet',
  tucht: 'hilde.mertens',
  dpo: 'ines.dubois',
  chief: 'filip.vermeulen',
} as const;
export type Persona = keyof typeof PERSONAS;
export const COLUMNS = Object.keys(PERSONAS) as Persona[];

/** The staff id of a persona's demo user. */
export function staffIdOf(persona: Persona): string | undefined {
  return DEV_USERS.find((u) => u.username === PERSONAS[persona])?.staffId;
}
