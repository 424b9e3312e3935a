import { Table } from '@mantine/core';
import { ReactNode } from 'react';

/**
 * A table wider than a narrow screen scrolls sideways inside its own area; that area takes the
 * keyboard focus (arrow keys scroll it) and is named after the table, so a table of facts without a
 * link or button in it can still be read whole without a mouse (WCAG 2.1.1).
 */
export function ScrollTable({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'group', 'aria-label': label } }}>
      {children}
    </Table.ScrollContainer>
  );
}
