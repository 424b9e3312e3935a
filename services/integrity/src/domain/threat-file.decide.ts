import { Command, hasDuplicates, toIso } from './integrity.decide';
import {
  InvolvedStaffMember,
  THREAT_INVOLVEMENTS,
  ThreatFileClosed,
  ThreatFileEvent,
  ThreatFileNoteAdded,
  ThreatFileOpened,
  ThreatFileStatus,
} from './threat-file.events';
import { InvalidTuchtCommand, TuchtConflict, TuchtNotFound } from './tucht.errors';
import { requireNotBefore, requireOneOf, requirePastDate, requireText, requireUuid } from './tucht.validate';

export interface ThreatFile {
  status: 'opened';
  threatFileId: string;
  openedOn: string;
  staffIds: string[];
  phase: ThreatFileStatus;
  notes: string[];
}

export type ThreatFileState = { status: 'none' } | ThreatFile;

export const initialThreatFileState = (): ThreatFileState => ({ status: 'none' });

export function evolveThreatFile(state: ThreatFileState, event: ThreatFileEvent): ThreatFileState {
  switch (event.type) {
    case 'ThreatFileOpened':
      if (state.status !== 'none') return state;
      return {
        status: 'opened',
        threatFileId: event.data.threatFileId,
        openedOn: event.data.openedOn,
        staffIds: event.data.involved.map((i) => i.staffId),
        phase: 'open',
        notes: [],
      };
    case 'ThreatFileNoteAdded':
      return state.status === 'none' ? state : { ...state, notes: [...state.notes, event.data.noteId] };
    case 'ThreatFileClosed':
      return state.status === 'none' ? state : { ...state, phase: 'closed' };
  }
}

export type OpenThreatFile = Command<
  'OpenThreatFile',
  { threatFileId: string; openedOn: string; summary: string; involved: readonly InvolvedStaffMember[] }
>;
export type AddThreatFileNote = Command<'AddThreatFileNote', { noteId: string; note: string }>;
export type CloseThreatFile = Command<'CloseThreatFile', { closedOn: string; reason: string }>;
export type ThreatFileCommand = OpenThreatFile | AddThreatFileNote | CloseThreatFile;

export function decideThreatFile(state: ThreatFileState, command: ThreatFileCommand): ThreatFileEvent[] {
  switch (command.type) {
    case 'OpenThreatFile':
      return decideOpenThreatFile(state, command);
    case 'AddThreatFileNote':
      return decideAddThreatFileNote(state, command);
    case 'CloseThreatFile':
      return decideCloseThreatFile(state, command);
  }
}

export function decideOpenThreatFile(state: ThreatFileState, { data, metadata }: OpenThreatFile): [ThreatFileOpened] {
  if (state.status !== 'none') throw new TuchtConflict('id_in_use', 'A threat file is already opened under this id');
  requireUuid(data.threatFileId, 'threatFileId');
  requirePastDate(data.openedOn, 'openedOn', metadata);
  requireText(data.summary, 'summary');
  if (!Array.isArray(data.involved) || data.involved.length === 0)
    throw new InvalidTuchtCommand('required', 'involved names at least one staff member', 'involved');
  data.involved.forEach((member, i) => {
    requireText(member?.staffId, `involved[${i}].staffId`);
    requireOneOf(member.involvement, THREAT_INVOLVEMENTS, `involved[${i}].involvement`);
  });
  if (hasDuplicates(data.involved.map((m) => m.staffId)))
    throw new InvalidTuchtCommand('invalid_value', 'involved names a staff member twice', 'involved');
  return [
    {
      type: 'ThreatFileOpened',
      data: {
        threatFileId: data.threatFileId,
        openedOn: data.openedOn,
        summary: data.summary,
        involved: data.involved.map((m) => ({ staffId: m.staffId, involvement: m.involvement })),
        openedBy: metadata.actor.staffId,
        recordedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideAddThreatFileNote(state: ThreatFileState, { data, metadata }: AddThreatFileNote): [ThreatFileNoteAdded] {
  const file = open(state);
  requireText(data.noteId, 'noteId');
  requireText(data.note, 'note');
  if (file.notes.includes(data.noteId)) throw new TuchtConflict('id_in_use', `Note ${data.noteId} is already on the threat file`);
  return [
    {
      type: 'ThreatFileNoteAdded',
      data: {
        threatFileId: file.threatFileId,
        noteId: data.noteId,
        note: data.note,
        addedBy: metadata.actor.staffId,
        addedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideCloseThreatFile(state: ThreatFileState, { data, metadata }: CloseThreatFile): [ThreatFileClosed] {
  const file = open(state);
  requirePastDate(data.closedOn, 'closedOn', metadata);
  requireNotBefore(data.closedOn, file.openedOn, 'closedOn');
  requireText(data.reason, 'reason');
  return [
    {
      type: 'ThreatFileClosed',
      data: {
        threatFileId: file.threatFileId,
        closedOn: data.closedOn,
        reason: data.reason,
        closedBy: metadata.actor.staffId,
        recordedAt: toIso(metadata.now),
      },
    },
  ];
}

function open(state: ThreatFileState): ThreatFile {
  if (state.status === 'none') throw new TuchtNotFound('threat_file_not_found', 'No threat file under this id');
  if (state.phase === 'closed') throw new TuchtConflict('threat_file_closed', 'The threat file is closed');
  return state;
}
