/** A file to register by reference: its name, type and SHA-256 (the file itself never leaves the browser). */
export interface HashedFile {
  name: string;
  mediaType: string;
  sha256: string;
  size: number;
}

/** SHA-256 of a file's bytes with the browser's SubtleCrypto, as 64 lowercase hex characters (what the API takes). */
export async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function hashFile(file: File): Promise<HashedFile> {
  return {
    name: file.name.slice(0, 200),
    mediaType: (file.type || 'application/octet-stream').slice(0, 100),
    sha256: await sha256Hex(await file.arrayBuffer()),
    size: file.size,
  };
}
