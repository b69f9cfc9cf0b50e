/** Short messages shown in the notification region of the root layout. */
export interface Toast {
  id: number;
  kind: 'error' | 'success' | 'info';
  message: string;
}

/** Success and info messages leave by themselves; errors stay until dismissed, so none is missed. */
const SELF_DISMISS_MS = 6000;

let nextId = 1;
const list = $state<Toast[]>([]);

export const toasts = {
  get all(): readonly Toast[] {
    return list;
  },
  dismiss(id: number): void {
    const index = list.findIndex((t) => t.id === id);
    if (index >= 0) list.splice(index, 1);
  },
};

/**
 * Shows a message in the notification region.
 *
 * @example
 * showToast('success', 'Team “Billing” created.');
 */
export function showToast(kind: Toast['kind'], message: string): void {
  // The same message again (a retried request) shows once, as the newest.
  const same = list.findIndex((t) => t.kind === kind && t.message === message);
  if (same >= 0) list.splice(same, 1);
  const id = nextId++;
  list.push({ id, kind, message });
  if (kind !== 'error') setTimeout(() => toasts.dismiss(id), SELF_DISMISS_MS);
}
