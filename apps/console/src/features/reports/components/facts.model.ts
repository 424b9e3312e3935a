import { brusselsToInstant, instantToBrussels } from '@/lib/i18n/dates';
import type { AmendmentChanges, MotiveFlag, OpenReport, PartyRole, ReceiveReportBody, ReportKind } from '../api/reports.types';

export interface PartyValues {
  /** A key for React only; the service gives each party its id. */
  key: string;
  /** A party already on the report keeps its id through an amendment (other services refer to it). */
  partyId?: string;
  name: string;
  roles: PartyRole[];
  contact: string;
}

/**
 * The facts of a report as a form holds them, in the request body's shape (so that a refusal's
 * `errors[].field`, e.g. `parties.0.name` or `timeWindow.to`, names a form field as it is): text where
 * the body has optional values, Belgian wall-clock times where it has instants. The intake and the
 * amendment share them.
 */
export interface FactsValues {
  incidentType: string;
  timeWindow: { from: string | null; to: string | null };
  place: { municipality: string; postalCode: string; address: string };
  narrative: string;
  parties: PartyValues[];
  motiveFlags: MotiveFlag[];
  victimSupportWanted: boolean;
  concernsPoliceConduct: boolean;
  /** Staff ids of the members of the police a conduct complaint is about. */
  staffMembersConcerned: string[];
}

type FactsBody = Pick<
  ReceiveReportBody,
  | 'incidentType'
  | 'timeWindow'
  | 'place'
  | 'narrative'
  | 'parties'
  | 'motiveFlags'
  | 'victimSupportWanted'
  | 'concernsPoliceConduct'
  | 'staffMembersConcerned'
>;

/** Aangiften and klachten say what and when (the service's CRIMINAL_KINDS). */
export const CRIMINAL_KINDS: readonly ReportKind[] = ['aangifte', 'klacht'];
/** Loss and found-object declarations describe the object and say where (they go to evidence). */
export const OBJECT_KINDS: readonly ReportKind[] = ['loss_declaration', 'found_object_declaration'];

export function newParty(roles: PartyRole[] = []): PartyValues {
  return { key: crypto.randomUUID(), name: '', roles, contact: '' };
}

export function initialFacts(): FactsValues {
  return {
    incidentType: '',
    timeWindow: { from: null, to: null },
    place: { municipality: '', postalCode: '', address: '' },
    narrative: '',
    parties: [newParty(['reporter'])],
    motiveFlags: [],
    victimSupportWanted: false,
    concernsPoliceConduct: false,
    staffMembersConcerned: [],
  };
}

/** The facts of a report as read, to edit them. */
export function factsFromReport(r: OpenReport): FactsValues {
  return {
    incidentType: r.incidentType ?? '',
    timeWindow: r.timeWindow
      ? { from: instantToBrussels(r.timeWindow.from), to: instantToBrussels(r.timeWindow.to) }
      : { from: null, to: null },
    place: { municipality: r.place?.municipality ?? '', postalCode: r.place?.postalCode ?? '', address: r.place?.address ?? '' },
    narrative: r.narrative,
    parties: r.parties.map((p) => ({ key: p.partyId, partyId: p.partyId, name: p.name, roles: [...p.roles], contact: p.contact ?? '' })),
    motiveFlags: [...r.motiveFlags],
    victimSupportWanted: r.victimSupportWanted,
    concernsPoliceConduct: r.concernsPoliceConduct,
    staffMembersConcerned: [...(r.staffMembersConcerned ?? [])],
  };
}

export const text = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());

