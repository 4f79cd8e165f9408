// What the page does itself where the desktop app would ask main: downloads, the
// clipboard, opening links (main opens them in the system browser when it can).
import { isHttpUrl } from '../lib/urls';
import { call } from './client';

export function downloadText(text: string, filename: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

/** Opens an http(s) link in the system browser (desktop) or a new tab (browser mode). */
export async function openExternal(url: string): Promise<void> {
  if (!isHttpUrl(url)) throw new Error('Only web (http or https) links can be opened.');
  const opened = await call('shell.openExternal', { url });
  if (!opened) window.open(url, '_blank', 'noopener,noreferrer');
}

/** A dropped or chosen file as the import API takes it (bytes: main detects the encoding). */
export function fileToImportInput(file: File): Promise<{ base64: string; name: string }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const dataUrl = String(reader.result);
      resolve({ base64: dataUrl.slice(dataUrl.indexOf(',') + 1), name: file.name });
    };
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}.`));
    reader.readAsDataURL(file);
  });
}
