import { describe, expect, it } from 'vitest';
import { RoomSwitcher, type SwitchState, type SwitchableRoom } from '../../client/src/features/video/room-switcher.ts';
import type { Result } from '../../client/src/lib/session.svelte.ts';
import type { VideoToken } from '../../shared/video.ts';

/** A stand-in for LiveKit's Room: records what the switcher does to it, and can be told to fail or wait. */
class StandInRoom implements SwitchableRoom {
  log: string[] = [];
  connected = false;
  tracks: string[] = [];
  constructor(
    readonly id: number,
    private readonly journal: string[],
    private readonly behaviour: { failConnect?: boolean; connectGate?: Promise<void> } = {},
  ) {}
  async prepareConnection(_url: string, token: string) {
    this.journal.push(`prepare#${this.id}:${token}`);
  }
  async connect(_url: string, token: string) {
    this.journal.push(`connect#${this.id}:${token}`);
    await this.behaviour.connectGate;
    if (this.behaviour.failConnect) throw new Error('could not establish signal connection');
    this.connected = true;
  }
  async disconnect(stopTracks = true) {
    this.journal.push(`disconnect#${this.id}${stopTracks ? '' : ':keep'}`);
    this.connected = false;
  }
}

const token = (roomId: string, label = roomId): VideoToken => ({
  url: 'ws://lk',
  token: `tok-${roomId}`,
  roomId,
  roomLabel: label,
  roomName: `indaba.w.${roomId}`,
  expiresAt: 0,
  permissions: { camera: true, microphone: true, screenShare: false },
});

function setup(options: { tokens?: (key: string) => Result<VideoToken>; behaviours?: Record<number, ConstructorParameters<typeof StandInRoom>[2]> } = {}) {
  const journal: string[] = [];
  const rooms: StandInRoom[] = [];
  const states: SwitchState[] = [];
  const stopped: string[] = [];
  let clock = 0;
  const switcher = new RoomSwitcher<StandInRoom, string>({
    createRoom: () => {
      const room = new StandInRoom(rooms.length + 1, journal, options.behaviours?.[rooms.length + 1]);
      rooms.push(room);
      return room;
    },
    fetchToken: async (key) => {
      journal.push(`token:${key}`);
      clock += 40;
      return options.tokens?.(key) ?? { ok: true, data: token(key, key === 'plenary' ? 'Plenary' : `Room ${key}`) };
    },
    tracks: {
      keep: (from) => from.tracks.splice(0),
      publish: async (to, tracks) => void to.tracks.push(...tracks),
      stop: (tracks) => void stopped.push(...tracks),
    },
    onChange: (s) => states.push(s),
    now: () => clock,
    connectFailed: 'Could not connect to the video server.',
  });
  return { switcher, journal, rooms, states, stopped };
}

