import { createTheme, CSSVariablesResolver } from '@mantine/core';

/**
 * Dense back-office screens: small default sizes, compact tables. Colours keep WCAG 2.1 AA contrast on
 * white (4.5:1 for text): the primary shade is blue 8, and "dimmed" and error texts are darkened from
 * Mantine's defaults (gray 6 and red 6 are below 4.5:1).
 */
export const theme = createTheme({
  primaryColor: 'blue',
  // A user who asks the system for less motion gets toasts, dialogs and menus without fading (WCAG 2.3.3).
  respectReducedMotion: true,
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    Textarea: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm' } },
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm' } },
    // Alert titles in the text colour: the alert's colour stays on its border, and orange titles would
    // fall below 4.5:1 on white.
    Alert: { styles: { title: { color: 'var(--mantine-color-text)' } } },
    // The words of a badge are the point ("Inzage met reden"): it wraps rather than cut them off in a narrow column.
    Badge: {
      styles: {
        root: { height: 'auto', maxWidth: '100%' },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' },
      },
    },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057',
    '--mantine-color-error': '#c92a2a',
    '--mantine-color-placeholder': '#6b7178',
  },
  dark: {},
});
