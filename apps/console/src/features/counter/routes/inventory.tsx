import { Alert, Button, CloseButton, Group, List, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '@/components/notify';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { RequireRoles } from '@/components/require-roles';
import { Section } from '@/components/section';
import { INVENTORY_ROLES } from '../access';
import { InventoryAnswer, StorageLocation, useInventoryCount, useItems, useReference } from '../api/counter.api';
import { resolveLabel } from '../components/item-lookup';
import { LocationForm, locationFilter } from '../components/location-form';

interface Counted {
  id: string;
  label: string;
}

/**
 * An inventory count on a tablet: the place, what the records say lies there, every label found on the
 * shelf (a hand scanner types it and presses Enter; typing works too), then the count recorded and what
 * is missing or unexpected, by label.
 */
function InventoryScreen() {
  const { t } = useTranslation();
  const reference = useReference();
  const [place, setPlace] = useState<StorageLocation | null>(null);
  const expectedQuery = useItems({ location: place ? locationFilter(place) : '', status: 'held', limit: 200 }, place !== null);
  const expected = useMemo(() => (expectedQuery.data?.items ?? []).filter((e) => e.whereabouts === 'in_storage'), [expectedQuery.data]);
  const [found, setFound] = useState<Counted[]>([]);
  const [scan, setScan] = useState('');
  const [scanError, setScanError] = useState<string | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [result, setResult] = useState<InventoryAnswer | null>(null);
  const count = useInventoryCount();
  const input = useRef<HTMLInputElement>(null);
  const labelOf = (id: string) => expected.find((e) => e.id === id)?.labelNumber ?? found.find((f) => f.id === id)?.label ?? id;

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const value = scan.trim();
    if (!value) return;
    setScanError(null);
    const known = expected.find((e) => e.labelNumber === value || value.toLowerCase().endsWith(e.id));
    const hit = known
      ? { id: known.id, label: known.labelNumber }
      : await resolveLabel(value).then((r) => (r ? { id: r.id, label: r.labelNumber } : null));
    if (!hit) setScanError(t('counter.inventory.unknownLabel', { label: value }));
    else if (found.some((f) => f.id === hit.id)) setScanError(t('counter.inventory.alreadyScanned', { label: hit.label }));
    else setFound((f) => [...f, hit]);
    setScan('');
    input.current?.focus();
  };

  const record = () => {
    if (!place) return;
    count.mutate(
      { body: { ...place, foundItemIds: found.map((f) => f.id) }, key },
      {
        onSuccess: (answer) => {
          setResult(answer.data);
          notifySuccess(t('counter.inventory.recorded'));
        },
      },
    );
  };

  const restart = () => {
    setFound([]);
    setResult(null);
    setKey(crypto.randomUUID());
    void expectedQuery.refetch();
  };

  const discrepancies = result?.inventory.status === 'counted' ? Object.entries(result.inventory.openDiscrepancies) : [];
  const missing = discrepancies.filter(([, kind]) => kind === 'missing').map(([id]) => id);
  const unexpected = discrepancies.filter(([, kind]) => kind === 'unexpected').map(([id]) => id);
  const foundIds = new Set(found.map((f) => f.id));
  const expectedIds = new Set(expected.map((e) => e.id));

  return (
    <Stack gap="md">
      <PageTitle>{t('counter.inventory.title')}</PageTitle>
      <Text size="sm">{t('counter.inventory.intro')}</Text>
      <LocationForm
        key={reference.data?.storageRooms[0]?.name ?? ''}
        initial={{ room: reference.data?.storageRooms[0]?.name ?? '' }}
        submitLabel={t('counter.inventory.load')}
        onSubmit={(l) => {
          setPlace(l);
          setFound([]);
          setResult(null);
          setKey(crypto.randomUUID());
        }}
      />
      {expectedQuery.isError && <ProblemAlert error={expectedQuery.error} />}
      {place && expectedQuery.data && !result && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Section
            id="inventory-expected"
            title={t('counter.inventory.expected', { count: expected.length, location: locationFilter(place) })}
          >
            <List size="sm" spacing={4} listStyleType="none">
              {expected.map((e) => (
                <List.Item key={e.id}>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={foundIds.has(e.id) ? 700 : 400} style={{ whiteSpace: 'nowrap', minWidth: '9rem' }}>
                      {foundIds.has(e.id) ? `✓ ${t('counter.inventory.found')}` : t('counter.inventory.notYetFound')}
                    </Text>
                    <Text size="sm">
                      {e.labelNumber} — {e.description}
                    </Text>
                  </Group>
                </List.Item>
              ))}
            </List>
          </Section>
          <Section id="inventory-found" title={t('counter.inventory.found')}>
            <Stack gap="xs">
              <form onSubmit={add} aria-label={t('counter.inventory.scan')}>
                <Group align="flex-end" gap="xs">
                  <TextInput
                    ref={input}
                    label={t('counter.inventory.scan')}
                    description={t('counter.inventory.scanHint')}
                    value={scan}
                    onChange={(e) => setScan(e.currentTarget.value)}
                    error={scanError}
                    style={{ flex: 1 }}
                    autoFocus
                  />
                  <Button type="submit" variant="default">
                    {t('counter.inventory.add')}
                  </Button>
                </Group>
              </form>
              <List size="sm" spacing={4} listStyleType="none">
                {found.map((f) => (
                  <List.Item key={f.id}>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm">{f.label}</Text>
                      {!expectedIds.has(f.id) && (
                        <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
                          ⚠ {t('counter.inventory.unexpectedHere')}
                        </Text>
                      )}
                      <CloseButton
                        size="sm"
                        aria-label={t('counter.inventory.remove', { label: f.label })}
                        onClick={() => setFound((all) => all.filter((x) => x.id !== f.id))}
                      />
                    </Group>
                  </List.Item>
                ))}
              </List>
              {count.isError && <ProblemAlert error={count.error} />}
              <Group>
                <Button onClick={record} loading={count.isPending}>
                  {t('counter.inventory.record')}
                </Button>
              </Group>
            </Stack>
          </Section>
        </SimpleGrid>
      )}
      {result && (
        <Section id="inventory-result" title={t('counter.inventory.result')}>
          <Stack gap="sm">
            {missing.length === 0 && unexpected.length === 0 && (
              <Alert color="green.9" variant="outline">
                {t('counter.inventory.allThere')}
              </Alert>
            )}
            {missing.length > 0 && (
              <Alert color="red.9" variant="outline" title={t('counter.inventory.missing')}>
                <List size="sm">
                  {missing.map((id) => (
                    <List.Item key={id}>{labelOf(id)}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {unexpected.length > 0 && (
              <Alert color="orange.9" variant="outline" title={t('counter.inventory.unexpected')}>
                <List size="sm">
                  {unexpected.map((id) => (
                    <List.Item key={id}>{labelOf(id)}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Group>
              <Button variant="default" onClick={restart}>
                {t('counter.inventory.newCount')}
              </Button>
            </Group>
          </Stack>
        </Section>
      )}
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={INVENTORY_ROLES}>
      <InventoryScreen />
    </RequireRoles>
  );
}
