import { getAccessToken, getPhoneNumber } from 'zmp-sdk/apis';

// Importing the SDK starts a Zalo login at once. In a plain browser that is not on localhost (the
// SDK's own mock), its promise rejects with nobody to catch it; only that rejection is silenced.
window.addEventListener('unhandledrejection', (event) => {
  const reason: unknown = event.reason;
  if (typeof reason === 'object' && reason !== null && (reason as { api?: unknown }).api === 'login') event.preventDefault();
});

/**
 * The Zalo user's access token, which the bot checks with Zalo's Graph API.
 * Outside Zalo the SDK answers "" (its own mock) or refuses; both become "" so the bot decides.
 */
export async function getZaloAccessToken(): Promise<string> {
  try {
    return (await getAccessToken()) || '';
  } catch {
    return '';
  }
}

/** A one-time token for the user's phone number, or null when they refuse or Zalo has none. */
export async function getPhoneToken(): Promise<string | null> {
  try {
    const { token } = await getPhoneNumber();
    return token || null;
  } catch {
    return null;
  }
}

/** Inside the Zalo app the Mini App runs on h5.zdn.vn or under /zapps/; anything else is a plain browser. */
export function isInsideZalo(): boolean {
  const { hostname, pathname } = window.location;
  return hostname.includes('h5.zdn.vn') || pathname.startsWith('/zapps');
}
