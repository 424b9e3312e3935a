export const investigationStream = (investigationId: string): string => `investigation-${investigationId}`;
