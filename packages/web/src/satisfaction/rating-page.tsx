import { StarFilled } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Radio, Rate, Result, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../api/client';
import { errorMessage } from '../common/api-errors';
import { LanguageSwitch } from '../layout/app-layout';
import { CSAT_KEYS, csatApi, type CsatSurvey } from './csat-api';

// 服务评价: the public rating page the survey link opens (/csat/:token; no sign-in, phone first): big
// stars, a comment, the 0–10 recommendation question when the tenant asks it. One answer per survey.

const COMMENT_MAX = 2000;

function Frame({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div style={{ minHeight: '100vh', display: 'flex', justifyContent: 'center', padding: '16px 12px', background: '#f5f5f5' }}>
      <Card style={{ width: 480, maxWidth: '100%', alignSelf: 'flex-start' }} title={t('csat.rate.title')} extra={<LanguageSwitch />} data-testid="csat-page">
        {children}
      </Card>
    </div>
  );
}

function Form({ token, survey }: { token: string; survey: CsatSurvey }) {
  const { t } = useTranslation();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [nps, setNps] = useState<number | null>(null);
  const send = useMutation({ mutationFn: () => csatApi.answer(token, { score, comment: comment.trim() || null, ...(survey.npsAsked && nps !== null ? { nps } : {}) }) });
  if (send.isSuccess)
    return <Result status="success" title={t('csat.rate.thanks')} subTitle={t('csat.rate.thanksDetail')} data-testid="csat-thanks" />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Text type="secondary" data-testid="csat-ticket">
        {t('csat.rate.ticket', { number: survey.ticketNumber, title: survey.ticketTitle })}
      </Typography.Text>
      <div style={{ textAlign: 'center' }}>
        <Typography.Title level={5}>{t('csat.rate.question')}</Typography.Title>
        <Rate value={score} onChange={setScore} character={<StarFilled aria-hidden />} style={{ fontSize: 44 }} tooltips={[1, 2, 3, 4, 5].map((n) => t(`csat.rate.stars.${n}`))} data-testid="csat-stars" />
        <div style={{ minHeight: 24, marginTop: 8 }} data-testid="csat-star-label">
          {score ? t(`csat.rate.stars.${score}`) : <Typography.Text type="secondary">{t('csat.rate.pickStars')}</Typography.Text>}
        </div>
      </div>
      {survey.npsAsked && (
        <div data-testid="csat-nps">
          <Typography.Paragraph>{t('csat.rate.nps')}</Typography.Paragraph>
          <Radio.Group value={nps} onChange={(e) => setNps(e.target.value as number)} optionType="button" buttonStyle="solid" style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
            {Array.from({ length: 11 }, (_, n) => (
              <Radio.Button key={n} value={n} style={{ minWidth: 36, textAlign: 'center' }} data-testid={`csat-nps-${n}`}>
                {n}
              </Radio.Button>
            ))}
          </Radio.Group>
          <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 4 }}>
            <Typography.Text type="secondary">{t('csat.rate.npsLow')}</Typography.Text>
            <Typography.Text type="secondary">{t('csat.rate.npsHigh')}</Typography.Text>
          </div>
        </div>
      )}
      <div>
        <Typography.Paragraph>{t('csat.rate.comment')}</Typography.Paragraph>
        <Input.TextArea value={comment} onChange={(e) => setComment(e.target.value)} maxLength={COMMENT_MAX} showCount rows={4} placeholder={t('csat.rate.commentPlaceholder')} data-testid="csat-comment" />
      </div>
      {send.isError && <Alert type="error" showIcon title={errorMessage(send.error, t)} data-testid="csat-error" />}
      <Button type="primary" size="large" block disabled={!score} loading={send.isPending} onClick={() => send.mutate()} data-testid="csat-submit">
        {t('csat.rate.submit')}
      </Button>
    </Space>
  );
}

export default function RatingPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const q = useQuery({ queryKey: CSAT_KEYS.survey(token), queryFn: () => csatApi.survey(token), retry: false });
  if (q.isPending) return <Frame><Skeleton active /></Frame>;
  if (q.isError)
    return (
      <Frame>
        {isApiError(q.error) && q.error.code === 'NOT_FOUND' ? (
          <Result status="warning" title={t('csat.rate.invalid')} subTitle={t('csat.rate.invalidDetail')} data-testid="csat-invalid" />
        ) : (
          <Alert type="error" showIcon title={errorMessage(q.error, t)} data-testid="csat-error" />
        )}
      </Frame>
    );
  const s = q.data;
  if (s.answered)
    return (
      <Frame>
        <Result status="success" title={t('csat.rate.answered')} subTitle={s.answer ? t('csat.rate.yourScore', { score: s.answer.score }) : undefined} data-testid="csat-answered" />
      </Frame>
    );
  if (s.expired)
    return (
      <Frame>
        <Result status="info" title={t('csat.rate.expired')} subTitle={t('csat.rate.expiredDetail')} data-testid="csat-expired" />
      </Frame>
    );
  return (
    <Frame>
      <Form token={token} survey={s} />
    </Frame>
  );
}
