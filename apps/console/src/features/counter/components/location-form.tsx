import { Button, Group, TextInput } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StorageLocation } from '../api/counter.api';

/** The location as the API's `location` filter reads it: `room`, or `room / locker / shelf`. */
export function locationFilter(l: StorageLocation): string {
  return [l.room, l.locker, l.shelf]
    .filter((p) => p && p.trim() !== '')
    .map((p) => p!.trim())
    .join(' / ');
}

/** Room, locker and shelf of a place in the evidence rooms, as one small form. */
export function LocationForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial: StorageLocation;
  submitLabel: string;
  onSubmit: (l: StorageLocation) => void;
}) {
  const { t } = useTranslation();
  const [room, setRoom] = useState(initial.room);
  const [locker, setLocker] = useState(initial.locker ?? '');
  const [shelf, setShelf] = useState(initial.shelf ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!room.trim()) return;
    onSubmit({ room: room.trim(), ...(locker.trim() ? { locker: locker.trim() } : {}), ...(shelf.trim() ? { shelf: shelf.trim() } : {}) });
  };
  return (
    <form onSubmit={submit} aria-label={t('counter.fields.room')}>
      <Group align="flex-end" gap="xs">
        <TextInput
          label={t('counter.fields.room')}
          required
          value={room}
          onChange={(e) => setRoom(e.currentTarget.value)}
          style={{ flex: '2 1 220px' }}
        />
        <TextInput
          label={t('counter.fields.locker')}
          value={locker}
          onChange={(e) => setLocker(e.currentTarget.value)}
          style={{ flex: '1 1 100px' }}
        />
        <TextInput
          label={t('counter.fields.shelf')}
          value={shelf}
          onChange={(e) => setShelf(e.currentTarget.value)}
          style={{ flex: '1 1 100px' }}
        />
        <Button type="submit">{submitLabel}</Button>
      </Group>
    </form>
  );
}
