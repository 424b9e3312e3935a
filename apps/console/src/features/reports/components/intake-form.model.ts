import type { ChannelKind, ObjectCategory, ReceiveReportBody, ReportKind } from '../api/reports.types';
import { CRIMINAL_KINDS, FactsMessages, FactsValues, initialFacts, OBJECT_KINDS, text, toFactsBody, validateFacts } from './facts.model';

export { newParty, OBJECT_KINDS, CRIMINAL_KINDS } from './facts.model';
export type { PartyValues } from './facts.model';

/**
 * The intake form's values: the request body's shape (so that a refusal's `errors[].field` names a form
 * field as it is): how the report came in, and its facts.
 */
export interface IntakeValues extends FactsValues {
  kind: ReportKind | null;
  channel: { kind: ChannelKind | null; officeId: string | null };
  appointmentRef: string;
  urgent: boolean;
  object: { description: string; category: ObjectCategory | null };
}

/** A new intake: at the front desk (of the zone's only office, if it has one), the first party the reporter. */
export function initialIntakeValues(kind: ReportKind | null = null, officeId: string | null = null): IntakeValues {
  return {
    kind,
    channel: { kind: 'front_desk', officeId },
    appointmentRef: '',
    urgent: false,
    object: { description: '', category: null },
    ...initialFacts(),
  };
}

/** The request body for the values: blanks left out, times as RFC 3339 instants with the Belgian offset. */
export function toReceiveReportBody(v: IntakeValues): ReceiveReportBody {
  const frontDesk = v.channel.kind === 'front_desk';
  return {
    kind: v.kind!,
    channel: { kind: v.channel.kind!, ...(frontDesk && v.channel.officeId ? { officeId: v.channel.officeId } : {}) },
    urgent: v.urgent,
    ...(frontDesk && text(v.appointmentRef) ? { appointmentRef: text(v.appointmentRef) } : {}),
    ...toFactsBody(v),
    ...(v.kind && OBJECT_KINDS.includes(v.kind) && text(v.object.description)
      ? { object: { description: v.object.description.trim(), ...(v.object.category ? { category: v.object.category } : {}) } }
      : {}),
  };
}

/**
 * Whether an intake needs an appointment reference: an aangifte or klacht, not urgent, at a desk that
 * works by appointment only (the zone's office rule, R-REP-2). The form says so beforehand; the service
 * applies the rule.
 */
export function appointmentExpected(
  v: Pick<IntakeValues, 'kind' | 'channel' | 'urgent'>,
  offices: readonly { id: string; walkIn: boolean }[],
): boolean {
  if (v.channel.kind !== 'front_desk' || v.urgent || !v.kind || !CRIMINAL_KINDS.includes(v.kind)) return false;
  const office = offices.find((o) => o.id === v.channel.officeId);
  return !!office && !office.walkIn;
}

/** What the intake checks before sending: kind, channel and office, the object of a declaration, and the facts. */
export function validateIntake(v: IntakeValues, m: FactsMessages): Record<string, string> {
  const objectKind = !!v.kind && OBJECT_KINDS.includes(v.kind);
  const errors = validateFacts(v, m, { criminal: !!v.kind && CRIMINAL_KINDS.includes(v.kind), placeRequired: objectKind });
  if (!v.kind) errors.kind = m.required;
  if (!v.channel.kind) errors['channel.kind'] = m.required;
  if (v.channel.kind === 'front_desk' && !v.channel.officeId) errors['channel.officeId'] = m.required;
  if (objectKind && !v.object.description.trim()) errors['object.description'] = m.required;
  return errors;
}
