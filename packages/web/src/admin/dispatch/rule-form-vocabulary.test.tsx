import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LookupsProvider } from '../../common/lookups';
import { renderUi, stubFetch } from '../../test/render';
import RulesPage from './rules-page';

// The rule form offers the skills, certifications, regions and product lines the tenant's people hold,
// with how many hold each, still taking a new value; a rule saved with requirements nobody meets is
// kept, and the page says so in Chinese, worded by the warning's code and field (a tester's rule asked
// for 电梯维修 when the people had 电梯维保, and its tickets waited in the queue with nobody told).

const VOCABULARY = {
  skills: [{ name: '电梯维保', people: 6 }, { name: '扶梯', people: 2 }],
  certifications: [{ name: '特种设备作业证', people: 6, valid: 5 }, { name: '电工证', people: 3, valid: 3 }],
  regions: [{ name: '上海市/浦东新区', people: 4 }],
  productLines: [{ name: '电梯', people: 6 }],
  languages: [{ name: 'zh', people: 8 }],
};

function start(warnings: unknown[]) {
  const calls = stubFetch({
    'GET /api/v1/teams': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/users': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/dispatch/rules': () => ({ status: 200, body: { items: [] } }),
    'GET /api/v1/dispatch/vocabulary': () => ({ status: 200, body: VOCABULARY }),
    'POST /api/v1/dispatch/rules': (b) => {
      const body = b as Record<string, unknown>;
      return { status: 201, body: { id: '0190a0a0-0000-7000-8000-0000000000r1', position: 0, conditions: {}, createdAt: '2026-03-02T01:00:00.000Z', updatedAt: '2026-03-02T01:00:00.000Z', ...body, warnings } };
    },
  });
  renderUi(
    <LookupsProvider>
      <RulesPage />
    </LookupsProvider>,
  );
  return calls;
}

const inputOf = (testId: string) => {
  const el = screen.getByTestId(testId);
  return (el.tagName === 'INPUT' ? el : el.querySelector('input')!) as HTMLInputElement;
};
/** Types into an AutoComplete and waits for the option itself (waitFor retries only while it throws). */
async function typeAndSee(testId: string, typed: string, label: string) {
  const input = inputOf(testId);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: typed } });
  return waitFor(() => {
    const option = screen.getAllByText(label).find((el) => el.closest('.ant-select-item-option'));
    if (!option) throw new Error(`no option ${label} yet`);
    return option;
  });
}
const vocabularyCalls = (calls: { url: string }[]) => calls.filter((c) => c.url.includes('/dispatch/vocabulary')).length;

describe('the dispatch rule form and the known values', () => {
  it('offers the skills and certifications people hold with their counts, and takes one picked', async () => {
    const calls = start([]);
    fireEvent.click(await screen.findByTestId('rule-add'));
    await waitFor(() => expect(vocabularyCalls(calls)).toBe(1));
    fireEvent.click(await typeAndSee('rule-skill', '电梯', '电梯维保 · 6 人'));
    await waitFor(() => expect(inputOf('rule-skill').value).toBe('电梯维保'));
    // some hold it expired: said how many hold it valid
    await typeAndSee('rule-certification', '特种', '特种设备作业证 · 6 人（有效 5 人）');
    await typeAndSee('rule-region', '浦东', '上海市/浦东新区 · 4 人');
    await typeAndSee('rule-product-line', '电', '电梯 · 6 人');
    fireEvent.change(inputOf('rule-certification'), { target: { value: '' } });
    fireEvent.change(inputOf('rule-region'), { target: { value: '' } });
    fireEvent.change(inputOf('rule-product-line'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('rule-name'), { target: { value: '电梯维保' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('rule-save'));
    });
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ requirements: { skill: '电梯维保' } }));
    expect(screen.queryByTestId('rule-warnings')).toBeNull();
    // opened again: asked again (people may have changed meanwhile)
    fireEvent.click(screen.getByTestId('rule-add'));
    await waitFor(() => expect(vocabularyCalls(calls)).toBe(2));
  });

  it('takes a value nobody holds yet, and says in Chinese what the warning of the save means', async () => {
    const calls = start([
      { field: 'requirements.skill', code: 'NOBODY_QUALIFIES', message: 'Nobody has the skill 电梯维修 at level 3 or above: tickets this rule matches will wait in the queue', value: '电梯维修', level: 3 },
      { field: 'requirements.certification', code: 'ALL_EXPIRED', message: 'Every holder of the certification 电工证 (3) has it expired: tickets this rule matches will wait in the queue', value: '电工证', holders: 3 },
    ]);
    fireEvent.click(await screen.findByTestId('rule-add'));
    await typeAndSee('rule-skill', '电梯', '电梯维保 · 6 人');
    // a free value: no option is picked, what is typed stays
    fireEvent.change(inputOf('rule-skill'), { target: { value: '电梯维修' } });
    fireEvent.change(screen.getByTestId('rule-level'), { target: { value: '3' } });
    fireEvent.change(inputOf('rule-certification'), { target: { value: '电工证' } });
    fireEvent.change(screen.getByTestId('rule-name'), { target: { value: '电梯困人' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('rule-save'));
    });
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ name: '电梯困人', requirements: { skill: '电梯维修', level: 3, certification: '电工证' } }));
    const alert = await screen.findByTestId('rule-warnings');
    expect(alert.textContent).toContain('规则“电梯困人”已保存，但目前无人能接');
    expect(alert.textContent).toContain('目前没有人具备技能「电梯维修」（3 级及以上），符合此规则的工单将一直排队等待');
    expect(alert.textContent).toContain('持有证书「电工证」的 3 人证书均已过期，符合此规则的工单将一直排队等待');
    expect(alert.textContent).not.toContain('Nobody');
  });
});
