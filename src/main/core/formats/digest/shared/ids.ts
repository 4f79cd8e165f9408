// arXiv identifiers and DOIs in the many shapes sources write them, reduced to the bare
// form ItemData stores ("2306.08543", "10.1038/s41586-023-06185-3").

export interface ArxivId {
  /** Without "arXiv:" and without the version: "2306.08543", "math/0211159". */
  id: string;
  /** "v2" when the source named a version. */
  version?: string;
}

// New-style ids (0704.0001 onwards) and old-style archive/YYMMNNN ids.
const ARXIV_ID = /(?:^|[^\w.])((?:\d{4}\.\d{4,5})|(?:[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7}))(v\d+)?(?![\w])/;

/**
 * Finds the arXiv id in "arXiv:2306.08543v2", "https://arxiv.org/abs/2306.08543",
 * "oai:arXiv.org:2306.08543v1", "http://arxiv.org/pdf/2306.08543v2.pdf", "math/0211159".
 */
export function parseArxivId(value: string | undefined): ArxivId | undefined {
  if (!value) return undefined;
  const text = value.trim().replace(/^arxiv:/i, ' ');
  const match = ARXIV_ID.exec(text);
  if (!match) return undefined;
  return match[2] ? { id: match[1]!, version: match[2] } : { id: match[1]! };
}

export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

const DOI = /10\.\d{4,9}\/[^\s"<>]+/;

/** "https://doi.org/10.1/x", "doi:10.1/x", "DOI 10.1/x." → "10.1/x"; else undefined. */
export function parseDoi(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const match = DOI.exec(value);
  if (!match) return undefined;
  let doi = match[0];
  // Sentence punctuation and unbalanced closing brackets are not part of a DOI.
  for (;;) {
    const last = doi[doi.length - 1]!;
    if ('.,;:'.includes(last)) doi = doi.slice(0, -1);
    else if (last === ')' && count(doi, '(') < count(doi, ')')) doi = doi.slice(0, -1);
    else if (last === ']' && count(doi, '[') < count(doi, ']')) doi = doi.slice(0, -1);
    else break;
  }
  return doi;
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}
