import { Button, Divider, Group, Stack, Text } from '@mantine/core';
import { ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifySuccess } from '@/components/notify';
import { ProblemAlert } from '@/components/problem-alert';
import { applyProblemToForm, FieldError, isConflict, ProblemError } from '@/lib/api';
import { useUser } from '@/lib/auth';
import { PvAction, pvActions, PvActionState } from '../access';
import { useLiveHold } from '@/lib/live';
import { pvKeys, usePvStep, WrittenPv } from '../api/pvs.api';
import { FinaliseForm } from './finalise-form';
import { RecordForm } from './record-form';
import { RejectForm } from './reject-form';
import { ResubmitForm } from './resubmit-form';
import { Section } from '@/components/section';
import type { Take } from './take';

/** A step the user may not take: the button, disabled, with the reason beside it. */
function Refused({ state, children, author }: { state: PvActionState; children: ReactNode; author: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Group gap="sm" wrap="wrap">
      <Button disabled aria-describedby={id}>
        {children}
      </Button>
      <Text size="sm" c="dimmed" id={id}>
        {t(`pvs.actions.why.${state.why ?? 'role'}`, { author })}
      </Text>
    </Group>
  );
}

function waiting(pv: WrittenPv): 'draft' | 'submitted' | 'rejected' | 'approved' | 'finalised' | 'completed' {
  return pv.status === 'finalised' && pv.transmittedAt !== null && pv.fedToAngAt !== null ? 'completed' : pv.status;
}

/**
 * The next step of the PV, as its state and the user's role allow: the author submits, corrects and
 * resubmits; GAK approves or rejects with reasons, finalises under the zone's PV number, records the
 * transmission and the ANG feed; a finalised PV is only supplemented. A step the user may not take is
 * shown disabled with the reason. Every step goes on the version read (If-Match): a 412 offers to reload.
 */
export function PvActions({ pv, etag, onReload }: { pv: WrittenPv; etag: string | null; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const user = useUser();
  const step = usePvStep(pv.pvId);
  const [open, setOpen] = useState<PvAction | null>(null);
  const [problem, setProblem] = useState<{ error: unknown; unplaced: FieldError[] } | null>(null);
  // While a step's form is open (or a refusal awaits a reload), a live change does not replace the PV under it.
  useLiveHold(pvKeys.detail(pv.pvId), open !== null || problem !== null);
  const take: Take = (s, done, form, aliases) => {
    setProblem(null);
    // The promise, not mutate's callbacks: the panel is re-keyed by the new ETag as soon as the PV changes.
    step.mutateAsync({ step: s, etag }).then(
      () => notifySuccess(done),
      (error: unknown) =>
        setProblem({
          error,
          unplaced: form && error instanceof ProblemError && !isConflict(error) ? applyProblemToForm(form, error, t, aliases) : [],
        }),
    );
  };
  const pending = step.isPending;
  const states = pvActions(pv, user);

  const render = (s: PvActionState): ReactNode => {
    const labelOf: Record<PvAction, string> = {
      submit: t('pvs.actions.submit'),
      resubmit: t('pvs.actions.resubmit'),
      approve: t('pvs.actions.approve'),
      reject: t('pvs.actions.reject'),
      finalise: t('pvs.actions.finalise'),
      transmit: pv.destination === 'city_gas' ? t('pvs.actions.transmitCity') : t('pvs.actions.transmitParket'),
      feedAng: t('pvs.actions.feedAng'),
      supplement: t('pvs.actions.supplement'),
    };
    if (!s.allowed) {
      return (
        <Refused key={s.action} state={s} author={pv.author}>
          {labelOf[s.action]}
        </Refused>
      );
    }
    switch (s.action) {
      case 'submit':
        return (
          <Group key={s.action}>
            <Button loading={pending} onClick={() => take({ kind: 'submission', body: {} }, t('pvs.actions.submitted'))}>
              {labelOf.submit}
            </Button>
          </Group>
        );
      case 'resubmit':
        return open === 'resubmit' ? (
          <ResubmitForm key={s.action} pv={pv} take={take} pending={pending} onCancel={() => setOpen(null)} />
        ) : (
          <Group key={s.action}>
            <Button onClick={() => setOpen('resubmit')}>{labelOf.resubmit}</Button>
          </Group>
        );
      case 'approve':
        return open === 'reject' ? null : (
          <Group key={s.action}>
            <Button
              loading={pending}
              onClick={() => take({ kind: 'quality-check', body: { outcome: 'approved' } }, t('pvs.actions.approved'))}
            >
              {labelOf.approve}
            </Button>
          </Group>
        );
      case 'reject':
        return open === 'reject' ? (
          <RejectForm key={s.action} take={take} pending={pending} onCancel={() => setOpen(null)} />
        ) : (
          <Group key={s.action}>
            <Button variant="outline" color="red.9" onClick={() => setOpen('reject')}>
              {labelOf.reject}
            </Button>
          </Group>
        );
      case 'finalise':
        return <FinaliseForm key={s.action} take={take} pending={pending} />;
      case 'transmit':
        return (
          <RecordForm
            key={s.action}
            title={labelOf.transmit}
            refLabel={pv.destination === 'city_gas' ? t('pvs.actions.recipientRefCity') : t('pvs.actions.recipientRefParket')}
            submit={labelOf.transmit}
            done={t('pvs.actions.transmitted')}
            field="recipientRef"
            step={(ref) => ({ kind: 'transmission', body: ref === undefined ? {} : { recipientRef: ref } })}
            take={take}
            pending={pending}
          />
        );
      case 'feedAng':
        return (
          <RecordForm
            key={s.action}
            title={labelOf.feedAng}
            refLabel={t('pvs.actions.angRef')}
            submit={labelOf.feedAng}
            done={t('pvs.actions.fed')}
            field="angRef"
            step={(ref) => ({ kind: 'ang-feed', body: ref === undefined ? {} : { angRef: ref } })}
            take={take}
            pending={pending}
          />
        );
      case 'supplement':
        return (
          <Group key={s.action}>
            <Button component={Link} to={`/pvs/new?report=${pv.reportId}&supplements=${pv.pvId}`} variant="default">
              {labelOf.supplement}
            </Button>
          </Group>
        );
    }
  };

  const rendered = states.map(render).filter(Boolean);
  return (
    <Section id="pv-actions" title={t('pvs.actions.title')}>
      <Stack gap="sm">
        <Text size="sm">{t(`pvs.actions.waiting.${waiting(pv)}`)}</Text>
        {problem && (
          <ProblemAlert
            error={problem.error}
            unplaced={problem.unplaced}
            onReload={async () => {
              setProblem(null);
              setOpen(null);
              await onReload();
            }}
          />
        )}
        {rendered.map((node, i) => (
          <Stack key={i} gap="sm">
            {i > 0 && <Divider />}
            {node}
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}
