import { Title } from '@mantine/core';
import { ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useRouteFocus } from './route-focus';

/**
 * The screen's one `<h1>`, and the document title. After an in-app navigation it takes the focus, so
 * that keyboard and screen-reader users land on the new screen's heading, not on the link they left.
 */
export function PageTitle({ children, documentTitle }: { children: ReactNode; documentTitle?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const claim = useRouteFocus();
  const { key } = useLocation();
  const text = documentTitle ?? (typeof children === 'string' ? children : undefined);
  useEffect(() => {
    if (text) document.title = `${text} — ${t('app.name')}`;
  }, [text, t]);
  useEffect(() => {
    if (claim()) ref.current?.focus();
  }, [claim, key]);
  return (
    <Title order={1} size="h2" ref={ref} tabIndex={-1} mb="md" style={{ outlineOffset: 4 }}>
      {children}
    </Title>
  );
}
