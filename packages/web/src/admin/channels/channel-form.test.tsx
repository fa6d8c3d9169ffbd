import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { IntakeChannel } from '../../api/intake-types';
import { LookupsProvider } from '../../common/lookups';
import { renderUi, stubFetch } from '../../test/render';
import { choose, typeTags } from '../../test/select';
import { ChannelForm } from './channel-form';

const TEAM = '0190a0a0-0000-7000-8000-0000000000f1';
const lookups = {
  'GET /api/v1/categories': () => ({ status: 200, body: { items: [] } }),
  'GET /api/v1/ticket-types': () => ({ status: 200, body: { items: [] } }),
  'GET /api/v1/teams': () => ({ status: 200, body: { items: [{ id: TEAM, name: '网络运维组', description: '', skills: [], memberIds: [] }] } }),
};
const stored: IntakeChannel = {
  id: '0190a0a0-0000-7000-8000-0000000000c1',
  kind: 'wecom',
  name: '企业微信报修',
  enabled: true,
  address: null,
  settings: { corpId: 'ww5f3a9c0d1e2b', agentId: '1000002', apiBaseUrl: 'https://qyapi.weixin.qq.com', futureSetting: 'kept' },
  secretsSet: ['token', 'corpSecret'],
  defaults: { priority: 'high', rules: [{ keywords: ['断网'], teamId: TEAM }] },
  createdAt: '2026-11-20T08:00:00Z',
  updatedAt: '2026-11-20T08:00:00Z',
};

function open(target: IntakeChannel | 'new', onSaved: (c: IntakeChannel) => void = () => undefined) {
  renderUi(
    <MemoryRouter>
      <LookupsProvider>
        <ChannelForm target={target} canEdit onClose={() => undefined} onSaved={onSaved} />
      </LookupsProvider>
    </MemoryRouter>,
  );
}

const save = () => act(async () => void fireEvent.click(screen.getByTestId('channel-save')));

