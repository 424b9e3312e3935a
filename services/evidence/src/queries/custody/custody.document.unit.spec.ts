import { HeldItem } from '../../domain/item.state';
import { fitText, LABEL_FOOTER, labelSvg } from './custody.document';

const item = (extra: Partial<HeldItem> = {}): HeldItem => ({
  status: 'held',
  itemId: '0c6f3d52-8f0e-4a57-9d5b-3f4a2f9c1e77',
  labelNumber: 'EV-2026-000123',
  pvNumber: 'GE.55.L5.000777/2026',
  category: 'phone_or_data_carrier',
  description:
    'Laptop, grijs, serienummer afgeschermd, met lader en draagtas in zwarte stof, twee USB-sticks en een externe harde schijf in een aparte zak',
  sealNumber: 'S-100200',
  custodian: { kind: 'officer', id: '5415-0201' },
  custodyChain: [],
  whereabouts: { kind: 'with_custodian' },
  openOffer: null,
  closedHandovers: {},
  labSubmissions: {},
  decision: null,
  sealMismatches: [],
  ...extra,
});

/** Each drawn line: where it starts, how it is anchored and the length it is drawn at (its measured width). */
function lines(svg: string): { x: number; anchor: string; length: number; size: number; text: string }[] {
  return [
    ...svg.matchAll(
      /<text x="([\d.]+)" y="[\d.]+"[^>]*font-size="([\d.]+)"[^>]*?(?: text-anchor="(\w+)")? textLength="([\d.]+)"[^>]*>([^<]*)<\/text>/g,
    ),
  ].map((m) => ({
    x: Number(m[1]),
    size: Number(m[2]),
    anchor: m[3] ?? 'start',
    length: Number(m[4]),
    text: m[5],
  }));
}

describe('the item label', () => {
  it('keeps every line, the footer included, inside the label (90 mm wide, 1.5 mm margin)', async () => {
    const svg = await labelSvg(item({ pvNumber: 'GE.55.L5.000777/2026-BIS-AANVULLEND-PROCES-VERBAAL-12' }));
    const drawn = lines(svg);
    expect(drawn.length).toBeGreaterThanOrEqual(6);
    for (const l of drawn) {
      const left = l.anchor === 'middle' ? l.x - l.length / 2 : l.x;
      expect({ text: l.text, left: left >= 1.5, right: left + l.length <= 88.5 }).toEqual({ text: l.text, left: true, right: true });
    }
    const footer = drawn.filter((l) => l.anchor === 'middle').map((l) => l.text.replace(/&[a-z]+;/g, (e) => ({ '&apos;': "'" })[e] ?? e));
    expect(footer.join(' ')).toBe(LABEL_FOOTER);
    expect(svg).toContain('gsm of gegevensdrager · zegel S-100200');
  });

  it('wraps a long description over at most three lines and ends what does not fit with an ellipsis', () => {
    const fitted = fitText('a '.repeat(200), { width: 50, size: 2.6, minSize: 2, maxLines: 3 });
    expect(fitted.size).toBe(2);
    expect(fitted.lines).toHaveLength(3);
    expect(fitted.lines[2].endsWith('…')).toBe(true);
    expect(fitText('EV-2026-000123', { width: 53, size: 5, minSize: 3, maxLines: 1, bold: true })).toEqual({
      lines: ['EV-2026-000123'],
      size: 5,
    });
  });
});
