// Remembers the window's size and position between runs.
import fs from 'node:fs';
import path from 'node:path';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

const DEFAULT_STATE: WindowState = { width: 1280, height: 800 };

export function loadWindowState(dir: string): WindowState {
  try {
    const state = JSON.parse(
      fs.readFileSync(path.join(dir, 'window-state.json'), 'utf8'),
    ) as Partial<WindowState>;
    const ok = (n: unknown) => typeof n === 'number' && Number.isFinite(n);
    if (!ok(state.width) || !ok(state.height)) return DEFAULT_STATE;
    return {
      width: Math.max(640, state.width!),
      height: Math.max(480, state.height!),
      ...(ok(state.x) && ok(state.y) ? { x: state.x!, y: state.y! } : {}),
      ...(state.maximized ? { maximized: true } : {}),
    };
  } catch {
    return DEFAULT_STATE;
  }
}

export function saveWindowState(dir: string, state: WindowState): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'window-state.json'), JSON.stringify(state));
  } catch {
    // Losing the window position is not worth interrupting the user for.
  }
}
