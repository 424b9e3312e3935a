import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { APIRequestContext, Browser, chromium, expect, Page } from '@playwright/test';
import { as } from './investigations.support';
import { tokenFor } from './support';

export const DIST = path.resolve(__dirname, '..', '..', '..', 'dist', 'console-e2e');

/** What the evidence API answers for an item (as much as the arrangers need). */
export interface Item {
  id: string;
  version: number;
  item: { labelNumber: string; sealNumber: string };
}

/** An item registered through the API by a demo user (arranging; the flow under test is in the browser). */
export async function registeredItem(request: APIRequestContext, username: string, extra: Record<string, unknown> = {}): Promise<Item> {
  const headers = { authorization: `Bearer ${await tokenFor(request, username)}`, 'Idempotency-Key': randomUUID() };
  const data = {
    pvNumber: 'GE.55.L5.004242/2026',
    description: 'Gsm Samsung, zwart, barst in het scherm',
    category: 'phone_or_data_carrier',
    quantity: { amount: 1, unit: 'stuk' },
    sealNumber: 'S-500100',
    packaging: 'verzegelde bewijszak',
    condition: 'barst in het scherm',
    seizedBy: '5415-0201',
    seizedAt: '2026-11-20T09:30:00+01:00',
    seizedPlace: 'Korenmarkt 1, 9000 Gent',
    legalBasis: 'art. 35 Sv.',
    ...extra,
  };
  // A case opened a moment ago reaches the evidence service's case directory over the bus: until then
  // the item is refused as for an unknown investigation (422), so the same registration is retried.
  let answer: { status: number; body: Item } = { status: 0, body: undefined as unknown as Item };
  await expect
    .poll(async () => {
      const res = await request.post('/api/evidence/items', { headers, data });
      answer = { status: res.status(), body: (await res.json()) as Item };
      return answer.status;
    })
    .toBe(201);
  return answer.body;
}

/** The item handed by its custodian to the evidence desk's storage room, accepted there (optionally with another seal found). */
export async function handedToDesk(request: APIRequestContext, from: string, item: Item, found: { seal?: string } = {}): Promise<void> {
  const offerer = await as(request, from);
  const offered = await offerer.post(
    `/api/evidence/items/${item.id}/handovers`,
    { to: { kind: 'storage_room', id: 'bewaarplaats-apg' }, purpose: 'storage', method: 'hand_delivery', sealIntact: true },
    { 'If-Match': `"${item.version}"`, 'Idempotency-Key': randomUUID() },
  );
  const desk = await as(request, 'marc.goossens');
  await desk.post(`/api/evidence/items/${item.id}/handovers/${offered.handoverId}/accept`, {
    sealNumberFound: found.seal ?? item.item.sealNumber,
    sealIntact: true,
    condition: 'barst in het scherm',
    place: 'Balie overtuigingsstukken APG',
  });
}

/**
 * A still picture (a PNG drawn by the page from `src`: the API's SVG label or any image) as a Y4M
 * video file of one 640 × 480 frame (I420), which Chromium's fake camera plays in a loop. The PNG is
 * kept beside the screenshots, to be looked at.
 */
export async function cameraFileOf(page: Page, src: string, name: string): Promise<string> {
  const { png, rgba, width, height } = await page.evaluate(async (source) => {
    const img = new Image();
    img.src = source;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 640, 480);
    // The label held at the camera: 560 px wide, centred.
    const w = 560;
    const h = Math.round((img.naturalHeight / img.naturalWidth) * w) || 249;
    ctx.drawImage(img, 40, Math.round((480 - h) / 2), w, h);
    const data = ctx.getImageData(0, 0, 640, 480).data;
    return { png: canvas.toDataURL('image/png'), rgba: Array.from(data), width: 640, height: 480 };
  }, src);
  mkdirSync(path.join(DIST, 'camera'), { recursive: true });
  writeFileSync(path.join(DIST, 'camera', `${name}.png`), Buffer.from(png.split(',')[1], 'base64'));
  const file = path.join(DIST, 'camera', `${name}.y4m`);
  writeFileSync(file, y4m(Uint8Array.from(rgba), width, height));
  return file;
}

/** One frame of RGBA pixels as a YUV4MPEG2 file (4:2:0, BT.601 full range). */
function y4m(rgba: Uint8Array, width: number, height: number): Buffer {
  const y = Buffer.alloc(width * height);
  const u = Buffer.alloc((width / 2) * (height / 2));
  const v = Buffer.alloc((width / 2) * (height / 2));
  const at = (x: number, yy: number) => (yy * width + x) * 4;
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const i = at(col, row);
      y[row * width + col] = Math.round(0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]);
    }
  }
  for (let row = 0; row < height; row += 2) {
    for (let col = 0; col < width; col += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ]) {
        const i = at(col + dx, row + dy);
        r += rgba[i] / 4;
        g += rgba[i + 1] / 4;
        b += rgba[i + 2] / 4;
      }
      const k = (row / 2) * (width / 2) + col / 2;
      u[k] = Math.max(0, Math.min(255, Math.round(-0.168736 * r - 0.331264 * g + 0.5 * b + 128)));
      v[k] = Math.max(0, Math.min(255, Math.round(0.5 * r - 0.418688 * g - 0.081312 * b + 128)));
    }
  }
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), Buffer.from('FRAME\n'), y, u, v]);
}

/** A Chromium whose camera shows `file` (a Y4M video), with the camera allowed; launched as the config launches its own. */
export async function browserWithCamera(file: string): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${file}`,
    ],
  });
}

/** Text of a PDF, page by page (unpdf: pdf.js without a canvas), and its pages' sizes in points. */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: string[]; sizes: { width: number; height: number }[] }> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  // pdf.js takes a plain Uint8Array, not a Node Buffer (what page.pdf() answers).
  const pdf = await getDocumentProxy(Uint8Array.from(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  const sizes = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const vp = (await pdf.getPage(i)).getViewport({ scale: 1 });
    sizes.push({ width: Math.round(vp.width), height: Math.round(vp.height) });
  }
  return { pages: text as string[], sizes };
}
