/**
 * The runtime pieces of the shared protocol the browser needs, from shared files that do not load
 * zod: shared/index.ts builds schemas at module level, which would add ~55 KB gzip to a phone's
 * download. Types still come from shared/index.ts (type imports cost nothing at runtime).
 */
export { LIMITS } from '../../../shared/limits.ts';
export { estimateOffset, serverNow } from '../../../shared/clock.ts';
export { applyConsolePatch } from '../../../shared/console-patch.ts';
export {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  formatJoinCode,
  isJoinCode,
  normaliseJoinCode,
} from '../../../shared/codes.ts';
export { paths } from '../../../shared/paths.ts';
export { formatCountdown, timerRemainingMs } from '../../../shared/timer-math.ts';
export { fieldIdFromLabel } from '../../../shared/field-ids.ts';
export { BREAKOUT_LIMITS } from '../../../shared/breakout-limits.ts';
export { CAFE_LIMITS } from '../../../shared/cafe-limits.ts';
