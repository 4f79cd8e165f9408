// What a feed says about one paper, read from an RSS 0.9x/1.0/2.0 <item> or an Atom
// <entry> into one shape, so the mapping to ItemData is written once (see feed-item.ts).
import type { Creator } from '../../../../../shared/domain';
import { htmlToText } from '../shared/html-text';
import { authorsFromList, splitPersonName } from '../shared/names';
import { childNamed, childrenNamed, childText, is, textOf } from './tree';
import type { XmlElement } from './xml';

export interface FeedLink {
  href: string;
  rel?: string;
  type?: string;
  title?: string;
}

export interface FeedEntry {
  title: string;
  /** Summary as the feed gives it; `summaryIsHtml` says whether it is markup. */
  summary?: string;
  summaryIsHtml: boolean | 'unknown';
  creators: Creator[];
  links: FeedLink[];
  /** guid, atom:id, dc:identifier, rdf:about: where arXiv ids and DOIs hide. */
  identifiers: string[];
  doi?: string;
  date?: string;
  container?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  categories: string[];
  fields: Record<string, string>;
}

const RSS = ['', 'rss'];
const ATOM = ['atom'];
const DC = ['dc', 'dcterms'];
const PRISM = ['prism'];
const ARXIV = ['arxiv'];

/** Fields every dialect may carry through Dublin Core and PRISM. */
function readShared(item: XmlElement, entry: FeedEntry): void {
  entry.doi ??=
    childText(item, PRISM, 'doi') ?? childText(item, ARXIV, 'doi') ?? childText(item, ARXIV, 'DOI');
  for (const identifier of childrenNamed(item, DC, 'identifier'))
    entry.identifiers.push(textOf(identifier).trim());
  entry.date ??=
    childText(item, DC, 'date') ??
    childText(item, PRISM, 'publicationDate') ??
    childText(item, PRISM, 'coverDate') ??
    childText(item, DC, 'issued');
  entry.container ??= childText(item, PRISM, 'publicationName');
  entry.volume ??= childText(item, PRISM, 'volume');
  entry.issue ??= childText(item, PRISM, 'number') ?? childText(item, PRISM, 'issueIdentifier');
  const first = childText(item, PRISM, 'startingPage');
  const last = childText(item, PRISM, 'endingPage');
  entry.pages ??=
    first && last && first !== last ? `${first}–${last}` : (first ?? childText(item, PRISM, 'pageRange'));
  const prismUrl = childText(item, PRISM, 'url');
  if (prismUrl) entry.links.push({ href: prismUrl });
  const rights = childText(item, DC, 'rights');
  if (rights) entry.fields.license = rights;
  const announce = childText(item, ARXIV, 'announce_type');
  if (announce) entry.fields.announcetype = announce;
  const comment = childText(item, ARXIV, 'comment');
  if (comment) entry.fields.comments = comment;
  const journalRef = childText(item, ARXIV, 'journal_ref') ?? childText(item, ARXIV, 'journal_reference');
  if (journalRef) entry.fields.journalref = journalRef;
  const primary = childNamed(item, ARXIV, 'primary_category')?.attrs.term;
  if (primary) entry.fields.primarycategory = primary;
  if (entry.creators.length === 0) entry.creators = dcCreators(item);
}

/**
 * dc:creator: one element per person ("Smith, John" or "John Smith"), or, as arXiv
 * writes it, one element listing everyone ("A. Author, B. Author, C. Author").
 */
function dcCreators(item: XmlElement): Creator[] {
  const names = childrenNamed(item, DC, 'creator')
    .map((element) => textOf(element).replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (names.length !== 1) return names.map(splitPersonName);
  const only = names[0]!;
  const parts = only.split(',').map((part) => part.trim());
  // "Smith, John" is one inverted name; "John Smith, Jane Doe" is a list.
  const inverted =
    parts.length === 2 && !/\s/.test(parts[0]!) && !/\s/.test(parts[1]!.replace(/\.\s*/g, '.'));
  return inverted ? [splitPersonName(only)] : authorsFromList(only).creators;
}

export function readRssItem(item: XmlElement): FeedEntry {
  const entry: FeedEntry = {
    title: childText(item, RSS, 'title') ?? childText(item, DC, 'title') ?? '',
    summaryIsHtml: 'unknown',
    creators: [],
    links: [],
    identifiers: [],
    categories: childrenNamed(item, [...RSS, ...DC], 'category')
      .concat(childrenNamed(item, DC, 'subject'))
      .map((element) => textOf(element).trim())
      .filter(Boolean),
    fields: {},
  };
  const encoded = childNamed(item, ['content'], 'encoded');
  const description = childNamed(item, [...RSS, ...DC], 'description');
  const summary = encoded ?? description;
  if (summary) entry.summary = textOf(summary);
  const link = childText(item, RSS, 'link');
  if (link) entry.links.push({ href: link, rel: 'alternate' });
  for (const atomLink of childrenNamed(item, ATOM, 'link')) entry.links.push(linkOf(atomLink));
  const guid = childText(item, RSS, 'guid');
  if (guid) entry.identifiers.push(guid);
  if (item.attrs['rdf:about']) entry.identifiers.push(item.attrs['rdf:about']);
  entry.date = childText(item, RSS, 'pubDate');
  // RSS 2.0 <author> is "email (Name)" or just an email address.
  const author = childText(item, RSS, 'author');
  const authorName = author
    ? (/\(([^()]+)\)/.exec(author)?.[1] ?? (author.includes('@') ? undefined : author))
    : undefined;
  if (authorName) entry.creators = authorsFromList(authorName).creators;
  readShared(item, entry);
  return entry;
}

export function readAtomEntry(item: XmlElement): FeedEntry {
  const titleElement = childNamed(item, ATOM, 'title');
  const summaryElement = childNamed(item, ATOM, 'summary') ?? childNamed(item, ATOM, 'content');
  const entry: FeedEntry = {
    title: titleElement ? atomText(titleElement) : '',
    summaryIsHtml: summaryElement ? summaryElement.attrs.type === 'html' : false,
    creators: childrenNamed(item, ATOM, 'author')
      .map((author) => childText(author, ATOM, 'name'))
      .filter((name): name is string => name !== undefined)
      .map(splitPersonName),
    links: childrenNamed(item, ATOM, 'link').map(linkOf),
    identifiers: childrenNamed(item, ATOM, 'id').map((id) => textOf(id).trim()),
    categories: childrenNamed(item, ATOM, 'category')
      .map((category) => category.attrs.term ?? '')
      .filter(Boolean),
    fields: {},
  };
  if (summaryElement) entry.summary = textOf(summaryElement);
  const published = childText(item, ATOM, 'published') ?? childText(item, ATOM, 'updated');
  if (published) entry.date = published;
  readShared(item, entry);
  return entry;
}

/** Atom text constructs: type="html" holds escaped markup, type="xhtml" real elements. */
function atomText(element: XmlElement): string {
  const text = textOf(element);
  return element.attrs.type === 'html' ? htmlToText(text) : text;
}

function linkOf(element: XmlElement): FeedLink {
  const link: FeedLink = { href: element.attrs.href ?? '' };
  if (element.attrs.rel) link.rel = element.attrs.rel;
  if (element.attrs.type) link.type = element.attrs.type;
  if (element.attrs.title) link.title = element.attrs.title;
  return link;
}

export function isAtomEntry(element: XmlElement): boolean {
  return is(element, ATOM, 'entry');
}
