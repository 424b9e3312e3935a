import { MantineProvider } from '@mantine/core';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { breakGlass, Justification, PROBLEM_BASE, ProblemError } from '@/lib/api';
import { initI18n } from '@/lib/i18n/i18n';
import { BreakGlassDialog } from './break-glass-dialog';

const i18n = initI18n('nl');

describe('the break-glass dialog', () => {
  it(
    'asks why in at least 3 words, says the read is logged, and hands back the reason and case reference',
    { timeout: 60_000 }, // typing in jsdom is slow on a busy two-core machine (22 s seen at load 15)
    async () => {
      const user = userEvent.setup({ delay: null });
      render(
        <I18nextProvider i18n={i18n}>
          <MantineProvider>
            <BreakGlassDialog />
          </MantineProvider>
        </I18nextProvider>,
      );
      let answer: Promise<Justification | null> = Promise.resolve(null);
      act(() => {
        answer = breakGlass.ask({
          url: '/api/reports/2f0f5d4e-8d64-4a83-9c2b-6d1a3a0e8f11',
          problem: new ProblemError(403, { type: `${PROBLEM_BASE}justification-required` }),
        });
      });
      expect(await screen.findByRole('dialog', { name: 'Reden van inzage' })).toBeInTheDocument();
      expect(screen.getByText(/gelogd met uw naam, het tijdstip en uw reden/)).toBeInTheDocument();
      await user.type(screen.getByRole('textbox', { name: /Waarom hebt u dit dossier nodig/ }), 'even kijken');
      await user.click(screen.getByRole('button', { name: 'Inzien en loggen' }));
      expect(await screen.findByText('Geef een reden van minstens 3 woorden en 15 tekens.')).toBeInTheDocument();
      await user.type(screen.getByRole('textbox', { name: /Waarom hebt u dit dossier nodig/ }), ' voor de reeks inbraken');
      await user.type(screen.getByRole('textbox', { name: /Dossierreferentie/ }), 'GE.55.L5.012345/2026');
      await user.click(screen.getByRole('button', { name: 'Inzien en loggen' }));
      await expect(answer).resolves.toEqual({ text: 'even kijken voor de reeks inbraken', caseRef: 'GE.55.L5.012345/2026' });
    },
  );
});
