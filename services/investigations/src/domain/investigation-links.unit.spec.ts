import {
  decideAddSeriesLink,
  decideJoinReport,
  decideLinkEvidence,
  decideLinkLabResult,
  decideRemoveSeriesLink,
  LinkEvidence,
  LinkLabResult,
} from './investigation.decide';
import { EvidenceLinked, LabResultLinked, SeriesLinkAdded, SeriesLinkRemoved } from './investigation.events';
import {
  at,
  DETECTIVE,
  investigation,
  INVESTIGATION_ID,
  ITEM_ID,
  OTHER_INVESTIGATION_ID,
  opened,
  PV_NUMBER,
  recorded,
  REPORT_ID,
} from './investigation.fixtures.spec';

const NOW = '2025-04-10T12:00:00.000Z';
const SYSTEM = { staffId: 'system:evidence-consumer' };
const OTHER_REPORT = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

const linkEvidence: LinkEvidence = {
  type: 'LinkEvidence',
  data: {
    itemId: ITEM_ID,
    labelNumber: 'PACOS-2025-000871',
    investigationId: INVESTIGATION_ID,
    pvNumber: PV_NUMBER,
    category: 'electronics',
    description: 'Laptop, grijs',
    seizedAt: '2025-03-16T10:05:00+01:00',
    registeredAt: '2025-03-16T11:30:00+01:00',
    custodian: 'staff-3141',
  },
  metadata: at(SYSTEM, NOW),
};
const evidenceLinked: EvidenceLinked = {
  type: 'EvidenceLinked',
  data: {
    ...recorded(SYSTEM, NOW),
    itemId: ITEM_ID,
    labelNumber: 'PACOS-2025-000871',
    pvNumber: PV_NUMBER,
    category: 'electronics',
    description: 'Laptop, grijs',
    seizedAt: '2025-03-16T09:05:00.000Z',
    registeredAt: '2025-03-16T10:30:00.000Z',
    custodian: 'staff-3141',
  },
};
const linkLabResult: LinkLabResult = {
  type: 'LinkLabResult',
  data: {
    itemId: ITEM_ID,
    investigationId: INVESTIGATION_ID,
    laboratory: 'FPL/LTWP',
    labReference: 'LTWP-25-11873',
    analysis: 'fingerprints',
    conclusion: 'hit',
    receivedAt: '2025-04-10T13:45:00+02:00',
  },
  metadata: at(SYSTEM, NOW),
};
const labResultLinked: LabResultLinked = {
  type: 'LabResultLinked',
  data: {
    ...recorded(SYSTEM, NOW),
    itemId: ITEM_ID,
    laboratory: 'FPL/LTWP',
    labReference: 'LTWP-25-11873',
    analysis: 'fingerprints',
    conclusion: 'hit',
    receivedAt: '2025-04-10T11:45:00.000Z',
  },
};
const seriesAdded: SeriesLinkAdded = {
  type: 'SeriesLinkAdded',
  data: {
    ...recorded(DETECTIVE, NOW),
    otherInvestigationId: OTHER_INVESTIGATION_ID,
    reason: 'Zelfde modus operandi (achterdeur, schroevendraaier)',
  },
};

describe('reports', () => {
  it('joins another report to the case', () => {
    investigation
      .given(opened)
      .when((s) =>
        decideJoinReport(s, {
          type: 'JoinReport',
          data: { reportId: OTHER_REPORT, pvNumber: 'GE.55.L5.012399/2025', reason: 'Zelfde dader' },
          metadata: at(DETECTIVE, NOW),
        }),
      )
      .then([
        {
          type: 'ReportJoined',
          data: { ...recorded(DETECTIVE, NOW), reportId: OTHER_REPORT, pvNumber: 'GE.55.L5.012399/2025', reason: 'Zelfde dader' },
        },
      ]);
  });

  it('refuses the report it was opened from', () => {
    investigation
      .given(opened)
      .when((s) => decideJoinReport(s, { type: 'JoinReport', data: { reportId: REPORT_ID, reason: 'x' }, metadata: at(DETECTIVE, NOW) }))
      .thenThrows({ code: 'report_already_joined', status: 409 });
  });
});

