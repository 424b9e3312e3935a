import type { UseFormReturnType } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { ReactNode } from 'react';
import { FormDialog } from '@/components/form-dialog';
import { useLiveHold } from '@/lib/live';
import { counterKeys, ItemCommand, useItemCommand } from '../api/counter.api';

/**
 * A command on one item as a dialog (see FormDialog). A 412 (someone changed the item meanwhile)
 * offers the new version: the dialog closes on it. While open, a live change leaves the item on
 * screen as it was read, so the command goes on the version the user saw.
 */
export function ActionDialog<V extends Record<string, unknown>>(props: {
  itemId: string;
  title: string;
  onClose: () => void;
  form: UseFormReturnType<V>;
  command: (values: V) => ItemCommand;
  submitLabel: string;
  done: string;
  danger?: boolean;
  aliases?: Record<string, string>;
  children: ReactNode;
}) {
  const { itemId, command, ...rest } = props;
  const queryClient = useQueryClient();
  const mutation = useItemCommand(itemId);
  useLiveHold(counterKeys.item(itemId), true);
  return (
    <FormDialog
      {...rest}
      send={(values) => mutation.mutateAsync(command(values))}
      pending={mutation.isPending}
      onReload={async () => {
        props.onClose();
        await queryClient.invalidateQueries({ queryKey: counterKeys.item(itemId) });
      }}
    />
  );
}
