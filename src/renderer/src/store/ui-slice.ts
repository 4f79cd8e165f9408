// Transient UI: toasts, the open context menu, a confirmation dialog, the backups dialog.
import type { Slice } from './types';

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

export interface MenuItem {
  label: string;
  shortcut?: string;
  disabled?: boolean;
  danger?: boolean;
  run: () => void;
}

export type MenuEntry = MenuItem | 'separator';

export interface ContextMenuState {
  x: number;
  y: number;
  label: string;
  entries: MenuEntry[];
  /** Where focus returns when the menu closes. */
  returnFocus?: HTMLElement | null;
}

export interface DialogState {
  title: string;
  body: string;
  confirmLabel?: string;
  danger?: boolean;
  /** Asks for a line of text, checked before the dialog closes. */
  input?: { label: string; placeholder?: string; validate?: (value: string) => string | undefined };
  onConfirm?: (value: string) => void;
}

export interface UiSlice {
  toasts: Toast[];
  contextMenu?: ContextMenuState;
  dialog?: DialogState;
  backupsOpen: boolean;
  toast(text: string, options?: { tone?: Toast['tone']; action?: Toast['action'] }): void;
  dismissToast(id: number): void;
  openContextMenu(menu: ContextMenuState): void;
  closeContextMenu(): void;
  openDialog(dialog: DialogState): void;
  closeDialog(): void;
  openBackups(): void;
  closeBackups(): void;
}

const TOAST_MS = 5000;
let nextToast = 1;

export const createUiSlice: Slice<UiSlice> = (set, get) => ({
  toasts: [],
  backupsOpen: false,
  toast(text, options = {}) {
    const id = nextToast++;
    const toast: Toast = {
      id,
      text,
      tone: options.tone ?? 'info',
      ...(options.action ? { action: options.action } : {}),
    };
    set((state) => ({ toasts: [...state.toasts.slice(-3), toast] }));
    setTimeout(() => get().dismissToast(id), options.tone === 'error' ? TOAST_MS * 2 : TOAST_MS);
  },
  dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
  openContextMenu: (contextMenu) => set({ contextMenu }),
  closeContextMenu() {
    const menu = get().contextMenu;
    set({ contextMenu: undefined });
    menu?.returnFocus?.focus();
  },
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: undefined }),
  openBackups: () => set({ backupsOpen: true }),
  closeBackups: () => set({ backupsOpen: false }),
});
