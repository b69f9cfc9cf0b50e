import type { Action } from 'svelte/action';

/**
 * Makes a sideways-scrolling box (a wide table on a phone) reachable from the keyboard: while its
 * content overflows it is a named region that takes the focus, so arrow keys scroll it; when
 * everything fits it is left out of the tab order.
 *
 * @example
 * <div class="table-wrap" use:scrollRegion={'API keys'}>…</div>
 */
export const scrollRegion: Action<HTMLElement, string> = (node, label) => {
  node.setAttribute('role', 'region');
  node.setAttribute('aria-label', label);
  const update = () => {
    if (node.scrollWidth > node.clientWidth + 1) node.setAttribute('tabindex', '0');
    else node.removeAttribute('tabindex');
  };
  update();
  const observer = new ResizeObserver(update);
  observer.observe(node);
  for (const child of Array.from(node.children)) observer.observe(child);
  return {
    update(next: string) {
      node.setAttribute('aria-label', next);
      update();
    },
    destroy() {
      observer.disconnect();
    },
  };
};
