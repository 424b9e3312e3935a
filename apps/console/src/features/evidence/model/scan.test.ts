import { describe, expect, it } from 'vitest';
import { readScan } from './scan';

describe('readScan', () => {
  const id = '0c6f3d52-8f0e-4a57-9d5b-3f4a2f9c1e77';
  it('opens the item of our QR code, a bare item id, and looks up a typed label number', () => {
    expect(readScan(`urn:police:evidence-item:${id}`)).toEqual({ kind: 'item', itemId: id });
    expect(readScan(` ${id.toUpperCase()}\n`)).toEqual({ kind: 'item', itemId: id });
    expect(readScan('ev-2026-000123')).toEqual({ kind: 'label', labelNumber: 'EV-2026-000123' });
  });
  it('says a code is not ours: a product barcode, a web address, another system’s URN', () => {
    expect(readScan('5449000000996')).toEqual({ kind: 'foreign', text: '5449000000996' });
    expect(readScan('https://example.org/item/1')).toEqual({ kind: 'foreign', text: 'https://example.org/item/1' });
    expect(readScan(`urn:other:evidence-item:${id}`)).toEqual({ kind: 'foreign', text: `urn:other:evidence-item:${id}` });
    expect(readScan('   ')).toEqual({ kind: 'empty' });
  });
});
