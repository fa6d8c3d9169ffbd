import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { renderUi, stubFetch } from '../test/render';
import { ContactFormModal } from './contact-form-modal';
import { IdentityForm } from './identity-form';
import { identityProblem, normalizePhone } from './identity-rules';

const CONTACT = '0190a0a0-0000-7000-8000-0000000000c1';
const contact = { id: CONTACT, name: '张三', organizationId: null, organization: null, tier: null, effectiveTier: 'standard', notes: '', identities: [{ kind: 'phone', value: '13812345678' }] };

const submit = async (testId: string) =>
  act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });

describe('identity rules', () => {
  it('accepts phones the way the server normalises them', () => {
    expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(identityProblem('phone', '010-8888 6666')).toBeNull();
    expect(identityProblem('phone', '138abc')).toBe('customers.identityInvalid.phone');
    expect(identityProblem('email', 'zhang@example')).toBe('customers.identityInvalid.email');
    expect(identityProblem('wechat', 'wxid_abc')).toBeNull();
    expect(identityProblem('device', '  ')).toBe('customers.identityRequired');
  });
});

describe('adding an identity', () => {
  it('refuses a malformed phone at the field without asking the server', async () => {
    const calls = stubFetch({});
    renderUi(<IdentityForm contactId={CONTACT} onAdded={() => undefined} />);
    fireEvent.change(screen.getByTestId('identity-value'), { target: { value: '138-abc' } });
    await submit('identity-add');
    await waitFor(() => expect(screen.getByText('请输入有效的电话号码（数字，可带 +、空格或短横线）')).toBeTruthy());
    expect(calls).toHaveLength(0);
  });

  it('shows an identity of another contact under the value, in Chinese', async () => {
    const message = 'phone 13912345678 already belongs to another contact (李四, x); merge the contacts instead';
    const calls = stubFetch({
      [`POST /api/v1/contacts/${CONTACT}/identities`]: () => ({
        status: 409,
        body: { error: { code: 'CONFLICT', message, field: 'value', details: [{ field: 'value', code: 'identity_taken', message }] } },
      }),
    });
    renderUi(<IdentityForm contactId={CONTACT} onAdded={() => undefined} />);
    fireEvent.change(screen.getByTestId('identity-value'), { target: { value: '139 1234 5678' } });
    await submit('identity-add');
    await waitFor(() => expect(screen.getByText('已属于另一位联系人，如是同一人请合并联系人')).toBeTruthy());
    expect(screen.getByText('已属于另一位联系人，如是同一人请合并联系人').closest('.ant-form-item')?.querySelector('[data-testid="identity-value"]')).toBeTruthy();
    expect(calls[0].body).toEqual({ kind: 'phone', value: '139 1234 5678' });
    expect(screen.queryByTestId('identity-error')).toBeNull();
  });

  it('links to the contact that has the identity and offers to merge it when the server names it', async () => {
    const OWNER = '0190a0a0-0000-7000-8000-0000000000c2';
    const message = `phone 13912345678 already belongs to another contact (李四, ${OWNER}); merge the contacts instead`;
    stubFetch({
      [`POST /api/v1/contacts/${CONTACT}/identities`]: () => ({
        status: 409,
        body: { error: { code: 'CONFLICT', message, field: 'value', details: [{ field: 'value', code: 'identity_taken', message, ownerId: OWNER, ownerName: '李四' }] } },
      }),
    });
    const onMergeOwner = vi.fn();
    renderUi(
      <MemoryRouter>
        <IdentityForm contactId={CONTACT} onAdded={() => undefined} onMergeOwner={onMergeOwner} />
      </MemoryRouter>,
    );
    fireEvent.change(screen.getByTestId('identity-value'), { target: { value: '13912345678' } });
    await submit('identity-add');
    const notice = await screen.findByTestId('identity-owner');
    expect(notice.textContent).toContain('该联系方式已属于联系人“李四”');
    expect(screen.getByTestId('identity-owner-link').getAttribute('href')).toBe(`/customers/contacts/${OWNER}`);
    fireEvent.click(screen.getByTestId('identity-owner-merge'));
    expect(onMergeOwner).toHaveBeenCalledWith(OWNER);
  });

  it('hands the updated contact back when the server accepts', async () => {
    stubFetch({ [`POST /api/v1/contacts/${CONTACT}/identities`]: (b) => ({ status: 201, body: { ...contact, identities: [...contact.identities, b] } }) });
    let added: typeof contact | null = null;
    renderUi(<IdentityForm contactId={CONTACT} onAdded={(c) => (added = c as typeof contact)} />);
    fireEvent.change(screen.getByTestId('identity-value'), { target: { value: '13900001111' } });
    await submit('identity-add');
    await waitFor(() => expect(added?.identities).toHaveLength(2));
  });
});

describe('creating a contact with identities', () => {
  it('links to the contact that already has the phone', async () => {
    const OWNER = '0190a0a0-0000-7000-8000-0000000000c3';
    const message = `phone 13800000001 already belongs to another contact (李娜, ${OWNER}); merge the contacts instead`;
    stubFetch({
      'POST /api/v1/contacts': () => ({
        status: 409,
        body: { error: { code: 'CONFLICT', message, field: 'identities.0.value', details: [{ field: 'identities.0.value', code: 'identity_taken', message, ownerId: OWNER, ownerName: '李娜' }] } },
      }),
    });
    renderUi(
      <MemoryRouter>
        <ContactFormModal open onClose={() => undefined} onSaved={() => undefined} />
      </MemoryRouter>,
    );
    fireEvent.change(await screen.findByTestId('contact-name'), { target: { value: '李娜（重复）' } });
    fireEvent.change(screen.getByTestId('contact-identity-value-0'), { target: { value: '13800000001' } });
    await submit('contact-form-ok');
    await waitFor(() => expect(screen.getByText('已属于另一位联系人，如是同一人请合并联系人')).toBeTruthy());
    expect(screen.getByTestId('identity-owner-link').getAttribute('href')).toBe(`/customers/contacts/${OWNER}`);
    expect(screen.getByTestId('identity-owner-link').textContent).toBe('查看“李娜”');
    expect(screen.queryByTestId('identity-owner-merge')).toBeNull();
  });

  it('puts the server’s issue for the second identity under that identity', async () => {
    stubFetch({
      'POST /api/v1/contacts': () => ({
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'email: must be an email address',
            field: 'identities.1.value',
            details: [{ field: 'identities.1.value', code: 'invalid', message: 'email: must be an email address' }],
          },
        },
      }),
    });
    renderUi(<ContactFormModal open onClose={() => undefined} onSaved={() => undefined} />);
    fireEvent.change(await screen.findByTestId('contact-name'), { target: { value: '王五' } });
    fireEvent.change(screen.getByTestId('contact-identity-value-0'), { target: { value: '13812345678' } });
    fireEvent.click(screen.getByTestId('contact-identity-add'));
    // the browser's check passes this one; the server refuses it
    fireEvent.change(await screen.findByTestId('contact-identity-value-1'), { target: { value: 'wang@例子.中国' } });
    await submit('contact-form-ok');
    await waitFor(() => expect(screen.getByText('请输入有效的邮箱地址')).toBeTruthy());
    expect(screen.getByText('请输入有效的邮箱地址').closest('.ant-form-item')?.querySelector('[data-testid="contact-identity-value-1"]')).toBeTruthy();
  });
});
