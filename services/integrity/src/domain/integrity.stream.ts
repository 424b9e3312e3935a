export const integrityComplaintStream = (complaintId: string): string => `integrity-complaint-${complaintId}`;
/** One stream per order measure: each has its own life (extensions, lifting) and its own version (ETag). */
export const integrityOrderMeasureStream = (measureId: string): string => `integrity-order-measure-${measureId}`;
export const integrityThreatFileStream = (threatFileId: string): string => `integrity-threat-file-${threatFileId}`;
/** One stream per data-subject request, in the DPO's register (ADR 0056). */
export const integrityDataSubjectRequestStream = (requestId: string): string => `integrity-dsr-${requestId}`;
