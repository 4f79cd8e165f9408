// Digests, newest first (as main lists them), each with its date and paper count.
import { useSheaf } from '../../store';
import { calendarDate, count } from '../../lib/format';
import { digestName } from '../../lib/views';
import { digestMenu } from './sidebar-menus';
import { SidebarRow } from './SidebarRow';

export function DigestList() {
  const digests = useSheaf((s) => s.digests);
  const selectedId = useSheaf((s) =>
    s.view.kind === 'items' && s.view.spec.kind === 'digest' ? s.view.spec.id : null,
  );
  const setView = useSheaf((s) => s.setView);
  return (
    <>
      {digests.map((digest) => (
        <SidebarRow
          key={digest.id}
          icon="digest"
          title={`${digest.title} — ${count(digest.itemCount)} papers`}
          label={
            <>
              <span className="digest-date">{calendarDate(digest.date)}</span>
              <span className="digest-name">{digestName(digest)}</span>
            </>
          }
          count={count(digest.itemCount)}
          selected={selectedId === digest.id}
          testId={`digest-${digest.id}`}
          onActivate={() => setView({ kind: 'items', spec: { kind: 'digest', id: digest.id } })}
          onContextMenu={(event) => digestMenu(digest, event)}
        />
      ))}
    </>
  );
}
