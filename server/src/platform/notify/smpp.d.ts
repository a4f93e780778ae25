// The `smpp` package (v0.5) ships no types. This declares only what the SMPP provider and the test SMSC
// use; a PDU's parameters and TLVs are plain fields on it, so they are read as `unknown` and checked.
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  namespace smpp {
    type PduFields = Record<string, unknown>;
    type ResponseCallback = (pdu: PDU) => void;

    class PDU {
      constructor(command: string, options?: PduFields);
      command: string;
      command_id: number;
      command_status: number;
      sequence_number: number;
      isResponse(): boolean;
      /** The response to this request, with the same sequence number. */
      response(options?: PduFields): PDU;
      [field: string]: unknown;
    }

    /** One SMPP connection, an ESME's (smpp.connect) or an SMSC's (a server's session). */
    class Session extends EventEmitter {
      readonly socket: Socket;
      /** Sends a PDU; a request's response reaches `onResponse`. False when the socket is not writable. */
      send(pdu: PDU, onResponse?: ResponseCallback, onSent?: ResponseCallback): boolean;
      close(callback?: () => void): void;
      destroy(callback?: () => void): void;
      pause(): void;
      resume(): void;
      bind_transceiver(options: PduFields, onResponse?: ResponseCallback): boolean;
      submit_sm(options: PduFields, onResponse?: ResponseCallback): boolean;
      deliver_sm(options: PduFields, onResponse?: ResponseCallback): boolean;
      enquire_link(options: PduFields, onResponse?: ResponseCallback): boolean;
      unbind(options: PduFields, onResponse?: ResponseCallback): boolean;
    }

    class Server extends NetServer {
      /** The sessions whose sockets are open. */
      readonly sessions: Session[];
    }

    interface TlvType {
      read(buffer: Buffer, offset: number, length: number): unknown;
    }

    function connect(options: { url: string; auto_enquire_link_period?: number }, listener?: () => void): Session;
    function createServer(listener: (session: Session) => void): Server;
    function addTLV(tag: string, options: { id: number; type: TlvType; multiple?: boolean }): void;

    const types: { tlv: { int8: TlvType; int16: TlvType; int32: TlvType; cstring: TlvType; string: TlvType; buffer: TlvType } };
    const tlvs: Record<string, { id: number }>;
    /** ESME_ROK, ESME_RTHROTTLED, … → their command_status. */
    const errors: Record<string, number>;
  }

  export = smpp;
}
