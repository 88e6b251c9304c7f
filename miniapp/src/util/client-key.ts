/** A unique key for one report, so a retry of it is recognised by the bot instead of counted twice. */
export function newClientKey(): string {
  const cryptoApi = typeof crypto === 'undefined' ? undefined : crypto;
  // randomUUID exists only in secure contexts (https); a LAN test over http still needs a key.
  if (cryptoApi && typeof cryptoApi.randomUUID === 'function') return cryptoApi.randomUUID();
  const bytes = new Uint8Array(16);
  if (cryptoApi && typeof cryptoApi.getRandomValues === 'function') cryptoApi.getRandomValues(bytes);
  else bytes.forEach((_, i) => (bytes[i] = Math.floor(Math.random() * 256)));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
