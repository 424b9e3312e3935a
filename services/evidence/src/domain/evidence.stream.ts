export const itemStream = (itemId: string): string => `evidence-item-${itemId}`;

export const inventoryStream = (inventoryId: string): string => `evidence-inventory-${inventoryId}`;

export const foundObjectStream = (foundObjectId: string): string => `evidence-found-object-${foundObjectId}`;
