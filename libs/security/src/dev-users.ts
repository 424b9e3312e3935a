import type { Role } from './principal';

/** A demo user of the development issuer. Fictitious people; staff ids in a made-up zone 5415 format. */
export interface DevUser {
  username: string;
  staffId: string;
  displayName: string;
  roles: Role[];
  teams: string[];
  unit: string;
}

/**
 * One or more demo users for every persona, in the teams and units of `docs/domain.md` (Gent's Lokale
 * Recherche teams, the evidence desk, the DIT entities). The same people are in the Keycloak realm
 * export (`infra/keycloak/realm-police.json`).
 */
export const DEV_USERS: readonly DevUser[] = [
  {
    username: 'an.peeters',
    staffId: '5415-0101',
    displayName: 'An Peeters',
    roles: ['front_desk'],
    teams: ['Onthaal'],
    unit: 'Interventie',
  },
  { username: 'wim.debacker', staffId: '5415-0110', displayName: 'Wim De Backer', roles: ['front_desk'], teams: ['GAK'], unit: 'GAK/DIAK' },
  {
    username: 'pieter.janssens',
    staffId: '5415-0201',
    displayName: 'Pieter Janssens',
    roles: ['detective'],
    teams: ['Diefstallen'],
    unit: 'LRD',
  },
  { username: 'sofie.maes', staffId: '5415-0202', displayName: 'Sofie Maes', roles: ['detective'], teams: ['Drugs'], unit: 'LRD' },
  { username: 'lotte.willems', staffId: '5415-0203', displayName: 'Lotte Willems', roles: ['detective'], teams: ['Zeden'], unit: 'LRD' },
  { username: 'koen.claes', staffId: '5415-0204', displayName: 'Koen Claes', roles: ['detective'], teams: ['Geweld'], unit: 'LRD' },
  {
    username: 'els.jacobs',
    staffId: '5415-0210',
    displayName: 'Els Jacobs',
    roles: ['team_lead', 'detective'],
    teams: ['Diefstallen'],
    unit: 'LRD',
  },
  {
    username: 'marc.goossens',
    staffId: '5415-0301',
    displayName: 'Marc Goossens',
    roles: ['evidence_officer'],
    teams: ['POPP'],
    unit: 'Evidence desk/POPP',
  },
  {
    username: 'nathalie.wouters',
    staffId: '5415-0302',
    displayName: 'Nathalie Wouters',
    roles: ['lab_liaison'],
    teams: ['TST'],
    unit: 'LRD',
  },
  {
    username: 'bart.desmet',
    staffId: '5415-0401',
    displayName: 'Bart De Smet',
    roles: ['integrity_investigator'],
    teams: ['BIT'],
    unit: 'DIT/BIT',
  },
  {
    username: 'hilde.mertens',
    staffId: '5415-0402',
    displayName: 'Hilde Mertens',
    roles: ['discipline_officer'],
    teams: ['Tucht'],
    unit: 'DIT/Tucht',
  },
  { username: 'ines.dubois', staffId: '5415-0403', displayName: 'Ines Dubois', roles: ['dpo'], teams: [], unit: 'DPO' },
  { username: 'filip.vermeulen', staffId: '5415-0001', displayName: 'Filip Vermeulen', roles: ['chief'], teams: [], unit: 'Korpsleiding' },
  { username: 'tom.verstraete', staffId: '5415-0501', displayName: 'Tom Verstraete', roles: ['ops'], teams: ['ICT'], unit: 'ICT' },
];
