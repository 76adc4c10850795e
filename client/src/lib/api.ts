import type {
  CreateWorkshopRequest,
  CreateWorkshopResponse,
  InstanceInfo,
  WorkshopPublicInfo,
} from '../../../shared/index.ts';

/** What went wrong, in words for the person: the server's message when it sent one. */
export type ApiError = { status: number; code: string; message: string };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Messages for failures that never reached the server; set by the i18n layer at start-up. */
export const apiMessages = {
  offline: 'Could not reach the server. Check your internet connection and try again.',
  unexpected: 'The server sent an answer we did not understand. Reload the page and try again.',
};

export async function request<T>(path: string, init: RequestInit = {}, fetcher: typeof fetch = fetch): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetcher(path, {
      ...init,
      headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    });
  } catch {
    return { ok: false, error: { status: 0, code: 'network', message: apiMessages.offline } };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.ok && body !== null) return { ok: true, data: body as T };
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    ok: false,
    error: {
      status: response.status,
      code: typeof error?.code === 'string' ? error.code : 'unexpected',
      message: typeof error?.message === 'string' && error.message ? error.message : apiMessages.unexpected,
    },
  };
}

export const api = {
  instance: () => request<InstanceInfo>('/api/instance'),
  createWorkshop: (body: CreateWorkshopRequest) =>
    request<CreateWorkshopResponse>('/api/workshops', { method: 'POST', body: JSON.stringify(body) }),
  byCode: (code: string) => request<WorkshopPublicInfo>(`/api/workshops/by-code/${encodeURIComponent(code)}`),
  byId: (workshopId: string) => request<WorkshopPublicInfo>(`/api/workshops/${encodeURIComponent(workshopId)}`),
};
