import { APIRequestContext, expect } from '@playwright/test';
import { tokenFor } from './support';

export interface ArrangedItem {
  id: string;
  labelNumber: string;
  sealNumber: string;
  version: number;
}

/** A seized item registered by a detective (pieter.janssens unless named) on a PV number, through the API. */
export async function seizedItem(
  request: APIRequestContext,
  description: string,
  options: { by?: string; category?: string } = {},
): Promise<ArrangedItem> {
  const token = await tokenFor(request, options.by ?? 'pieter.janssens');
  const sealNumber = `S-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  const res = await request.post('/api/evidence/items', {
    headers: { authorization: `Bearer ${token}` },
    data: {
      pvNumber: 'GE.55.L5.001234/2026',
      description,
      category: options.category ?? 'phone_or_data_carrier',
      quantity: { amount: 1, unit: 'stuk' },
      sealNumber,
      packaging: 'verzegelde bewijszak',
      condition: 'krassen op de behuizing',
      seizedBy: '5415-0201',
      seizedAt: new Date(Date.now() - 3_600_000).toISOString(),
      seizedPlace: 'Sint-Pietersnieuwstraat 41, 9000 Gent',
      legalBasis: 'art. 35 Sv.',
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { id: string; version: number; item: { labelNumber: string } };
  return { id: body.id, labelNumber: body.item.labelNumber, sealNumber, version: body.version };
}

/** A POST to the evidence API as a demo user; the answer's JSON. */
export async function evidencePost<T = { version: number }>(
  request: APIRequestContext,
  username: string,
  path: string,
  data: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await request.post(`/api/evidence${path}`, {
    headers: { authorization: `Bearer ${await tokenFor(request, username)}`, ...headers },
    data,
  });
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as T;
}

/** The item handed to the storage room by its seizing officer and checked in at `location` by the evidence desk. */
export async function storedItem(
  request: APIRequestContext,
  description: string,
  location: { room: string; locker?: string; shelf?: string },
  category?: string,
): Promise<ArrangedItem> {
  const item = await seizedItem(request, description, { category });
  const offered = await evidencePost<{ handoverId: string }>(
    request,
    'pieter.janssens',
    `/items/${item.id}/handovers`,
    { to: { kind: 'storage_room', id: 'bewaarplaats-apg' }, purpose: 'storage', method: 'hand_delivery', sealIntact: true },
    { 'If-Match': `"${item.version}"` },
  );
  await evidencePost(request, 'marc.goossens', `/items/${item.id}/handovers/${offered.handoverId}/accept`, {
    sealNumberFound: item.sealNumber,
    sealIntact: true,
    condition: 'intact',
    place: 'APG balie',
  });
  await evidencePost(request, 'marc.goossens', `/items/${item.id}/check-in`, { location });
  return item;
}
