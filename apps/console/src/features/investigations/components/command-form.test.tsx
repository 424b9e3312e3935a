import { MantineProvider, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { initI18n } from '@/lib/i18n/i18n';
import { invalidateChanges } from '@/lib/live';
import { investigationKeys } from '../api/investigations.api';
import { CommandDialog } from './command-form';

const i18n = initI18n('nl');
const ID = '0d9f1c4e-2b3a-4c5d-8e6f-7a8b9c0d1e2f';

function Dialog({ opened }: { opened: boolean }) {
  const form = useForm({ initialValues: { reason: '' } });
  return (
    <CommandDialog
      kase={{ id: ID, etag: '"3"' }}
      title="Dossier afsluiten"
      opened={opened}
      onClose={() => undefined}
      form={form}
      command={() => ({ send: () => Promise.reject(new Error('not sent')) })}
      submitLabel="Afsluiten"
      done="Afgesloten"
    >
      <TextInput label="Reden" {...form.getInputProps('reason')} />
    </CommandDialog>
  );
}

describe('a command dialog on a case', () => {
  it('keeps the case file as it was read while it is open: a live change waits, so the command goes on the version read and a change meanwhile is a 412', async () => {
    const client = new QueryClient();
    const key = investigationKeys.detail(ID);
    client.getQueryCache().build(client, { queryKey: key });
    client.setQueryData(key, { data: {}, etag: '"3"' });
    const invalidated = () => client.getQueryCache().find({ queryKey: key })!.state.isInvalidated;
    const ui = (opened: boolean) => (
      <I18nextProvider i18n={i18n}>
        <MantineProvider>
          <QueryClientProvider client={client}>
            <Dialog opened={opened} />
          </QueryClientProvider>
        </MantineProvider>
      </I18nextProvider>
    );
    const view = render(ui(true));
    await invalidateChanges(client, [{ type: 'investigation', id: ID, version: 4 }]);
    expect(invalidated()).toBe(false);
    view.rerender(ui(false));
    await Promise.resolve();
    expect(invalidated()).toBe(true);
  });
});
