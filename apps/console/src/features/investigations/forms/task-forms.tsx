import { SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { investigationsApi } from '@/lib/api';
import { useUser } from '@/lib/auth';
import type { ParketTask, Task } from '../api/investigations.api';
import { CaseRef, CommandDialog } from '../components/command-form';
import { DayField } from '../components/date-fields';
import { brusselsToday } from '../model/as-of';
import { formatDay } from '../model/timeline-text';
import { ALIGN_INPUTS, AuthorityFields, AuthorityValues, required, text } from './fields';

interface DialogProps {
  kase: CaseRef;
  opened: boolean;
  onClose: () => void;
}

/** A task with an assignee and a due date. */
export function CreateTaskDialog({ kase, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const user = useUser();
  const form = useForm<{ title: string; assignee: string; dueDate: string | null }>({
    initialValues: { title: '', assignee: user.staffId, dueDate: null },
    validate: { title: required(t), assignee: required(t), dueDate: required(t) },
  });
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.tasks.createTitle')}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.tasks.createSubmit')}
      done={t('investigations.tasks.createDone')}
      command={(v) => ({
        creates: true,
        send: (headers) =>
          investigationsApi.POST('/api/investigations/{id}/tasks', {
            params: { path: { id: kase.id }, header: headers },
            body: { title: v.title.trim(), assignee: v.assignee.trim(), dueDate: v.dueDate! },
          }),
      })}
    >
      <TextInput
        label={t('investigations.tasks.taskTitle')}
        withAsterisk
        data-autofocus
        {...form.getInputProps('title')}
        key={form.key('title')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN_INPUTS}>
        <TextInput
          label={t('investigations.tasks.assignee')}
          description={t('investigations.form.staffIdHint')}
          withAsterisk
          {...form.getInputProps('assignee')}
          key={form.key('assignee')}
        />
        <DayField
          label={t('investigations.tasks.dueDate')}
          withAsterisk
          minDate={brusselsToday()}
          {...form.getInputProps('dueDate')}
          key={form.key('dueDate')}
        />
      </SimpleGrid>
    </CommandDialog>
  );
}

/** Mark a task done; after its due date it is recorded as late. */
export function CompleteTaskDialog({ kase, task, opened, onClose }: DialogProps & { task: Task }) {
  const { t } = useTranslation();
  const form = useForm<Record<string, never>>({ initialValues: {} });
  const late = task.dueDate < brusselsToday();
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.tasks.completeTitle', { title: task.title })}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.tasks.completeSubmit')}
      done={t('investigations.tasks.completeDone')}
      size="md"
      command={() => ({
        send: (headers) =>
          investigationsApi.POST('/api/investigations/{id}/tasks/{taskId}/completion', {
            params: { path: { id: kase.id, taskId: task.taskId }, header: headers },
          }),
      })}
    >
      <Text size="sm">
        {late
          ? t('investigations.tasks.completeLate', { due: formatDay(task.dueDate) })
          : t('investigations.tasks.completeOnTime', { due: formatDay(task.dueDate) })}
      </Text>
    </CommandDialog>
  );
}

/** A parket task (kantschrift) received: who sent it, what it asks, by when. */
export function ReceiveParketTaskDialog({ kase, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const form = useForm<{ from: AuthorityValues; description: string; deadline: string | null }>({
    initialValues: { from: { authority: 'procureur_des_konings', reference: '' }, description: '', deadline: null },
    validate: { from: { authority: required(t), reference: required(t) }, description: required(t), deadline: required(t) },
  });
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.parketTasks.receiveTitle')}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.parketTasks.receiveSubmit')}
      done={t('investigations.parketTasks.receiveDone')}
      command={(v) => ({
        creates: true,
        send: (headers) =>
          investigationsApi.POST('/api/investigations/{id}/parket-tasks', {
            params: { path: { id: kase.id }, header: headers },
            body: {
              from: { authority: v.from.authority!, reference: v.from.reference.trim() },
              description: v.description.trim(),
              deadline: v.deadline!,
            },
          }),
      })}
    >
      <AuthorityFields form={form} path="from" legend={t('investigations.parketTasks.from')} requiredMark />
      <Textarea
        label={t('investigations.parketTasks.description')}
        withAsterisk
        autosize
        minRows={3}
        {...form.getInputProps('description')}
        key={form.key('description')}
      />
      <DayField
        label={t('investigations.parketTasks.deadline')}
        withAsterisk
        {...form.getInputProps('deadline')}
        key={form.key('deadline')}
      />
    </CommandDialog>
  );
}

/** Distribute a parket task to someone (a later distribution replaces it). */
export function DistributeParketTaskDialog({ kase, task, opened, onClose }: DialogProps & { task: ParketTask }) {
  const { t } = useTranslation();
  const form = useForm<{ assignee: string; team: string }>({
    initialValues: { assignee: task.assignee ?? '', team: '' },
    validate: { assignee: required(t) },
  });
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.parketTasks.distributeTitle')}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.parketTasks.distributeSubmit')}
      done={t('investigations.parketTasks.distributeDone')}
      size="md"
      command={(v) => ({
        send: (headers) =>
          investigationsApi.POST('/api/investigations/{id}/parket-tasks/{parketTaskId}/distribution', {
            params: { path: { id: kase.id, parketTaskId: task.parketTaskId }, header: headers },
            body: { assignee: v.assignee.trim(), ...(text(v.team) ? { team: text(v.team) } : {}) },
          }),
      })}
    >
      {task.assignee && <Text size="sm">{t('investigations.parketTasks.replaces', { assignee: task.assignee })}</Text>}
      <TextInput
        label={t('investigations.parketTasks.assignee')}
        description={t('investigations.form.staffIdHint')}
        withAsterisk
        data-autofocus
        {...form.getInputProps('assignee')}
        key={form.key('assignee')}
      />
      <TextInput label={t('investigations.parketTasks.team')} {...form.getInputProps('team')} key={form.key('team')} />
    </CommandDialog>
  );
}

/** Complete a parket task with its result (late after the deadline). */
export function CompleteParketTaskDialog({ kase, task, opened, onClose }: DialogProps & { task: ParketTask }) {
  const { t } = useTranslation();
  const form = useForm<{ result: string }>({ initialValues: { result: '' }, validate: { result: required(t) } });
  const late = task.deadline < brusselsToday();
  return (
    <CommandDialog
      kase={kase}
      title={t('investigations.parketTasks.completeTitle')}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('investigations.parketTasks.completeSubmit')}
      done={t('investigations.parketTasks.completeDone')}
      command={(v) => ({
        send: (headers) =>
          investigationsApi.POST('/api/investigations/{id}/parket-tasks/{parketTaskId}/completion', {
            params: { path: { id: kase.id, parketTaskId: task.parketTaskId }, header: headers },
            body: { result: v.result.trim() },
          }),
      })}
    >
      {late && <Text size="sm">{t('investigations.parketTasks.completeLate', { deadline: formatDay(task.deadline) })}</Text>}
      <Textarea
        label={t('investigations.parketTasks.result')}
        withAsterisk
        autosize
        minRows={3}
        data-autofocus
        {...form.getInputProps('result')}
        key={form.key('result')}
      />
    </CommandDialog>
  );
}
