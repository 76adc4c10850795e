import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { JoinCode, MemberId, Secret, WorkshopId } from './ids.ts';
import { ProfileValues } from './profile.ts';

export const Role = z.enum(['host', 'cohost', 'participant']);
export type Role = z.infer<typeof Role>;

export const DisplayName = z
  .string()
  .trim()
  .min(1, 'Please enter your name')
  .max(LIMITS.nameChars, `Names can be at most ${LIMITS.nameChars} characters`);

/** The first message on a socket: who is this? One socket speaks for one person in one workshop. */
export const SessionRequest = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('join'),
      code: JoinCode,
      name: DisplayName,
      profile: ProfileValues.default({}),
      /** A resume token this browser already holds for the workshop, so a removed person is recognised. */
      previousToken: Secret.optional(),
    })
    .strict(),
  z.object({ type: z.literal('resume'), workshopId: WorkshopId, token: Secret }).strict(),
  z.object({ type: z.literal('host'), workshopId: WorkshopId, hostKey: Secret }).strict(),
  z
    .object({
      type: z.literal('cohost'),
      workshopId: WorkshopId,
      cohostKey: Secret,
      name: DisplayName,
      profile: ProfileValues.default({}),
    })
    .strict(),
]);
export type SessionRequest = z.input<typeof SessionRequest>;
export type ParsedSessionRequest = z.infer<typeof SessionRequest>;

export const SessionResult = z.object({
  workshopId: WorkshopId,
  memberId: MemberId,
  role: Role,
  /** Keep this in the browser: `resume` with it brings the same person back. */
  resumeToken: Secret,
});
export type SessionResult = z.infer<typeof SessionResult>;
