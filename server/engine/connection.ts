import type { ServerToClientEvents } from '../../shared/socket.ts';

/**
 * What the engine needs from a transport: send a message to one person's device, or close it.
 * Socket.IO implements it in server/realtime; tests implement it with an array.
 */
export interface Connection {
  readonly id: string;
  send<E extends keyof ServerToClientEvents>(event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
  close(): void;
}
