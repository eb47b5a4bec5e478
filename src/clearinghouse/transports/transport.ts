/** One file waiting in an inbound folder. */
export interface RemoteFile {
  folder: string;
  name: string;
  size: number;
}

/**
 * How files travel to and from a clearinghouse. Uploads are atomic (a temporary name, then a
 * rename), so the clearinghouse never picks up half a batch, and a retried upload leaves the file
 * once; received files are moved to the folder's archive/ after they are stored.
 */
export interface Transport {
  upload(fileName: string, content: string): Promise<{ path: string }>;
  /** Files waiting in the inbound folders (not the archive). */
  listInbound(): Promise<RemoteFile[]>;
  download(file: RemoteFile): Promise<string>;
  archive(file: RemoteFile): Promise<void>;
  /** The folders and what is in them: what "test connection" shows. */
  describe(): Promise<{ folder: string; files: string[] }[]>;
  close(): Promise<void>;
}

export type TransportFailure =
  | 'HOST_KEY_MISMATCH'
  | 'AUTH_FAILED'
  | 'PERMISSION_DENIED'
  | 'UNREACHABLE'
  | 'TIMEOUT'
  | 'DROPPED'
  | 'NOT_FOUND'
  | 'FAILED';

/** Why a transport could not do its work, in words a biller can act on; `seenFingerprint` for a host key. */
export class TransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    message: string,
    readonly seenFingerprint?: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export const ARCHIVE = 'archive';
export const partName = (fileName: string) => `.${fileName}.${process.pid}.${Date.now()}.part`;
