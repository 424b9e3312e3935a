import { ItemState } from '../../domain/item.state';

/** An item as the API shows it: its folded state (custody, whereabouts, open offer, decision…) and version. */
export interface ItemView {
  id: string;
  version: number;
  item: Exclude<ItemState, { status: 'unregistered' }>;
}

export function itemView(state: ItemState, version: number): ItemView | null {
  if (state.status === 'unregistered') return null;
  return { id: state.itemId, version, item: state };
}
