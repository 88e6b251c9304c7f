/** Time as a dependency, so windows and schedules can be tested with a fake clock. */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };
