/** The poll limits for the browser: the same constants the server validates with (zod-free file). */
export { POLL_LIMITS as CLIENT_POLL_LIMITS } from '../../../../shared/poll-limits.ts';
