import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { VerificationResult } from '@police/event-store';
import { HeldItem, DisposedItem } from '../../domain/item.state';
import { CustodyEntry } from './custody-record';

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** The content of an item's QR code: the item id, as a URN a scanner app resolves. */
export function itemUrn(itemId: string): string {
  return `urn:police:evidence-item:${itemId}`;
}

/** A printable label (SVG, 90 × 40 mm): label number, case reference, category, seal, and a QR code of the item id. */
export async function labelSvg(item: HeldItem | DisposedItem): Promise<string> {
  const qr = await QRCode.toString(itemUrn(item.itemId), { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
  const qrInner = qr.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const viewBox = /viewBox="([^"]+)"/.exec(qr)?.[1] ?? '0 0 33 33';
  const lines = [
    item.labelNumber,
    item.pvNumber ? `PV ${item.pvNumber}` : `Onderzoek ${item.investigationId ?? ''}`,
    `${item.category} · zegel ${item.sealNumber}`,
    item.description.length > 48 ? `${item.description.slice(0, 47)}…` : item.description,
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="90mm" height="40mm" viewBox="0 0 90 40">
  <rect x="0.5" y="0.5" width="89" height="39" fill="#fff" stroke="#000" stroke-width="0.3"/>
  <svg x="3" y="4" width="32" height="32" viewBox="${viewBox}">${qrInner}</svg>
  <text x="38" y="10" font-family="Helvetica, Arial, sans-serif" font-size="5" font-weight="bold">${escapeXml(lines[0])}</text>
  <text x="38" y="17" font-family="Helvetica, Arial, sans-serif" font-size="3">${escapeXml(lines[1])}</text>
  <text x="38" y="22" font-family="Helvetica, Arial, sans-serif" font-size="3">${escapeXml(lines[2])}</text>
  <text x="38" y="27" font-family="Helvetica, Arial, sans-serif" font-size="2.6">${escapeXml(lines[3])}</text>
  <text x="38" y="35" font-family="Helvetica, Arial, sans-serif" font-size="2.2">Overtuigingsstuk — niet openen zonder proces-verbaal</text>
</svg>
`;
}

/**
 * The custody certificate (PDF) for a court: the item, every entry of its custody record with its
 * chain hash, the head hash, and the verification result at the time of printing.
 */
export function certificatePdf(input: {
  item: HeldItem | DisposedItem;
  entries: CustodyEntry[];
  verification: VerificationResult;
  printedAt: Date;
  printedBy: string;
}): Promise<Buffer> {
  const { item, entries, verification } = input;
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Custody certificate ${item.labelNumber}`, Author: 'Police case platform' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.font('Helvetica-Bold').fontSize(16).text('Attest bewaarketen / Custody certificate');
    doc.moveDown(0.5).font('Helvetica').fontSize(10);
    doc.text(`Item: ${item.labelNumber} (${item.itemId})`);
    doc.text(`Case: ${[item.pvNumber ? `PV ${item.pvNumber}` : null, item.investigationId ? `investigation ${item.investigationId}` : null].filter(Boolean).join(', ')}`);
    doc.text(`Category: ${item.category} — ${item.description}`);
    doc.text(`Seal on record: ${item.sealNumber}`);
    doc.text(`Status: ${item.status === 'disposed' ? `disposed (${item.disposal.disposition}, decision ${item.disposal.decisionRef})` : 'held'}; custodian ${item.custodian.kind} ${item.custodian.id}`);
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(12).text(`Custody record (${entries.length} entries)`);
    doc.font('Helvetica').fontSize(8.5);
    for (const e of entries) {
      doc.moveDown(0.4);
      doc.font('Helvetica-Bold').text(`#${e.version} ${e.type} — ${e.occurredAt} — by ${e.actor}${e.place ? ` — at ${e.place}` : ''}${e.purpose ? ` — ${e.purpose}` : ''}`);
      doc.font('Helvetica').text(e.summary);
      doc.font('Courier').fontSize(7).text(`hash ${e.hash}  prev ${e.prevHash}`);
      doc.font('Helvetica').fontSize(8.5);
    }
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(11).text('Verification');
    doc.font('Helvetica').fontSize(9);
    if (verification.ok) {
      doc.text(`The hash chain of all ${verification.events} entries was recomputed and matches.`);
      doc.font('Courier').fontSize(8).text(`Head hash: ${verification.headHash}`);
    } else {
      doc.fillColor('red').text(`THE CHAIN DOES NOT VERIFY: entry #${verification.brokenAt.streamVersion} (${verification.brokenAt.eventId}) fails its ${verification.brokenAt.reason} check.`).fillColor('black');
    }
    doc.font('Helvetica').fontSize(8).moveDown().text(`Printed ${input.printedAt.toISOString()} by ${input.printedBy}. Anyone can verify: SHA-256 over canonical JSON of each entry, chained per item (see GET /api/evidence/items/${item.itemId}/custody/verify).`);
    doc.end();
  });
}
