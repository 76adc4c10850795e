import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { VideoService } from '../../server/video/video-service.ts';
import { TwirpLiveKit } from '../support/twirp-livekit.ts';
import { API_KEY, API_SECRET, quietLog, videoWorkshop } from '../support/video-fixtures.ts';

const PLENARY = 'indaba.ws_test-01.plenary';

describe('facilitator video controls through LiveKit RoomService (Twirp stand-in)', async () => {
  const twirp = await TwirpLiveKit.start(API_KEY, API_SECRET);
  afterAll(() => twirp.close());
  let video: VideoService;
  const state = videoWorkshop();

  beforeEach(() => {
    twirp.calls.length = 0;
    twirp.rooms.clear();
    video = new VideoService({ url: twirp.url, apiKey: API_KEY, apiSecret: API_SECRET }, quietLog);
    twirp.addParticipant(PLENARY, 'part-1', [
      { sid: 'TR_cam', type: 'VIDEO', source: 'CAMERA', muted: false },
      { sid: 'TR_mic', type: 'AUDIO', source: 'MICROPHONE', muted: false },
    ]);
  });

  it('mutes the microphone a person publishes: looks up their tracks, then mutes only the microphone', async () => {
    expect(await video.control(state, 'host-1', { type: 'mute', memberId: 'part-1' })).toEqual({ ok: true, data: { done: 'mute' } });
    expect(twirp.calls.map((c) => c.method)).toEqual(['GetParticipant', 'MutePublishedTrack']);
    const [lookup, mute] = twirp.calls;
    expect(lookup?.body).toEqual({ room: PLENARY, identity: 'part-1' });
    expect(mute?.body).toEqual({ room: PLENARY, identity: 'part-1', trackSid: 'TR_mic', muted: true });
    // RoomService calls carry an admin grant for that one room, signed with our key
    expect(mute?.claims?.video).toMatchObject({ roomAdmin: true, room: PLENARY });
    expect(mute?.claims?.iss).toBe(API_KEY);
    expect(twirp.rooms.get(PLENARY)?.get('part-1')?.find((t) => t.sid === 'TR_mic')?.muted).toBe(true);
  });

  it('says so when the person is not connected to the video, or has no microphone', async () => {
    const absent = await video.control(state, 'cohost-1', { type: 'mute', memberId: 'part-2' });
    expect(absent).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Dalia is not connected to the video in Plenary.' } });
    twirp.addParticipant(PLENARY, 'part-2', [{ sid: 'TR_c2', type: 'VIDEO', source: 'CAMERA', muted: false }]);
    const silent = await video.control(state, 'cohost-1', { type: 'mute', memberId: 'part-2' });
    expect(silent).toMatchObject({ ok: false, error: { message: 'Dalia has no microphone on.' } });
    expect(twirp.callsTo('MutePublishedTrack')).toHaveLength(0);
  });

  it('removes a person with token revocation, and refuses them a new token for that room until allowed back', async () => {
    const before = Date.now();
    expect(await video.control(state, 'host-1', { type: 'remove', memberId: 'part-1' })).toMatchObject({ ok: true });
    const [remove] = twirp.callsTo('RemoveParticipant');
    expect(remove?.body).toMatchObject({ room: PLENARY, identity: 'part-1' });
    // LiveKit refuses tokens issued before this moment (seconds, as a JSON int64 string)
    expect(Number(remove?.body.revokeTokenTs)).toBeGreaterThanOrEqual(Math.floor(before / 1000));
    expect(remove?.claims?.video).toMatchObject({ roomAdmin: true, room: PLENARY });
    expect(twirp.rooms.get(PLENARY)?.has('part-1')).toBe(false);

    const refused = await video.tokenFor(state, 'part-1');
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await video.tokenFor(state, 'part-2')).ok).toBe(true);
    expect(video.presenceFor(state, 'host-1')).toMatchObject({ ok: true, data: { removed: [{ roomId: 'plenary', memberId: 'part-1' }] } });

    expect(await video.control(state, 'cohost-1', { type: 'allow', memberId: 'part-1' })).toMatchObject({ ok: true });
    expect((await video.tokenFor(state, 'part-1')).ok).toBe(true);
  });

  it("ends a room's video with DeleteRoom (room-create grant); ending a room that is not open is fine", async () => {
    expect(await video.control(state, 'host-1', { type: 'end', roomId: 'plenary' })).toMatchObject({ ok: true });
    const [del] = twirp.callsTo('DeleteRoom');
    expect(del?.body).toEqual({ room: PLENARY });
    expect(del?.claims?.video?.roomCreate).toBe(true);
    expect(await video.control(state, 'host-1', { type: 'end', roomId: 'plenary' })).toMatchObject({ ok: true });
    // a token after ending creates the room again
    await video.tokenFor(state, 'part-1');
    expect(twirp.callsTo('CreateRoom')).toHaveLength(1);
  });

  it('lets only hosts and co-hosts use the controls, and only the host act on the host', async () => {
    for (const control of [
      { type: 'mute', memberId: 'part-1' },
      { type: 'remove', memberId: 'part-1' },
      { type: 'allow', memberId: 'part-1' },
      { type: 'end', roomId: 'plenary' },
    ] as const) {
      for (const who of ['part-2', 'wait-1', 'gone-1', 'nobody']) {
        expect(await video.control(state, who, control)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    expect(await video.control(state, 'cohost-1', { type: 'remove', memberId: 'host-1' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(video.presenceFor(state, 'part-1')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(twirp.calls).toHaveLength(0);
    expect((await video.tokenFor(state, 'part-1')).ok).toBe(true);
  });

  it('answers a clear error when LiveKit fails, and the service keeps working', async () => {
    const wrongKey = new VideoService({ url: twirp.url, apiKey: API_KEY, apiSecret: 'not-the-secret-not-the-secret-00' }, quietLog);
    const result = await wrongKey.control(state, 'host-1', { type: 'mute', memberId: 'part-1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'server_error', message: expect.stringMatching(/Try again/) } });
    expect(twirp.calls.at(-1)?.claims).toBeNull();
  });
});
