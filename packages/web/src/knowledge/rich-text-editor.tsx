import { BoldOutlined, FileImageOutlined, OrderedListOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

// A small rich-text editor for articles: an editable area with bold, headings and lists, and buttons
// that upload an image (inserted where the cursor is) or an attachment (linked). The HTML goes to the
// server, which keeps only the safe subset (the same as comments).

interface Props {
  value: string;
  onChange: (html: string) => void;
  /** Uploads a file and answers its url; absent until the article is saved once. */
  upload?: (file: File) => Promise<{ url: string; filename: string; contentType: string }>;
  readOnly?: boolean;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function RichTextEditor({ value, onChange, upload, readOnly }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const imageOnly = useRef(false);
  // the editor owns its content while typing; a value from outside (loaded, reset) replaces it
  useEffect(() => {
    if (box.current && box.current.innerHTML !== value) box.current.innerHTML = value;
  }, [value]);
  const changed = () => onChange(box.current?.innerHTML ?? '');
  const exec = (command: string, arg?: string) => {
    box.current?.focus();
    document.execCommand?.(command, false, arg);
    changed();
  };
  const insertHtml = (html: string) => {
    box.current?.focus();
    if (!document.execCommand?.('insertHTML', false, html) && box.current) box.current.innerHTML += html;
    changed();
  };
  const pick = (image: boolean) => {
    imageOnly.current = image;
    fileInput.current?.click();
  };
  const uploaded = async (file: File) => {
    if (!upload) return;
    const f = await upload(file);
    insertHtml(f.contentType.startsWith('image/') ? `<img src="${escape(f.url)}" alt="${escape(f.filename)}">` : `<p><a href="${escape(f.url)}">${escape(f.filename)}</a></p>`);
  };
  return (
    <div className="gd-rich-editor" style={{ border: '1px solid #d9d9d9', borderRadius: 6 }}>
      {!readOnly && (
        <Space size={2} style={{ padding: 4, borderBottom: '1px solid #f0f0f0', width: '100%' }} wrap>
          <Tooltip title={t('kb.editor.bold')}>
            <Button size="small" type="text" icon={<BoldOutlined aria-hidden />} aria-label={t('kb.editor.bold')} onMouseDown={(e) => e.preventDefault()} onClick={() => exec('bold')} />
          </Tooltip>
          <Button size="small" type="text" onMouseDown={(e) => e.preventDefault()} onClick={() => exec('formatBlock', 'h2')} data-testid="rte-heading">
            {t('kb.editor.heading')}
          </Button>
          <Tooltip title={t('kb.editor.list')}>
            <Button size="small" type="text" icon={<OrderedListOutlined aria-hidden />} aria-label={t('kb.editor.list')} onMouseDown={(e) => e.preventDefault()} onClick={() => exec('insertOrderedList')} />
          </Tooltip>
          {upload && (
            <>
              <Button size="small" type="text" icon={<FileImageOutlined aria-hidden />} onClick={() => pick(true)} data-testid="rte-image">
                {t('kb.editor.image')}
              </Button>
              <Button size="small" type="text" icon={<PaperClipOutlined aria-hidden />} onClick={() => pick(false)} data-testid="rte-attach">
                {t('kb.editor.attach')}
              </Button>
              <input
                ref={fileInput}
                type="file"
                hidden
                accept={imageOnly.current ? 'image/*' : undefined}
                data-testid="rte-file"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void uploaded(file);
                }}
              />
            </>
          )}
        </Space>
      )}
      <div
        ref={box}
        className="gd-comment-body"
        contentEditable={!readOnly}
        suppressContentEditableWarning
        role="textbox"
        aria-multiline
        aria-label={t('kb.editor.body')}
        data-testid="article-body"
        onInput={changed}
        onBlur={changed}
        style={{ minHeight: 240, padding: '8px 12px', outline: 'none' }}
      />
    </div>
  );
}
