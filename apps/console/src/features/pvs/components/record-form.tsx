import { Button, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { PvStep } from '../api/pvs.api';
import type { Take } from './take';

/**
 * Records that the finalised PV went somewhere (the parket, the city, the ANG), with the recipient's
 * reference when it gave one. `field` is the request's name of that reference.
 */
export function RecordForm(props: {
  title: string;
  refLabel: string;
  submit: string;
  done: string;
  field: 'recipientRef' | 'angRef';
  step: (ref: string | undefined) => PvStep;
  take: Take;
  pending: boolean;
}) {
  const { title, refLabel, submit, done, field, step, take, pending } = props;
  const form = useForm<{ ref: string }>({ initialValues: { ref: '' } });
  const onSubmit = form.onSubmit((v) => take(step(v.ref.trim() || undefined), done, form, { [field]: 'ref' }));
  return (
    <form onSubmit={onSubmit} noValidate aria-label={title}>
      <Group align="flex-start" gap="sm">
        <TextInput label={refLabel} autoComplete="off" maxLength={100} style={{ flex: '1 1 220px' }} {...form.getInputProps('ref')} />
        <Button type="submit" mt={24} loading={pending}>
          {submit}
        </Button>
      </Group>
    </form>
  );
}
