/** What the desk scanned, typed or pasted, read as a way to an item. */
export type ScanTarget =
  { kind: 'item'; itemId: string } | { kind: 'label'; labelNumber: string } | { kind: 'foreign'; text: string } | { kind: 'empty' };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** The content of our labels' QR code (services/evidence `itemUrn`). */
const ITEM_URN = new RegExp(`^urn:police:evidence-item:(${UUID})$`, 'i');
const BARE_ID = new RegExp(`^${UUID}$`, 'i');
/** A label number as printed: `<prefix>-<year>-<sequence>` (EV-2026-000123). */
const LABEL_NUMBER = /^[A-Z]{1,10}-\d{4}-\d{1,12}$/i;

/**
 * Reads a scanned code or a typed text: our QR code (the item's URN) or a bare item id opens the item;
 * a label number is looked up; anything else is a code that is not ours (a product barcode, another
 * system's label, a web address) and is said to be so rather than searched for.
 */
export function readScan(raw: string): ScanTarget {
  const text = raw.trim();
  if (!text) return { kind: 'empty' };
  const urn = ITEM_URN.exec(text);
  if (urn) return { kind: 'item', itemId: urn[1].toLowerCase() };
  if (BARE_ID.test(text)) return { kind: 'item', itemId: text.toLowerCase() };
  if (LABEL_NUMBER.test(text)) return { kind: 'label', labelNumber: text.toUpperCase() };
  return { kind: 'foreign', text };
}
