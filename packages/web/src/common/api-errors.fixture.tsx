import { SaveViewModal } from '../tickets/list/save-view-modal';
import { DEFAULT_COLUMNS } from '../tickets/list/list-state';

// A save-view dialog to exercise field errors in a real form (used by api-errors.test.tsx).
export default function SaveViewModalHost() {
  return <SaveViewModal open state={{ view: 'custom', filters: { priority: ['urgent'] }, sort: '-updated_at', columns: DEFAULT_COLUMNS }} current={null} onClose={() => undefined} onSaved={() => undefined} />;
}