describe('evidence from the evidence service', () => {
  it('links an item from evidence.ItemRegistered.v1', () => {
    investigation
      .given(opened)
      .when((s) => decideLinkEvidence(s, linkEvidence))
      .then([evidenceLinked]);
  });

  it('ignores the same item delivered again', () => {
    investigation
      .given(opened, evidenceLinked)
      .when((s) => decideLinkEvidence(s, linkEvidence))
      .then([]);
  });

  it('refuses an item of another investigation', () => {
    investigation
      .given(opened)
      .when((s) => decideLinkEvidence(s, { ...linkEvidence, data: { ...linkEvidence.data, investigationId: OTHER_INVESTIGATION_ID } }))
      .thenThrows({ code: 'invalid_id', status: 422, field: 'investigationId' });
  });

  it('links a lab result from evidence.LabResultReceived.v1, once', () => {
    investigation
      .given(opened, evidenceLinked)
      .when((s) => decideLinkLabResult(s, linkLabResult))
      .then([labResultLinked]);
    investigation
      .given(opened, evidenceLinked, labResultLinked)
      .when((s) => decideLinkLabResult(s, linkLabResult))
      .then([]);
  });
});

describe('series links (R-INV-12)', () => {
  it('links two cases in a series', () => {
    investigation
      .given(opened)
      .when((s) =>
        decideAddSeriesLink(s, {
          type: 'AddSeriesLink',
          data: { otherInvestigationId: OTHER_INVESTIGATION_ID, reason: 'Zelfde modus operandi (achterdeur, schroevendraaier)' },
          metadata: at(DETECTIVE, NOW),
        }),
      )
      .then([seriesAdded]);
  });

  it('refuses the same link twice and a link to itself', () => {
    investigation
      .given(opened, seriesAdded)
      .when((s) =>
        decideAddSeriesLink(s, {
          type: 'AddSeriesLink',
          data: { otherInvestigationId: OTHER_INVESTIGATION_ID, reason: 'x' },
          metadata: at(DETECTIVE, NOW),
        }),
      )
      .thenThrows({ code: 'series_link_exists', status: 409 });
    investigation
      .given(opened)
      .when((s) =>
        decideAddSeriesLink(s, {
          type: 'AddSeriesLink',
          data: { otherInvestigationId: INVESTIGATION_ID, reason: 'x' },
          metadata: at(DETECTIVE, NOW),
        }),
      )
      .thenThrows({ code: 'series_link_to_itself', status: 422, field: 'otherInvestigationId' });
  });

  it('removes a link and can add it again: reversible, with both steps in the history', () => {
    const removed: SeriesLinkRemoved = {
      type: 'SeriesLinkRemoved',
      data: { ...recorded(DETECTIVE, NOW), otherInvestigationId: OTHER_INVESTIGATION_ID, reason: 'Dader in andere zaak geïdentificeerd' },
    };
    investigation
      .given(opened, seriesAdded)
      .when((s) =>
        decideRemoveSeriesLink(s, {
          type: 'RemoveSeriesLink',
          data: { otherInvestigationId: OTHER_INVESTIGATION_ID, reason: 'Dader in andere zaak geïdentificeerd' },
          metadata: at(DETECTIVE, NOW),
        }),
      )
      .then([removed]);
    investigation
      .given(opened, seriesAdded, removed)
      .when((s) =>
        decideAddSeriesLink(s, {
          type: 'AddSeriesLink',
          data: { otherInvestigationId: OTHER_INVESTIGATION_ID, reason: 'Nieuw spoor' },
          metadata: at(DETECTIVE, NOW),
        }),
      )
      .then([
        {
          type: 'SeriesLinkAdded',
          data: { ...recorded(DETECTIVE, NOW), otherInvestigationId: OTHER_INVESTIGATION_ID, reason: 'Nieuw spoor' },
        },
      ]);
  });

  it('refuses to remove a link that does not exist', () => {
    investigation
      .given(opened)
      .when((s) =>
        decideRemoveSeriesLink(s, {
          type: 'RemoveSeriesLink',
          data: { otherInvestigationId: OTHER_INVESTIGATION_ID, reason: 'x' },
          metadata: at(DETECTIVE, NOW),
        }),
      )
      .thenThrows({ code: 'series_link_not_found', status: 404 });
  });
});
