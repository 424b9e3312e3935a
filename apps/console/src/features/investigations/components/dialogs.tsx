import type { ActionKind, CaseFile, ParketTask, PartyLink, Task } from '../api/investigations.api';
import { ActionDialog } from '../forms/action-form';
import { AddMemberDialog, LeadDialog, RemoveMemberDialog, TeamDialog } from '../forms/assignment-forms';
import { CloseDialog, DirectingAuthorityDialog, ReopenDialog, ReportToMagistrateDialog } from '../forms/closing-forms';
import { JoinReportDialog, RemoveSeriesLinkDialog, SeriesLinkDialog } from '../forms/link-forms';
import { IdentifyDialog, LinkPartyDialog, TraceDialog, UnlinkPartyDialog } from '../forms/party-forms';
import {
  CompleteParketTaskDialog,
  CompleteTaskDialog,
  CreateTaskDialog,
  DistributeParketTaskDialog,
  ReceiveParketTaskDialog,
} from '../forms/task-forms';
import type { CaseRef } from './command-form';

/** The command dialog open on the case file, with what it is about. */
export type OpenDialog =
  | {
      kind:
        | 'team'
        | 'lead'
        | 'addMember'
        | 'authority'
        | 'linkParty'
        | 'createTask'
        | 'receiveParketTask'
        | 'joinReport'
        | 'seriesLink'
        | 'report'
        | 'close'
        | 'reopen';
    }
  | { kind: 'removeMember'; staffId: string }
  | { kind: 'unlinkParty' | 'identify' | 'trace'; party: PartyLink }
  | { kind: 'action'; actionKind: ActionKind | null }
  | { kind: 'completeTask'; task: Task }
  | { kind: 'distributeParketTask' | 'completeParketTask'; task: ParketTask }
  | { kind: 'removeSeriesLink'; otherId: string };

/** Renders the one command dialog that is open (mounted afresh each time, so each starts empty). */
export function CaseDialogs({
  dialog,
  kase,
  file,
  onClose,
}: {
  dialog: OpenDialog | null;
  kase: CaseRef;
  file: CaseFile;
  onClose: () => void;
}) {
  if (!dialog) return null;
  const common = { kase, opened: true, onClose };
  switch (dialog.kind) {
    case 'team':
      return <TeamDialog {...common} file={file} />;
    case 'lead':
      return <LeadDialog {...common} file={file} />;
    case 'addMember':
      return <AddMemberDialog {...common} file={file} />;
    case 'removeMember':
      return <RemoveMemberDialog {...common} staffId={dialog.staffId} />;
    case 'authority':
      return <DirectingAuthorityDialog {...common} file={file} />;
    case 'linkParty':
      return <LinkPartyDialog {...common} />;
    case 'unlinkParty':
      return <UnlinkPartyDialog {...common} party={dialog.party} />;
    case 'identify':
      return <IdentifyDialog {...common} party={dialog.party} />;
    case 'trace':
      return <TraceDialog {...common} party={dialog.party} />;
    case 'action':
      return <ActionDialog {...common} file={file} initialKind={dialog.actionKind} />;
    case 'createTask':
      return <CreateTaskDialog {...common} />;
    case 'completeTask':
      return <CompleteTaskDialog {...common} task={dialog.task} />;
    case 'receiveParketTask':
      return <ReceiveParketTaskDialog {...common} />;
    case 'distributeParketTask':
      return <DistributeParketTaskDialog {...common} task={dialog.task} />;
    case 'completeParketTask':
      return <CompleteParketTaskDialog {...common} task={dialog.task} />;
    case 'joinReport':
      return <JoinReportDialog {...common} />;
    case 'seriesLink':
      return <SeriesLinkDialog {...common} linked={file.seriesLinks.map((l) => l.otherInvestigationId)} />;
    case 'removeSeriesLink':
      return <RemoveSeriesLinkDialog {...common} otherId={dialog.otherId} />;
    case 'report':
      return <ReportToMagistrateDialog {...common} file={file} />;
    case 'close':
      return <CloseDialog {...common} file={file} />;
    case 'reopen':
      return <ReopenDialog {...common} file={file} />;
  }
}
