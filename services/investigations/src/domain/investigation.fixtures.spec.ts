import { DEFAULT_AUTHORISATION_RULES, GENT_ROUTING } from '../investigations.config';
// Not a suite: actors, configuration and events shared by the investigation specs.
import { Actor, CommandMetadata } from './investigations.decide';
import { ActionData, OpenInvestigationCommand } from './investigation.decide';
import { AuthorityRef, DirectingAuthorityRecorded, InvestigationOpened, PartyLinked } from './investigation.events';
import { evolveInvestigation, initialInvestigationState } from './investigation.state';
import { specFor } from '@police/event-store/given-when-then';

export const investigation = specFor({ initialState: initialInvestigationState, evolve: evolveInvestigation });

export const INVESTIGATION_ID = 'c3a1f0e2-4b5d-4e6f-9a7b-8c9d0e1f2a3b';
export const OTHER_INVESTIGATION_ID = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
export const REPORT_ID = '0b7a4c1e-5d1f-4f53-9a39-2f5d6f0f4a11';
export const ITEM_ID = 'e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b';
export const PV_NUMBER = 'GE.55.L5.012345/2025';

/** GAK staff who open and distribute. */
export const GAK: Actor = { staffId: 'staff-0117' };
export const DETECTIVE: Actor = { staffId: 'staff-2290' };
export const COLLEAGUE: Actor = { staffId: 'staff-3141' };

export const PARKET: AuthorityRef = { authority: 'procureur_des_konings', reference: 'GE.20.L1.004512/25' };
export const JUDGE: AuthorityRef = { authority: 'onderzoeksrechter', reference: 'OR-GE-2025/118' };
export const WARRANT: AuthorityRef = { authority: 'onderzoeksrechter', reference: 'HZB-2025/0042' };

export const OPENED_AT = '2025-03-15T13:00:00.000Z';

export const at = (actor: Actor, iso: string): CommandMetadata => ({ actor, now: new Date(iso) });

export const REPORT = {
  reportId: REPORT_ID,
  pvNumber: PV_NUMBER,
  kind: 'aangifte' as const,
  incidentType: 'woninginbraak',
  incidentFrom: '2025-03-14T17:00:00.000Z',
  incidentTo: '2025-03-15T06:30:00.000Z',
  place: { municipality: 'Gent', postalCode: '9000', address: 'Voorbeeldstraat 12' },
  summary: 'Achterdeur geforceerd; laptop en juwelen ontvreemd.',
  parties: [
    { partyId: '7c1e2a4b-9f0d-4e3a-8b61-2d4c5e6f7a80', role: 'aangever' as const, displayName: 'A. Peeters' },
    { partyId: '3d9b8c7a-1e2f-4a5b-9c6d-7e8f9a0b1c2d', role: 'verdachte' as const, displayName: 'onbekende dader' },
  ],
};

export function openCommand(
  data: Partial<OpenInvestigationCommand['data']> = {},
  metadata = at(GAK, '2025-03-15T14:00:00+01:00'),
): OpenInvestigationCommand {
  return {
    type: 'OpenInvestigation',
    data: {
      investigationId: INVESTIGATION_ID,
      kind: 'opsporingsonderzoek',
      origin: { kind: 'report', report: REPORT },
      directingAuthority: PARKET,
      phenomenon: 'woninginbraak',
      title: 'Inbraak Voorbeeldstraat 12',
      routing: GENT_ROUTING,
      ...data,
    },
    metadata,
  };
}

const recorded = (actor: Actor, recordedAt: string) => ({ investigationId: INVESTIGATION_ID, recordedBy: actor.staffId, recordedAt });

export const opened: InvestigationOpened = {
  type: 'InvestigationOpened',
  data: {
    ...recorded(GAK, OPENED_AT),
    kind: 'opsporingsonderzoek',
    origin: { kind: 'report', report: REPORT },
    directingAuthority: PARKET,
    phenomenon: 'woninginbraak',
    title: 'Inbraak Voorbeeldstraat 12',
    team: 'Team Diefstallen',
    routedBy: 'configuration',
  },
};

/** Opened on own initiative, before any magistrate directs it. */
export const openedWithoutAuthority: InvestigationOpened = {
  type: 'InvestigationOpened',
  data: {
    ...recorded(DETECTIVE, OPENED_AT),
    kind: 'opsporingsonderzoek',
    origin: { kind: 'eigen_initiatief' },
    phenomenon: 'drugs',
    title: 'Dealpand Sleepstraat',
    team: 'Team Drugs',
    routedBy: 'configuration',
  },
};

export const judgeSeized: DirectingAuthorityRecorded = {
  type: 'DirectingAuthorityRecorded',
  data: {
    ...recorded(GAK, '2025-03-20T09:00:00.000Z'),
    directingAuthority: JUDGE,
    kind: 'gerechtelijk_onderzoek',
    previous: PARKET,
    previousKind: 'opsporingsonderzoek',
  },
};

export const SUSPECT_LINK = 'pl-suspect';
export const VICTIM_LINK = 'pl-victim';
export const SUSPECT_ID = '3d9b8c7a-1e2f-4a5b-9c6d-7e8f9a0b1c2d';
export const VICTIM_ID = '7c1e2a4b-9f0d-4e3a-8b61-2d4c5e6f7a80';

export const suspectLinked: PartyLinked = {
  type: 'PartyLinked',
  data: {
    ...recorded(DETECTIVE, '2025-03-16T08:00:00.000Z'),
    partyLinkId: SUSPECT_LINK,
    personId: SUSPECT_ID,
    displayName: 'K. Janssens',
    role: 'suspect',
    identified: true,
    traced: false,
  },
};

export const victimLinked: PartyLinked = {
  type: 'PartyLinked',
  data: {
    ...recorded(DETECTIVE, '2025-03-16T08:05:00.000Z'),
    partyLinkId: VICTIM_LINK,
    personId: VICTIM_ID,
    displayName: 'A. Peeters',
    role: 'victim',
    identified: true,
    traced: true,
  },
};

export const actionData = (data: Partial<ActionData> = {}): ActionData => ({
  actionId: 'act-1',
  performedBy: [DETECTIVE.staffId, COLLEAGUE.staffId],
  startedAt: '2025-03-21T06:00:00+01:00',
  endedAt: '2025-03-21T08:30:00+01:00',
  authorisationRules: DEFAULT_AUTHORISATION_RULES,
  ...data,
});

export { recorded };
