import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { VerificationResult } from '@police/event-store';
import { Party } from '../../domain/evidence.events';
import { ItemCategory } from '../../domain/item.events';
import { HeldItem, DisposedItem } from '../../domain/item.state';
import { CustodyEntry } from './custody-record.document';

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** The content of an item's QR code: the item id, as a URN a scanner app resolves. */
export function itemUrn(itemId: string): string {
  return `urn:police:evidence-item:${itemId}`;
}

/** The documents are Dutch, the zone's language: the words for the API's codes they print. */
const CATEGORY_NL: Record<ItemCategory, string> = {
  drugs: 'drugs',
  weapon: 'wapen',
  cash: 'geld',
  phone_or_data_carrier: 'gsm of gegevensdrager',
  document: 'document',
  vehicle: 'voertuig',
  trace: 'spoor',
  other: 'ander',
};

let metrics: PDFKit.PDFDocument | undefined;

/**
 * Width of a text in Helvetica (the AFM metrics pdfkit ships), in the unit of `size`: what the label
 * lays its lines out by, and the length each line is then drawn at (SVG `textLength`), so a printer
 * or browser that substitutes another sans-serif still keeps every line inside its box.
 */
function textWidth(text: string, size: number, bold = false): number {
  metrics ??= new PDFDocument({ autoFirstPage: false });
  return metrics
    .font(bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(size)
    .widthOfString(text);
}

interface Fitted {
  lines: string[];
  size: number;
}

/** Breaks a text into lines no wider than `width`, cutting a word that alone is too wide. */
function wrap(text: string, width: number, size: number, bold: boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, size, bold) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (textWidth(line, size, bold) > width) {
      let cut = line.length - 1;
      while (cut > 1 && textWidth(line.slice(0, cut), size, bold) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The largest size from `size` down to `minSize` at which the text fits `maxLines` lines of `width`;
 * at the smallest size, what does not fit ends in an ellipsis on the last line.
 */
export function fitText(text: string, o: { width: number; size: number; minSize: number; maxLines: number; bold?: boolean }): Fitted {
  const bold = o.bold ?? false;
  for (let size = o.size; size >= o.minSize - 1e-9; size = Math.round((size - 0.1) * 10) / 10) {
    const lines = wrap(text, o.width, size, bold);
    if (lines.length <= o.maxLines) return { lines, size };
  }
  const lines = wrap(text, o.width, o.minSize, bold).slice(0, o.maxLines);
  let last = lines[lines.length - 1] ?? '';
  while (last.length > 0 && textWidth(`${last}…`, o.minSize, bold) > o.width) last = last.slice(0, -1).trimEnd();
  lines[lines.length - 1] = `${last}…`;
  return { lines, size: o.minSize };
}

const FONT = 'Helvetica, Arial, &apos;Liberation Sans&apos;, sans-serif';

/** SVG text lines of a fitted text, each drawn at its measured width so it cannot leave its box. */
function svgLines(f: Fitted, o: { x: number; y: number; anchor?: 'start' | 'middle'; bold?: boolean; lineHeight?: number }): string {
  const lh = (o.lineHeight ?? 1.2) * f.size;
  return f.lines
    .map((line, i) => {
      const w = textWidth(line, f.size, o.bold).toFixed(2);
      return `<text x="${o.x}" y="${(o.y + i * lh).toFixed(2)}" font-family="${FONT}" font-size="${f.size}"${o.bold ? ' font-weight="bold"' : ''}${o.anchor === 'middle' ? ' text-anchor="middle"' : ''} textLength="${w}" lengthAdjust="spacingAndGlyphs">${escapeXml(line)}</text>`;
    })
    .join('\n  ');
}

/** The footer of every label: what the holder must not do. */
export const LABEL_FOOTER = 'Overtuigingsstuk — niet openen zonder proces-verbaal';

/**
 * A printable label (SVG, 90 × 40 mm): label number, case reference, category and seal, description,
 * a QR code of the item id, and the footer in a box of its own across the label's width. Every text is
 * measured and shrunk or wrapped to fit its box (it used to run off the label's right edge).
 */
export async function labelSvg(item: HeldItem | DisposedItem): Promise<string> {
  const qr = await QRCode.toString(itemUrn(item.itemId), { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
  const qrInner = qr.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const viewBox = /viewBox="([^"]+)"/.exec(qr)?.[1] ?? '0 0 33 33';
  const textX = 34;
  const textWidthMm = 87 - textX;
  const caseLine = [
    item.pvNumber ? `PV ${item.pvNumber}` : null,
    !item.pvNumber && item.investigationId ? `Onderzoek ${item.investigationId}` : null,
  ]
    .filter(Boolean)
    .join(' ');
  const label = fitText(item.labelNumber, { width: textWidthMm, size: 5, minSize: 3, maxLines: 1, bold: true });
  const kase = fitText(caseLine, { width: textWidthMm, size: 3, minSize: 2, maxLines: 1 });
  const category = fitText(`${CATEGORY_NL[item.category] ?? item.category} · zegel ${item.sealNumber}`, {
    width: textWidthMm,
    size: 3,
    minSize: 2,
    maxLines: 1,
  });
  const description = fitText(item.description, { width: textWidthMm, size: 2.6, minSize: 2, maxLines: 3 });
  // The footer's box: the label's full inner width under a rule, 5.5 mm high.
  const footerTop = 33.5;
  const footer = fitText(LABEL_FOOTER, { width: 84, size: 2.4, minSize: 1.6, maxLines: 2 });
  const footerLh = 1.2 * footer.size;
  const footerY = footerTop + (39.5 - footerTop) / 2 - ((footer.lines.length - 1) * footerLh) / 2 + footer.size * 0.35;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="90mm" height="40mm" viewBox="0 0 90 40">
  <rect x="0.5" y="0.5" width="89" height="39" fill="#fff" stroke="#000" stroke-width="0.3"/>
  <svg x="3" y="3" width="29" height="29" viewBox="${viewBox}">${qrInner}</svg>
  ${svgLines(label, { x: textX, y: 8, bold: true })}
  ${svgLines(kase, { x: textX, y: 13 })}
  ${svgLines(category, { x: textX, y: 17.5 })}
  ${svgLines(description, { x: textX, y: 22 })}
  <line x1="0.5" y1="${footerTop}" x2="89.5" y2="${footerTop}" stroke="#000" stroke-width="0.3"/>
  ${svgLines(footer, { x: 45, y: footerY, anchor: 'middle' })}
</svg>
`;
}

const TIME_NL = new Intl.DateTimeFormat('nl-BE', {
  timeZone: 'Europe/Brussels',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

/** A moment as Belgian local time, with its zone (CET/CEST), as a court reads it. */
export function brusselsTime(iso: string | Date): string {
  return TIME_NL.format(typeof iso === 'string' ? new Date(iso) : iso);
}

const PARTY_NL: Record<Party['kind'], string> = {
  officer: 'personeelslid',
  lab: 'laboratorium',
  court_registry: 'griffie',
  storage_room: 'bewaarplaats',
  external_body: 'externe instantie',
};

function partyNl(p: Party): string {
  return `${PARTY_NL[p.kind] ?? p.kind} ${p.name ? `${p.name} (${p.id})` : p.id}`;
}

const PURPOSE_NL: Record<string, string> = {
  storage: 'bewaring',
  lab_analysis: 'labo-onderzoek',
  court_registry: 'griffie',
  investigation: 'onderzoek',
  return_to_owner: 'teruggave aan de eigenaar',
  destruction: 'vernietiging',
  examination: 'onderzoek',
  court: 'rechtbank',
  confiscation: 'verbeurdverklaring',
  transfer_to_court_registry: 'overdracht aan de griffie',
};

const purposeNl = (code: string) => PURPOSE_NL[code] ?? code;

const ENTRY_NL: Record<string, string> = {
  ItemRegistered: 'Registratie',
  ItemResealed: 'Herverzegeling',
  CustodyOffered: 'Overdracht aangeboden',
  CustodyTransferred: 'Overdracht aanvaard',
  CustodyOfferDeclined: 'Overdracht geweigerd',
  CustodyOfferWithdrawn: 'Aanbod ingetrokken',
  ItemCheckedIn: 'In bewaring genomen',
  ItemCheckedOut: 'Uit bewaring genomen',
  ItemReturned: 'Teruggebracht in bewaring',
  ItemSubmittedToLab: 'Naar het labo gestuurd',
  LabResultReceived: 'Labo-resultaat ontvangen',
  DisposalDecisionRecorded: 'Beslissing over de bestemming',
  ItemDisposed: 'Bestemming uitgevoerd',
};

/** Dutch wording of the entries that carry no handover or registration facts, from the event's data. */
function otherLine(type: string, d: Record<string, unknown>): string | null {
  const s = (k: string) => String(d[k] ?? '');
  const at = (k: string) => (typeof d[k] === 'string' ? brusselsTime(d[k]) : '');
  switch (type) {
    case 'ItemResealed':
      return `Nieuw zegel ${s('sealNumber')} (was ${s('previousSealNumber')}); reden: ${s('reason')}`;
    case 'ItemCheckedOut':
      return `Meegenomen door ${s('takenBy')} voor ${purposeNl(s('purpose'))}, terug verwacht ${at('expectedReturnAt')}`;
    case 'ItemReturned':
      return `Teruggebracht door ${s('takenBy')}${d.late ? ' (te laat)' : ''}`;
    case 'ItemSubmittedToLab':
      return `Onderzoek gevraagd: ${s('analysis')} — ${s('request')}`;
    case 'LabResultReceived':
      return `Verslag ${s('labReference')}: ${s('conclusion')}; SHA-256 van het verslag ${s('reportSha256')}`;
    case 'DisposalDecisionRecorded':
      return `Beslissing ${s('decisionRef')} van ${s('authority')} van ${s('decisionDate')}: ${purposeNl(s('disposition'))}`;
    case 'ItemDisposed':
      return `Uitgevoerd op beslissing ${s('decisionRef')}, ontvangstbewijs ${s('receiptRef')}${Array.isArray(d.witnesses) && d.witnesses.length ? `, getuigen ${d.witnesses.join(', ')}` : ''}`;
    default:
      return null;
  }
}

/** The lines of one entry in the certificate: both parties of a handover and what the receiver found. */
function entryLines(e: CustodyEntry, data: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const h = e.handover;
  const r = e.registration;
  if (r) {
    lines.push(`Inbeslagname door ${r.seizedBy} op ${brusselsTime(r.seizedAt)}, ${r.seizedPlace}; rechtsgrond: ${r.legalBasis}`);
    lines.push(
      `${r.quantity.amount} ${r.quantity.unit}, ${r.packaging}; toestand: ${r.condition}; zegel ${r.sealNumber}; eerste bewaarder: ${partyNl(r.custodian)}`,
    );
    for (const a of r.attachments) lines.push(`Bijlage ${a.name} (${a.mediaType}) SHA-256 ${a.sha256}`);
  } else if (h && e.type === 'CustodyTransferred') {
    lines.push(
      `Aangeboden door: ${h.offeredBy ?? '?'}${e.parties?.from ? ` namens ${partyNl(e.parties.from)}` : ''}, ${h.offeredAt ? brusselsTime(h.offeredAt) : ''}`,
    );
    lines.push(
      `Aanvaard door: ${h.acceptedBy ?? e.actor}${e.parties?.to ? ` namens ${partyNl(e.parties.to)}` : ''}, ${h.transferredAt ? brusselsTime(h.transferredAt) : brusselsTime(e.occurredAt)}`,
    );
    lines.push(
      `Zegel verwacht ${h.sealNumberExpected ?? '?'}, aangetroffen ${h.sealNumberFound ?? '?'} (${h.sealIntact ? 'intact' : 'NIET intact'})${h.sealMismatch ? ' — AFWIJKING: ander zegelnummer dan geregistreerd' : ''}; toestand bij ontvangst: ${h.conditionFound ?? '?'}`,
    );
  } else if (h && e.type === 'CustodyOffered') {
    lines.push(
      `Aangeboden door: ${h.offeredBy ?? e.actor}${e.parties?.from ? ` namens ${partyNl(e.parties.from)}` : ''} aan ${e.parties?.to ? partyNl(e.parties.to) : '?'}`,
    );
    lines.push(`Zegel ${h.sealNumberExpected ?? '?'} volgens de aanbieder ${h.sealIntact ? 'intact' : 'NIET intact'}`);
  } else if (h) {
    lines.push(
      `${e.type === 'CustodyOfferDeclined' ? 'Geweigerd door' : 'Ingetrokken door'}: ${h.declinedBy ?? h.withdrawnBy ?? e.actor}${h.reason ? `; reden: ${h.reason}` : ''}`,
    );
  } else {
    const line = otherLine(e.type, data);
    if (line) lines.push(line);
  }
  return lines;
}

/**
 * The custody certificate (PDF) for a court, in the zone's language: the zone, the item, every entry
 * of its custody record in Belgian local time with both parties of each handover and the seal found,
 * each entry's chain hash, the verification result and head hash at the time of printing, a signature
 * block for the evidence officer, and "page n of m" on every page.
 */
export function certificatePdf(input: {
  item: HeldItem | DisposedItem;
  /** The custody record, each entry with the data of its event. */
  entries: (CustodyEntry & { data: Record<string, unknown> })[];
  verification: VerificationResult;
  printedAt: Date;
  printedBy: string;
  printedByName: string;
  zoneName: string;
  caseNumber?: string | null;
}): Promise<Buffer> {
  const { item, entries, verification } = input;
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, left: 56, right: 56, bottom: 72 },
      bufferPages: true,
      info: { Title: `Attest bewaarketen ${item.labelNumber}`, Author: input.zoneName, Subject: `Custody certificate ${item.itemId}` },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const width = doc.page.width - 112;

    doc.font('Helvetica-Bold').fontSize(11).text(input.zoneName);
    doc.moveDown(0.3).fontSize(16).text('Attest bewaarketen van een overtuigingsstuk');
    doc.font('Helvetica').fontSize(9).fillColor('#444').text('Custody certificate').fillColor('black');
    doc.moveDown(0.8);

    const fact = (k: string, v: string) => {
      const y = doc.y;
      doc.font('Helvetica-Bold').fontSize(9.5).text(k, 56, y, { width: 130 });
      const afterKey = doc.y;
      doc.font('Helvetica').text(v, 190, y, { width: width - 134 });
      doc.y = Math.max(afterKey, doc.y) + 2;
      doc.x = 56;
    };
    const kase = [
      item.pvNumber ? `PV ${item.pvNumber}` : null,
      item.investigationId ? `onderzoek ${input.caseNumber ?? item.investigationId}` : null,
    ]
      .filter(Boolean)
      .join(', ');
    fact('Etiket', item.labelNumber);
    fact('Item-id', item.itemId);
    fact('Zaak', kase);
    fact('Categorie', CATEGORY_NL[item.category] ?? item.category);
    fact('Omschrijving', item.description);
    fact('Zegel volgens register', item.sealNumber);
    fact('Huidige bewaarder', partyNl(item.custodian));
    fact(
      'Status',
      item.status === 'disposed'
        ? `bestemming uitgevoerd (${purposeNl(item.disposal.disposition)}, beslissing ${item.disposal.decisionRef})`
        : 'in bewaring',
    );
    doc.moveDown(0.6);

    doc.font('Helvetica-Bold').fontSize(12).text('Verificatie van de hashketen');
    doc.font('Helvetica').fontSize(9.5);
    if (verification.ok) {
      doc.text(
        `Resultaat: de keten klopt. De SHA-256-hashketen van alle ${verification.events} vermeldingen werd bij het afdrukken herberekend en komt overeen.`,
      );
      doc.font('Courier').fontSize(8).text(`Kophash: ${verification.headHash}`);
    } else {
      doc
        .fillColor('#b00020')
        .font('Helvetica-Bold')
        .text(
          `Resultaat: DE KETEN KLOPT NIET. Vermelding #${verification.brokenAt.streamVersion} (${verification.brokenAt.eventId}) faalt op haar ${verification.brokenAt.reason === 'content' ? 'inhoud' : 'koppeling aan de vorige'}.`,
        )
        .fillColor('black');
    }
    doc.moveDown(0.8);

    doc.font('Helvetica-Bold').fontSize(12).fillColor('black').text(`Bewaarketen (${entries.length} vermeldingen, Belgische tijd)`);
    for (const e of entries) {
      doc.moveDown(0.5);
      if (doc.y > doc.page.height - 150) doc.addPage();
      doc
        .font('Helvetica-Bold')
        .fontSize(9.5)
        .text(`#${e.version}  ${ENTRY_NL[e.type] ?? e.type} — ${brusselsTime(e.occurredAt)}`);
      doc.font('Helvetica').fontSize(9);
      const meta = [`door ${e.actor}`, e.place ? `plaats: ${e.place}` : null, e.purpose ? `doel: ${purposeNl(e.purpose)}` : null]
        .filter(Boolean)
        .join('; ');
      doc.text(meta);
      for (const line of entryLines(e, e.data)) doc.fillColor(line.includes('AFWIJKING') ? '#b00020' : 'black').text(line);
      doc.fillColor('black');
      doc.font('Courier').fontSize(7).fillColor('#333').text(`hash ${e.hash}`).text(`vorige ${e.prevHash}`).fillColor('black');
    }

    doc.moveDown(1);
    if (doc.y > doc.page.height - 200) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(11).text('Voor echt verklaard door de bewaarder van de overtuigingsstukken');
    doc.font('Helvetica').fontSize(9.5).moveDown(0.4);
    doc.text(`Naam: ${input.printedByName} (${input.printedBy})`);
    doc.text(`Afgedrukt: ${brusselsTime(input.printedAt)}`);
    doc.moveDown(0.4).text('Datum: ____________________          Handtekening: ______________________________');
    doc.moveDown(0.8).fontSize(8).fillColor('#444');
    doc.text(
      `Iedereen kan de keten nagaan: elke vermelding is SHA-256 over de canonieke JSON van de gebeurtenis en de hash van de vorige vermelding van dit item (GET /api/evidence/items/${item.itemId}/custody/verify).`,
    );
    doc.fillColor('black');

    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor('#444')
        .text(`${input.zoneName} — attest bewaarketen ${item.labelNumber}`, 56, doc.page.height - 46, {
          width: width / 2,
          lineBreak: false,
        })
        .text(`Pagina ${i - range.start + 1} van ${range.count}`, 56 + width / 2, doc.page.height - 46, {
          width: width / 2,
          align: 'right',
          lineBreak: false,
        });
      doc.page.margins.bottom = bottom;
    }
    doc.end();
  });
}
