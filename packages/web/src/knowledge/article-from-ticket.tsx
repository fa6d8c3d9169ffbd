import { BookOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../api/client';
import { useMe } from '../auth/auth-context';
import { errorMessage } from '../common/api-errors';
import { mayWrite } from './article-access';
import { kbApi } from './kb-api';

// "转为知识文章" on a resolved ticket: a draft from its problem, resolution and replies, opened in the
// editor; when the ticket already has an article, that one is opened.
export function ArticleFromTicketButton({ ticket }: { ticket: { id: string; status: string } }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  if ((ticket.status !== 'resolved' && ticket.status !== 'closed') || !mayWrite(me)) return null;
  const run = () => {
    setBusy(true);
    kbApi
      .draftFromTicket(ticket.id)
      .then((a) => {
        message.success(t('kb.fromTicket.created'));
        navigate(`/knowledge/${a.id}`);
      })
      .catch((e) => {
        const existing = isApiError(e) && e.code === 'CONFLICT' ? (e.details[0] as { value?: string } | undefined)?.value : undefined;
        if (existing) {
          message.info(t('kb.fromTicket.exists'));
          navigate(`/knowledge/${existing}`);
        } else message.error(errorMessage(e, t));
      })
      .finally(() => setBusy(false));
  };
  return (
    <Button icon={<BookOutlined aria-hidden />} loading={busy} onClick={run} data-testid="ticket-to-article">
      {t('kb.fromTicket.button')}
    </Button>
  );
}
