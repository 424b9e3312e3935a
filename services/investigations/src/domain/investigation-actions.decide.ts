import {
  ActionData,
  RecordAnprLookup,
  RecordArrest,
  RecordBankEnquiry,
  RecordBringingBeforeMagistrate,
  RecordCameraFootageRequest,
  RecordHearing,
  RecordHouseSearch,
  RecordObservation,
  RecordTelephonyEnquiry,
  RecordTraceCollection,
} from './investigation.commands';
import { InvalidInvestigationCommand, InvestigationConflict } from './investigation.errors';
import {
  ACTION_KINDS,
  ActionKind,
  AnprLookupPerformed,
  AUTHORITIES,
  BankEnquiryPerformed,
  CameraFootageRequested,
  COERCIVE_ACTIONS,
  HearingConducted,
  HouseSearchConducted,
  Interpreter,
  LegalAssistance,
  ObservationConducted,
  SuspectArrested,
  SuspectBroughtBeforeMagistrate,
  TelephonyEnquiryPerformed,
  TraceCollected,
} from './investigation.events';
import {
  activeLink,
  open,
  recorded,
  requireBoolean,
  requireInstant,
  requireNotAfterNow,
  requireOneOf,
  requireText,
  suspectLink,
  validAuthorityRef,
} from './investigation.guards';
import { InvestigationState, OpenInvestigation, PartyLink } from './investigation.state';
import { CommandMetadata, hasDuplicates, isBlank, toIso } from './investigations.decide';

// The investigative actions: hearings, searches, observations, enquiries, arrests (R-INV-1: coercive ones need a directing authority).

export function decideRecordHearing(state: InvestigationState, { data, metadata }: RecordHearing): [HearingConducted] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'hearing', data, metadata);
  const link = activeLink(investigation, data.partyLinkId);
  requireBoolean(data.deferredSalduz, 'deferredSalduz');
  requireBoolean(data.minor, 'minor');
  if (data.deferredSalduz && link.role !== 'suspect') {
    throw new InvalidInvestigationCommand(
      'salduz_requires_suspect',
      `A deferred Salduz hearing is a suspect's hearing; ${link.displayName} is linked as ${link.role}`,
      'deferredSalduz',
    );
  }
  const legalAssistance = validLegalAssistance(data.legalAssistance, link, data.minor);
  const interpreter = data.interpreter !== undefined ? validInterpreter(data.interpreter) : undefined;
  return [
    {
      type: 'HearingConducted',
      data: {
        ...base,
        endedAt: base.endedAt ?? toIso(data.endedAt),
        partyLinkId: link.partyLinkId,
        personId: link.personId,
        role: link.role,
        deferredSalduz: data.deferredSalduz,
        minor: data.minor,
        legalAssistance,
        ...(interpreter !== undefined && { interpreter }),
      },
    },
  ];
}

export function decideRecordHouseSearch(state: InvestigationState, { data, metadata }: RecordHouseSearch): [HouseSearchConducted] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'house_search', data, metadata);
  requireText(data, ['address', 'findings']);
  return [{ type: 'HouseSearchConducted', data: { ...base, address: data.address, findings: data.findings } }];
}

export function decideRecordObservation(state: InvestigationState, { data, metadata }: RecordObservation): [ObservationConducted] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'observation', data, metadata);
  requireText(data, ['target']);
  return [{ type: 'ObservationConducted', data: { ...base, target: data.target } }];
}

export function decideRecordCameraFootageRequest(
  state: InvestigationState,
  { data, metadata }: RecordCameraFootageRequest,
): [CameraFootageRequested] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'camera_enquiry', data, metadata);
  requireText(data, ['source']);
  const period = validPeriod(data.periodFrom, data.periodTo);
  return [{ type: 'CameraFootageRequested', data: { ...base, source: data.source, ...period } }];
}

export function decideRecordTelephonyEnquiry(
  state: InvestigationState,
  { data, metadata }: RecordTelephonyEnquiry,
): [TelephonyEnquiryPerformed] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'telephony_enquiry', data, metadata);
  requireText(data, ['subject', 'scope']);
  return [{ type: 'TelephonyEnquiryPerformed', data: { ...base, subject: data.subject, scope: data.scope } }];
}

export function decideRecordBankEnquiry(state: InvestigationState, { data, metadata }: RecordBankEnquiry): [BankEnquiryPerformed] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'bank_enquiry', data, metadata);
  requireText(data, ['institution', 'subject']);
  return [{ type: 'BankEnquiryPerformed', data: { ...base, institution: data.institution, subject: data.subject } }];
}

export function decideRecordAnprLookup(state: InvestigationState, { data, metadata }: RecordAnprLookup): [AnprLookupPerformed] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'anpr_lookup', data, metadata);
  requireText(data, ['plate']);
  const period = validPeriod(data.periodFrom, data.periodTo);
  if (!Number.isInteger(data.hits) || data.hits < 0)
    throw new InvalidInvestigationCommand('invalid_value', 'hits must be a whole number, 0 or more', 'hits');
  return [{ type: 'AnprLookupPerformed', data: { ...base, plate: data.plate, ...period, hits: data.hits } }];
}

export function decideRecordTraceCollection(state: InvestigationState, { data, metadata }: RecordTraceCollection): [TraceCollected] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'trace_collection', data, metadata);
  requireText(data, ['description', 'place']);
  return [{ type: 'TraceCollected', data: { ...base, description: data.description, place: data.place } }];
}

