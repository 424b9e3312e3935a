import PDFDocument from 'pdfkit';
import { ComplaintChannel, ForwardingChannel, OversightBody } from '../../domain/complaint.events';
import { ComplaintFile, FileForwarding } from '../../read-model/complaints/complaint.file';

const CHANNEL_NAME: Record<ComplaintChannel, string> = {
  desk_report: 'aangifte aan de balie',
  mail: 'e-mail',
  letter: 'brief',
  via_mayor: 'via de burgemeester',
  via_comite_p: 'via Comité P',
  via_aig: 'via AIG',
  online_form: 'onlineformulier',
};
const FORWARDING_CHANNEL_NAME: Record<ForwardingChannel, string> = {
  email: 'e-mail',
  letter: 'brief',
  registered_letter: 'aangetekende brief',
  platform: 'uw platform',
};
/** A calendar day as Belgians write it: 2026-03-02 → 02/03/2026. */
const day = (iso: string): string => iso.slice(0, 10).split('-').reverse().join('/');
const brusselsTime = (at: Date): string =>
  at.toLocaleString('nl-BE', {
    timeZone: 'Europe/Brussels',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

const BODY_NAME: Record<OversightBody, string> = {
  comite_p: 'Vast Comité van Toezicht op de politiediensten (Comité P)',
  aig: 'Algemene Inspectie van de federale politie en van de lokale politie (AIG)',
};

/**
 * The forwarding document (PDF) that goes with a complaint to Comité P or AIG (R-INT-1): the register
 * number, the complaint as received, and how and when it was forwarded.
 */
export function forwardingPdf(input: {
  file: ComplaintFile;
  body: OversightBody;
  forwarding: FileForwarding;
  printedAt: Date;
  printedBy: string;
}): Promise<Buffer> {
  const { file, body, forwarding } = input;
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: `Doorzending klacht ${file.registerNumber ?? file.complaintId}`, Author: 'Police case platform' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc
      .font('Helvetica-Bold')
      .fontSize(15)
      .text(
        forwarding.basis === 'origin'
          ? 'Ontvangstmelding klacht / Acknowledgement of a complaint'
          : 'Doorzending klacht / Forwarding of a complaint',
      );
    doc.moveDown(0.5).font('Helvetica').fontSize(10);
    doc.text(`Aan: ${BODY_NAME[body]}`);
    doc.text(`Registernummer korps: ${file.registerNumber ?? '(nog niet ingeboekt)'}`);
    doc.text(
      `Ontvangen op: ${day(file.receivedOn)} — kanaal: ${CHANNEL_NAME[file.channel] ?? file.channel}${file.office ? ` — ${file.office}` : ''}`,
    );
    if (file.origin)
      doc.text(`Herkomst: ${file.origin.body === 'comite_p' ? 'Comité P' : 'AIG'}, referentie ${file.origin.externalReference}`);
    doc.text(
      forwarding.basis === 'origin'
        ? `De klacht kwam van uw dienst (${day(forwarding.forwardedOn)}).`
        : `Doorgezonden op ${day(forwarding.forwardedOn)} per ${forwarding.channel ? FORWARDING_CHANNEL_NAME[forwarding.channel] : '-'}${forwarding.reference ? `; uw referentie ${forwarding.reference}` : ''}.`,
    );
    doc.moveDown();
    doc.font('Helvetica-Bold').text('Klager');
    doc.font('Helvetica').text(`${file.complainant.name}${file.complainant.contact ? ` (${file.complainant.contact})` : ''}`);
    doc.moveDown(0.5).font('Helvetica-Bold').text('Betrokken personeelsleden');
    doc.font('Helvetica').text(file.staffConcerned.length > 0 ? file.staffConcerned.join(', ') : '(niet geïdentificeerd)');
    doc.moveDown(0.5).font('Helvetica-Bold').text('Feiten');
    doc.font('Helvetica').text(file.facts);
    doc
      .moveDown(2)
      .fontSize(8)
      .fillColor('#555')
      .text(`Afgedrukt op ${brusselsTime(input.printedAt)} (Brussel) door ${input.printedBy}. Vertrouwelijk: integriteitsdossier.`);
    doc.end();
  });
}
