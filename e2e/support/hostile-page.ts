// Watching a page for hostile content coming alive: dialogs, popups, requests that leave
// the server's origin (stopped before they leave and recorded), CSP violations (content
// that tried to load or run something), and the DOM itself (handlers, script, frames,
// images, javascript:/data: links, CSS that loads or runs).
import type { Page } from '@playwright/test';

export interface Trouble {
  dialogs: string[];
  popups: string[];
  outside: string[];
  violations: string[];
}

/** Call before the page loads: from then on, everything that goes wrong is recorded. */
export async function watchPage(page: Page, origin: string): Promise<Trouble> {
  const trouble: Trouble = { dialogs: [], popups: [], outside: [], violations: [] };
  page.on('dialog', (dialog) => {
    trouble.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('popup', (popup) => trouble.popups.push(popup.url()));
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url === origin) return route.continue();
    trouble.outside.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    if (message.text().startsWith('sheaf-violation ')) trouble.violations.push(message.text().slice(16));
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.log(`sheaf-violation ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return trouble;
}

/** Live content in the DOM right now (each entry names what was found). */
export function liveContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    // The page's own <head> is the app's; everything in <body> was rendered.
    for (const element of document.body.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      if (
        [
          'iframe',
          'object',
          'embed',
          'frame',
          'img',
          'video',
          'audio',
          'link',
          'base',
          'meta',
          'style',
        ].includes(tag)
      )
        found.push(`<${tag}>`);
      if (tag === 'script' && !(element as HTMLScriptElement).src) found.push('inline <script>');
      for (const { name, value } of element.attributes) {
        if (/^on/i.test(name)) found.push(`${tag}[${name}]`);
        if (
          /^(href|src|action|formaction|xlink:href)$/i.test(name) &&
          /^\s*(javascript|data|vbscript):/i.test(value)
        )
          found.push(`${tag}[${name}=${value.slice(0, 40)}]`);
        if (name === 'style' && /expression\s*\(|url\s*\(|@import/i.test(value))
          found.push(`${tag}[style=${value.slice(0, 40)}]`);
      }
    }
    if ((window as unknown as { __pwned?: unknown }).__pwned !== undefined) found.push('window.__pwned');
    return found;
  });
}

/** The API of the test's server (to set up the library as another process would). */
export { api as call } from './ui-helpers';
