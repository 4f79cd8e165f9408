// Hugging Face's JSON for a daily/trending paper, as the API returns it and as the papers
// page embeds it. Shared by the hf-json format and the saved-page (hf-html) extractor.
import type { ItemData, ItemLink } from '../../../../../shared/domain';
import { toPartialIsoDate } from '../shared/dates';
import { splitPersonName } from '../shared/names';
import { paperData } from '../shared/paper';
import { cleanUrl } from '../shared/links';
import { collapseWhitespace } from '../shared/text';

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: Json): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The paper object of an entry: `{ paper: {...} }` (daily papers) or the paper itself. */
function paperOf(entry: Json): Record<string, Json> | undefined {
  if (!isObject(entry)) return undefined;
  return isObject(entry.paper) ? entry.paper : entry;
}

/** True for what looks like an HF paper entry: a title and an arXiv-style id or summary. */
export function isHfPaperEntry(entry: Json): boolean {
  const paper = paperOf(entry);
  if (!paper) return false;
  return (
    text(paper.title) !== undefined && (text(paper.summary) !== undefined || text(paper.id) !== undefined)
  );
}

export type HfPaperResult = { data: ItemData } | { problem: string };

export function hfPaperData(entry: Json): HfPaperResult {
  const paper = paperOf(entry);
  if (!paper) return { problem: 'this entry is not an object' };
  const outer = isObject(entry) ? entry : {};
  const title = text(paper.title) ?? text(outer.title);
  if (!title) return { problem: 'this entry has no title' };
  const id = text(paper.id);
  const fields: Record<string, string> = {};
  for (const [key, value] of [
    ['upvotes', paper.upvotes],
    ['githubstars', paper.githubStars],
    ['comments', outer.numComments],
  ] as const) {
    if (typeof value === 'number' && Number.isFinite(value)) fields[key] = String(value);
  }
  if (id) fields.hfpaper = `https://huggingface.co/papers/${id}`;
  const links: ItemLink[] = [];
  const repository = typeof paper.githubRepo === 'string' ? cleanUrl(paper.githubRepo) : undefined;
  if (repository) links.push({ kind: 'code', url: repository });
  const projectPage = typeof paper.projectPage === 'string' ? cleanUrl(paper.projectPage) : undefined;
  if (projectPage) links.push({ kind: 'project', url: projectPage });
  const authors = Array.isArray(paper.authors) ? paper.authors : [];
  const creators = authors
    .map((author) => (isObject(author) ? text(author.name) : text(author)))
    .filter((name): name is string => name !== undefined)
    .map(splitPersonName);
  // The API keeps arXiv's hard line wraps; they are layout, not paragraphs.
  const summary = text(paper.summary);
  const abstract = summary ? collapseWhitespace(summary) : undefined;
  const date = toPartialIsoDate(text(paper.publishedAt) ?? text(outer.publishedAt));
  return {
    data: paperData({
      title,
      ...(abstract ? { abstract } : {}),
      ...(id ? { arxiv: id } : {}),
      ...(date ? { date } : {}),
      creators,
      links,
      fields,
    }),
  };
}

/** The day most entries were posted to the daily list ("publishedAt" of the entry). */
export function commonPostingDate(entries: readonly Json[]): string | undefined {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    if (!isObject(entry)) continue;
    const posted = paperOf(entry)?.submittedOnDailyAt;
    const date = toPartialIsoDate(text(posted) ?? text(entry.publishedAt));
    if (date) counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [date, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && date > best)) {
      best = date;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The array of paper entries inside any JSON value: the value itself, or the largest
 * array of paper entries found under it (a page's props: `{ dailyPapers: [...] }`).
 * Breadth-first and bounded, so a hostile document cannot make it recurse or loop.
 */
export function findPaperArray(value: Json, maxNodes = 200_000): Json[] | undefined {
  const queue: Json[] = [value];
  let best: Json[] | undefined;
  let bestCount = 0;
  for (let head = 0; head < queue.length && head < maxNodes; head++) {
    const node = queue[head];
    if (Array.isArray(node)) {
      const papers = node.filter(isHfPaperEntry).length;
      if (papers > bestCount && papers * 2 >= node.length) {
        best = node;
        bestCount = papers;
      }
      // The entries of a paper array hold no further paper arrays worth finding.
      if (papers === 0) enqueue(queue, node, maxNodes);
    } else if (isObject(node)) {
      enqueue(queue, Object.values(node), maxNodes);
    }
  }
  return best;
}

function enqueue(queue: Json[], values: readonly Json[], maxNodes: number): void {
  for (const value of values) {
    if (queue.length >= maxNodes) return;
    if (typeof value === 'object' && value !== null) queue.push(value);
  }
}
