import { describe, expect, it } from 'vitest';
import { csvField } from './coc-csv';

describe('csvField: a field a spreadsheet reads as text', () => {
  it('leaves plain text as it is', () => {
    expect(csvField('Klacht van de burgemeester')).toBe('Klacht van de burgemeester');
  });
  it('quotes a field with the separator, a quote or a line break, doubling the quotes', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('zei "dringend"')).toBe('"zei ""dringend"""');
    expect(csvField('twee\nregels')).toBe('"twee\nregels"');
  });
  it('neutralises what a spreadsheet would run as a formula (CSV injection)', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+32 9 266 61 11')).toBe("'+32 9 266 61 11");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
