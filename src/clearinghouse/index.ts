// What other domains and the wiring use of the clearinghouse: its transports (the sandbox plays
// the server side over the same ones), reading what an inbound file is, and adding connections.
export { folderTransport, type FolderSettings } from './transports/folder.ts';
export { connectSftp, fingerprintOf, type SftpSettings } from './transports/sftp.ts';
export {
  TransportError,
  type RemoteFile,
  type Transport,
  type TransportFailure,
} from './transports/transport.ts';
export { handlerKeyOf, recogniseInbound, type Recognised } from './recognise.ts';
export {
  addFolderConnections,
  addHttpConnections,
  type FolderConnectionRow,
  type HttpConnectionRow,
} from './add-connections.ts';
// Real-time 270/271 and 276/277 over a practice's http connection, each exchange logged.
export { sendRealtime, type RealtimeRequest } from './realtime.ts';
// What the eligibility and claim status domains hand over as batch files, and the wiring's upload hook.
export type { OutboundDelivery, OutboundKind } from './outbound.ts';
