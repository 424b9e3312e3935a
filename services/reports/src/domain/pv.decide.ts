import { Command, CommandMetadata, isBlank, isSha256, isUuid, toIso } from './reports.decide';
import {
  GasFindingTransmittedToCity,
  PV_DESTINATIONS,
  PvContent,
  PvDrafted,
  PvEvent,
  PvFedToAng,
  PvFinalised,
  PvQualityApproved,
  PvQualityRejected,
  PvSubmittedForQualityCheck,
  PvTransmittedToParket,
  SupplementedPv,
} from './pv.events';
import { InvalidPvCommand, PvConflict, PvForbidden, PvNotFound } from './pv.errors';
import { PvState, WrittenPv } from './pv.state';

const CONTENT_FIELDS: readonly (keyof PvContent)[] = ['legalQualification', 'offenceType', 'destination', 'documentSha256'];

export type DraftPv = Command<
  'DraftPv',
  PvContent & {
    pvId: string;
    reportId: string;
    /** For a supplementary PV: the finalised PV it adds to, as `supplementTarget` returned it. */
    supplements?: SupplementedPv;
  }
>;

/** First submission from draft, or resubmission after a rejection with the corrections made. */
export type SubmitPvForQualityCheck = Command<'SubmitPvForQualityCheck', { corrections?: Partial<PvContent>; correctionNote?: string }>;

export type ApprovePvQuality = Command<'ApprovePvQuality', Record<string, never>>;

export type RejectPvQuality = Command<'RejectPvQuality', { reasons: readonly string[] }>;

export type FinalisePv = Command<'FinalisePv', { pvNumber: string; /** Regex source from zone configuration. */ pvNumberPattern: string }>;

export type TransmitPv = Command<'TransmitPv', { recipientRef?: string }>;

export type FeedPvToAng = Command<'FeedPvToAng', { angRef?: string }>;

export type PvCommand = DraftPv | SubmitPvForQualityCheck | ApprovePvQuality | RejectPvQuality | FinalisePv | TransmitPv | FeedPvToAng;

export function decidePv(state: PvState, command: PvCommand): PvEvent[] {
  switch (command.type) {
    case 'DraftPv':
      return decideDraftPv(state, command);
    case 'SubmitPvForQualityCheck':
      return decideSubmitPvForQualityCheck(state, command);
    case 'ApprovePvQuality':
      return decideApprovePvQuality(state, command);
    case 'RejectPvQuality':
      return decideRejectPvQuality(state, command);
    case 'FinalisePv':
      return decideFinalisePv(state, command);
    case 'TransmitPv':
      return decideTransmitPv(state, command);
    case 'FeedPvToAng':
      return decideFeedPvToAng(state, command);
  }
}

/** What a supplementary PV may reference: only a finalised PV, which is itself never edited. */
export function supplementTarget(original: PvState): SupplementedPv {
  if (original.status === 'none') throw new PvNotFound('pv_not_found', 'The PV to supplement does not exist');
  if (original.status !== 'finalised' || original.pvNumber === null) {
    throw new PvConflict('pv_not_finalised', `PV ${original.pvId} is not finalised; correct it through quality control instead`);
  }
  return { pvId: original.pvId, pvNumber: original.pvNumber };
}

