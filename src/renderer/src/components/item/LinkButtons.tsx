// Buttons for the item's links (code, project page, DOI…), opened in the system browser.
import { openExternal } from '../../api/platform';
import { itemLinkButtons } from '../../lib/item-links';
import { messageOf } from '../../lib/errors';
import { hostOf } from '../../lib/urls';
import { useSheaf } from '../../store';
import type { ItemDetail } from '../../../../shared/domain';
import { Icon } from '../common/Icon';

export function LinkButtons({ item }: { item: ItemDetail }) {
  const toast = useSheaf((s) => s.toast);
  const buttons = itemLinkButtons(item);
  if (!buttons.length) return null;
  return (
    <div className="link-buttons" role="group" aria-label="Links">
      {buttons.map((button) => (
        <button
          key={button.url}
          type="button"
          className="pill-button"
          title={`${button.url}\nOpens in your browser (${hostOf(button.url)})`}
          onClick={() =>
            openExternal(button.url).catch((error: unknown) => toast(messageOf(error), { tone: 'error' }))
          }
        >
          <Icon name={button.kind === 'code' ? 'code' : 'external'} size={13} />
          {button.label}
        </button>
      ))}
    </div>
  );
}
