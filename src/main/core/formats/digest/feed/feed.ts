// RSS 0.9x/1.0 (RDF)/2.0 and Atom feeds: arXiv's per-category feeds and API results,
// journal table-of-contents feeds. One record per item, in feed order; the channel gives
// the digest's title and date.
import type { ImportFormat, ImportOptions, ParseResult } from '../../types';
import { toPartialIsoDate } from '../shared/dates';
import { checkReadable, emptyResult, failedResult, issue } from '../shared/result';
import { collapseWhitespace, stripBom } from '../shared/text';
import { isAtomEntry, readAtomEntry, readRssItem } from './entry';
import { feedItemData } from './feed-item';
import { childNamed, childText, descendantsNamed, is } from './tree';
import { parseXml, type XmlElement } from './xml';

export const FEED = 'feed';

export const feedFormat: ImportFormat = {
  id: FEED,
  label: 'RSS or Atom feed',
  extensions: ['xml', 'rss', 'atom', 'rdf'],
  detect: detectFeed,
  parse: parseFeed,
};

const FEED_ROOT =
  /^\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:(?:<!--[\s\S]{0,1000}?-->|<\?[^>]{0,300}\?>|<!DOCTYPE[^>[]{0,300}>)\s*)*<(?:rss|feed|(?:[\w-]+:)?RDF)\b/;

function detectFeed(text: string): number {
  const head = stripBom(text.slice(0, 4096));
  if (FEED_ROOT.test(head)) return 0.95;
  return /<(?:rss|feed)\b[^>]*>|<(?:[\w-]+:)?RDF\b/.test(head) &&
    /<(?:item|entry)\b/.test(text.slice(0, 65536))
    ? 0.7
    : 0;
}

export function parseFeed(input: string, _options?: ImportOptions): ParseResult {
  const unreadable = checkReadable(input);
  if (unreadable) return failedResult(FEED, unreadable);
  const document = parseXml(stripBom(input));
  const { root, lines } = document;
  const kind = root ? feedKind(root) : undefined;
  if (!root || !kind) {
    const at = root ? lines.position(root.offset) : { line: 1, column: 1 };
    return failedResult(
      FEED,
      issue(
        at.line,
        at.column,
        'This is not an RSS or Atom feed: its document element is not <rss>, <rdf:RDF> or an Atom <feed>.',
      ),
    );
  }
  const result = emptyResult(FEED);
  for (const problem of document.problems) {
    const at = lines.position(problem.offset);
    result.warnings.push(issue(at.line, at.column, `The feed is not well-formed XML: ${problem.message}.`));
  }
  const items =
    kind === 'atom' ? descendantsNamed(root, ['atom'], 'entry') : descendantsNamed(root, ['', 'rss'], 'item');
  for (const item of items) {
    const at = lines.position(item.offset);
    const entry = isAtomEntry(item) ? readAtomEntry(item) : readRssItem(item);
    if (!collapseWhitespace(entry.title)) {
      result.errors.push(issue(at.line, at.column, 'This feed item has no title; it was skipped.'));
      continue;
    }
    const data = feedItemData(entry);
    result.records.push({ data, line: at.line });
    if (!data.abstract) {
      result.warnings.push(
        issue(at.line, at.column, 'This feed item has no summary; imported without an abstract.', data.title),
      );
    }
  }
  if (items.length === 0) result.warnings.push(issue(1, 1, 'The feed has no items.'));
  result.digest = channelDigest(root, kind);
  return result;
}

type FeedKind = 'rss' | 'rdf' | 'atom';

function feedKind(root: XmlElement): FeedKind | undefined {
  if (root.local === 'rss' && root.ns === '') return 'rss';
  if (root.local === 'RDF') return 'rdf';
  if (is(root, ['atom'], 'feed')) return 'atom';
  return undefined;
}

function channelDigest(root: XmlElement, kind: FeedKind): ParseResult['digest'] {
  const channel = kind === 'atom' ? root : childNamed(root, ['', 'rss'], 'channel');
  const titleNs = kind === 'atom' ? ['atom', ''] : ['', 'rss'];
  const title = channel ? childText(channel, titleNs, 'title') : undefined;
  const rawDate = channel
    ? kind === 'atom'
      ? childText(channel, ['atom', ''], 'updated')
      : (childText(channel, [''], 'pubDate') ??
        childText(channel, [''], 'lastBuildDate') ??
        childText(channel, ['dc'], 'date'))
    : undefined;
  const date = toPartialIsoDate(rawDate);
  return {
    source: FEED,
    ...(title ? { title } : {}),
    ...(date ? { date, dateInferred: false } : {}),
  };
}
