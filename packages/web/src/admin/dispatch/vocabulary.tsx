import { AutoComplete, Input, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DISPATCH_KEYS, dispatchApi, type DispatchVocabulary } from './dispatch-api';

// The pick lists of the dispatch forms: the skills, certifications, regions and product lines the
// tenant's people hold, each with how many hold it ("电梯维保 · 6 人"). A new value can still be typed:
// people may be given it later.

export type Term = DispatchVocabulary['skills'][number] & { valid?: number };

/** Fetched each time a form opens (`open`), never in between; a failure leaves the lists empty. */
export function useVocabulary(open: boolean): DispatchVocabulary | undefined {
  const query = useQuery({ queryKey: DISPATCH_KEYS.vocabulary, queryFn: () => dispatchApi.vocabulary(), enabled: open, staleTime: 0 });
  return query.data;
}

/** "电梯维保 · 6 人"; a certification also says how many hold it valid when some have it expired. */
export function termLabel(term: Term, t: TFunction): string {
  if (term.valid !== undefined && term.valid < term.people) return t('dispatch.vocabulary.certPeople', { name: term.name, n: term.people, valid: term.valid });
  return t('dispatch.vocabulary.people', { name: term.name, n: term.people });
}

/** The terms containing what is typed (case-insensitive), as AutoComplete options labelled with their count. */
export function termOptions(terms: Term[] | undefined, typed: string | undefined, t: TFunction) {
  const q = (typed ?? '').trim().toLowerCase();
  return (terms ?? []).filter((x) => !q || x.name.toLowerCase().includes(q)).map((x) => ({ value: x.name, label: termLabel(x, t) }));
}

/** A free-text input offering the known terms (the Form.Item gives value and onChange). */
export function TermInput({ terms, value, onChange, maxLength, width, testId, placeholder, ariaLabel }: {
  terms: Term[] | undefined;
  value?: string;
  onChange?: (v: string) => void;
  maxLength: number;
  width: number;
  testId?: string;
  placeholder?: string;
  ariaLabel?: string;
}) {
  const { t } = useTranslation();
  // the input is our own, so its test id and label are on the <input> itself
  return (
    <AutoComplete value={value} onChange={onChange} options={termOptions(terms, value, t)} style={{ width }} popupMatchSelectWidth={false}>
      <Input maxLength={maxLength} placeholder={placeholder} aria-label={ariaLabel} data-testid={testId} />
    </AutoComplete>
  );
}

/** A tags Select's options: the tag shows the name alone, the list its count too (optionRender). */
export function tagOptions(terms: Term[] | undefined) {
  return (terms ?? []).map((x) => ({ value: x.name, label: x.name, people: x.people }));
}
export function TagOption({ name, people }: { name: string; people?: number }) {
  const { t } = useTranslation();
  return (
    <span>
      {name}
      {people !== undefined && <Typography.Text type="secondary"> {t('dispatch.vocabulary.count', { n: people })}</Typography.Text>}
    </span>
  );
}
/** For `optionRender`: a typed value has no count. */
export const renderTagOption = (o: { value?: string | number | null; data: { people?: number } }) => <TagOption name={String(o.value ?? '')} people={o.data.people} />;
