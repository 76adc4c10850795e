/** The app's pages, matched from a URL path. Pure, so it is unit tested without a browser. */
export type Route =
  | { name: 'home' }
  | { name: 'join'; code: string }
  | { name: 'workshop'; workshopId: string }
  | { name: 'host'; workshopId: string; key: string }
  | { name: 'cohost'; workshopId: string; key: string }
  | { name: 'harvest'; workshopId: string }
  | { name: 'not-found'; path: string };

const SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;

/** Reads `key` from a fragment like "#key=abc" (keys travel in the fragment, never to the server). */
export function keyFromHash(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get('key') ?? '';
}

export function matchRoute(pathname: string, hash = ''): Route {
  const parts = pathname.split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0) return { name: 'home' };
  const [first, second, third] = parts;
  if (first === 'j' && parts.length === 2 && second) return { name: 'join', code: second };
  if (first === 'w' && second && SEGMENT.test(second)) {
    if (parts.length === 2) return { name: 'workshop', workshopId: second };
    if (parts.length === 3 && third === 'host') return { name: 'host', workshopId: second, key: keyFromHash(hash) };
    if (parts.length === 3 && third === 'cohost') return { name: 'cohost', workshopId: second, key: keyFromHash(hash) };
    if (parts.length === 3 && third === 'harvest') return { name: 'harvest', workshopId: second };
  }
  return { name: 'not-found', path: pathname };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
