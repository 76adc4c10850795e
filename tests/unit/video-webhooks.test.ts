import { describe, expect, it } from 'vitest';
import { VideoService } from '../../server/video/video-service.ts';
import { signWebhook, webhookBody } from '../support/livekit-webhook.ts';
import { API_KEY, API_SECRET, quietLog, videoWorkshop } from '../support/video-fixtures.ts';

const PLENARY = 'indaba.ws_test-01.plenary';
const service = () => new VideoService({ url: 'http://127.0.0.1:9', apiKey: API_KEY, apiSecret: API_SECRET }, quietLog);
const presence = (video: VideoService) => {
  const result = video.presenceFor(videoWorkshop(), 'host-1');
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

describe('LiveKit webhooks', () => {
  it('accepts signed events and shows facilitators who is actually in each video room', async () => {
    const video = service();
    expect(presence(video)).toEqual({ webhooks: false, rooms: [], removed: [] });
    const joined = webhookBody('participant_joined', PLENARY, { identity: 'part-1', name: 'Chidi' });
    expect(await video.webhook(joined, await signWebhook(joined, API_KEY, API_SECRET))).toMatchObject({ ok: true, duplicate: false });
    const other = webhookBody('participant_joined', 'indaba.other-workshop.plenary', { identity: 'x-1', name: 'Not ours' });
    await video.webhook(other, await signWebhook(other, API_KEY, API_SECRET));

    const seen = presence(video);
    expect(seen.webhooks).toBe(true);
    expect(seen.rooms).toEqual([{ roomId: 'plenary', members: [{ memberId: 'part-1', name: 'Chidi', joinedAt: expect.any(Number) }] }]);

    const left = webhookBody('participant_left', PLENARY, { identity: 'part-1', name: 'Chidi' });
    await video.webhook(left, `Bearer ${await signWebhook(left, API_KEY, API_SECRET)}`);
    expect(presence(video).rooms).toEqual([]);
  });

  it('refuses unsigned, wrong-key and body-tampered calls, and they change nothing', async () => {
    const video = service();
    const body = webhookBody('participant_joined', PLENARY, { identity: 'part-1', name: 'Chidi' });
    expect(await video.webhook(body, undefined)).toMatchObject({ ok: false });
    expect(await video.webhook(body, 'not-a-jwt')).toMatchObject({ ok: false });
    expect(await video.webhook(body, await signWebhook(body, API_KEY, 'some-other-secret-some-other-se'))).toMatchObject({ ok: false });
    expect(await video.webhook(body, await signWebhook(body, 'otherkey', API_SECRET))).toMatchObject({ ok: false });
    const signed = await signWebhook(body, API_KEY, API_SECRET);
    const tampered = body.replace('Chidi', 'Mallory');
    expect(await video.webhook(tampered, signed)).toMatchObject({ ok: false, reason: expect.stringMatching(/sha256/) });
    expect(presence(video)).toEqual({ webhooks: false, rooms: [], removed: [] });
  });

  it('ignores a repeated event id (LiveKit retries), and late news about a person never beats newer news', async () => {
    const video = service();
    const send = async (body: string) => video.webhook(body, await signWebhook(body, API_KEY, API_SECRET));
    const joined = webhookBody('participant_joined', PLENARY, { identity: 'part-1', name: 'Chidi' }, { id: 'EV_same', createdAt: 100 });
    expect(await send(joined)).toMatchObject({ ok: true, duplicate: false });
    await send(webhookBody('participant_left', PLENARY, { identity: 'part-1', name: 'Chidi' }, { createdAt: 101 }));
    // the same join delivered again: acknowledged, ignored
    expect(await send(joined)).toMatchObject({ ok: true, duplicate: true });
    expect(presence(video).rooms).toEqual([]);
    // a different, older join arriving late does not bring them back
    await send(webhookBody('participant_joined', PLENARY, { identity: 'part-1', name: 'Chidi' }, { createdAt: 99 }));
    expect(presence(video).rooms).toEqual([]);
  });

  it('forgets a room LiveKit finished', async () => {
    const video = service();
    const send = async (body: string) => video.webhook(body, await signWebhook(body, API_KEY, API_SECRET));
    await send(webhookBody('participant_joined', PLENARY, { identity: 'part-1', name: 'Chidi' }));
    await send(webhookBody('participant_joined', PLENARY, { identity: 'part-2', name: 'Dalia' }));
    expect(presence(video).rooms[0]?.members).toHaveLength(2);
    await send(webhookBody('room_finished', PLENARY));
    expect(presence(video).rooms).toEqual([]);
  });
});
