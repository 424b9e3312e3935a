import { Button, Group, Text, TextInput } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { findById, findByLabel } from '../api/counter.api';

const URN = /^urn:police:evidence-item:([0-9a-f-]{36})$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a label says, as an item id: the QR code's URN or a bare id as they are, a label number looked up
 * (only items the reader may see are found). A hand scanner types into the field and presses Enter.
 */
export async function resolveLabel(input: string): Promise<{ id: string; labelNumber: string } | null> {
  const value = input.trim();
  const id = URN.exec(value)?.[1] ?? (UUID.test(value) ? value : undefined);
  if (id) return findById(id.toLowerCase());
  const found = await findByLabel(value);
  return found ? { id: found.id, labelNumber: found.labelNumber } : null;
}

/** Opens an item's counter actions by its label number (typed, pasted or scanned). */
export function ItemLookup() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(false);
    setError(null);
    if (!value.trim()) return;
    try {
      const found = await resolveLabel(value);
      if (found) void navigate(`/evidence/items/${found.id}/actions`);
      else setMissing(true);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form onSubmit={submit} role="search" aria-label={t('counter.lookup.label')}>
      <Group align="flex-end" gap="xs">
        <TextInput
          label={t('counter.lookup.label')}
          description={t('counter.lookup.hint')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          style={{ flex: '1 1 260px' }}
          error={missing ? t('counter.lookup.notFound') : undefined}
        />
        <Button type="submit" variant="default">
          {t('counter.lookup.open')}
        </Button>
      </Group>
      {error !== null && <ProblemAlert error={error} />}
      {missing && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('counter.lookup.notFoundHint')}
        </Text>
      )}
    </form>
  );
}