describe('RoomSwitcher (client room switching, against a stand-in Room)', () => {
  it('joins with a token from the server, warming the connection first', async () => {
    const { switcher, journal, states } = setup();
    await switcher.switchTo('plenary', 'Plenary');
    expect(journal).toEqual(['token:plenary', 'prepare#1:tok-plenary', 'connect#1:tok-plenary']);
    expect(states.map((s) => s.phase)).toEqual(['joining', 'connected']);
    expect(states.at(-1)).toMatchObject({ room: { id: 'plenary', label: 'Plenary', name: 'indaba.w.plenary' }, switches: 1, lastSwitchMs: 40 });
  });

  it('moves to the next room: "moving" with its name, fresh token, leave keeping tracks, join, carry the camera and mic', async () => {
    const { switcher, journal, rooms, states } = setup();
    await switcher.switchTo('plenary', 'Plenary');
    rooms[0]!.tracks.push('camera', 'microphone');
    journal.length = 0;
    await switcher.switchTo('r3', 'Table 3');
    expect(states.find((s) => s.phase === 'moving')).toMatchObject({ target: 'Table 3', room: { id: 'plenary' } });
    expect(journal).toEqual(['token:r3', 'prepare#2:tok-r3', 'disconnect#1:keep', 'connect#2:tok-r3']);
    expect(rooms[1]!.tracks).toEqual(['camera', 'microphone']);
    expect(switcher.room).toBe(rooms[1]);
    expect(states.at(-1)).toMatchObject({ phase: 'connected', room: { id: 'r3', label: 'Room r3' }, switches: 2, target: null });
  });

  it('goes where the token says, not where the client thought', async () => {
    const { switcher, states } = setup({ tokens: () => ({ ok: true, data: token('plenary', 'Plenary') }) });
    await switcher.switchTo('r9', 'Room 9');
    expect(states.at(-1)?.room?.id).toBe('plenary');
  });

  it('when the server refuses a token: leaves the old room and says why', async () => {
    let refuse = false;
    const { switcher, journal, states } = setup({
      tokens: (key) => (refuse ? { ok: false, error: { code: 'forbidden', message: 'A facilitator removed you from the video.' } } : { ok: true, data: token(key) }),
    });
    await switcher.switchTo('plenary', 'Plenary');
    refuse = true;
    await switcher.switchTo('r1', 'Room 1');
    expect(journal.at(-1)).toBe('disconnect#1');
    expect(switcher.room).toBeNull();
    expect(states.at(-1)).toMatchObject({ phase: 'failed', problem: 'A facilitator removed you from the video.' });
  });

  it('when connecting fails: turns off the carried camera and says what to do', async () => {
    const { switcher, rooms, states, stopped } = setup({ behaviours: { 2: { failConnect: true } } });
    await switcher.switchTo('plenary', 'Plenary');
    rooms[0]!.tracks.push('camera');
    await switcher.switchTo('r2', 'Room 2');
    expect(stopped).toEqual(['camera']);
    expect(switcher.room).toBeNull();
    expect(states.at(-1)?.phase).toBe('failed');
    expect(states.at(-1)).toMatchObject({ problem: 'Could not connect to the video server.', detail: 'could not establish signal connection' });
  });

  it('the latest move wins: a move overtaken while connecting is abandoned and its room closed', async () => {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { switcher, rooms, states } = setup({ behaviours: { 2: { connectGate: gate } } });
    await switcher.switchTo('plenary', 'Plenary');
    const slow = switcher.switchTo('r1', 'Room 1');
    await new Promise((r) => setTimeout(r, 0));
    const fast = switcher.switchTo('r2', 'Room 2');
    await fast;
    open();
    await slow;
    expect(switcher.room).toBe(rooms[2]);
    expect(rooms[1]!.connected).toBe(false);
    expect(states.at(-1)).toMatchObject({ phase: 'connected', room: { id: 'r2' } });
  });

  it('reports a room that ended by itself (video ended, removed) and ignores news from rooms already left', async () => {
    const { switcher, rooms, states } = setup();
    await switcher.switchTo('plenary', 'Plenary');
    await switcher.switchTo('r1', 'Room 1');
    switcher.lost(rooms[0]!, 'old room');
    expect(states.at(-1)?.phase).toBe('connected');
    switcher.lost(rooms[1]!, 'The facilitator ended the video in this room.');
    expect(states.at(-1)).toMatchObject({ phase: 'ended', problem: 'The facilitator ended the video in this room.' });
    await switcher.close();
    expect(states.at(-1)?.phase).toBe('idle');
  });
});

describe('speaking reports', () => {
  it('sends each interval as an airtime report for the room, in order, skipping empty ones', async () => {
    const { speakingReporter } = await import('../../client/src/features/video/speaking-reports.ts');
    const sent: unknown[] = [];
    const report = speakingReporter(async (c) => {
      sent.push(c);
      return { ok: true, data: { version: 1 } };
    });
    report({ roomId: 'r1', intervals: [{ from: 1_000, to: 4_000 }, { from: 5_000, to: 5_000 }, { from: 6_000, to: 9_000 }] });
    await new Promise((r) => setTimeout(r, 10));
    expect(sent).toEqual([
      { type: 'turn.airtime.report', roomId: 'r1', from: 1_000, to: 4_000 },
      { type: 'turn.airtime.report', roomId: 'r1', from: 6_000, to: 9_000 },
    ]);
  });
});
