import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ImportJob } from '../../api/import-types';
import { renderUi, stubFetch } from '../../test/render';
import { IMPORT_COLUMNS } from './import-template';
import { ImportsView } from './imports-page';

const ID = '0190a0a0-0000-7000-8000-00000000a001';
const job = (over: Partial<ImportJob> = {}): ImportJob => ({
  id: ID,
  fileName: '旧系统工单.csv',
  fileSize: 20480,
  state: 'queued',
  totalRows: 300,
  processedRows: 0,
  created: 0,
  exists: 0,
  failed: 0,
  createdBy: { type: 'user', id: 'u1', name: '系统管理员' },
  createdAt: '2026-03-02T01:00:00Z',
  startedAt: null,
  finishedAt: null,
  error: null,
  errors: [],
  ...over,
});
const failedRow = {
  row: 10,
  externalId: 'ZD-10009',
  code: 'NOT_FOUND',
  field: 'category',
  message: 'No category named "空调" in this tenant; create it first or give an existing path (硬件/打印机), name or id',
  reason: 'not_found',
  value: '空调',
};
const done = job({ state: 'done', processedRows: 300, created: 297, exists: 2, failed: 1, errors: [failedRow], startedAt: '2026-03-02T01:00:01Z', finishedAt: '2026-03-02T01:00:09Z' });
const { errors: _e, ...doneSummary } = done;

const render = () =>
  renderUi(
    <MemoryRouter>
      <ImportsView pollMs={5} />
    </MemoryRouter>,
  );
const choose = (name: string, text: string) => {
  const input = screen.getByTestId('import-file').querySelector('input[type="file"]')!;
  act(() => {
    fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/csv' })] } });
  });
};

