export * from './assign.ts';
export * from './constraints.ts';
export * from './encounters.ts';
export * from './group-by.ts';
export * from './random.ts';
export * from './sizes.ts';
export * from './types.ts';
