// Builders for the engine's tests (Chinese data, as the product's fixtures).
import type { DecisionContext, Need, Person } from './types';

export const NOW = new Date('2026-03-06T02:00:00Z'); // Friday 10:00 in Asia/Shanghai

export function ctxAt(now = NOW, timeZone = 'Asia/Shanghai'): DecisionContext {
  return { now, timeZone, speedKmh: 30, positionStaleMs: 30 * 60_000 };
}

export function person(id: string, over: Partial<Person> = {}): Person {
  return {
    id,
    name: `工程师${id}`,
    teamIds: ['t1'],
    skills: { 电梯维修: 3 },
    certifications: [],
    regions: [],
    area: null,
    languages: ['zh'],
    productLines: [],
    shift: null,
    capacity: { ticket: 8, chat: 2, field: 5 },
    load: { ticket: 0, chat: 0, field: 0 },
    workMinutesToday: 0,
    status: 'available',
    home: [31.23, 121.47],
    position: null,
    outletId: null,
    history: {},
    ...over,
  };
}

export function need(ticketId: string, over: Partial<Need> = {}): Need {
  return {
    ticketId,
    kind: 'field',
    priority: 'normal',
    createdAt: NOW,
    dueAt: null,
    location: [31.2, 121.5],
    region: null,
    teamIds: [],
    skill: null,
    level: null,
    certification: null,
    language: null,
    productLine: null,
    categoryId: null,
    visitDate: null,
    durationMinutes: 60,
    customerTier: null,
    preferredUserIds: [],
    excludedUserIds: [],
    ...over,
  };
}
