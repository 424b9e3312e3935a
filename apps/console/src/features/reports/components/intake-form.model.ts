import { brusselsToInstant } from '@/lib/i18n/dates';
import type { ChannelKind, MotiveFlag, ObjectCategory, PartyRole, ReceiveReportBody, ReportKind } from '../api/reports.types';

export interface PartyValues {
  /** A key for React only; the service gives each party its id. */
  key: string;
  name: string;
  roles: PartyRole[];
  contact: string;
}

/**
 * The intake form's values: the request body's shape (so that a refusal's `errors[].field`, e.g.
 * `parties.0.name` or `timeWindow.to`, names a form field as it is), with text where the body has
 * optional values and wall-clock times (Belgian) where it has instants.
 */
export interface IntakeValues {
  kind: ReportKind | null;
  channel: { kind: ChannelKind | null; officeId: string | null };
  appointmentRef: string;
  urgent: boolean;
  incidentType: string;
  timeWindow: { from: string | null; to: string | null };
  place: { municipality: string; postalCode: string; address: string };
  narrative: string;
  parties: PartyValues[];
  motiveFlags: MotiveFlag[];
  victimSupportWanted: boolean;
  concernsPoliceConduct: boolean;
  object: { description: string; category: ObjectCategory | null };
}

export const OBJECT_KINDS: readonly ReportKind[] = ['loss_declaration', 'found_object_declaration'];

export function newParty(roles: PartyRole[] = []): PartyValues {
  return { key: crypto.randomUUID(), name: '', roles, contact: '' };
}

export function initialIntakeValues(): IntakeValues {
  return {
    kind: null,
    channel: { kind: 'front_desk', officeId: null },
    appointmentRef: '',
    urgent: false,
    incidentType: '',
    timeWindow: { from: null, to: null },
    place: { municipality: '', postalCode: '', address: '' },
    narrative: '',
    parties: [newParty(['reporter'])],
    motiveFlags: [],
    victimSupportWanted: false,
    concernsPoliceConduct: false,
    object: { description: '', category: null },
  };
}

const text = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());

/** The request body for the values: blanks left out, times as RFC 3339 instants with the Belgian offset. */
export function toReceiveReportBody(v: IntakeValues): ReceiveReportBody {
  const frontDesk = v.channel.kind === 'front_desk';
  const place = { municipality: v.place.municipality.trim(), postalCode: text(v.place.postalCode), address: text(v.place.address) };
  const hasPlace = !!(place.municipality || place.postalCode || place.address);
  return {
    kind: v.kind!,
    channel: { kind: v.channel.kind!, ...(frontDesk && v.channel.officeId ? { officeId: v.channel.officeId } : {}) },
    urgent: v.urgent,
    ...(frontDesk && text(v.appointmentRef) ? { appointmentRef: text(v.appointmentRef) } : {}),
    ...(text(v.incidentType) ? { incidentType: text(v.incidentType) } : {}),
    ...(v.timeWindow.from && v.timeWindow.to ? { timeWindow: { from: brusselsToInstant(v.timeWindow.from), to: brusselsToInstant(v.timeWindow.to) } } : {}),
    ...(hasPlace ? { place: Object.fromEntries(Object.entries(place).filter(([, x]) => x !== undefined)) as ReceiveReportBody['place'] } : {}),
    narrative: v.narrative.trim(),
    parties: v.parties.map((p) => ({ name: p.name.trim(), roles: p.roles, ...(text(p.contact) ? { contact: text(p.contact) } : {}) })),
    motiveFlags: v.motiveFlags,
    victimSupportWanted: v.victimSupportWanted,
    concernsPoliceConduct: v.concernsPoliceConduct,
    ...(v.kind && OBJECT_KINDS.includes(v.kind) && text(v.object.description)
      ? { object: { description: v.object.description.trim(), ...(v.object.category ? { category: v.object.category } : {}) } }
      : {}),
  };
}

type Messages = { required: string; postalCode: string; windowOrder: string; roles: string; reporter: string };

/**
 * What the form checks before sending (the obvious: required fields, a four-digit postal code, a time
 * window in order, roles and a reporter). The service's own rules (an office that works by appointment,
 * a time window in the future, …) come back as a refusal and are shown beside their field.
 */
export function validateIntake(v: IntakeValues, m: Messages): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.kind) errors.kind = m.required;
  if (!v.channel.kind) errors['channel.kind'] = m.required;
  if (v.channel.kind === 'front_desk' && !v.channel.officeId) errors['channel.officeId'] = m.required;
  if (!v.narrative.trim()) errors.narrative = m.required;
  if (v.place.postalCode.trim() && !/^\d{4}$/.test(v.place.postalCode.trim())) errors['place.postalCode'] = m.postalCode;
  if ((v.place.postalCode.trim() || v.place.address.trim()) && !v.place.municipality.trim()) errors['place.municipality'] = m.required;
  if (!!v.timeWindow.from !== !!v.timeWindow.to) errors[v.timeWindow.from ? 'timeWindow.to' : 'timeWindow.from'] = m.required;
  if (v.timeWindow.from && v.timeWindow.to && v.timeWindow.from >= v.timeWindow.to) errors['timeWindow.to'] = m.windowOrder;
  v.parties.forEach((p, i) => {
    if (!p.name.trim()) errors[`parties.${i}.name`] = m.required;
    if (p.roles.length === 0) errors[`parties.${i}.roles`] = m.roles;
  });
  if (!v.parties.some((p) => p.roles.includes('reporter'))) errors.parties = m.reporter;
  return errors;
}
