import type { TFunction } from 'i18next';
import type { CodeGroup } from '@/lib/i18n/codes';
import { formatDate } from '@/lib/i18n/dates';
import type { TimelineEntry } from '../api/investigations.api';
import type { InvestigationCodeGroup } from './labels';

/** What a line of the timeline needs besides the entry: words for codes, and names the file knows by id. */
export interface TimelineContext {
  t: TFunction;
  label: (group: InvestigationCodeGroup, code: string | null | undefined) => string;
  /** Words for the console's shared code groups (the evidence desk's categories, lab analyses and conclusions). */
  code: (group: CodeGroup, code: string | null | undefined) => string;
  /** partyLinkId → the name shown in the case file. */
  parties: ReadonlyMap<string, string>;
  /** taskId → title. */
  tasks: ReadonlyMap<string, string>;
}

type Data = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const ref = (v: unknown): { authority: string; reference: string } | undefined =>
  v && typeof v === 'object' && 'authority' in v && 'reference' in v ? (v as { authority: string; reference: string }) : undefined;

/**
 * One line of the timeline in the reader's language, from the event's type and data (the API's own
 * `summary` is English and names codes; this one speaks the user's words). An entry about a case the
 * reader may not know of carries no data, and says so.
 */
export function timelineText(entry: TimelineEntry, ctx: TimelineContext): string {
  const { t, label } = ctx;
  const d: Data = entry.data;
  const authority = (v: unknown) => {
    const r = ref(v);
    return r ? t('investigations.timeline.authority', { authority: label('authority', r.authority), reference: r.reference }) : '';
  };
  const party = (id: unknown, fallback: unknown) => ctx.parties.get(str(id)) ?? str(fallback);
  const authorised = (v: unknown) => (ref(v) ? t('investigations.timeline.authorised', { authority: authority(v) }) : '');
  const late = d.late === true ? t('investigations.timeline.late') : '';
  const afterClosure = d.afterClosure === true ? t('investigations.timeline.afterClosure') : '';
  switch (entry.type) {
    case 'InvestigationOpened': {
      const origin = d.origin as { kind?: string } | undefined;
      const values = {
        kind: label('investigationKind', str(d.kind)),
        origin: label('originKind', origin?.kind),
        phenomenon: label('phenomenon', str(d.phenomenon)),
        team: str(d.team),
      };
      return ref(d.directingAuthority)
        ? t('investigations.timeline.events.openedDirected', { ...values, authority: authority(d.directingAuthority) })
        : t('investigations.timeline.events.opened', values);
    }
    case 'DirectingAuthorityRecorded':
      return t('investigations.timeline.events.directingAuthority', {
        authority: authority(d.directingAuthority),
        kind: label('investigationKind', str(d.kind)),
      });
    case 'InvestigationAssignedToTeam':
      return t('investigations.timeline.events.reassigned', { from: str(d.previousTeam), to: str(d.team), reason: str(d.reason) });
    case 'LeadInvestigatorAssigned':
      return d.previousLeadInvestigator
        ? t('investigations.timeline.events.leadReplaced', {
            staff: str(d.leadInvestigator),
            previous: str(d.previousLeadInvestigator),
            reason: str(d.reason),
          })
        : t('investigations.timeline.events.lead', { staff: str(d.leadInvestigator) });
    case 'TeamMemberAdded':
      return t('investigations.timeline.events.memberAdded', { staff: str(d.staffId) });
    case 'TeamMemberRemoved':
      return t('investigations.timeline.events.memberRemoved', { staff: str(d.staffId), reason: str(d.reason) });
    case 'PartyLinked':
      return t('investigations.timeline.events.partyLinked', { name: str(d.displayName), role: label('partyRole', str(d.role)) });
    case 'PartyUnlinked':
      return t('investigations.timeline.events.partyUnlinked', {
        name: party(d.partyLinkId, d.personId),
        role: label('partyRole', str(d.role)),
        reason: str(d.reason),
      });
    case 'PersonIdentified':
      return t('investigations.timeline.events.personIdentified', { name: party(d.partyLinkId, d.personId), how: str(d.how) });
    case 'PersonTraced':
      return t('investigations.timeline.events.personTraced', { name: party(d.partyLinkId, d.personId), place: str(d.place) });
    case 'HearingConducted': {
      const parts: string[] = [];
      if (d.deferredSalduz === true) parts.push(t('investigations.timeline.hearing.deferredSalduz'));
      if (d.minor === true) parts.push(t('investigations.timeline.hearing.minor'));
      const assistance = d.legalAssistance as { kind?: string; lawyer?: string } | undefined;
      if (assistance?.kind === 'present')
        parts.push(t('investigations.timeline.hearing.lawyerPresent', { lawyer: str(assistance.lawyer) }));
      else if (assistance?.kind === 'waived') parts.push(t('investigations.timeline.hearing.lawyerWaived'));
      else parts.push(t('investigations.timeline.hearing.lawyerNotApplicable'));
      const interpreter = d.interpreter as { language?: string } | undefined;
      if (interpreter) parts.push(t('investigations.timeline.hearing.interpreter', { language: str(interpreter.language) }));
      return t('investigations.timeline.events.hearing', {
        role: label('partyRole', str(d.role)),
        name: party(d.partyLinkId, d.personId),
        details: parts.join(', '),
      });
    }
    case 'HouseSearchConducted':
      return t('investigations.timeline.events.houseSearch', { address: str(d.address) }) + authorised(d.authorisation);
    case 'ObservationConducted':
      return t('investigations.timeline.events.observation', { target: str(d.target) }) + authorised(d.authorisation);
    case 'CameraFootageRequested':
      return t('investigations.timeline.events.camera', { source: str(d.source) }) + authorised(d.authorisation);
    case 'TelephonyEnquiryPerformed':
      return t('investigations.timeline.events.telephony', { subject: str(d.subject) }) + authorised(d.authorisation);
    case 'BankEnquiryPerformed':
      return (
        t('investigations.timeline.events.bank', { institution: str(d.institution), subject: str(d.subject) }) + authorised(d.authorisation)
      );
    case 'AnprLookupPerformed':
      return t('investigations.timeline.events.anpr', { plate: str(d.plate), count: Number(d.hits ?? 0) }) + authorised(d.authorisation);
    case 'TraceCollected':
      return (
        t('investigations.timeline.events.trace', { place: str(d.place), description: str(d.description) }) + authorised(d.authorisation)
      );
    case 'SuspectArrested':
      return (
        t('investigations.timeline.events.arrest', { name: party(d.partyLinkId, d.personId), place: str(d.place) }) +
        authorised(d.authorisation)
      );
    case 'SuspectBroughtBeforeMagistrate':
      return (
        t('investigations.timeline.events.beforeMagistrate', {
          name: party(d.partyLinkId, d.personId),
          magistrate: label('authority', str(d.magistrate)),
        }) + authorised(d.authorisation)
      );
    case 'TaskCreated':
      return t('investigations.timeline.events.taskCreated', {
        title: str(d.title),
        assignee: str(d.assignee),
        due: formatDay(str(d.dueDate)),
      });
    case 'TaskCompleted':
      return t('investigations.timeline.events.taskCompleted', { title: ctx.tasks.get(str(d.taskId)) ?? str(d.taskId) }) + late;
    case 'ParketTaskReceived':
      return t('investigations.timeline.events.parketTaskReceived', {
        authority: authority(d.from),
        description: str(d.description),
        deadline: formatDay(str(d.deadline)),
      });
    case 'ParketTaskDistributed':
      return t('investigations.timeline.events.parketTaskDistributed', { assignee: str(d.assignee) });
    case 'ParketTaskCompleted':
      return t('investigations.timeline.events.parketTaskCompleted', { authority: authority(d.from) }) + late;
    case 'ReportJoined':
      return t('investigations.timeline.events.reportJoined', {
        report: str(d.pvNumber) || str(d.reportId).slice(0, 8),
        reason: str(d.reason),
      });
    case 'EvidenceLinked':
      return (
        t('investigations.timeline.events.evidenceLinked', { label: str(d.labelNumber), description: str(d.description) }) + afterClosure
      );
    case 'LabResultLinked':
      return (
        t('investigations.timeline.events.labResultLinked', {
          reference: str(d.labReference),
          laboratory: str(d.laboratory),
          analysis: ctx.code('labAnalysis', str(d.analysis)),
          conclusion: ctx.code('labConclusion', str(d.conclusion)),
        }) + afterClosure
      );
    case 'SeriesLinkAdded':
      return d.otherInvestigationId
        ? t('investigations.timeline.events.seriesLinkAdded', { other: str(d.otherInvestigationId).slice(0, 8), reason: str(d.reason) })
        : t('investigations.timeline.events.seriesLinkAddedHidden');
    case 'SeriesLinkRemoved':
      return d.otherInvestigationId
        ? t('investigations.timeline.events.seriesLinkRemoved', { other: str(d.otherInvestigationId).slice(0, 8), reason: str(d.reason) })
        : t('investigations.timeline.events.seriesLinkRemovedHidden');
    case 'InvestigationReportedToMagistrate':
      return t('investigations.timeline.events.reportedToMagistrate', { authority: authority(d.to), pv: str(d.reportPvNumber) });
    case 'InvestigationClosed':
      return t('investigations.timeline.events.closed', { outcome: label('closingOutcome', str(d.outcome)), reason: str(d.reason) });
    case 'InvestigationReopened':
      return t('investigations.timeline.events.reopened', { reason: str(d.reason) });
  }
}

/** A calendar day (`YYYY-MM-DD`, no time) as `DD/MM/YYYY`. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : formatDate(day);
}
