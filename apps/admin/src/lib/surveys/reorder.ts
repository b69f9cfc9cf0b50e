/** Reordering questions by drag and drop and by keyboard, and what a screen reader hears after. */

/**
 * Where an item dragged from `from` lands when dropped on the item at `over`, in its upper
 * (`after` false) or lower half: the index to pass to a move that removes before inserting.
 *
 * @example
 * dropIndex(0, 2, false) // 1 — dropped above the third item, it becomes the second
 * dropIndex(3, 1, true)  // 2
 */
export function dropIndex(from: number, over: number, after: boolean): number {
  const before = after ? over + 1 : over;
  return from < before ? before - 1 : before;
}

/**
 * The sentence announced after a question moved, naming it by its text (numbers change as it moves).
 *
 * @example
 * moveAnnouncement('How satisfied are you?', 1, 5) // '“How satisfied are you?” moved to position 2 of 5.'
 */
export function moveAnnouncement(text: string, to: number, total: number): string {
  const name = text.trim() === '' ? 'The question' : `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`;
  return `${name} moved to position ${to + 1} of ${total}.`;
}
