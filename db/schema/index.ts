export * from './org-units.ts';
export * from './teams.ts';
export * from './members.ts';
export * from './residents.ts';
export * from './inbound-events.ts';
export * from './outbound-messages.ts';
export * from './oa-tokens.ts';
