export { affineRounds } from './affine.ts';
export { evenSplitPairs, lowerBound } from './bounds.ts';
export { GOLFERS_32, KIRKMAN_15, KNOWN_DESIGNS, type KnownDesign } from './known.ts';
export { rotationQuality, summarise } from './quality.ts';
export { circleRounds } from './round-robin.ts';
export { defaultTables, planRotation } from './schedule.ts';
export * from './types.ts';
export { randomRotation } from './random-baseline.ts';
