import { IdentifyPerson, LinkParty, TracePerson, UnlinkParty } from './investigation.commands';
import { InvestigationConflict } from './investigation.errors';
import { PARTY_ROLES, PartyLinked, PartyUnlinked, PersonIdentified, PersonTraced } from './investigation.events';
import {
  activeLink,
  open,
  recorded,
  requireBoolean,
  requireInstant,
  requireNotAfterNow,
  requireOneOf,
  requireText,
} from './investigation.guards';
import { InvestigationState } from './investigation.state';
import { toIso } from './investigations.decide';

// The parties: linking and unlinking people, identifying and tracing them.

export function decideLinkParty(state: InvestigationState, { data, metadata }: LinkParty): [PartyLinked] {
  const investigation = open(state);
  requireText(data, ['partyLinkId', 'personId', 'displayName']);
  requireOneOf(data.role, PARTY_ROLES, 'role');
  requireBoolean(data.identified, 'identified');
  requireBoolean(data.traced, 'traced');
  if (investigation.parties[data.partyLinkId] !== undefined) {
    throw new InvestigationConflict('party_already_linked', `Party link ${data.partyLinkId} is already in use`);
  }
  const same = Object.values(investigation.parties).find(
    (l) => l.unlinkedAt === undefined && l.personId === data.personId && l.role === data.role,
  );
  if (same)
    throw new InvestigationConflict('party_already_linked', `${data.displayName} is already linked as ${data.role} (${same.partyLinkId})`);
  const { partyLinkId, personId, displayName, role, identified, traced } = data;
  return [
    { type: 'PartyLinked', data: { ...recorded(investigation, metadata), partyLinkId, personId, displayName, role, identified, traced } },
  ];
}

export function decideUnlinkParty(state: InvestigationState, { data, metadata }: UnlinkParty): [PartyUnlinked] {
  const investigation = open(state);
  const link = activeLink(investigation, data.partyLinkId);
  requireText(data, ['reason']);
  return [
    {
      type: 'PartyUnlinked',
      data: {
        ...recorded(investigation, metadata),
        partyLinkId: link.partyLinkId,
        personId: link.personId,
        role: link.role,
        reason: data.reason,
      },
    },
  ];
}

export function decideIdentifyPerson(state: InvestigationState, { data, metadata }: IdentifyPerson): [PersonIdentified] {
  const investigation = open(state);
  const link = activeLink(investigation, data.partyLinkId);
  requireText(data, ['personId', 'how']);
  if (link.identified) throw new InvestigationConflict('already_identified', `${link.displayName} is already identified`);
  return [
    {
      type: 'PersonIdentified',
      data: { ...recorded(investigation, metadata), partyLinkId: link.partyLinkId, personId: data.personId, how: data.how },
    },
  ];
}

export function decideTracePerson(state: InvestigationState, { data, metadata }: TracePerson): [PersonTraced] {
  const investigation = open(state);
  const link = activeLink(investigation, data.partyLinkId);
  requireText(data, ['place']);
  requireInstant(data.tracedAt, 'tracedAt');
  requireNotAfterNow(data.tracedAt, metadata, 'tracedAt');
  if (link.traced) throw new InvestigationConflict('already_traced', `${link.displayName} is already traced`);
  return [
    {
      type: 'PersonTraced',
      data: {
        ...recorded(investigation, metadata),
        partyLinkId: link.partyLinkId,
        personId: link.personId,
        tracedAt: toIso(data.tracedAt),
        place: data.place,
      },
    },
  ];
}
