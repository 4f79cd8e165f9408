// Keyboard conventions: Ctrl on Linux and Windows, Cmd on macOS; shortcuts are not
// stolen from text fields.

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function isMod(event: { ctrlKey: boolean; metaKey: boolean }): boolean {
  return isMac ? event.metaKey : event.ctrlKey;
}

export const modLabel = isMac ? '⌘' : 'Ctrl+';

/** Text fields, editors and anything contenteditable keep their own keys (and paste). */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(
      target.type,
    );
  }
  // The note editor lives in a shadow root: its events reach us from its host.
  return target.closest('.code-editor') !== null;
}
