import type { PortalTexts } from '../i18n/portal.zh-CN';
import { FILE_LIMITS } from './portal-api';

/**
 * Picking photos and files in the portal: the browser's own file button speaks the browser's language
 * ("Choose Files"), so it stays hidden behind a button in the page's words, with the picked names beside it.
 * `files` is the form's state; clearing it (after sending) clears the input too.
 */
export function FilePicker({ t, files, onChange, testId }: { t: PortalTexts; files: File[]; onChange: (files: File[]) => void; testId: string }) {
  return (
    <div className="portal-files">
      <label className="portal-file-button">
        {t.chooseFiles}
        <input
          type="file"
          multiple
          hidden
          // a new input once the list is cleared, so the same photo can be picked again
          key={files.length ? 'picked' : 'empty'}
          onChange={(e) => onChange([...(e.target.files ?? [])].slice(0, FILE_LIMITS.count))}
          data-testid={testId}
        />
      </label>
      <small className="portal-hint" data-testid={`${testId}-names`}>{files.length ? files.map((f) => f.name).join('、') : t.filesHint}</small>
    </div>
  );
}
