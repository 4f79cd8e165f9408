import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: {
  options: Record<string, unknown>;
  handlers: Record<string, (...args: unknown[]) => void>;
  openHandler?: (d: { url: string }) => unknown;
}[] = [];
const openExternal = vi.fn();

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const record: (typeof created)[number] = { options, handlers: {} };
      created.push(record);
      this.webContents = {
        on: (event: string, handler: (...args: unknown[]) => void) => (record.handlers[event] = handler),
        setWindowOpenHandler: (handler: (d: { url: string }) => unknown) => (record.openHandler = handler),
      };
    }
    once() {}
    on() {}
    maximize() {}
    loadURL() {
      return Promise.resolve();
    }
    loadFile() {
      return Promise.resolve();
    }
  }
  return { BrowserWindow, shell: { openExternal } };
});

describe('the main window', () => {
  beforeEach(() => {
    created.length = 0;
    openExternal.mockReset();
  });

  it('is isolated, sandboxed and has no Node integration', async () => {
    const { createMainWindow } = await import('../../../src/main/app/window');
    createMainWindow({ preload: '/p.cjs', rendererFile: '/r/index.html', stateDir: '/nonexistent' });
    expect(created[0]!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/p.cjs',
    });
  });

  it('blocks navigation and new windows; only http(s) links go to the system browser', async () => {
    const { createMainWindow } = await import('../../../src/main/app/window');
    createMainWindow({ preload: '/p.cjs', rendererFile: '/r/index.html', stateDir: '/nonexistent' });
    const window = created[0]!;
    const event = { preventDefault: vi.fn() };
    window.handlers['will-navigate']!(event, 'https://evil.example');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(window.openHandler!({ url: 'https://arxiv.org/abs/2306.08543' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://arxiv.org/abs/2306.08543');
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'smb://host/share']) {
      expect(window.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});
