// The buttons the item pane offers to open: the links an import found (code, project
// page...), web addresses in the abstract, and the DOI, arXiv and URL fields. Only http(s).
import { LINK_LABELS, type ItemDetail, type LinkKind } from '../../../shared/domain';
import { hostOf, isHttpUrl } from './urls';

export interface LinkButton {
  label: string;
  url: string;
  kind: LinkKind | 'doi' | 'arxiv' | 'url';
}

const CODE_HOSTS = /(^|\.)(github\.com|gitlab\.com|bitbucket\.org|huggingface\.co)$/;
const URL_IN_TEXT = /https?:\/\/[^\s<>"'()]+[^\s<>"'().,;:!?]/g;

function kindOfUrl(url: string): LinkKind {
  const host = hostOf(url);
  if (CODE_HOSTS.test(host)) return host.endsWith('huggingface.co') ? 'model' : 'code';
  if (/\.pdf($|\?)/i.test(url)) return 'pdf';
  if (/github\.io$/.test(host)) return 'project';
  return 'other';
}

const normalise = (url: string) => url.replace(/\/+$/, '').toLowerCase();

export function itemLinkButtons(
  item: Pick<ItemDetail, 'links' | 'abstract' | 'doi' | 'arxiv' | 'url'>,
): LinkButton[] {
  const buttons: LinkButton[] = [];
  const seen = new Set<string>();
  const add = (kind: LinkButton['kind'], url: string, label?: string) => {
    if (!isHttpUrl(url) || seen.has(normalise(url))) return;
    seen.add(normalise(url));
    buttons.push({
      kind,
      url,
      label: label ?? (kind in LINK_LABELS ? LINK_LABELS[kind as LinkKind] : 'Link'),
    });
  };
  for (const link of item.links) add(link.kind, link.url, link.label || LINK_LABELS[link.kind]);
  for (const match of (item.abstract ?? '').matchAll(URL_IN_TEXT)) add(kindOfUrl(match[0]), match[0]);
  if (item.url) add('url', item.url, 'Web page');
  if (item.doi) add('doi', `https://doi.org/${item.doi}`, 'DOI');
  if (item.arxiv) add('arxiv', `https://arxiv.org/abs/${item.arxiv.replace(/^arxiv:/i, '')}`, 'arXiv');
  // Two "Code" buttons are told apart by their host.
  const counts = new Map<string, number>();
  for (const button of buttons) counts.set(button.label, (counts.get(button.label) ?? 0) + 1);
  return buttons.map((button) =>
    (counts.get(button.label) ?? 0) > 1
      ? { ...button, label: `${button.label} (${hostOf(button.url)})` }
      : button,
  );
}
