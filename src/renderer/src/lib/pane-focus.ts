// Where the keyboard lands in the item pane.

/** Focuses the item pane's first field (the title), if the pane shows an item. */
export function focusFirstField(): void {
  document.querySelector<HTMLElement>('[data-pane="item"] [data-first-field]')?.focus();
}
