import type { ReactNode } from 'react';
import { AuthProvider, useAuth } from '../auth/auth-context';
import type { Assignment, Candidates } from './dispatch-types';

// Chinese fixtures for the dispatch component tests, and a signed-in frame for components that read useMe.

export const TICKET = { id: '0190a0a0-0000-7000-8000-00000000dt01', number: 2051, title: '3 号楼电梯困人' };
export const ZHANG = '0190a0a0-0000-7000-8000-00000000du01';
export const LI = '0190a0a0-0000-7000-8000-00000000du02';
export const WANG = '0190a0a0-0000-7000-8000-00000000du03';

export const me = (id: string, role: string, name = '调度员小赵') => ({ type: 'user', id, name, role, scope: 'all', teamIds: [], contactId: null, tenantId: 't', locale: 'zh-CN' });

const terms = [
  { name: 'travel', value: 6.4, goodness: 0.8, weighted: 0.24 },
  { name: 'load', value: 2, goodness: 0.6, weighted: 0.12 },
  { name: 'speed', value: 45, goodness: 0.7, weighted: 0.1 },
  { name: 'firstFix', value: 0.92, goodness: 0.92, weighted: 0.14 },
  { name: 'skillFit', value: 4, goodness: 0.8, weighted: 0.08 },
];

export const NEED: Candidates['need'] = {
  kind: 'field',
  priority: 'high',
  teamIds: [],
  location: { lat: 31.2, lng: 121.5 },
  address: '上海市浦东新区世纪大道 100 号',
  region: '上海市',
  skill: '电梯维修',
  level: 3,
  certification: '特种设备作业证',
  language: null,
  productLine: null,
  categoryId: null,
  visitDate: null,
  customerTier: null,
  preferredUserIds: [],
  excludedUserIds: [],
  rule: null,
  mode: 'scored',
  acceptTimeoutS: 900,
};

export const CANDIDATES: Candidates = {
  need: NEED,
  current: null,
  candidates: [
    { userId: ZHANG, name: '张伟', score: 0.68, travelKm: 3.2, terms, load: { ticket: 0, chat: 0, field: 2 }, capacity: { ticket: 8, chat: 2, field: 5 }, status: 'available', position: { lat: 31.23, lng: 121.47, accuracyM: 20, reportedAt: '2026-12-04T01:58:00Z', stale: false } },
  ],
  excluded: [
    { userId: LI, name: '李强', reasons: [{ rule: 'certification', detail: { certification: '特种设备作业证', expires: '2026-11-30' } }, { rule: 'shift', detail: {} }] },
    { userId: WANG, name: '王磊', reasons: [{ rule: 'level', detail: { skill: '电梯维修', required: 3, has: 2 } }] },
  ],
  outlets: [
    { id: '0190a0a0-0000-7000-8000-00000000do01', name: '浦东网点', km: 3.24, eligiblePeople: 2 },
    { id: '0190a0a0-0000-7000-8000-00000000do02', name: '闵行网点', km: 18.6, eligiblePeople: 0 },
  ],
};

export const ASSIGNMENT: Assignment = {
  id: 'a1',
  userId: ZHANG,
  userName: '张伟',
  kind: 'field',
  state: 'offered',
  mode: 'scored',
  decidedBy: null,
  overrideReason: null,
  offeredAt: '2026-12-04T02:00:00Z',
  respondBy: '2026-12-04T02:15:00Z',
  acceptedAt: null,
  endedAt: null,
  endReason: null,
  decision: { chosen: ZHANG, candidates: [{ userId: ZHANG, name: '张伟', score: 0.68, travelKm: 3.2, terms }], excluded: CANDIDATES.excluded, outlet: null },
};

function SignedIn({ children }: { children: ReactNode }) {
  const { me: signed } = useAuth();
  return signed ? <>{children}</> : null;
}

/** The component once GET /auth/me (stub it) has answered. */
export const WithMe = ({ children }: { children: ReactNode }) => (
  <AuthProvider>
    <SignedIn>{children}</SignedIn>
  </AuthProvider>
);
