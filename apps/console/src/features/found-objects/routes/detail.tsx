import { Alert, Anchor, Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateTime } from '@/components/date-time';
import { FormDialog } from '@/components/form-dialog';
import { PageTitle } from '@/components/page-title';
import { ReadProblem } from '@/components/read-problem';
import { RequireRoles } from '@/components/require-roles';
import { Fact, Section } from '@/components/section';
import { hasAnyRole, useUser } from '@/lib/auth';
import { useCodeLabel } from '@/lib/i18n/codes';
import { formatDate } from '@/lib/i18n/dates';
import { useLiveHold } from '@/lib/live';
import { POPP_DISPOSAL_ROLES, POPP_ROLES } from '../access';
import {
  FoundObject,
  FoundObjectCommand,
  foundObjectKeys,
  IdentityDocumentType,
  useFoundObject,
  useFoundObjectCommand,
  useHoldingPeriods,
  useLossDeclarations,
} from '../api/found-objects.api';
import { HoldingPeriod } from '../components/holding-period';
import { foundObjectCodes, useFoundObjectLabel } from '../labels';

const ALIGN = { alignItems: 'end' } as const;
type Action = 'ownerSearch' | 'owner' | 'lossMatch' | 'return' | 'handOver' | 'destroy';

/** A found object's command as a dialog; a live change leaves the object on screen as read while it is open. */
function CommandDialog<V extends Record<string, unknown>>(props: {
  id: string;
  title: string;
  form: UseFormReturnType<V>;
  command: (v: V) => FoundObjectCommand;
  submitLabel: string;
  done: string;
  danger?: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const mutation = useFoundObjectCommand(props.id);
  const queryClient = useQueryClient();
  useLiveHold(foundObjectKeys.detail(props.id), true);
  return (
    <FormDialog
      title={props.title}
      form={props.form}
      onClose={props.onClose}
      send={(v) => mutation.mutateAsync(props.command(v))}
      pending={mutation.isPending}
      submitLabel={props.submitLabel}
      done={props.done}
      danger={props.danger}
      onReload={async () => {
        props.onClose();
        await queryClient.invalidateQueries({ queryKey: foundObjectKeys.detail(props.id) });
      }}
    >
      {props.children}
    </FormDialog>
  );
}

function Dialogs({
  open,
  object,
  id,
  onClose,
}: {
  open: Action;
  object: Extract<FoundObject, { status: 'held' }>;
  id: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const label = useFoundObjectLabel();
  const code = useCodeLabel();
  const required = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? t('foundObjects.form.required') : null);
  const ownerSearch = useForm({ initialValues: { method: '' }, validate: { method: required } });
  const owner = useForm({ initialValues: { ownerRef: '', basis: '' }, validate: { ownerRef: required, basis: required } });
  const loss = useForm<{ lossReportId: string | null }>({ initialValues: { lossReportId: null }, validate: { lossReportId: required } });
  const ret = useForm<{
    ownerRef: string;
    identityCheck: { documentType: IdentityDocumentType | null; holderIsOwner: boolean };
    ownershipProof: string;
  }>({
    initialValues: {
      ownerRef: object.owner?.ownerRef ?? '',
      identityCheck: { documentType: 'eid', holderIsOwner: false },
      ownershipProof: '',
    },
    validate: {
      ownerRef: required,
      identityCheck: { documentType: required, holderIsOwner: (v) => (v ? null : t('foundObjects.return.identityRequired')) },
      ownershipProof: required,
    },
  });
  const handOver = useForm({
    initialValues: { organisation: { id: '', name: '' }, receiptRef: '' },
    validate: { organisation: { id: required, name: required }, receiptRef: required },
  });
  const destroy = useForm({ initialValues: { reason: '', witnesses: '' }, validate: { reason: required } });
  const losses = useLossDeclarations(open === 'lossMatch');
  const common = { id, onClose };
  switch (open) {
    case 'ownerSearch':
      return (
        <CommandDialog
          {...common}
          title={t('foundObjects.actions.ownerSearch')}
          form={ownerSearch}
          submitLabel={t('foundObjects.actions.ownerSearch')}
          done={t('foundObjects.done.ownerSearch')}
          command={(v) => ({ kind: 'ownerSearch', body: { method: v.method.trim() } })}
        >
          <TextInput
            label={t('foundObjects.ownerSearch.method')}
            description={t('foundObjects.ownerSearch.methodHint')}
            withAsterisk
            {...ownerSearch.getInputProps('method')}
          />
        </CommandDialog>
      );
    case 'owner':
      return (
        <CommandDialog
          {...common}
          title={t('foundObjects.actions.owner')}
          form={owner}
          submitLabel={t('foundObjects.actions.owner')}
          done={t('foundObjects.done.owner')}
          command={(v) => ({ kind: 'owner', body: { ownerRef: v.ownerRef.trim(), basis: v.basis.trim() } })}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN}>
            <TextInput
              label={t('foundObjects.fields.ownerRef')}
              description={t('foundObjects.owner.refHint')}
              withAsterisk
              {...owner.getInputProps('ownerRef')}
            />
            <TextInput label={t('foundObjects.owner.basis')} withAsterisk {...owner.getInputProps('basis')} />
          </SimpleGrid>
        </CommandDialog>
      );
    case 'lossMatch': {
      const same = (losses.data?.lossDeclarations ?? []).filter((l) => !object.lossReportIds.includes(l.reportId));
      same.sort((a, b) => Number(b.category === object.category) - Number(a.category === object.category));
      return (
        <CommandDialog
          {...common}
          title={t('foundObjects.actions.lossMatch')}
          form={loss}
          submitLabel={t('foundObjects.lossMatch.submit')}
          done={t('foundObjects.done.lossMatch')}
          command={(v) => ({ kind: 'lossMatch', body: { lossReportId: v.lossReportId! } })}
        >
          <Text size="sm">{t('foundObjects.lossMatch.intro')}</Text>
          <Select
            label={t('foundObjects.lossMatch.declaration')}
            withAsterisk
            searchable
            nothingFoundMessage={t('foundObjects.lossMatch.none')}
            data={same.map((l) => ({
              value: l.reportId,
              label: `${code('objectCategory', l.category)} — ${l.description} (${l.municipality}, ${formatDate(l.lostOn)})`,
            }))}
            {...loss.getInputProps('lossReportId')}
          />
        </CommandDialog>
      );
    }
    case 'return':
      return (
        <CommandDialog
          {...common}
          title={t('foundObjects.actions.return')}
          form={ret}
          submitLabel={t('foundObjects.return.submit')}
          done={t('foundObjects.done.return')}
          command={(v) => ({
            kind: 'return',
            body: {
              ownerRef: v.ownerRef.trim(),
              identityCheck: { documentType: v.identityCheck.documentType!, holderIsOwner: v.identityCheck.holderIsOwner },
              ownershipProof: v.ownershipProof.trim(),
            },
          })}
        >
          <Text size="sm">{t('foundObjects.return.intro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN}>
            <TextInput label={t('foundObjects.fields.ownerRef')} withAsterisk {...ret.getInputProps('ownerRef')} />
            <Select
              label={t('foundObjects.return.document')}
              withAsterisk
              data={foundObjectCodes('identityDocument').map((d) => ({ value: d, label: label('identityDocument', d) }))}
              {...ret.getInputProps('identityCheck.documentType')}
            />
          </SimpleGrid>
          <Checkbox
            label={t('foundObjects.return.holderIsOwner')}
            {...ret.getInputProps('identityCheck.holderIsOwner', { type: 'checkbox' })}
          />
          <Textarea
            label={t('foundObjects.return.proof')}
            description={t('foundObjects.return.proofHint')}
            withAsterisk
            autosize
            minRows={2}
            {...ret.getInputProps('ownershipProof')}
          />
        </CommandDialog>
      );
    case 'handOver':
      return (
        <CommandDialog
          {...common}
          title={t('foundObjects.actions.handOver')}
          form={handOver}
          submitLabel={t('foundObjects.handOver.submit')}
          done={t('foundObjects.done.handOver')}
          command={(v) => ({
            kind: 'handOver',
            body: { organisation: { id: v.organisation.id.trim(), name: v.organisation.name.trim() }, receiptRef: v.receiptRef.trim() },
          })}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} style={ALIGN}>
            <TextInput label={t('foundObjects.handOver.orgName')} withAsterisk {...handOver.getInputProps('organisation.name')} />
            <TextInput
              label={t('foundObjects.handOver.orgId')}
              description={t('foundObjects.handOver.orgIdHint')}
              withAsterisk
              {...handOver.getInputProps('organisation.id')}
            />
          </SimpleGrid>
          <TextInput label={t('foundObjects.handOver.receipt')} withAsterisk {...handOver.getInputProps('receiptRef')} />
        </CommandDialog>
      );
    case 'destroy':
      return (
        <CommandDialog
          {...common}
          title={t('foundObjects.actions.destroy')}
          form={destroy}
          danger
          submitLabel={t('foundObjects.destroy.submit')}
          done={t('foundObjects.done.destroy')}
          command={(v) => ({
            kind: 'destroy',
            body: {
              reason: v.reason.trim(),
              witnesses: v.witnesses
                .split(/[\n,;]+/)
                .map((w) => w.trim())
                .filter(Boolean),
            },
          })}
        >
          <Textarea label={t('foundObjects.destroy.reason')} withAsterisk autosize minRows={2} {...destroy.getInputProps('reason')} />
          <Textarea
            label={t('foundObjects.destroy.witnesses')}
            description={t('foundObjects.destroy.witnessesHint')}
            autosize
            minRows={2}
            {...destroy.getInputProps('witnesses')}
          />
        </CommandDialog>
      );
  }
}

/** One found object: its facts, the holding period, and what POPP may do with it now. */
function FoundObjectScreen() {
  const { t } = useTranslation();
  const code = useCodeLabel();
  const label = useFoundObjectLabel();
  const user = useUser();
  const { id = '' } = useParams();
  const answer = useFoundObject(id);
  const periods = useHoldingPeriods();
  const [open, setOpen] = useState<Action | null>(null);
  const view = answer.data?.data;
  const object = view?.foundObject;
  const over = view ? Date.now() >= Date.parse(view.holdingPeriodEndsAt) : false;
  const days = object ? periods.data?.find((p) => p.category === object.category)?.days : undefined;
  const disposer = hasAnyRole(user, POPP_DISPOSAL_ROLES);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/found-objects" size="sm">
        {t('foundObjects.detail.back')}
      </Anchor>
      <PageTitle documentTitle={object ? object.description : t('foundObjects.detail.title')}>
        {object ? object.description : t('foundObjects.detail.title')}
      </PageTitle>
      {answer.isError && <ReadProblem error={answer.error} onRetry={() => void answer.refetch()} />}
      {view && object && (
        <>
          <Section id="found-object-facts" title={t('foundObjects.detail.facts')}>
            <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" m={0}>
              <Fact label={t('foundObjects.fields.category')}>{code('objectCategory', object.category)}</Fact>
              <Fact label={t('foundObjects.fields.status')}>{label('status', object.status)}</Fact>
              <Fact label={t('foundObjects.fields.foundOn')}>{formatDate(object.foundOn)}</Fact>
              <Fact label={t('foundObjects.fields.registeredAt')}>
                <DateTime value={object.registeredAt} />
              </Fact>
              <Fact label={t('foundObjects.fields.holdingPeriodEnds')}>
                <HoldingPeriod endsAt={view.holdingPeriodEndsAt} held={object.status === 'held'} />
                {days !== undefined && (
                  <Text size="xs" c="dimmed" component="span" display="block">
                    {t('foundObjects.period.rule', { count: days })}
                  </Text>
                )}
              </Fact>
              <Fact label={t('foundObjects.fields.ownerSearch')}>{object.ownerSearch ? `${object.ownerSearch.method}` : ''}</Fact>
              <Fact label={t('foundObjects.fields.ownerRef')}>{object.owner?.ownerRef ?? ''}</Fact>
              <Fact label={t('foundObjects.fields.losses')}>
                {object.lossReportIds.length > 0 ? t('foundObjects.detail.losses', { count: object.lossReportIds.length }) : ''}
              </Fact>
              {object.status !== 'held' && (
                <Fact label={t('foundObjects.fields.closedAt')}>
                  <DateTime value={object.closedAt} />
                </Fact>
              )}
            </SimpleGrid>
          </Section>
          {object.status === 'held' && (
            <Section id="found-object-actions" title={t('foundObjects.actions.title')}>
              <Stack gap="sm">
                <Group gap="xs">
                  {!object.owner && !object.ownerSearch && (
                    <Button variant="default" onClick={() => setOpen('ownerSearch')}>
                      {t('foundObjects.actions.ownerSearch')}
                    </Button>
                  )}
                  {!object.owner && (
                    <Button variant="default" onClick={() => setOpen('owner')}>
                      {t('foundObjects.actions.owner')}
                    </Button>
                  )}
                  <Button variant="default" onClick={() => setOpen('lossMatch')}>
                    {t('foundObjects.actions.lossMatch')}
                  </Button>
                  <Button onClick={() => setOpen('return')}>{t('foundObjects.actions.return')}</Button>
                  {disposer && (
                    <>
                      <Button
                        variant="default"
                        disabled={!over}
                        onClick={() => setOpen('handOver')}
                        aria-describedby="found-object-period-why"
                      >
                        {t('foundObjects.actions.handOver')}
                      </Button>
                      <Button
                        variant="outline"
                        color="red.9"
                        disabled={!over}
                        onClick={() => setOpen('destroy')}
                        aria-describedby="found-object-period-why"
                      >
                        {t('foundObjects.actions.destroy')}
                      </Button>
                    </>
                  )}
                </Group>
                {disposer && !over && (
                  <Text size="sm" c="dimmed" id="found-object-period-why">
                    {t('foundObjects.actions.periodNotOver')} <DateTime value={view.holdingPeriodEndsAt} />
                  </Text>
                )}
                {disposer && over && (
                  <Alert color="orange.9" variant="outline" id="found-object-period-why">
                    {t('foundObjects.actions.periodOver')}
                  </Alert>
                )}
              </Stack>
              {open && <Dialogs open={open} object={object} id={id} onClose={() => setOpen(null)} />}
            </Section>
          )}
        </>
      )}
    </Stack>
  );
}

export function Component() {
  return (
    <RequireRoles roles={POPP_ROLES}>
      <FoundObjectScreen />
    </RequireRoles>
  );
}
