import type { Queryable } from '../../platform/db/database';
import { AppError, fieldsInvalid } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { fieldDefinitionsFor, listCategoryRows, listTicketTypeRows, validateCustomFields } from '../catalog';
import { resolveRequesters, type ResolvedRequester } from '../customers';
import { listTeamNames, usersByIdsOrEmails, type Actor } from '../identity';
import { importedTicketsByExternalIds, insertImportedTickets, normalizeTags, searchText, toTicketView, type ImportedTicketRow } from '../tickets';
import type { ImportTimes } from './import-rules';
import { resolveReferences, type ReferenceTables, type References } from './resolve-references';
import type { ImportTicketInput } from './schemas';

/** An item that passed the checks needing no database: its place in the request, input, times, text. */
export interface PreparedImport {
  index: number;
  input: ImportTicketInput;
  times: ImportTimes;
  description: string;
  text: string;
}

type Written = { result: 'created' | 'exists'; id: string; number: number };

/**
 * Inside the tenant's transaction: items already imported answer `exists`; the others' category,
 * team, assignee, type and custom fields are found among the tenant's own (a fixed number of queries
 * for the whole batch), their requesters found or created together, and the tickets written by one
 * statement, numbered in order of creation. Returns per item index what it came to.
 */
export async function writeImportedTickets(q: Queryable, actor: Actor, items: PreparedImport[], now: Date): Promise<Map<number, Written | AppError>> {
  const out = new Map<number, Written | AppError>();
  const existing = new Map((await importedTicketsByExternalIds(q, items.map((u) => u.input.externalId))).map((r) => [r.external_id, r]));
  const todo: { u: PreparedImport; refs: References; fields: Record<string, unknown> }[] = [];
  const tables = await referenceTables(q, items);
  for (const u of items) {
    const found = existing.get(u.input.externalId);
    if (found) {
      out.set(u.index, { result: 'exists', id: found.id, number: found.number });
      continue;
    }
    const refs = resolveReferences(u.input, tables);
    if (refs instanceof AppError) {
      out.set(u.index, refs);
      continue;
    }
    // history predates fields made required since: values are checked, absent ones not demanded
    const checked = validateCustomFields(await fieldDefinitionsFor(q, actor.tenantId, refs.type_id), u.input.customFields ?? {}, 'update');
    if (checked.issues.length) out.set(u.index, fieldsInvalid(checked.issues));
    else todo.push({ u, refs, fields: checked.values });
  }

  const requesters = await resolveRequesters(q, actor.tenantId, todo.map((x) => x.u.input.requester));
  const rows: ImportedTicketRow[] = [];
  for (const [k, { u, refs, fields }] of todo.entries()) {
    const r = requesters[k];
    if (r instanceof AppError) out.set(u.index, r);
    else rows.push(ticketRow(actor, u, refs, fields, r, now));
  }
  // numbers follow the tickets' own history within a batch
  rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  const inserted = new Map((await insertImportedTickets(q, actor.tenantId, rows, now)).map((r) => [r.external_id, r]));
  // an external id another import wrote meanwhile was skipped: it exists
  const raced = rows.filter((r) => !inserted.has(r.external_id)).map((r) => r.external_id);
  const others = new Map((await importedTicketsByExternalIds(q, raced)).map((r) => [r.external_id, r]));
  for (const { u } of todo) {
    if (out.has(u.index)) continue;
    const mine = inserted.get(u.input.externalId);
    const theirs = others.get(u.input.externalId);
    if (mine) out.set(u.index, { result: 'created', id: mine.id, number: mine.number });
    else if (theirs) out.set(u.index, { result: 'exists', id: theirs.id, number: theirs.number });
  }
  return out;
}

async function referenceTables(q: Queryable, items: PreparedImport[]): Promise<ReferenceTables> {
  const needs = (f: 'category' | 'team' | 'typeId') => items.some((u) => u.input[f] !== undefined);
  const assignees = [...new Set(items.map((u) => u.input.assignee).filter((a): a is string => a !== undefined))];
  const isId = (a: string) => /^[0-9a-f-]{36}$/i.test(a);
  return {
    categories: needs('category') ? await listCategoryRows(q) : [],
    teams: needs('team') ? await listTeamNames(q) : [],
    users: await usersByIdsOrEmails(q, assignees.filter(isId), assignees.filter((a) => !isId(a))),
    typeIds: new Set(needs('typeId') ? (await listTicketTypeRows(q)).map((t) => t.id) : []),
  };
}

function ticketRow(actor: Actor, u: PreparedImport, refs: References, fields: Record<string, unknown>, r: ResolvedRequester, now: Date): ImportedTicketRow {
  const i = u.input;
  const tags = normalizeTags(i.tags ?? []);
  const ticket = {
    id: uuidv7(now.getTime()),
    tenant_id: actor.tenantId,
    title: i.title.trim(),
    description: u.description,
    status: i.status,
    priority: i.priority,
    channel: i.channel ?? 'api',
    ...refs,
    requester_id: r.contactId,
    organization_id: r.organizationId,
    parent_id: null,
    tags,
    custom_fields: fields,
    created_by: actor.id,
    ...u.times,
    search_text: searchText(i.title, u.text, tags, i.externalId),
  };
  const { description: _d, ...snapshot } = toTicketView({ ...ticket, number: 0 });
  return { ...ticket, external_id: i.externalId, event_id: uuidv7(now.getTime()), actor, snapshot };
}
