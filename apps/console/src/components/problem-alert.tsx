import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FieldError, isConflict, ProblemError, problemMessage } from '@/lib/api';
import { ConflictAlert } from './conflict-alert';

/**
 * A refusal or failure in plain words, in the user's language (see `problemMessage`), with the fields
 * at fault that no form field showed. A 412/409 conflict shows the reload offer instead.
 */
export function ProblemAlert({ error, unplaced, onReload }: { error: unknown; unplaced?: FieldError[]; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isConflict(error) && onReload) return <ConflictAlert onReload={onReload} />;
  const problem = error instanceof ProblemError ? error : undefined;
  const message = problem ? problemMessage(t, problem) : t('app.error.body');
  const rest = unplaced ?? [];
  return (
    <Alert color="red.9" variant="outline" title={t('problems.title')} role="alert" data-problem={problem?.slug}>
      <Text size="sm">{message}</Text>
      {problem && problem.errors.length > 0 && rest.length === 0 && unplaced !== undefined && (
        <Text size="sm">{t('problems.fieldsAtFault')}</Text>
      )}
      {rest.length > 0 && (
        <List size="sm" mt="xs">
          {rest.map((e) => (
            <List.Item key={`${e.field}:${e.detail}`}>
              <Text span fw={600}>
                {e.field}
              </Text>
              : {e.detail}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
