// ParseResult records → the ExportItems a library would hand the exporter.
import type { ItemData } from '../../../../../../src/shared/domain';
import type { ExportItem, ParseResult } from '../../../../../../src/main/core/formats/types';

export function toExportItems(result: ParseResult, options: { keepOrigin?: boolean } = {}): ExportItem[] {
  return result.records.map((record, index) => toExportItem(record.data, index, options.keepOrigin ?? true));
}

export function toExportItem(data: ItemData, index: number, keepOrigin = true): ExportItem {
  const { origin, ...rest } = data;
  return {
    ...rest,
    ...(keepOrigin && origin ? { origin } : {}),
    id: index + 1,
    key: `K${index + 1}`,
    citekey: data.citekey ?? `item${index + 1}`,
    added: '2026-01-01T00:00:00Z',
    modified: '2026-01-01T00:00:00Z',
    tags: data.tags ?? [],
  };
}

/** What a user compares after a round trip: everything but where it came from. */
export function comparable(data: ItemData): Omit<ItemData, 'origin'> {
  const { origin: _origin, ...rest } = data;
  return rest;
}
