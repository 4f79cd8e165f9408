// The digest formats: what the library registers, and the helpers that pick a format for
// pasted or dropped input.
import { BinaryInputError, decodeBytes, warnOfDecoding } from '../encoding';
import type { ExportFormat, ImportFormat, ImportOptions, ParseResult } from '../types';
import { arxivEmailFormat } from './arxiv/arxiv-email';
import { digestHtmlFormat } from './export/digest-html';
import { digestMdFormat } from './export/digest-md';
import { digestTxtFormat } from './export/digest-txt';
import { feedFormat } from './feed/feed';
import { hfHtmlFormat } from './hf/hf-html';
import { hfJsonFormat } from './hf/hf-json';
import { hfTextFormat } from './hf/hf-text';
import { failedResult, issue } from './shared/result';

export {
  arxivEmailFormat,
  digestHtmlFormat,
  digestMdFormat,
  digestTxtFormat,
  feedFormat,
  hfHtmlFormat,
  hfJsonFormat,
  hfTextFormat,
};

/** Most specific first: on equal confidence the earlier format wins. */
export const digestImportFormats: readonly ImportFormat[] = [
  hfJsonFormat,
  feedFormat,
  hfHtmlFormat,
  arxivEmailFormat,
  hfTextFormat,
];

export const digestExportFormats: readonly ExportFormat[] = [
  digestTxtFormat,
  digestMdFormat,
  digestHtmlFormat,
];

/** The digest format most confident that `text` is its kind, or undefined if none is. */
export function detectDigestFormat(text: string): { format: ImportFormat; confidence: number } | undefined {
  let best: { format: ImportFormat; confidence: number } | undefined;
  for (const format of digestImportFormats) {
    const confidence = format.detect(text);
    if (confidence > 0.1 && (!best || confidence > best.confidence)) best = { format, confidence };
  }
  return best;
}

/** Detects the format and parses; undetectable text is read as a Hugging Face text digest. */
export function parseDigest(text: string, options?: ImportOptions): ParseResult {
  return (detectDigestFormat(text)?.format ?? hfTextFormat).parse(text, options);
}

/** Bytes of a dropped file: decoded (BOM, UTF-16, legacy encodings), detected, parsed. */
export function parseDigestBytes(bytes: Uint8Array, options?: ImportOptions): ParseResult {
  let decoded: ReturnType<typeof decodeBytes>;
  try {
    decoded = decodeBytes(bytes);
  } catch (error) {
    if (!(error instanceof BinaryInputError)) throw error;
    return failedResult(
      'unknown',
      issue(1, 1, `${error.message}. Choose the digest's text, HTML, JSON or feed file.`),
    );
  }
  const result = parseDigest(decoded.text, options);
  warnOfDecoding(result.warnings, decoded);
  return { ...result, encoding: decoded.encoding };
}
