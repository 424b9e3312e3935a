import type { CocAnswer } from '../api/dpo.api';
import { brusselsSeconds, CocWords } from './coc-words';

/**
 * A field as a spreadsheet reads it safely: quoted when it holds the separator, a quote or a line
 * break; a leading `= + - @` (a formula in Excel or Calc, CSV injection) is neutralised with a quote.
 */
export function csvField(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The answer as CSV for a spreadsheet of a Belgian office: `;`-separated, UTF-8 with a byte-order mark
 * (so Excel reads the accents), one consultation a line, newest first, every field the log holds.
 */
export function cocCsv(answer: CocAnswer, w: CocWords): string {
  const { t } = w;
  const header = [
    t('dpo.csv.at'),
    t('dpo.csv.atUtc'),
    t('dpo.csv.service'),
    t('dpo.csv.actorStaffId'),
    t('dpo.csv.actorUsername'),
    t('dpo.csv.actorRoles'),
    t('dpo.csv.actorUnit'),
    t('dpo.csv.subjectType'),
    t('dpo.csv.subjectIds'),
    t('dpo.csv.caseRef'),
    t('dpo.csv.kind'),
    t('dpo.csv.outcome'),
    t('dpo.csv.basis'),
    t('dpo.csv.refusal'),
    t('dpo.csv.reason'),
    t('dpo.csv.breakGlass'),
    t('dpo.csv.justification'),
    t('dpo.csv.justificationCaseRef'),
    t('dpo.csv.endpoint'),
    t('dpo.csv.correlationId'),
    t('dpo.csv.chain'),
  ];
  const lines = answer.entries.map((e) => [
    brusselsSeconds(e.at),
    e.at,
    w.service(e.service),
    e.actor.staffId,
    e.actor.username,
    w.roles(e.actor.roles),
    e.actor.unit,
    w.resource(e.subject.type),
    e.subject.ids.join(' '),
    e.subject.caseRef ?? '',
    w.kind(e.kind),
    w.outcome(e.outcome),
    e.basis ? w.basis(e.basis) : '',
    e.refusal ? w.refusal(e.refusal) : '',
    e.reason,
    e.breakGlass ? t('common.yes') : t('common.no'),
    e.justification?.text ?? '',
    e.justification?.caseRef ?? '',
    `${e.endpoint.method} ${e.endpoint.route}`,
    e.correlationId,
    `${e.chain.stream}#${e.chain.version}`,
  ]);
  return `\uFEFF${[header, ...lines].map((l) => l.map(csvField).join(';')).join('\r\n')}\r\n`;
}
