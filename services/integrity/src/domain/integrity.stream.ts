export const integrityComplaintStream = (complaintId: string): string => `integrity-complaint-${complaintId}`;
