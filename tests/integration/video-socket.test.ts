import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { VideoToken } from '../../shared/video.ts';
import { createWorkshop, hostOf, joinAs } from '../sim/index.ts';
import { signWebhook, webhookBody } from '../support/livekit-webhook.ts';
import { TwirpLiveKit } from '../support/twirp-livekit.ts';
import { people, testServer } from './harness.ts';

const KEY = 'devkey';
const SECRET = 'integration-secret-integration-secret';

describe('video with LiveKit configured (Twirp stand-in for its RoomService)', async () => {
  const twirp = await TwirpLiveKit.start(KEY, SECRET);
  afterAll(() => twirp.close());
  const server = await testServer({ env: { LIVEKIT_URL: twirp.url, LIVEKIT_API_KEY: KEY, LIVEKIT_API_SECRET: SECRET } });
  const crowd = people();
  const verifier = new TokenVerifier(KEY, SECRET);

  it('says video is on, and gives a participant a token over the socket for their own room only', async () => {
    const info = (await (await fetch(`${server.url}/api/instance`)).json()) as { video: { enabled: boolean } };
    expect(info.video.enabled).toBe(true);
    const w = await createWorkshop(server.url, { title: 'Video', profileFields: [] });
    const p = crowd.add(await joinAs(server.url, w.code, { name: 'Chidi' }));
    expect(p.view?.video.enabled).toBe(true);

    // naming another room does not help: the server issues for the room the workshop says
    const result = await p.socket.emitWithAck('video.token', { roomId: 'someone-elses-breakout' });
    if (!result.ok) throw new Error(result.error.message);
    const token = VideoToken.parse(result.data);
    expect(token.url).toBe(twirp.url);
    expect(token.roomName).toBe(`indaba.${w.workshopId}.plenary`);
    const claims = await verifier.verify(token.token);
    expect(claims.video?.room).toBe(`indaba.${w.workshopId}.plenary`);
    expect(claims.sub).toBe(p.session?.memberId);
    expect(claims.name).toBe('Chidi');
    expect(claims.video?.canPublishSources).toEqual(['camera', 'microphone']);
    expect(twirp.callsTo('CreateRoom').some((c) => c.body.name === token.roomName)).toBe(true);
  });

  it('refuses bad payloads and people who have not joined', async () => {
    const w = await createWorkshop(server.url, { title: 'Video 2', profileFields: [] });
    const p = crowd.add(await joinAs(server.url, w.code, { name: 'Dalia' }));
    expect(await p.socket.emitWithAck('video.token', { roomId: '../../etc' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    // @ts-expect-error: a hostile client sends a control that does not exist
    expect(await p.socket.emitWithAck('video.control', { type: 'kick-everyone' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await p.socket.emitWithAck('video.control', { type: 'end', roomId: 'plenary' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await p.socket.emitWithAck('video.presence')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('lets the host mute and remove a person over the socket; a removed person gets no new token', async () => {
    const w = await createWorkshop(server.url, { title: 'Video 3', profileFields: [] });
    const host = crowd.add(await hostOf(server.url, w));
    const p = crowd.add(await joinAs(server.url, w.code, { name: 'Emeka' }));
    const memberId = p.session?.memberId ?? '';
    const room = `indaba.${w.workshopId}.plenary`;
    twirp.addParticipant(room, memberId, [{ sid: 'TR_mic_e', type: 'AUDIO', source: 'MICROPHONE', muted: false }]);

    expect(await host.socket.emitWithAck('video.control', { type: 'mute', memberId })).toEqual({ ok: true, data: { done: 'mute' } });
    expect(twirp.callsTo('MutePublishedTrack').at(-1)?.body).toEqual({ room, identity: memberId, trackSid: 'TR_mic_e', muted: true });

    expect(await host.socket.emitWithAck('video.control', { type: 'remove', memberId })).toMatchObject({ ok: true });
    expect(twirp.callsTo('RemoveParticipant').at(-1)?.body).toMatchObject({ room, identity: memberId });
    expect(await p.socket.emitWithAck('video.token', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // the rest of the workshop still works for them
    await p.command({ type: 'hand.raise' });
    await p.untilView((v) => v.hand.raised);
  });

  it('takes a person removed from the workshop out of its video too', async () => {
    const w = await createWorkshop(server.url, { title: 'Video 5', profileFields: [] });
    const host = crowd.add(await hostOf(server.url, w));
    const p = crowd.add(await joinAs(server.url, w.code, { name: 'Gugu' }));
    const memberId = p.session?.memberId ?? '';
    const room = `indaba.${w.workshopId}.plenary`;
    twirp.addParticipant(room, memberId, []);
    await host.command({ type: 'member.remove', memberId });
    await expect.poll(() => twirp.rooms.get(room)?.has(memberId)).toBe(false);
    expect(twirp.callsTo('RemoveParticipant').at(-1)?.body).toMatchObject({ room, identity: memberId });
  });

  it('takes signed LiveKit webhooks on /livekit/webhook, refuses forged ones, and shows facilitators who is in video', async () => {
    const w = await createWorkshop(server.url, { title: 'Video 4', profileFields: [] });
    const host = crowd.add(await hostOf(server.url, w));
    const room = `indaba.${w.workshopId}.plenary`;
    const post = (body: string, authorization?: string) =>
      fetch(`${server.url}/livekit/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/webhook+json', ...(authorization ? { authorization } : {}) },
        body,
      });
    const body = webhookBody('participant_joined', room, { identity: 'someone-1', name: 'Farah' });
    const signature = await signWebhook(body, KEY, SECRET);

    expect((await post(body)).status).toBe(401);
    expect((await post(body.replace('Farah', 'Mallory'), signature)).status).toBe(401);
    expect((await post(body, await signWebhook(body, KEY, 'a-different-secret-a-different-se'))).status).toBe(401);
    const accepted = await post(body, signature);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ ok: true, duplicate: false });
    expect(await (await post(body, signature)).json()).toEqual({ ok: true, duplicate: true });

    const seen = await host.socket.emitWithAck('video.presence');
    expect(seen).toMatchObject({ ok: true, data: { webhooks: true, rooms: [{ roomId: 'plenary', members: [{ memberId: 'someone-1', name: 'Farah' }] }] } });
  });
});

describe('video off (no LIVEKIT_* settings)', async () => {
  const server = await testServer();
  const crowd = people();

  it('says video is off, points to the README, and everything else works', async () => {
    const w = await createWorkshop(server.url, { title: 'No video', profileFields: [] });
    const p = crowd.add(await joinAs(server.url, w.code, { name: 'Gift' }));
    expect(p.view?.video.enabled).toBe(false);
    const result = await p.socket.emitWithAck('video.token', {});
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Video is off.*README/) } });
    const webhook = await fetch(`${server.url}/livekit/webhook`, { method: 'POST', headers: { 'content-type': 'application/webhook+json' }, body: '{}' });
    expect(webhook.status).toBe(404);
    await p.command({ type: 'hand.raise' });
    await p.untilView((v) => v.hand.raised);
  });
});
