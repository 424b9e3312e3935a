import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { ReactNode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BreakGlassDialog } from '@/components/break-glass-dialog';
import { createQueryClient } from '@/lib/api';
import { initI18n } from '@/lib/i18n/i18n';
import { cssVariablesResolver, theme } from './theme';

const i18n = initI18n();

/** Everything every screen stands on: theme, language, server-state cache, notifications, break-glass. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          {/* Bottom right: a confirmation never covers the header (the user, the language, sign-out). */}
          <Notifications position="bottom-right" limit={3} />
          <BreakGlassDialog />
          {children}
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