export function decideRecordArrest(state: InvestigationState, { data, metadata }: RecordArrest): [SuspectArrested] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'arrest', data, metadata);
  const link = suspectLink(investigation, data.partyLinkId);
  requireText(data, ['place']);
  return [{ type: 'SuspectArrested', data: { ...base, partyLinkId: link.partyLinkId, personId: link.personId, place: data.place } }];
}

export function decideRecordBringingBeforeMagistrate(
  state: InvestigationState,
  { data, metadata }: RecordBringingBeforeMagistrate,
): [SuspectBroughtBeforeMagistrate] {
  const investigation = open(state);
  const base = actionRecord(investigation, 'brought_before_magistrate', data, metadata);
  const link = suspectLink(investigation, data.partyLinkId);
  requireOneOf(data.magistrate, AUTHORITIES, 'magistrate');
  return [
    {
      type: 'SuspectBroughtBeforeMagistrate',
      data: { ...base, partyLinkId: link.partyLinkId, personId: link.personId, magistrate: data.magistrate },
    },
  ];
}

/**
 * R-INV-1: a coercive action needs a directing authority on the investigation; any action the zone's table
 * lists needs its own authorisation too. Returns the fields every action event shares.
 */
function actionRecord(investigation: OpenInvestigation, kind: ActionKind, data: ActionData, metadata: CommandMetadata) {
  requireText(data, ['actionId']);
  if (investigation.actions[data.actionId] !== undefined)
    throw new InvestigationConflict('action_id_in_use', `Action ${data.actionId} is already recorded`);
  if (data.performedBy.length === 0 || data.performedBy.some((id) => isBlank(id))) {
    throw new InvalidInvestigationCommand('required', 'Name who performed the action', 'performedBy');
  }
  if (hasDuplicates([...data.performedBy]))
    throw new InvalidInvestigationCommand('invalid_value', 'performedBy names someone twice', 'performedBy');
  requireInstant(data.startedAt, 'startedAt');
  requireNotAfterNow(data.startedAt, metadata, 'startedAt');
  if (data.endedAt !== undefined) {
    requireInstant(data.endedAt, 'endedAt');
    requireNotAfterNow(data.endedAt, metadata, 'endedAt');
    if (Date.parse(data.endedAt) < Date.parse(data.startedAt))
      throw new InvalidInvestigationCommand('end_before_start', 'The action cannot end before it started', 'endedAt');
  }
  if ((COERCIVE_ACTIONS as readonly ActionKind[]).includes(kind) && investigation.directingAuthority === null) {
    throw new InvestigationConflict(
      'directing_authority_required',
      `A ${kind.replaceAll('_', ' ')} is a coercive action: record the directing magistrate and their reference on the investigation first`,
    );
  }
  data.authorisationRules.requiresAuthorisation.forEach((k) => requireOneOf(k, ACTION_KINDS, 'authorisationRules.requiresAuthorisation'));
  if (data.authorisationRules.requiresAuthorisation.includes(kind) && data.authorisation === undefined) {
    throw new InvalidInvestigationCommand(
      'authorisation_required',
      `A ${kind.replaceAll('_', ' ')} needs the magistrate's authorisation and its reference`,
      'authorisation',
    );
  }
  const authorisation = data.authorisation !== undefined ? validAuthorityRef(data.authorisation, 'authorisation') : undefined;
  return {
    ...recorded(investigation, metadata),
    actionId: data.actionId,
    performedBy: [...data.performedBy],
    startedAt: toIso(data.startedAt),
    ...(data.endedAt !== undefined && { endedAt: toIso(data.endedAt) }),
    ...(authorisation !== undefined && { authorisation }),
    ...(investigation.directingAuthority !== null && { directingAuthority: investigation.directingAuthority }),
  };
}

/** Salduz [INF]: a suspect is heard with a lawyer or has waived one; a minor cannot waive. */
function validLegalAssistance(value: LegalAssistance, link: PartyLink, minor: boolean): LegalAssistance {
  requireOneOf(value.kind, ['present', 'waived', 'not_applicable'], 'legalAssistance.kind');
  if (value.kind === 'waived' && minor) {
    throw new InvalidInvestigationCommand(
      'minor_cannot_waive_lawyer',
      'A minor cannot waive the assistance of a lawyer',
      'legalAssistance',
    );
  }
  if (value.kind === 'not_applicable' && link.role === 'suspect') {
    throw new InvalidInvestigationCommand(
      'lawyer_required',
      'A suspect is heard with a lawyer present or after waiving one',
      'legalAssistance',
    );
  }
  if (value.kind === 'present') {
    if (isBlank(value.lawyer)) throw new InvalidInvestigationCommand('required', 'Name the lawyer present', 'legalAssistance.lawyer');
    return { kind: 'present', lawyer: value.lawyer };
  }
  return { kind: value.kind };
}

function validInterpreter(value: Interpreter): Interpreter {
  if (isBlank(value.language))
    throw new InvalidInvestigationCommand('required', 'The interpreter language is required', 'interpreter.language');
  if (isBlank(value.name)) throw new InvalidInvestigationCommand('required', 'The interpreter name is required', 'interpreter.name');
  return { language: value.language, name: value.name };
}

function validPeriod(periodFrom: string, periodTo: string): { periodFrom: string; periodTo: string } {
  requireInstant(periodFrom, 'periodFrom');
  requireInstant(periodTo, 'periodTo');
  if (Date.parse(periodTo) < Date.parse(periodFrom))
    throw new InvalidInvestigationCommand('end_before_start', 'The period cannot end before it starts', 'periodTo');
  return { periodFrom: toIso(periodFrom), periodTo: toIso(periodTo) };
}
