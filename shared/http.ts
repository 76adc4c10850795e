import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { WorkshopId } from './ids.ts';
import { ProfileField, ProfileFields } from './profile.ts';

export const CreateWorkshopRequest = z.object({
  title: z.string().trim().min(1, 'Give the workshop a title').max(LIMITS.titleChars),
  description: z.string().trim().max(LIMITS.descriptionChars).default(''),
  profileFields: ProfileFields.default([]),
  /** How participants see the host; "Facilitator" when left empty. */
  hostName: z.string().trim().max(LIMITS.nameChars).optional(),
  /** Needed only when the instance sets CREATE_PASSWORD. */
  password: z.string().max(200).optional(),
  /** Start with the waiting room on. */
  waitingRoom: z.boolean().default(false),
});
export type CreateWorkshopRequest = z.input<typeof CreateWorkshopRequest>;

export const CreateWorkshopResponse = z.object({
  workshopId: WorkshopId,
  code: z.string(),
  /** Secret: whoever holds it runs the workshop. Shown once. */
  hostKey: z.string(),
  cohostKey: z.string(),
});
export type CreateWorkshopResponse = z.infer<typeof CreateWorkshopResponse>;

/** What anyone with the join code or link may know before joining. */
export const WorkshopPublicInfo = z.object({
  workshopId: WorkshopId,
  code: z.string(),
  title: z.string(),
  description: z.string(),
  profileFields: z.array(ProfileField),
  locked: z.boolean(),
  waitingRoom: z.boolean(),
});
export type WorkshopPublicInfo = z.infer<typeof WorkshopPublicInfo>;

export const InstanceInfo = z.object({
  createNeedsPassword: z.boolean(),
  video: z.object({ enabled: z.boolean() }),
});
export type InstanceInfo = z.infer<typeof InstanceInfo>;

export const HttpError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type HttpError = z.infer<typeof HttpError>;

export { paths } from './paths.ts';
