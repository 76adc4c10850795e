import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { currentVideoRoom, livekitRoomName, parseLivekitRoomName } from '../../server/video/current-room.ts';
import { issueJoinToken } from '../../server/video/tokens.ts';
import { VideoService, createVideoService } from '../../server/video/video-service.ts';
import { VideoToken } from '../../shared/video.ts';
import { TwirpLiveKit } from '../support/twirp-livekit.ts';
import { API_KEY, API_SECRET, quietLog, videoWorkshop } from '../support/video-fixtures.ts';

const verifier = new TokenVerifier(API_KEY, API_SECRET);

describe('video rooms: names and the current-room seam', () => {
  it('names one LiveKit room per workshop room, and reads the name back', () => {
    expect(livekitRoomName('ws_a-1', 'plenary')).toBe('indaba.ws_a-1.plenary');
    expect(parseLivekitRoomName('indaba.ws_a-1.room_3')).toEqual({ workshopId: 'ws_a-1', roomId: 'room_3' });
    expect(parseLivekitRoomName('someone-elses-room')).toBeNull();
    expect(parseLivekitRoomName('indaba.a.b.c')).toBeNull();
  });

  it('puts admitted people in the plenary, and nobody else anywhere', () => {
    const state = videoWorkshop();
    expect(currentVideoRoom(state, 'part-1')).toEqual({ roomId: 'plenary', label: 'Plenary' });
    expect(currentVideoRoom(state, 'host-1')).toEqual({ roomId: 'plenary', label: 'Plenary' });
    expect(currentVideoRoom(state, 'wait-1')).toBeNull();
    expect(currentVideoRoom(state, 'gone-1')).toBeNull();
    expect(currentVideoRoom(state, 'nobody')).toBeNull();
  });
});

describe('video tokens', () => {
  it('signs a token that only joins the named room, with identity, name and role', async () => {
    const jwt = await issueJoinToken({
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      roomName: 'indaba.ws_test-01.plenary',
      member: { id: 'part-1', name: 'Chidi', role: 'participant' },
    });
    const claims = await verifier.verify(jwt);
    expect(claims.sub).toBe('part-1');
    expect(claims.name).toBe('Chidi');
    expect(JSON.parse(claims.metadata ?? '{}')).toEqual({ role: 'participant' });
    expect(claims.video?.room).toBe('indaba.ws_test-01.plenary');
    expect(claims.video?.roomJoin).toBe(true);
    expect(claims.video?.roomAdmin).toBe(false);
    expect(claims.video?.roomCreate).toBe(false);
    // short-lived: ten minutes to join
    expect((claims.exp ?? 0) - (claims.nbf ?? 0)).toBe(600);
    await expect(new TokenVerifier(API_KEY, 'another-secret-another-secret-00').verify(jwt)).rejects.toThrow();
  });

  it('grants by role: participants publish camera and microphone; hosts and co-hosts also share their screen', async () => {
    const sourcesFor = async (role: 'host' | 'cohost' | 'participant') => {
      const jwt = await issueJoinToken({ apiKey: API_KEY, apiSecret: API_SECRET, roomName: 'r', member: { id: `id-${role}`, name: role, role } });
      const claims = await verifier.verify(jwt);
      return { sources: claims.video?.canPublishSources, data: claims.video?.canPublishData, publish: claims.video?.canPublish };
    };
    expect(await sourcesFor('participant')).toEqual({ sources: ['camera', 'microphone'], data: false, publish: true });
    expect(await sourcesFor('cohost')).toEqual({
      sources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'],
      data: true,
      publish: true,
    });
    expect((await sourcesFor('host')).sources).toContain('screen_share');
  });
});

describe('VideoService.tokenFor', async () => {
  const twirp = await TwirpLiveKit.start(API_KEY, API_SECRET);
  afterAll(() => twirp.close());
  const service = () => new VideoService({ url: twirp.url, apiKey: API_KEY, apiSecret: API_SECRET }, quietLog);

  it('gives a participant a token for their current room only, whatever room they name', async () => {
    const result = await service().tokenFor(videoWorkshop(), 'part-1');
    if (!result.ok) throw new Error(result.error.message);
    expect(VideoToken.parse(result.data)).toEqual(result.data);
    expect(result.data).toMatchObject({ roomId: 'plenary', roomLabel: 'Plenary', roomName: 'indaba.ws_test-01.plenary', url: twirp.url });
    expect(result.data.permissions).toEqual({ camera: true, microphone: true, screenShare: false });
    const claims = await verifier.verify(result.data.token);
    expect(claims.video?.room).toBe('indaba.ws_test-01.plenary');
    expect(claims.sub).toBe('part-1');
  });

  it('refuses people who are waiting, removed or unknown', async () => {
    for (const id of ['wait-1', 'gone-1', 'nobody']) {
      const result = await service().tokenFor(videoWorkshop(), id);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('forbidden');
    }
  });

  it('creates the LiveKit room with limits the first time, not for every token', async () => {
    const before = twirp.callsTo('CreateRoom').length;
    const s = service();
    await s.tokenFor(videoWorkshop(), 'part-1');
    await s.tokenFor(videoWorkshop(), 'part-2');
    const creates = twirp.callsTo('CreateRoom').slice(before);
    expect(creates).toHaveLength(1);
    expect(creates[0]?.body).toMatchObject({ name: 'indaba.ws_test-01.plenary', emptyTimeout: 300, maxParticipants: 500 });
    expect(creates[0]?.claims?.video?.roomCreate).toBe(true);
  });

  it('says plainly that video is off when LiveKit is not configured', () => {
    expect(createVideoService({}, quietLog)).toBeNull();
    expect(createVideoService({ LIVEKIT_URL: 'ws://x', LIVEKIT_API_KEY: 'k' }, quietLog)).toBeNull();
    expect(createVideoService({ LIVEKIT_URL: 'ws://x', LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 's' }, quietLog)).toBeInstanceOf(VideoService);
  });

  it('answers with a clear message, not a crash, when LiveKit cannot be reached', async () => {
    const down = new VideoService({ url: 'http://127.0.0.1:9', apiKey: API_KEY, apiSecret: API_SECRET }, quietLog);
    const result = await down.tokenFor(videoWorkshop(), 'part-1');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'server_error', message: expect.stringMatching(/video server did not answer/) });
  });
});