describe('ticket import page', () => {
  it('explains the columns and offers a Chinese CSV template with exactly those columns', async () => {
    stubFetch({ 'GET /api/v1/imports': () => ({ status: 200, body: { items: [], maxFileBytes: 52428800 } }) });
    render();
    await screen.findByTestId('admin-imports');
    expect(screen.getByTestId('admin-imports').textContent).toContain('50 MB');
    const columns = screen.getByTestId('import-columns');
    for (const c of IMPORT_COLUMNS) expect(columns.textContent).toContain(c);
    expect(columns.textContent).toContain('分类名称、路径（如 硬件/打印机）');
    const link = screen.getByTestId('import-template');
    expect(link.getAttribute('download')).toBe('工单导入模板.csv');
    const csv = decodeURIComponent(link.getAttribute('href')!.replace(/^data:text\/csv;charset=utf-8,/, ''));
    expect(csv.startsWith('\uFEFF' + IMPORT_COLUMNS.join(',') + '\r\n')).toBe(true);
    expect(csv).toContain('财务部打印机卡纸');
    expect(screen.getByTestId('import-history').textContent).toContain('还没有导入过工单');
    expect((screen.getByTestId('import-start') as HTMLButtonElement).disabled).toBe(true);
  });

  it('uploads the chosen file, follows the job to the end and offers training and the ticket list', async () => {
    const polls = [job({ state: 'running', processedRows: 100, created: 99, failed: 1, errors: [failedRow] }), done];
    let listed: unknown[] = [];
    const calls = stubFetch({
      'GET /api/v1/imports': () => ({ status: 200, body: { items: listed, maxFileBytes: 52428800 } }),
      'POST /api/v1/imports': () => {
        listed = [{ ...doneSummary, state: 'queued', processedRows: 0, created: 0, exists: 0, failed: 0 }];
        return { status: 202, body: job() };
      },
      [`GET /api/v1/imports/${ID}`]: () => {
        const next = polls.length > 1 ? polls.shift()! : polls[0];
        if (next.state === 'done') listed = [doneSummary];
        return { status: 200, body: next };
      },
      'POST /api/v1/intelligence/models/train': () => ({ status: 200, body: { settings: { threshold: 0.5, autoApply: true, rules: [] }, models: [] } }),
    });
    render();
    await screen.findByTestId('admin-imports');
    choose('旧系统工单.csv', 'external_id,title,created_at\nZD-1,打印机卡纸,2025-06-03T09:15:00+08:00\n');
    expect(screen.getByTestId('import-chosen').textContent).toContain('旧系统工单.csv');
    fireEvent.click(screen.getByTestId('import-start'));

    const upload = await waitFor(() => {
      const sent = calls.find((c) => c.method === 'POST' && c.url === '/api/v1/imports');
      expect(sent).toBeDefined();
      return sent!;
    });
    expect((upload.body as FormData).get('file')).toBeInstanceOf(File);
    await waitFor(() => expect(screen.getByTestId('import-progress').dataset.state).toBe('done'));
    expect(screen.getByTestId('import-created').textContent).toBe('297');
    expect(screen.getByTestId('import-exists').textContent).toBe('2');
    expect(screen.getByTestId('import-failed').textContent).toBe('1');
    expect(screen.getByTestId('import-done').textContent).toContain('新建 297 张，已存在 2 张，失败 1 行');
    const row = screen.getByTestId('import-error-10');
    expect(row.textContent).toContain('ZD-10009');
    expect(within(row).getByTitle('category').textContent).toBe('分类'); // the field by its label
    // what is wrong in Chinese, the server's English message under it
    expect(within(row).getByTestId('import-error-text').textContent).toBe('找不到分类“空调”：请先在分类管理中创建，或填写已有的分类路径（硬件/打印机）、名称或 ID');
    expect(within(row).getByTestId('import-error-message').textContent).toBe(failedRow.message);
    expect(screen.getByTestId('import-tickets-link').getAttribute('href')).toBe('/tickets');
    // the list follows the finished job
    await waitFor(() => expect(within(screen.getByTestId('import-history')).getByTestId('import-job-counts').textContent).toBe('297 / 2 / 1'));
    expect(within(screen.getByTestId('import-history')).getByTestId('import-state').textContent).toBe('已完成');

    fireEvent.click(screen.getByTestId('import-train'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/v1/intelligence/models/train')).toBe(true));
    expect(await screen.findByText('训练完成，智能分类已更新')).toBeTruthy();
  });

  it('shows why a file was refused, in Chinese with the server’s specifics', async () => {
    stubFetch({
      'GET /api/v1/imports': () => ({ status: 200, body: { items: [], maxFileBytes: 52428800 } }),
      'POST /api/v1/imports': () => ({
        status: 400,
        body: { error: { code: 'VALIDATION_FAILED', message: 'Unknown column 标题; the columns are external_id, title', field: 'file', details: [{ field: 'file', code: 'unknown_columns', message: 'Unknown column 标题' }] } },
      }),
    });
    render();
    await screen.findByTestId('admin-imports');
    choose('旧系统.csv', 'external_id,标题,created_at\n');
    fireEvent.click(screen.getByTestId('import-start'));
    const alert = await screen.findByTestId('import-upload-error');
    expect(alert.textContent).toContain('文件中有无法识别的列名');
    expect(alert.textContent).toContain('Unknown column 标题');
    expect(screen.queryByTestId('import-progress')).toBeNull();
  });

  it('follows an import still running when the page is opened, and opens an earlier one from the list', async () => {
    const running = job({ state: 'running', processedRows: 150, created: 150 });
    const { errors: _r, ...runningSummary } = running;
    const OLD = '0190a0a0-0000-7000-8000-00000000a000';
    const old = { ...doneSummary, id: OLD, fileName: '去年的工单.jsonl', createdAt: '2026-02-01T01:00:00Z' };
    stubFetch({
      'GET /api/v1/imports': () => ({ status: 200, body: { items: [runningSummary, old], maxFileBytes: 52428800 } }),
      [`GET /api/v1/imports/${ID}`]: () => ({ status: 200, body: running }),
      [`GET /api/v1/imports/${OLD}`]: () => ({ status: 200, body: { ...done, id: OLD, fileName: '去年的工单.jsonl' } }),
    });
    render();
    const progress = await screen.findByTestId('import-progress');
    expect(progress.dataset.state).toBe('running');
    expect(screen.getByTestId('import-progress-rows').textContent).toBe('已处理 150 / 300 行');
    expect(screen.getByTestId('import-progress-bar').textContent).toContain('50%');
    fireEvent.click(within(screen.getByTestId(`import-job-${OLD}`)).getByTestId('import-job-open'));
    await waitFor(() => expect(screen.getByTestId('import-progress').textContent).toContain('去年的工单.jsonl'));
    expect(screen.getByTestId('import-progress').dataset.state).toBe('done');
  });

  it('stops asking once the job is done, and the list follows it', async () => {
    const running = job({ state: 'running', processedRows: 150, created: 150 });
    const { errors: _r, ...runningSummary } = running;
    const answers: (() => { status: number; body: unknown })[] = [
      () => ({ status: 200, body: running }),
      () => ({ status: 200, body: done }),
    ];
    let listed: unknown[] = [runningSummary];
    const calls = stubFetch({
      'GET /api/v1/imports': () => ({ status: 200, body: { items: listed, maxFileBytes: 52428800 } }),
      [`GET /api/v1/imports/${ID}`]: () => {
        const answer = (answers.length > 1 ? answers.shift()! : answers[0])();
        if (answer.body === done) listed = [doneSummary];
        return answer;
      },
    });
    render();
    await waitFor(() => expect(screen.getByTestId('import-progress').dataset.state).toBe('running'));
    expect(screen.queryByTestId('import-poll-error')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('import-progress').dataset.state).toBe('done'));
    // the list follows the finished job
    await waitFor(() => expect(within(screen.getByTestId('import-history')).getByTestId('import-state').textContent).toBe('已完成'));
    const asked = () => calls.filter((c) => c.url === `/api/v1/imports/${ID}`).length;
    const after = asked();
    expect(after).toBe(2);
    await new Promise((r) => setTimeout(r, 50)); // ten polling periods
    expect(asked()).toBe(after);
  });

  it('shows a failed ask while the job is running, and clears it when the next one answers', async () => {
    const running = job({ state: 'running', processedRows: 150, created: 150 });
    const { errors: _r, ...runningSummary } = running;
    const answers: (() => { status: number; body: unknown })[] = [
      () => ({ status: 200, body: running }),
      () => ({ status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: 'restarting' } } }),
      () => ({ status: 200, body: { ...running, processedRows: 200 } }),
    ];
    let failedShown = false;
    stubFetch({
      'GET /api/v1/imports': () => ({ status: 200, body: { items: [runningSummary], maxFileBytes: 52428800 } }),
      [`GET /api/v1/imports/${ID}`]: () => (answers.length > 1 ? answers.shift()! : answers[0])(),
    });
    renderUi(
      <MemoryRouter>
        <ImportsView pollMs={40} />
      </MemoryRouter>,
    );
    await screen.findByTestId('import-progress');
    await waitFor(() => {
      if (screen.queryByTestId('import-poll-error')) failedShown = true;
      expect(screen.getByTestId('import-progress-rows').textContent).toBe('已处理 200 / 300 行');
    });
    expect(failedShown).toBe(true);
    expect(screen.queryByTestId('import-poll-error')).toBeNull();
  });
});
