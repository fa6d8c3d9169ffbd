import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IntelModel } from '../../api/intelligence-types';
import { formatNumber } from '../../i18n/format';
import { heat, presentClasses, topConfusions } from './confusion';

// A model's mistakes on the held-back tickets: the most common confusions in words, then the
// matrix of the classes that occur (a full matrix of every category would not fit a card).

const cell: React.CSSProperties = { border: '1px solid #f0f0f0', padding: '2px 6px', textAlign: 'center', minWidth: 32 };
const head: React.CSSProperties = { ...cell, fontWeight: 'normal', color: 'rgba(0,0,0,0.55)', maxWidth: 96, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };

export function ConfusionView({ model }: { model: IntelModel }) {
  const { t } = useTranslation();
  const pairs = topConfusions(model);
  const shown = presentClasses(model);
  const target = model.target;
  return (
    <div>
      <Typography.Text strong>{t('intel.admin.confused')}</Typography.Text>
      {pairs.length ? (
        <List
          size="small"
          data-testid={`intel-confused-${target}`}
          dataSource={pairs}
          renderItem={(p) => (
            <List.Item style={{ padding: '2px 0' }} extra={<Typography.Text strong>{formatNumber(p.count)}</Typography.Text>}>
              {t('intel.admin.confusedPair', { actual: p.actual, predicted: p.predicted })}
            </List.Item>
          )}
        />
      ) : (
        <div>
          <Typography.Text type="secondary" data-testid={`intel-confused-${target}`}>
            {t('intel.admin.noConfusion')}
          </Typography.Text>
        </div>
      )}
      {shown.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('intel.admin.matrix')}</Typography.Text>{' '}
          <Typography.Text type="secondary">{t('intel.admin.matrixHelp')}</Typography.Text>
          <div style={{ overflowX: 'auto', marginTop: 4 }}>
            <table style={{ borderCollapse: 'collapse', fontSize: 12 }} data-testid={`intel-matrix-${target}`}>
              <thead>
                <tr>
                  <th style={head}>{t('intel.admin.actualPredicted')}</th>
                  {shown.map((j) => (
                    <th key={j} style={head} title={model.classes[j].label}>
                      {model.classes[j].label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((i) => {
                  const row = model.confusion[i] ?? [];
                  const total = row.reduce((a, b) => a + b, 0);
                  return (
                    <tr key={i}>
                      <th style={{ ...head, textAlign: 'left' }} title={model.classes[i].label}>
                        {model.classes[i].label}
                      </th>
                      {shown.map((j) => (
                        <td key={j} style={{ ...cell, background: heat(row[j] ?? 0, total, i === j) }} data-testid={`intel-cell-${target}-${i}-${j}`}>
                          {row[j] ? formatNumber(row[j]) : ''}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
