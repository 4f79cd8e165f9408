// Schema version 3: sidebar counts that survive a restore. An item given a collection or
// tag while in the trash has no counter row for it yet (the membership triggers count
// live items only), and the restore trigger only updated existing rows, so the count
// stayed one short. The trigger now creates missing rows first; existing libraries are
// recounted once.
import type { Migration } from './types';

export const migration003: Migration = {
  version: 3,
  name: 'counts follow items restored from the trash',
  up: `
DROP TRIGGER count_item_trash;
CREATE TRIGGER count_item_trash AFTER UPDATE OF deleted ON items
  WHEN (OLD.deleted IS NULL) <> (NEW.deleted IS NULL)
BEGIN
  INSERT OR IGNORE INTO counts(scope, n)
    SELECT 'c' || collection_id, 0 FROM collection_items WHERE item_id = NEW.id
    UNION ALL SELECT 't' || tag_id, 0 FROM item_tags WHERE item_id = NEW.id;
  UPDATE counts SET n = n + (CASE WHEN NEW.deleted IS NULL THEN 1 ELSE -1 END)
    WHERE scope = 'items'
       OR scope IN (SELECT 'c' || collection_id FROM collection_items WHERE item_id = NEW.id)
       OR scope IN (SELECT 't' || tag_id FROM item_tags WHERE item_id = NEW.id);
  UPDATE counts SET n = n + (CASE WHEN NEW.deleted IS NULL THEN -1 ELSE 1 END) WHERE scope = 'trash';
END;

DELETE FROM counts WHERE scope NOT IN ('items', 'trash');
INSERT INTO counts(scope, n)
  SELECT 'c' || ci.collection_id, count(*) FROM collection_items ci JOIN items i ON i.id = ci.item_id
   WHERE i.deleted IS NULL GROUP BY ci.collection_id;
INSERT INTO counts(scope, n)
  SELECT 't' || it.tag_id, count(*) FROM item_tags it JOIN items i ON i.id = it.item_id
   WHERE i.deleted IS NULL GROUP BY it.tag_id;
UPDATE counts SET n = (SELECT count(*) FROM items WHERE deleted IS NULL) WHERE scope = 'items';
UPDATE counts SET n = (SELECT count(*) FROM items WHERE deleted IS NOT NULL) WHERE scope = 'trash';
`,
};
