// The records an import found, ticked to import; duplicates of library items are flagged.
// Virtualised: a large BibTeX file previews 100,000 records.
import { useState } from 'react';
import type { PreviewRecord } from '../../../../shared/results';
import { frameFor } from '../../lib/windowing';
import { useSheaf } from '../../store';

const ROW = 30;
const HEIGHT = 260;

export function ImportRecords({ records }: { records: PreviewRecord[] }) {
  const exclude = useSheaf((s) => s.importJob.exclude);
  const toggle = useSheaf((s) => s.toggleImportRecord);
  const setAll = useSheaf((s) => s.setAllImportRecords);
  const [scrollTop, setScrollTop] = useState(0);
  const height = Math.min(HEIGHT, records.length * ROW);
  const frame = frameFor({
    scrollTop,
    viewportHeight: height,
    rowHeight: ROW,
    count: records.length,
    overscan: 5,
  });
  const shown = records.slice(frame.first, frame.last + 1);
  const allIncluded = exclude.size === 0;

  return (
    <div className="import-records">
      <div className="import-records-head">
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={allIncluded}
            ref={(input) => {
              if (input) input.indeterminate = !allIncluded && exclude.size < records.length;
            }}
            onChange={() => setAll(!allIncluded)}
          />
          Import all
        </label>
      </div>
      <div
        className="import-records-scroller"
        style={{ height }}
        role="list"
        aria-label="Records found"
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div style={{ height: frame.spacerHeight, position: 'relative' }}>
          <div style={{ transform: `translateY(${frame.firstTop}px)` }}>
            {shown.map((record) => (
              <div role="listitem" key={record.index} className="import-record">
                <label className="checkbox-label">
                  <input
                    type="checkbox"
                    checked={!exclude.has(record.index)}
                    onChange={() => toggle(record.index)}
                    aria-label={`Import ${record.title}`}
                  />
                  <span className="import-record-title" title={record.title}>
                    {record.title}
                  </span>
                </label>
                <span className="import-record-meta">
                  {[record.creators, record.year].filter(Boolean).join(' · ')}
                </span>
                {record.duplicateOf ? (
                  <span className="badge" title={`Already in the library as “${record.duplicateOf.title}”`}>
                    In library
                  </span>
                ) : null}
                <span className="import-record-line">line {record.line}</span>
              </div>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
