// arXiv identifiers in the places other tools put them: "arXiv:1706.03762v5" in a number
// or accession field, an arxiv.org abs/pdf URL, or arXiv's DataCite DOI. Reduced to the
// bare id ItemData stores: no "arXiv:" prefix, no version. Shared by CSL-JSON and RIS.

const ID = String.raw`(\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?`;
const BARE = new RegExp(`^${ID}$`);
const PREFIXED = new RegExp(`^arxiv:\\s*${ID}$`, 'i');
const URL_FORM = new RegExp(
  `^https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/${ID}(?:\\.pdf)?/?$`,
  'i',
);
const DOI_FORM = new RegExp(`^10\\.48550/arxiv\\.${ID}$`, 'i');

/** "arXiv:1706.03762v5" → "1706.03762". A bare id only counts when `bareAllowed`. */
export function arxivIdFromText(text: string, bareAllowed = false): string | undefined {
  const value = text.trim();
  return PREFIXED.exec(value)?.[1] ?? (bareAllowed ? BARE.exec(value)?.[1] : undefined);
}

export function arxivIdFromUrl(url: string): string | undefined {
  return URL_FORM.exec(url.trim())?.[1];
}

export function arxivIdFromDoi(doi: string): string | undefined {
  return DOI_FORM.exec(doi.trim())?.[1];
}
