import { useQueryClient } from '@tanstack/react-query';
import { ComplaintView, integrityKeys, useComplaintCommand } from '../api/integrity.api';

/** The complaint a section works on: the file as read, with the ETag every command sends back. */
export interface ComplaintRef {
  view: ComplaintView;
  etag: string | null;
  /** Whether commands are offered (not closed). */
  open: boolean;
}

/** The command mutation of a complaint, and the reload a 412 offers. */
export function useComplaintWrites(id: string) {
  const queryClient = useQueryClient();
  const mutation = useComplaintCommand(id);
  const reload = () => void queryClient.invalidateQueries({ queryKey: integrityKeys.record(id) });
  return { mutation, reload };
}
