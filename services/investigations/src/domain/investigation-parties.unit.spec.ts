import { decideIdentifyPerson, decideLinkParty, decideTracePerson, decideUnlinkParty, LinkParty } from './investigation.decide';
import { linkedPersons } from './investigation.state';
import {
  at,
  DETECTIVE,
  investigation,
  opened,
  recorded,
  SUSPECT_ID,
  SUSPECT_LINK,
  suspectLinked,
  VICTIM_ID,
  VICTIM_LINK,
  victimLinked,
} from './investigation.fixtures.spec';

const link = (data: Partial<LinkParty['data']> = {}): LinkParty => ({
  type: 'LinkParty',
  data: {
    partyLinkId: SUSPECT_LINK,
    personId: SUSPECT_ID,
    displayName: 'K. Janssens',
    role: 'suspect',
    identified: true,
    traced: false,
    ...data,
  },
  metadata: at(DETECTIVE, '2025-03-16T09:00:00+01:00'),
});

const WHEN = '2025-03-17T10:00:00.000Z';

describe('parties', () => {
  it('links a person with a role and their identified/traced status', () => {
    investigation
      .given(opened)
      .when((s) => decideLinkParty(s, link()))
      .then([suspectLinked]);
  });

  it('refuses the same person twice in the same role', () => {
    investigation
      .given(opened, suspectLinked)
      .when((s) => decideLinkParty(s, link({ partyLinkId: 'pl-2' })))
      .thenThrows({ code: 'party_already_linked', status: 409 });
  });

  it('refuses an unknown role', () => {
    investigation
      .given(opened)
      .when((s) => decideLinkParty(s, link({ role: 'accomplice' as never })))
      .thenThrows({ code: 'invalid_value', status: 422, field: 'role' });
  });

  it('unlinks a person; the link stays in the person index as history', () => {
    const unlinked = {
      type: 'PartyUnlinked' as const,
      data: {
        ...recorded(DETECTIVE, WHEN),
        partyLinkId: SUSPECT_LINK,
        personId: SUSPECT_ID,
        role: 'suspect' as const,
        reason: 'Alibi bevestigd',
      },
    };
    investigation
      .given(opened, suspectLinked, victimLinked)
      .when((s) =>
        decideUnlinkParty(s, {
          type: 'UnlinkParty',
          data: { partyLinkId: SUSPECT_LINK, reason: 'Alibi bevestigd' },
          metadata: at(DETECTIVE, WHEN),
        }),
      )
      .then([unlinked]);
    expect(linkedPersons(investigation.fold([opened, suspectLinked, victimLinked, unlinked]))).toStrictEqual([
      {
        partyLinkId: SUSPECT_LINK,
        personId: SUSPECT_ID,
        displayName: 'K. Janssens',
        role: 'suspect',
        identified: true,
        traced: false,
        linkedAt: '2025-03-16T08:00:00.000Z',
        unlinkedAt: WHEN,
        linked: false,
      },
      {
        partyLinkId: VICTIM_LINK,
        personId: VICTIM_ID,
        displayName: 'A. Peeters',
        role: 'victim',
        identified: true,
        traced: true,
        linkedAt: '2025-03-16T08:05:00.000Z',
        linked: true,
      },
    ]);
  });

  it('refuses anything on an unlinked party', () => {
    investigation
      .given(opened, suspectLinked, {
        type: 'PartyUnlinked',
        data: { ...recorded(DETECTIVE, WHEN), partyLinkId: SUSPECT_LINK, personId: SUSPECT_ID, role: 'suspect', reason: 'Alibi' },
      })
      .when((s) =>
        decideUnlinkParty(s, {
          type: 'UnlinkParty',
          data: { partyLinkId: SUSPECT_LINK, reason: 'Opnieuw' },
          metadata: at(DETECTIVE, WHEN),
        }),
      )
      .thenThrows({ code: 'party_unlinked', status: 409 });
  });

  it('identifies an unknown suspect', () => {
    const unknown = {
      ...suspectLinked,
      data: { ...suspectLinked.data, personId: 'onbekend-1', displayName: 'onbekende dader', identified: false },
    };
    investigation
      .given(opened, unknown)
      .when((s) =>
        decideIdentifyPerson(s, {
          type: 'IdentifyPerson',
          data: { partyLinkId: SUSPECT_LINK, personId: SUSPECT_ID, how: 'AFIS-hit op vingerspoor' },
          metadata: at(DETECTIVE, WHEN),
        }),
      )
      .then([
        {
          type: 'PersonIdentified',
          data: { ...recorded(DETECTIVE, WHEN), partyLinkId: SUSPECT_LINK, personId: SUSPECT_ID, how: 'AFIS-hit op vingerspoor' },
        },
      ]);
  });

  it('refuses to identify twice', () => {
    investigation
      .given(opened, suspectLinked)
      .when((s) =>
        decideIdentifyPerson(s, {
          type: 'IdentifyPerson',
          data: { partyLinkId: SUSPECT_LINK, personId: SUSPECT_ID, how: 'x' },
          metadata: at(DETECTIVE, WHEN),
        }),
      )
      .thenThrows({ code: 'already_identified', status: 409 });
  });

  it('traces a person', () => {
    investigation
      .given(opened, suspectLinked)
      .when((s) =>
        decideTracePerson(s, {
          type: 'TracePerson',
          data: { partyLinkId: SUSPECT_LINK, tracedAt: '2025-03-17T10:30:00+01:00', place: 'Dampoort' },
          metadata: at(DETECTIVE, WHEN),
        }),
      )
      .then([
        {
          type: 'PersonTraced',
          data: {
            ...recorded(DETECTIVE, WHEN),
            partyLinkId: SUSPECT_LINK,
            personId: SUSPECT_ID,
            tracedAt: '2025-03-17T09:30:00.000Z',
            place: 'Dampoort',
          },
        },
      ]);
  });

  it('refuses an unknown party link', () => {
    investigation
      .given(opened)
      .when((s) =>
        decideTracePerson(s, {
          type: 'TracePerson',
          data: { partyLinkId: 'pl-x', tracedAt: WHEN, place: 'Dampoort' },
          metadata: at(DETECTIVE, WHEN),
        }),
      )
      .thenThrows({ code: 'party_link_not_found', status: 404 });
  });
});
