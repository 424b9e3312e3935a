import type { SessionUser } from '@/lib/auth';

// The demo directory's users (infra/keycloak, the dev issuer), as the console's session holds them: one copy for every unit test.

export const AN: SessionUser = {
  username: 'an.peeters',
  name: 'An Peeters',
  staffId: '5415-0101',
  roles: ['front_desk'],
  teams: ['Onthaal'],
  unit: 'Interventie',
};

export const WIM: SessionUser = {
  username: 'wim.debacker',
  name: 'Wim De Backer',
  staffId: '5415-0110',
  roles: ['front_desk'],
  teams: ['GAK'],
  unit: 'GAK/DIAK',
};

export const ELS: SessionUser = {
  username: 'els.jacobs',
  name: 'Els Jacobs',
  staffId: '5415-0210',
  roles: ['team_lead', 'detective'],
  teams: ['Diefstallen'],
  unit: 'LRD',
};

export const CHIEF: SessionUser = {
  username: 'filip.vermeulen',
  name: 'Filip Vermeulen',
  staffId: '5415-0001',
  roles: ['chief'],
  teams: [],
  unit: 'Korpsleiding',
};

export const PIETER: SessionUser = {
  username: 'pieter.janssens',
  name: 'Pieter Janssens',
  staffId: '5415-0201',
  roles: ['detective'],
  teams: ['Diefstallen'],
  unit: 'LRD',
};

export const MARC: SessionUser = {
  username: 'marc.goossens',
  name: 'Marc Goossens',
  staffId: '5415-0301',
  roles: ['evidence_officer'],
  teams: ['POPP'],
  unit: 'Evidence desk/POPP',
};

export const NATHALIE: SessionUser = {
  username: 'nathalie.wouters',
  name: 'Nathalie Wouters',
  staffId: '5415-0302',
  roles: ['lab_liaison'],
  teams: ['TST'],
  unit: 'LRD',
};

export const SOFIE: SessionUser = {
  username: 'sofie.maes',
  name: 'Sofie Maes',
  staffId: '5415-0202',
  roles: ['detective'],
  teams: ['Drugs'],
  unit: 'LRD',
};