describe('channel dialog', () => {
  it('asks each kind for its own fields: a mailbox, a WeCom app, a web form', async () => {
    stubFetch(lookups);
    open('new');
    // email (the first kind): the receiving address, IMAP and a write-only password
    await screen.findByTestId('channel-address');
    for (const id of ['setting-from', 'setting-imap-host', 'setting-imap-port', 'setting-imap-secure', 'setting-imap-user', 'setting-imap-mailbox', 'setting-relayUrl', 'secret-imapPassword', 'secret-relayPassword'])
      expect(screen.getByTestId(id)).toBeTruthy();
    expect(screen.queryByTestId('channel-callback-later')).toBeNull();
    await choose('channel-kind', '企业微信');
    await screen.findByTestId('setting-corpId');
    for (const id of ['setting-agentId', 'setting-apiBaseUrl', 'secret-token', 'secret-encodingAesKey', 'secret-corpSecret']) expect(screen.getByTestId(id)).toBeTruthy();
    expect(screen.queryByTestId('setting-imap-host')).toBeNull();
    expect(screen.queryByTestId('channel-address')).toBeNull();
    expect(screen.getByTestId('secret-token-state').textContent).toBe('未设置');
    expect(screen.getByTestId('channel-callback-later').textContent).toContain('保存后生成');
    await choose('channel-kind', '网页');
    // a web form's address is a public key the server gives: nothing to type
    expect((await screen.findByTestId('channel-key-later')).textContent).toContain('公开密钥');
    expect(screen.queryByTestId('channel-address')).toBeNull();
    expect(screen.queryByTestId('secret-token')).toBeNull();
  });

  it('keeps the IMAP settings together as the server reads them (settings.imap)', async () => {
    const calls = stubFetch({ ...lookups, 'POST /api/v1/channels': (b) => ({ status: 201, body: { ...stored, ...(b as object), kind: 'email', id: 'm1', secretsSet: ['imapPassword'] } }) });
    open('new');
    fireEvent.change(await screen.findByTestId('channel-name'), { target: { value: '客服邮箱' } });
    fireEvent.change(screen.getByTestId('channel-address'), { target: { value: ' support@acme.cn ' } });
    fireEvent.change(screen.getByTestId('setting-imap-host'), { target: { value: 'imap.exmail.qq.com' } });
    fireEvent.change(screen.getByTestId('setting-imap-port'), { target: { value: '993' } });
    fireEvent.click(screen.getByTestId('setting-imap-secure'));
    fireEvent.change(screen.getByTestId('setting-imap-user'), { target: { value: 'support@acme.cn' } });
    fireEvent.change(screen.getByTestId('secret-imapPassword-input'), { target: { value: 'Mail#2026' } });
    await save();
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      kind: 'email',
      name: '客服邮箱',
      enabled: true,
      address: 'support@acme.cn',
      settings: { imap: { host: 'imap.exmail.qq.com', port: 993, secure: true, user: 'support@acme.cn' } },
      secrets: { imapPassword: 'Mail#2026' },
      defaults: { rules: [] },
    });
  });

  it('a new web form gets its public key and embed code at once', async () => {
    const web = { ...stored, id: 'w1', kind: 'web', name: '官网报修', settings: {}, secretsSet: [], defaults: {}, address: null };
    const calls = stubFetch({
      ...lookups,
      'POST /api/v1/channels': () => ({ status: 201, body: web }),
      'POST /api/v1/channels/w1/public-key': () => ({ status: 200, body: { ...web, address: 'wf_0123456789abcdef01234567' } }),
    });
    let saved: IntakeChannel | null = null;
    open('new', (c) => (saved = c));
    await choose('channel-kind', '网页');
    fireEvent.change(await screen.findByTestId('channel-name'), { target: { value: '官网报修' } });
    await save();
    await waitFor(() => expect(saved?.address).toBe('wf_0123456789abcdef01234567'));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual(['/api/v1/channels', '/api/v1/channels/w1/public-key']);
  });

  it('creates a WeCom channel with its settings, secrets and a keyword rule', async () => {
    const calls = stubFetch({ ...lookups, 'POST /api/v1/channels': (b) => ({ status: 201, body: { ...stored, ...(b as object), id: 'new', secretsSet: ['token'] } }) });
    let saved: IntakeChannel | null = null;
    open('new', (c) => (saved = c));
    await choose('channel-kind', '企业微信');
    fireEvent.change(await screen.findByTestId('channel-name'), { target: { value: '  企业微信报修  ' } });
    fireEvent.change(screen.getByTestId('setting-corpId'), { target: { value: 'ww5f3a9c0d1e2b' } });
    fireEvent.change(screen.getByTestId('setting-agentId'), { target: { value: '1000002' } });
    fireEvent.change(screen.getByTestId('secret-token-input'), { target: { value: 'Tk9x2Lm' } });
    await choose('channel-default-priority', '紧急');
    fireEvent.click(screen.getByTestId('rule-add'));
    await screen.findByTestId('rule-0-keywords');
    typeTags('rule-0-keywords', ['断网', '无法上网']);
    await choose('rule-0-team', '网络运维组');
    await choose('rule-0-priority', '高');
    await save();
    await waitFor(() => expect(saved).not.toBeNull());
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      kind: 'wecom',
      name: '企业微信报修',
      enabled: true,
      settings: { corpId: 'ww5f3a9c0d1e2b', agentId: '1000002' },
      secrets: { token: 'Tk9x2Lm' },
      defaults: { priority: 'urgent', rules: [{ keywords: ['断网', '无法上网'], teamId: TEAM, priority: 'high' }] },
    });
  });

  it('never shows a stored secret: set / not set, replace or clear, and only changes are sent', async () => {
    const calls = stubFetch({ ...lookups, [`PATCH /api/v1/channels/${stored.id}`]: (b) => ({ status: 200, body: { ...stored, ...(b as object) } }) });
    Object.defineProperty(window, 'location', { value: new URL('https://gongdan.example.cn/admin/channels'), configurable: true });
    open(stored);
    expect((await screen.findByTestId('secret-token-state')).textContent).toBe('已设置');
    expect(screen.getByTestId('secret-encodingAesKey-state').textContent).toBe('未设置');
    expect((screen.getByTestId('secret-token-input') as HTMLInputElement).value).toBe('');
    expect(screen.queryByTestId('secret-encodingAesKey-clear')).toBeNull();
    // the URL to paste into the WeCom console
    expect((screen.getByTestId('channel-callback') as HTMLInputElement).value).toBe(`https://gongdan.example.cn/callbacks/wecom/${stored.id}`);
    // the stored rule is there to change
    expect(within(screen.getByTestId('channel-rules')).getByText('断网')).toBeTruthy();
    fireEvent.click(screen.getByTestId('secret-corpSecret-clear'));
    expect(screen.getByTestId('secret-corpSecret-state').textContent).toBe('保存后清除');
    fireEvent.change(screen.getByTestId('secret-encodingAesKey-input'), { target: { value: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' } });
    fireEvent.change(screen.getByTestId('setting-apiBaseUrl'), { target: { value: '' } });
    await save();
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const body = calls.find((c) => c.method === 'PATCH')!.body as Record<string, unknown>;
    // the token was left alone: not sent at all; the cleared one is null; unknown settings survive
    expect(body.secrets).toEqual({ encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', corpSecret: null });
    expect(body.settings).toEqual({ corpId: 'ww5f3a9c0d1e2b', agentId: '1000002', futureSetting: 'kept' });
    expect(body).not.toHaveProperty('kind');
    expect(body.defaults).toEqual({ priority: 'high', rules: [{ keywords: ['断网'], teamId: TEAM }] });
  });

  it('asks for the keywords of a rule before saving', async () => {
    const calls = stubFetch({ ...lookups, 'POST /api/v1/channels': () => ({ status: 201, body: stored }) });
    open('new');
    fireEvent.change(await screen.findByTestId('channel-name'), { target: { value: '客服邮箱' } });
    fireEvent.change(screen.getByTestId('channel-address'), { target: { value: 'support@acme.cn' } });
    fireEvent.click(screen.getByTestId('rule-add'));
    await save();
    await screen.findByText('请至少输入一个关键词');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
