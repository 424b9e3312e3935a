import type { TFunction } from 'i18next';
import type { HeldRecord } from '../api/data-subjects.api';

// The services answer in the API's words (English); the DPO and the requester read them in the console's language.
// A label or ground the catalogue does not know is shown as the service gave it.

/** A held field's label in the reader's language. */
export function fieldLabel(t: TFunction, field: string): string {
  return t(`dpo.subjects.fields.${field}` as never, { defaultValue: field });
}

/** How the person appears in the record, in the reader's language. */
export function rolesOf(t: TFunction, r: HeldRecord): string {
  return r.roles.map((role) => t(`dpo.subjects.roleNames.${role}` as never, { defaultValue: role })).join(', ');
}

/** Why the record is processed, by its type. */
export function purposeOf(t: TFunction, r: HeldRecord): string {
  return t(`dpo.subjects.purposes.${r.type}` as never, { defaultValue: r.purpose });
}

/** The ground of the disclosure decision. */
export function reasonOf(t: TFunction, r: HeldRecord): string {
  return t(`dpo.subjects.reasons.${r.disclosure.code}` as never, { defaultValue: r.disclosure.reason });
}
