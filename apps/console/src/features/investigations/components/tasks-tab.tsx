import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { brusselsToday } from '../model/as-of';
import { isOverdue } from '../model/case-rules';
import { useInvestigationLabel } from '../model/labels';
import { formatDay } from '../model/timeline-text';
import { CommandButton, TabProps } from './overview-tab';
import { ScrollTable } from './scroll-table';
import { Section } from './section';
import { Staff } from './staff';

function Due({ day, overdue }: { day: string; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm" fw={overdue ? 700 : undefined} c={overdue ? 'red.9' : undefined}>
        {formatDay(day)}
      </Text>
      {overdue && (
        <Badge tt="none" size="xs" color="red.9" variant="filled">
          {t('investigations.tasks.overdue')}
        </Badge>
      )}
    </Group>
  );
}

/** The case's tasks and the parket's tasks, with their deadlines (overdue ones stand out). */
export function TasksTab({ file, rules, open, historical, today = brusselsToday() }: TabProps & { today?: string }) {
  const { t } = useTranslation();
  const label = useInvestigationLabel();
  const canWork = !historical && !rules.work;
  return (
    <Stack gap="sm">
      <Section
        title={t('investigations.tasks.title')}
        refusal={rules.work}
        actions={(note) => (
          <CommandButton
            hidden={historical}
            label={t('investigations.tasks.createOpen')}
            refusal={rules.work}
            noteId={note}
            onClick={() => open({ kind: 'createTask' })}
            variant="filled"
          />
        )}
      >
        {file.tasks.length === 0 ? (
          <Text size="sm">{t('investigations.tasks.none')}</Text>
        ) : (
          <ScrollTable minWidth={640} label={t('investigations.tasks.caption')}>
            <Table fz="sm" verticalSpacing={4} striped>
              <Table.Caption>{t('investigations.tasks.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('investigations.tasks.taskTitle')}</Table.Th>
                  <Table.Th>{t('investigations.tasks.assignee')}</Table.Th>
                  <Table.Th>{t('investigations.tasks.dueDate')}</Table.Th>
                  <Table.Th>{t('investigations.tasks.status')}</Table.Th>
                  <Table.Th>{t('investigations.list.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {file.tasks.map((task) => (
                  <Table.Tr key={task.taskId}>
                    <Table.Td>{task.title}</Table.Td>
                    <Table.Td>
                      <Staff id={task.assignee} />
                    </Table.Td>
                    <Table.Td>
                      <Due day={task.dueDate} overdue={isOverdue(task.dueDate, task.status === 'done', today)} />
                    </Table.Td>
                    <Table.Td>{label('taskStatus', task.status)}</Table.Td>
                    <Table.Td>
                      {canWork && task.status === 'open' && (
                        <Button
                          size="compact-xs"
                          variant="default"
                          aria-label={t('investigations.tasks.completeOpen', { title: task.title })}
                          onClick={() => open({ kind: 'completeTask', task })}
                        >
                          {t('investigations.tasks.completeShort')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Section>

      <Section
        title={t('investigations.parketTasks.title')}
        refusal={rules.work}
        actions={(note) => (
          <CommandButton
            hidden={historical}
            label={t('investigations.parketTasks.receiveOpen')}
            refusal={rules.work}
            noteId={note}
            onClick={() => open({ kind: 'receiveParketTask' })}
          />
        )}
      >
        {file.parketTasks.length === 0 ? (
          <Text size="sm">{t('investigations.parketTasks.none')}</Text>
        ) : (
          <ScrollTable minWidth={760} label={t('investigations.parketTasks.caption')}>
            <Table fz="sm" verticalSpacing={4} striped>
              <Table.Caption>{t('investigations.parketTasks.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('investigations.parketTasks.from')}</Table.Th>
                  <Table.Th>{t('investigations.parketTasks.description')}</Table.Th>
                  <Table.Th>{t('investigations.parketTasks.deadline')}</Table.Th>
                  <Table.Th>{t('investigations.parketTasks.assignee')}</Table.Th>
                  <Table.Th>{t('investigations.tasks.status')}</Table.Th>
                  <Table.Th>{t('investigations.list.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {file.parketTasks.map((task) => (
                  <Table.Tr key={task.parketTaskId}>
                    <Table.Td>
                      {label('authority', task.from.authority)} — {task.from.reference}
                    </Table.Td>
                    <Table.Td>{task.description}</Table.Td>
                    <Table.Td>
                      <Due day={task.deadline} overdue={isOverdue(task.deadline, task.status === 'completed', today)} />
                    </Table.Td>
                    <Table.Td>
                      <Staff id={task.assignee} />
                    </Table.Td>
                    <Table.Td>{label('parketTaskStatus', task.status)}</Table.Td>
                    <Table.Td>
                      {canWork && task.status !== 'completed' && (
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-xs" variant="default" onClick={() => open({ kind: 'distributeParketTask', task })}>
                            {t('investigations.parketTasks.distributeOpen')}
                          </Button>
                          <Button size="compact-xs" variant="default" onClick={() => open({ kind: 'completeParketTask', task })}>
                            {t('investigations.parketTasks.completeOpen')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Section>
    </Stack>
  );
}
