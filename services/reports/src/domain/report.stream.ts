export const reportStream = (reportId: string): string => `report-${reportId}`;

/** A PV has its own stream: its quality-control lifecycle is separate, and a supplementary PV is a new one. */
export const pvStream = (pvId: string): string => `pv-${pvId}`;
