import { formatJoinCode, normaliseJoinCode, paths } from './protocol.ts';

/** The links a facilitator shares, built from this page's own origin so they work behind any proxy. */
export type WorkshopLinks = { join: string; code: string; cohost: string | null; host: string | null; workshop: string };

export function workshopLinks(
  origin: string,
  info: { workshopId: string; code: string; cohostKey?: string | null; hostKey?: string | null },
): WorkshopLinks {
  const code = normaliseJoinCode(info.code);
  return {
    join: origin + paths.join(code),
    code: formatJoinCode(code),
    cohost: info.cohostKey ? origin + paths.cohost(info.workshopId, info.cohostKey) : null,
    host: info.hostKey ? origin + paths.host(info.workshopId, info.hostKey) : null,
    workshop: origin + paths.workshop(info.workshopId),
  };
}
