import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Authority } from '../api/investigations.api';
import { investigationCodes, useInvestigationLabel } from '../model/labels';

/**
 * Fields side by side keep their inputs on one line whatever the length of their labels and hints
 * (a grid's cells aligned at their bottom).
 */
export const ALIGN_INPUTS = { alignItems: 'end' } as const;

/** A check for a required text or choice, in the user's words. */
export const required = (t: TFunction) => (v: unknown) =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '') ? t('investigations.form.required') : null;

/** Text as the API wants it: trimmed, and left out when empty. */
export const text = (v: string | null | undefined): string | undefined => (v && v.trim() !== '' ? v.trim() : undefined);

export interface AuthorityValues {
  authority: Authority | null;
  reference: string;
}

/**
 * A magistrate and their reference (parket notice number, the onderzoeksrechter's case number, a
 * warrant number), at `path` of the form's values; `allowed` narrows the magistrates offered.
 */
export function AuthorityFields<V>(props: {
  form: UseFormReturnType<V>;
  path: string;
  legend: string;
  allowed?: readonly Authority[];
  description?: string;
  requiredMark?: boolean;
}) {
  const { t } = useTranslation();
  const label = useInvestigationLabel();
  const { form, path } = props;
  const options = investigationCodes('authority').filter((a) => !props.allowed || props.allowed.includes(a));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN_INPUTS}>
      <Select
        label={props.legend}
        description={props.description}
        withAsterisk={props.requiredMark}
        data={options.map((a) => ({ value: a, label: label('authority', a) }))}
        {...form.getInputProps(`${path}.authority`)}
        key={form.key(`${path}.authority`)}
      />
      <TextInput
        label={t('investigations.form.reference')}
        description={t('investigations.form.referenceHint')}
        withAsterisk={props.requiredMark}
        {...form.getInputProps(`${path}.reference`)}
        key={form.key(`${path}.reference`)}
      />
    </SimpleGrid>
  );
}

/** The magistrate who may direct an investigation of this kind [INF]: an onderzoeksrechter directs a gerechtelijk onderzoek, the others an opsporingsonderzoek. */
export function authoritiesFor(kind: string | null): readonly Authority[] | undefined {
  if (kind === 'gerechtelijk_onderzoek') return ['onderzoeksrechter'];
  if (kind === 'opsporingsonderzoek') return ['procureur_des_konings', 'arbeidsauditeur'];
  return undefined;
}
