import type { FacilitatorPoll } from '../../../../../shared/polls.ts';

const ORDER = { open: 0, draft: 1, closed: 2 } as const;

/** Open polls first (latest launched on top), then drafts in the order they were made, then closed ones (latest first). */
export function sortForConsole(polls: readonly FacilitatorPoll[]): FacilitatorPoll[] {
  return [...polls].sort((a, b) => {
    if (a.status !== b.status) return ORDER[a.status] - ORDER[b.status];
    if (a.status === 'open') return (b.launchedAt ?? 0) - (a.launchedAt ?? 0);
    if (a.status === 'closed') return (b.closedAt ?? 0) - (a.closedAt ?? 0);
    return a.createdAt - b.createdAt;
  });
}

/** Saves text as a file in the browser: a Blob, an object URL and a temporary <a download>. */
export function downloadText(file: { filename: string; mime: string; text: string }): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
