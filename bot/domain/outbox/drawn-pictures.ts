import type { WeekChartContent } from './outbound-content.ts';

/** A picture drawn for a message at the moment it is sent. */
export type DrawnPicture = { png: Buffer; width: number; height: number; filename: `${string}.png` };

/** Draws the pictures that group messages carry (the weekly chart); given by the composition root. */
export type GroupPictures = { weekChart: (content: WeekChartContent) => Promise<DrawnPicture> };
