/** A question put to the user before a change that is hard to undo. */
export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  /** Styles the confirm button as destructive and puts the initial focus on Cancel. */
  danger?: boolean;
}

interface Pending extends ConfirmRequest {
  resolve: (confirmed: boolean) => void;
}

let pending = $state<Pending | null>(null);

/** The question on screen, for the one confirm dialog in the root layout. */
export const confirmation = {
  get pending(): ConfirmRequest | null {
    return pending;
  },
  answer(confirmed: boolean): void {
    const current = pending;
    pending = null;
    current?.resolve(confirmed);
  },
};

/**
 * Asks for confirmation in a modal dialog; resolves true when confirmed, false on Cancel or Escape.
 *
 * @example
 * if (await confirmAction({ title: 'Revoke key?', message: '…', confirmLabel: 'Revoke', danger: true })) …
 */
export function confirmAction(request: ConfirmRequest): Promise<boolean> {
  // A second question replaces an unanswered first one, which counts as cancelled.
  pending?.resolve(false);
  return new Promise((resolve) => {
    pending = { ...request, resolve };
  });
}
