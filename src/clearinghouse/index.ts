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
export { addFolderConnections, type FolderConnectionRow } from './add-connections.ts';
