import { notifications } from '@mantine/notifications';
import { i18n } from '@/lib/i18n/i18n';

/** A short confirmation in the corner ("Melding opgenomen."), with a labelled close button. */
export function notifySuccess(message: string): void {
  notifications.show({ color: 'green.9', message, closeButtonProps: { 'aria-label': i18n.t('common.close') } });
}
