import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { integrityNl } from '../i18n/nl';
import { useIntegrityReference } from '../api/integrity.api';

export type IntegrityCodeGroup = keyof (typeof integrityNl)['codes'];

/** `code('channel', 'via_mayor')` → "Via de burgemeester": an integrity code as a word (an unknown code shows as itself). */
export function useIntegrityCode(): (group: IntegrityCodeGroup, value: string | null | undefined) => string {
  const { t } = useTranslation();
  return useCallback((group, value) => (value ? t(`integrity.codes.${group}.${value}` as never, { defaultValue: value }) : ''), [t]);
}

/** A staff member as people know them: "Koen Claes (5415-0204)", from the organisation data; the id alone when it is unknown. */
export function useStaffName(): (staffId: string | null | undefined) => string {
  const { t } = useTranslation();
  const reference = useIntegrityReference();
  return useCallback(
    (staffId) => {
      if (!staffId) return '';
      const name = reference.data?.staff.find((s) => s.staffId === staffId)?.name;
      return name ? t('integrity.staffLabel', { name, id: staffId }) : staffId;
    },
    [reference.data, t],
  );
}

/** The organisation's staff as select options. */
export function useStaffOptions(): { value: string; label: string }[] {
  const reference = useIntegrityReference();
  const name = useStaffName();
  return (reference.data?.staff ?? []).map((s) => ({ value: s.staffId, label: name(s.staffId) }));
}