export function decideDraftPv(state: PvState, { data, metadata }: DraftPv): [PvDrafted] {
  if (state.status !== 'none') throw new PvConflict('pv_already_drafted', 'A PV was already drafted under this id');
  if (!isUuid(data.pvId)) throw new InvalidPvCommand('invalid_id', 'The PV id must be a UUID', 'pvId');
  if (!isUuid(data.reportId)) throw new InvalidPvCommand('invalid_id', 'The report id must be a UUID', 'reportId');
  const content = validContent(data);
  if (data.supplements !== undefined) {
    if (!isUuid(data.supplements.pvId) || data.supplements.pvId === data.pvId) {
      throw new InvalidPvCommand('invalid_id', 'A supplementary PV references another PV by its UUID', 'supplements.pvId');
    }
    if (isBlank(data.supplements.pvNumber))
      throw new InvalidPvCommand('required', 'The supplemented PV number is required', 'supplements.pvNumber');
  }
  return [
    {
      type: 'PvDrafted',
      data: {
        pvId: data.pvId,
        reportId: data.reportId,
        ...content,
        author: metadata.actor.staffId,
        ...(data.supplements !== undefined && { supplements: { pvId: data.supplements.pvId, pvNumber: data.supplements.pvNumber } }),
        draftedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideSubmitPvForQualityCheck(state: PvState, { data, metadata }: SubmitPvForQualityCheck): [PvSubmittedForQualityCheck] {
  const pv = written(state);
  requireNotFinalised(pv);
  if (pv.status !== 'draft' && pv.status !== 'rejected')
    throw new PvConflict('pv_not_in_draft', `PV ${pv.pvId} is ${pv.status}; only a draft or a rejected PV is submitted`);
  if (metadata.actor.staffId !== pv.author) throw new PvForbidden('not_the_author', `Only the author ${pv.author} submits PV ${pv.pvId}`);
  let corrections: Partial<PvContent> | undefined;
  if (pv.status === 'rejected') {
    if (isBlank(data.correctionNote)) throw new InvalidPvCommand('required', 'A resubmission says what was corrected', 'correctionNote');
    if (data.corrections !== undefined) {
      const merged = validContent({ ...pv, ...data.corrections }, 'corrections.');
      corrections = {};
      for (const field of CONTENT_FIELDS) {
        if (data.corrections[field] !== undefined && merged[field] !== pv[field]) Object.assign(corrections, { [field]: merged[field] });
      }
      if (Object.keys(corrections).length === 0)
        throw new InvalidPvCommand('nothing_to_correct', 'The corrections change nothing', 'corrections');
    }
  } else if (data.corrections !== undefined || data.correctionNote !== undefined) {
    throw new InvalidPvCommand('invalid_value', 'A first submission has nothing to correct', 'corrections');
  }
  return [
    {
      type: 'PvSubmittedForQualityCheck',
      data: {
        pvId: pv.pvId,
        reportId: pv.reportId,
        round: pv.round + 1,
        ...(corrections !== undefined && { corrections }),
        ...(pv.status === 'rejected' && { correctionNote: data.correctionNote }),
        submittedBy: metadata.actor.staffId,
        submittedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideApprovePvQuality(state: PvState, { metadata }: ApprovePvQuality): [PvQualityApproved] {
  const pv = underCheck(state, metadata);
  return [
    {
      type: 'PvQualityApproved',
      data: { pvId: pv.pvId, reportId: pv.reportId, round: pv.round, checkedBy: metadata.actor.staffId, checkedAt: toIso(metadata.now) },
    },
  ];
}

export function decideRejectPvQuality(state: PvState, { data, metadata }: RejectPvQuality): [PvQualityRejected] {
  const pv = underCheck(state, metadata);
  if (!Array.isArray(data.reasons) || data.reasons.length === 0 || data.reasons.some((r) => isBlank(r))) {
    throw new InvalidPvCommand('required', 'A rejection gives one or more reasons', 'reasons');
  }
  return [
    {
      type: 'PvQualityRejected',
      data: {
        pvId: pv.pvId,
        reportId: pv.reportId,
        round: pv.round,
        reasons: [...data.reasons],
        checkedBy: metadata.actor.staffId,
        checkedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideFinalisePv(state: PvState, { data, metadata }: FinalisePv): [PvFinalised] {
  const pv = written(state);
  requireNotFinalised(pv);
  requireGak(metadata, 'finalises');
  if (pv.status !== 'approved') throw new PvConflict('pv_not_quality_checked', `PV ${pv.pvId} has not passed quality control`);
  let pattern: RegExp;
  try {
    pattern = new RegExp(data.pvNumberPattern);
  } catch {
    throw new InvalidPvCommand(
      'invalid_pv_number_pattern',
      'The configured PV number pattern is not a valid regular expression',
      'pvNumberPattern',
    );
  }
  if (isBlank(data.pvNumber) || !pattern.test(data.pvNumber)) {
    throw new InvalidPvCommand('invalid_pv_number', 'The PV number does not match the configured pattern', 'pvNumber');
  }
  return [
    {
      type: 'PvFinalised',
      data: {
        pvId: pv.pvId,
        reportId: pv.reportId,
        pvNumber: data.pvNumber,
        legalQualification: pv.legalQualification,
        offenceType: pv.offenceType,
        destination: pv.destination,
        documentSha256: pv.documentSha256,
        author: pv.author,
        ...(pv.supplements !== undefined && { supplements: pv.supplements }),
        finalisedBy: metadata.actor.staffId,
        finalisedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideTransmitPv(state: PvState, { data, metadata }: TransmitPv): [PvTransmittedToParket] | [GasFindingTransmittedToCity] {
  const pv = finalised(state);
  if (pv.transmittedAt !== null) throw new PvConflict('pv_already_transmitted', `PV ${pv.pvNumber} was transmitted at ${pv.transmittedAt}`);
  if (data.recipientRef !== undefined && isBlank(data.recipientRef))
    throw new InvalidPvCommand('required', 'recipientRef may not be blank', 'recipientRef');
  const base = { pvId: pv.pvId, reportId: pv.reportId, pvNumber: pv.pvNumber };
  const transmittedBy = metadata.actor.staffId;
  const transmittedAt = toIso(metadata.now);
  if (pv.destination === 'city_gas') {
    return [
      {
        type: 'GasFindingTransmittedToCity',
        data: { ...base, ...(data.recipientRef !== undefined && { cityRef: data.recipientRef }), transmittedBy, transmittedAt },
      },
    ];
  }
  return [
    {
      type: 'PvTransmittedToParket',
      data: { ...base, ...(data.recipientRef !== undefined && { parketRef: data.recipientRef }), transmittedBy, transmittedAt },
    },
  ];
}

export function decideFeedPvToAng(state: PvState, { data, metadata }: FeedPvToAng): [PvFedToAng] {
  const pv = finalised(state);
  requireGak(metadata, 'feeds the ANG');
  if (pv.fedToAngAt !== null) throw new PvConflict('pv_already_fed_to_ang', `PV ${pv.pvNumber} was fed to the ANG at ${pv.fedToAngAt}`);
  if (data.angRef !== undefined && isBlank(data.angRef)) throw new InvalidPvCommand('required', 'angRef may not be blank', 'angRef');
  return [
    {
      type: 'PvFedToAng',
      data: {
        pvId: pv.pvId,
        reportId: pv.reportId,
        pvNumber: pv.pvNumber,
        ...(data.angRef !== undefined && { angRef: data.angRef }),
        fedBy: metadata.actor.staffId,
        fedAt: toIso(metadata.now),
      },
    },
  ];
}

function written(state: PvState): WrittenPv {
  if (state.status === 'none') throw new PvNotFound('pv_not_found', 'No PV was drafted under this id');
  return state;
}

function requireNotFinalised(pv: WrittenPv): void {
  if (pv.status === 'finalised') {
    throw new PvConflict('pv_finalised', `PV ${pv.pvNumber} is finalised and never edited; draw up a supplementary PV that references it`);
  }
}

function requireGak(metadata: CommandMetadata, what: string): void {
  if (metadata.actor.gak !== true) throw new PvForbidden('not_gak', `Only GAK ${what}`);
}

function underCheck(state: PvState, metadata: CommandMetadata): WrittenPv {
  const pv = written(state);
  requireNotFinalised(pv);
  requireGak(metadata, 'checks the quality of a PV');
  if (pv.author === metadata.actor.staffId) throw new PvForbidden('own_pv', 'Nobody checks the quality of their own PV');
  if (pv.status !== 'submitted') throw new PvConflict('pv_not_submitted', `PV ${pv.pvId} is ${pv.status}, not waiting for quality control`);
  return pv;
}

/** Transmission and the ANG feed come after quality control (F10), which a finalised PV has passed. */
function finalised(state: PvState): WrittenPv & { pvNumber: string } {
  const pv = written(state);
  if (pv.status !== 'finalised' && pv.status !== 'approved')
    throw new PvConflict('pv_not_quality_checked', `PV ${pv.pvId} has not passed quality control`);
  if (pv.status !== 'finalised' || pv.pvNumber === null)
    throw new PvConflict('pv_not_finalised', `PV ${pv.pvId} passed quality control but has no PV number yet`);
  return { ...pv, pvNumber: pv.pvNumber };
}

function validContent(data: PvContent, prefix = ''): PvContent {
  for (const field of ['legalQualification', 'offenceType'] as const) {
    if (isBlank(data[field])) throw new InvalidPvCommand('required', `${field} is required`, `${prefix}${field}`);
  }
  if (!PV_DESTINATIONS.includes(data.destination)) {
    throw new InvalidPvCommand('invalid_value', `destination must be one of ${PV_DESTINATIONS.join(', ')}`, `${prefix}destination`);
  }
  if (!isSha256(data.documentSha256)) {
    throw new InvalidPvCommand(
      'invalid_value',
      'The document is referenced by its SHA-256: 64 lowercase hex digits',
      `${prefix}documentSha256`,
    );
  }
  return {
    legalQualification: data.legalQualification,
    offenceType: data.offenceType,
    destination: data.destination,
    documentSha256: data.documentSha256,
  };
}
