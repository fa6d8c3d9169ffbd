import { useEffect, useState, type FormEvent } from 'react';
import { FilePicker } from './file-picker';
import { failureText, filesTooLarge, multipartForm, portalCall, type PortalError, type Tracked, type TrackedFile, type PortalCtx } from './portal-api';

/** Follow a request: number + query code (or signed in), status in the customer's words, the conversation, reply, confirm or reopen. */
export function TrackView({ ctx, initial }: { ctx: PortalCtx; initial: { ref: string; code?: string } }) {
  const { t, slug, locale } = ctx;
  const [ref, setRef] = useState(initial.ref);
  const [code, setCode] = useState(initial.code ?? '');
  const [data, setData] = useState<Tracked | null>(null);
  const [error, setError] = useState('');
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [rateComment, setRateComment] = useState('');

  async function call(action: 'track' | 'reply' | 'confirm' | 'reopen' | 'rate', extra: Record<string, unknown> = {}, files?: File[]) {
    setError('');
    try {
      const fields = { code: code.trim() || undefined, locale, ...extra };
      setData(await portalCall<Tracked>(slug, 'POST', `/requests/${encodeURIComponent(ref.trim())}/${action}`, files?.length ? multipartForm(fields, files) : fields));
      return true;
    } catch (err) {
      const e = err as PortalError;
      setError(e.status === 404 ? t.notFound : failureText(e, t));
      return false;
    }
  }
  useEffect(() => {
    if (initial.ref && (initial.code || !initial.code)) void call('track');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial.ref, initial.code, locale]);

  async function reply(e: FormEvent) {
    e.preventDefault();
    if (filesTooLarge(files)) return setError(t.fileTooLarge);
    if (await call('reply', { body: text }, files)) {
      setText('');
      setFiles([]);
    }
  }

  const fileLinks = (files: TrackedFile[]) =>
    files.map((f, i) => (
      <span key={f.id}>
        {i > 0 && '、'}
        <a href={`/api/v1/portal/${encodeURIComponent(slug)}/requests/${encodeURIComponent(ref.trim())}/files/${f.id}${code.trim() ? `?code=${encodeURIComponent(code.trim())}` : ''}`} target="_blank" rel="noreferrer">{f.filename}</a>
      </span>
    ));
  return (
    <section className="portal-box">
      <form className="portal-row" onSubmit={(e) => { e.preventDefault(); void call('track'); }}>
        <input placeholder={t.number} value={ref} onChange={(e) => setRef(e.target.value)} data-testid="portal-track-number" required />
        <input placeholder={t.code} value={code} onChange={(e) => setCode(e.target.value)} data-testid="portal-track-code" />
        <button type="submit" className="portal-primary" data-testid="portal-track-go">{t.lookUp}</button>
      </form>
      {error && <p className="portal-error" role="alert" data-testid="portal-track-error">{error}</p>}
      {data && (
        <div data-testid="portal-tracked">
          <h2>{data.number !== null ? `#${data.number} ` : ''}{data.title}</h2>
          <p className="portal-status" data-testid="portal-status">{t.status}: {data.statusText}</p>
          {data.expected && <p className="portal-expected" data-testid="portal-expected">{data.expected.text}</p>}
          {data.visit && <p className="portal-expected" data-testid="portal-visit">{data.visit.text}</p>}
          {data.files.length > 0 && <p className="portal-hint">{t.files}: {fileLinks(data.files)}</p>}
          <h3>{t.conversation}</h3>
          <ul className="portal-messages" data-testid="portal-messages">
            {data.messages.map((m) => (
              <li key={m.id} className={m.from}>
                <b>{m.from === 'agent' ? m.authorName || t.agent : t.you}</b>
                <span>{m.text}</span>
                {m.files.length > 0 && <small>{t.files}: {fileLinks(m.files)}</small>}
              </li>
            ))}
          </ul>
          {data.survey?.open && (
            <div className="portal-box" data-testid="portal-rate">
              <span>{t.rateQ}</span>
              <textarea rows={2} maxLength={2000} value={rateComment} onChange={(e) => setRateComment(e.target.value)} placeholder={t.rateComment} data-testid="portal-rate-comment" />
              <div className="portal-row">
                {[1, 2, 3, 4, 5].map((n) => (
                  <button key={n} type="button" aria-label={`${n}`} data-testid={`portal-star-${n}`} onClick={() => call('rate', { score: n, comment: rateComment.trim() || undefined })}>{'★'.repeat(n)}</button>
                ))}
              </div>
            </div>
          )}
          {data.survey?.answer && (
            <p className="portal-hint" data-testid="portal-rated">
              {t.rated}{'★'.repeat(data.survey.answer.score)}
              {data.survey.answer.comment && <><br />{data.survey.answer.comment}</>}
            </p>
          )}
          {data.canConfirm && (
            <div className="portal-row">
              <button type="button" className="portal-primary" data-testid="portal-confirm" onClick={() => call('confirm')}>{t.confirm}</button>
              <button type="button" data-testid="portal-reopen" onClick={() => call('reopen')}>{t.reopen}</button>
            </div>
          )}
          {data.canReply && (
            <form onSubmit={reply}>
              <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={t.reply} required data-testid="portal-reply-text" />
              <FilePicker t={t} files={files} onChange={setFiles} testId="portal-reply-files" />
              <button type="submit" className="portal-primary" data-testid="portal-reply-send">{t.send}</button>
            </form>
          )}
        </div>
      )}
    </section>
  );
}
