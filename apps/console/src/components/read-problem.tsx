import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isProblem } from '@/lib/api';
import { ProblemAlert } from './problem-alert';

/** A record's read that failed, in plain words; after a cancelled break-glass dialog, the offer to ask again. */
export function ReadProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <ProblemAlert error={error} />
      {isProblem(error, 'justification-cancelled') && (
        <Group>
          <Button size="xs" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </Group>
      )}
    </>
  );
}