/** The facts as the request body has them: blanks left out, times as RFC 3339 instants with the Belgian offset. */
export function toFactsBody(v: FactsValues): FactsBody {
  const place = { municipality: v.place.municipality.trim(), postalCode: text(v.place.postalCode), address: text(v.place.address) };
  const hasPlace = !!(place.municipality || place.postalCode || place.address);
  const staff = v.staffMembersConcerned.map((s) => s.trim()).filter((s) => s !== '');
  return {
    ...(text(v.incidentType) ? { incidentType: text(v.incidentType) } : {}),
    ...(v.timeWindow.from && v.timeWindow.to
      ? { timeWindow: { from: brusselsToInstant(v.timeWindow.from), to: brusselsToInstant(v.timeWindow.to) } }
      : {}),
    ...(hasPlace ? { place: Object.fromEntries(Object.entries(place).filter(([, x]) => x !== undefined)) as FactsBody['place'] } : {}),
    narrative: v.narrative.trim(),
    parties: v.parties.map((p) => ({
      ...(p.partyId ? { partyId: p.partyId } : {}),
      name: p.name.trim(),
      roles: p.roles,
      ...(text(p.contact) ? { contact: text(p.contact) } : {}),
    })),
    motiveFlags: v.motiveFlags,
    victimSupportWanted: v.victimSupportWanted,
    concernsPoliceConduct: v.concernsPoliceConduct,
    ...(v.concernsPoliceConduct && staff.length > 0 ? { staffMembersConcerned: staff } : {}),
  };
}

/**
 * What an amendment changes: each field whose request value differs from the report's as read (times
 * compared as instants). The service keeps what was said before.
 */
export function amendmentChanges(original: FactsValues, edited: FactsValues): AmendmentChanges {
  const before = toFactsBody(original) as Record<string, unknown>;
  const after = toFactsBody(edited) as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const field of Object.keys(after)) {
    if (JSON.stringify(after[field]) !== JSON.stringify(before[field])) changes[field] = after[field];
  }
  return changes as AmendmentChanges;
}

export type FactsMessages = {
  required: string;
  municipality: string;
  postalCode: string;
  windowOrder: string;
  roles: string;
  reporter: string;
  staffId: string;
};

export interface FactsRules {
  /** An aangifte or klacht: incident type and time window are required. */
  criminal: boolean;
  /** A declaration of a lost or found object: the place (at least its municipality) is required. */
  placeRequired: boolean;
  /** Fields the report already has, which an amendment may change but not clear. */
  keep?: { incidentType?: boolean; timeWindow?: boolean; place?: boolean };
}

const STAFF_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * What the forms check before sending, by the fields the API names (`prefix` for an amendment's
 * `changes.`): required fields, a four-digit postal code, a time window in order, roles and a
 * reporter. The service's own rules (an office that works by appointment, an incident that cannot end
 * in the future, …) come back as a refusal and are shown beside their field.
 */
export function validateFacts(v: FactsValues, m: FactsMessages, rules: FactsRules, prefix = ''): Record<string, string> {
  const errors: Record<string, string> = {};
  const at = (field: string, message: string) => (errors[`${prefix}${field}`] = message);
  if (!v.narrative.trim()) at('narrative', m.required);
  if ((rules.criminal || rules.keep?.incidentType) && !v.incidentType.trim()) at('incidentType', m.required);
  if (v.place.postalCode.trim() && !/^\d{4}$/.test(v.place.postalCode.trim())) at('place.postalCode', m.postalCode);
  const anyPlace = !!(v.place.postalCode.trim() || v.place.address.trim());
  if (!v.place.municipality.trim()) {
    if (rules.placeRequired || rules.keep?.place) at('place.municipality', m.required);
    else if (anyPlace) at('place.municipality', m.municipality);
  }
  const windowRequired = rules.criminal || rules.keep?.timeWindow;
  if (windowRequired || v.timeWindow.from || v.timeWindow.to) {
    if (!v.timeWindow.from) at('timeWindow.from', m.required);
    if (!v.timeWindow.to) at('timeWindow.to', m.required);
  }
  if (v.timeWindow.from && v.timeWindow.to && v.timeWindow.from > v.timeWindow.to) at('timeWindow.to', m.windowOrder);
  v.parties.forEach((p, i) => {
    if (!p.name.trim()) at(`parties.${i}.name`, m.required);
    if (p.roles.length === 0) at(`parties.${i}.roles`, m.roles);
  });
  if (!v.parties.some((p) => p.roles.includes('reporter'))) at('parties', m.reporter);
  if (v.concernsPoliceConduct && v.staffMembersConcerned.some((s) => !STAFF_ID.test(s.trim()))) at('staffMembersConcerned', m.staffId);
  return errors;
}
