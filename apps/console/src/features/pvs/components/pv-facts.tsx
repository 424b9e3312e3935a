import { Anchor, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '@/components/date-time';
import type { WrittenPv } from '../api/pvs.api';
import { usePvLabel } from '../codes';
import { Fact, Section } from '@/components/section';
import { Staff } from './staff';

/** What the PV says and where it stands: content, author, rounds, number, transmission, ANG feed. */
export function PvFacts({ pv }: { pv: WrittenPv }) {
  const { t } = useTranslation();
  const label = usePvLabel();
  const notYet = (v: string | null) => (v ? <DateTime value={v} /> : t('pvs.detail.notYet'));
  return (
    <Section id="pv-content" title={t('pvs.detail.content')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0} spacing="sm" verticalSpacing="xs">
        <Fact label={t('pvs.detail.legalQualification')}>{pv.legalQualification}</Fact>
        <Fact label={t('pvs.detail.offenceType')}>{pv.offenceType}</Fact>
        <Fact label={t('pvs.detail.destination')}>{label('destination', pv.destination)}</Fact>
        <Fact label={t('pvs.detail.author')}>
          <Staff id={pv.author} />
        </Fact>
        <Fact label={t('pvs.detail.drafted')}>
          <DateTime value={pv.draftedAt} />
        </Fact>
        <Fact label={t('pvs.detail.submitted')}>
          {notYet(pv.submittedAt)}
          {pv.round > 1 && ` (${t('pvs.history.round', { round: pv.round })})`}
        </Fact>
        <Fact label={t('pvs.detail.number')}>{pv.pvNumber ?? t('pvs.detail.notYet')}</Fact>
        <Fact label={t('pvs.detail.finalised')}>{notYet(pv.finalisedAt)}</Fact>
        <Fact label={t('pvs.detail.transmitted')}>{notYet(pv.transmittedAt)}</Fact>
        <Fact label={t('pvs.detail.fedToAng')}>{notYet(pv.fedToAngAt)}</Fact>
        {pv.supplements && (
          <Fact label={t('pvs.detail.supplements')}>
            <Anchor component={Link} to={`/pvs/${pv.supplements.pvId}`} size="sm">
              {t('pvs.detail.supplementsLink', { number: pv.supplements.pvNumber })}
            </Anchor>
          </Fact>
        )}
        <Fact label={t('pvs.detail.document')} wide>
          <span style={{ fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' }}>
            {pv.documentSha256}
          </span>
        </Fact>
      </SimpleGrid>
    </Section>
  );
}
