import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../api/client';
import { mapErrorToFields } from './api-errors';

/**
 * A form's submit: validates, marks the form busy, sends, and on failure puts each API error next to
 * its field (`known`: the form's field paths) and the rest in `general`. `onError` sees the error too.
 */
export function useFormSubmit<V>(
  form: FormInstance<V>,
  known: string[] | (() => string[]),
  opts: { describe?: (issue: FieldIssue) => string | null; onError?: (err: unknown) => void } = {},
) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const submit = async (send: (values: V) => Promise<void>) => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setGeneral(null);
    try {
      await send(v);
    } catch (err) {
      const { fields, general: g } = mapErrorToFields(err, t, typeof known === 'function' ? known() : known, opts.describe);
      form.setFields(fields as never);
      setGeneral(g);
      opts.onError?.(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, general, setGeneral, submit };
}
