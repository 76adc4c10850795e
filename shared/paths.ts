/** Page addresses. Links are built by the client from its own origin, so they work behind any proxy. */
export const paths = {
  join: (code: string) => `/j/${code}`,
  workshop: (id: string) => `/w/${id}`,
  /** Keys travel in the fragment, which browsers never send to servers or write to logs. */
  host: (id: string, hostKey: string) => `/w/${id}/host#key=${hostKey}`,
  cohost: (id: string, cohostKey: string) => `/w/${id}/cohost#key=${cohostKey}`,
  /** The facilitators' harvest page: it resumes the session this browser already has for the workshop. */
  harvest: (id: string) => `/w/${id}/harvest`,
} as const;
