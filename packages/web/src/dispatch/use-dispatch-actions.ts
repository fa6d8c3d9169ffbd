import { CheckCircleFilled } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createElement } from 'react';
import { dispatchApi } from './dispatch-api';
import type { DispatchBody } from './dispatch-types';

// Dispatch changes (assign, accept, decline); afterwards every dispatch query is read again (the board,
// the ticket's panel, the recommendations), since one assignment changes loads and rankings of others.

export function useAfterChange() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['dispatch'] });
}

export function useAssign() {
  const after = useAfterChange();
  return useMutation({ mutationFn: ({ ticketId, body }: { ticketId: string; body: DispatchBody }) => dispatchApi.assign(ticketId, body), onSuccess: after });
}

export function useAccept() {
  const after = useAfterChange();
  return useMutation({ mutationFn: (ticketId: string) => dispatchApi.accept(ticketId), onSuccess: after });
}

export function useDecline() {
  const after = useAfterChange();
  return useMutation({ mutationFn: ({ ticketId, reason }: { ticketId: string; reason: string }) => dispatchApi.decline(ticketId, reason), onSuccess: after });
}

export const canOverride = (role: string) => role === 'admin' || role === 'supervisor';

/** A success toast whose icon screen readers skip (Ant Design's names itself "check-circle"). */
export const successToast = (content: string) => ({ content, icon: createElement(CheckCircleFilled, { 'aria-hidden': true }) });
