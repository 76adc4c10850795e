import { describe, expect, it } from 'vitest';
import { failureOf, mediaErrorKey } from '../../client/src/features/video/media-errors.ts';
import { loadPreferences, savePreferences } from '../../client/src/features/video/preferences.ts';
import en from '../../client/src/lib/i18n/en.ts';

const dom = (name: string) => Object.assign(new Error('x'), { name });
const message = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en);

describe('camera and microphone problems', () => {
  it('tells refused, missing and busy devices apart, with what to do next', () => {
    expect(failureOf(dom('NotAllowedError'))).toBe('PermissionDenied');
    expect(failureOf(dom('NotFoundError'))).toBe('NotFound');
    expect(failureOf(dom('NotReadableError'))).toBe('DeviceInUse');
    expect(failureOf('weird')).toBe('Other');
    expect(message(mediaErrorKey('camera', 'PermissionDenied'))).toMatch(/Allow it in the address bar/);
    expect(message(mediaErrorKey('microphone', 'NotFound'))).toMatch(/No microphone was found.*you can still listen/);
    expect(message(mediaErrorKey('camera', 'DeviceInUse'))).toMatch(/in use by another app\. Close that app/);
    expect(message(mediaErrorKey('screen', 'PermissionDenied'))).toMatch(/Screen sharing was not allowed/);
  });
});

describe('video preferences on this device', () => {
  const memoryStore = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
  };

  it('remembers audio-only mode and the chosen devices', () => {
    const store = memoryStore();
    expect(loadPreferences(store)).toEqual({ lowBandwidth: false, audioInput: null, videoInput: null, audioOutput: null });
    savePreferences({ lowBandwidth: true, audioInput: 'mic-2', videoInput: null, audioOutput: null }, store);
    expect(loadPreferences(store)).toEqual({ lowBandwidth: true, audioInput: 'mic-2', videoInput: null, audioOutput: null });
  });

  it('falls back to defaults on damaged or missing storage', () => {
    const store = memoryStore();
    store.setItem('indaba.video.preferences', '{not json');
    expect(loadPreferences(store).lowBandwidth).toBe(false);
    store.setItem('indaba.video.preferences', JSON.stringify({ lowBandwidth: 'yes', audioInput: 42 }));
    expect(loadPreferences(store)).toEqual({ lowBandwidth: false, audioInput: null, videoInput: null, audioOutput: null });
    expect(loadPreferences(null).lowBandwidth).toBe(false);
    const full = { ...memoryStore(), setItem: () => { throw new Error('QuotaExceeded'); } };
    expect(() => savePreferences({ lowBandwidth: true, audioInput: null, videoInput: null, audioOutput: null }, full)).not.toThrow();
  });
});
