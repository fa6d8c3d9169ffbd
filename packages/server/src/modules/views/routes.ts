import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import { crudRoutes } from '../../platform/http/crud-routes';
import { createView } from './create-view';
import { deleteView } from './delete-view';
import { getView } from './get-view';
import { listViews } from './list-views';
import { CreateViewBody, SavedViewList, SavedViewSchema, UpdateViewBody } from './schemas';
import { updateView } from './update-view';

export function viewRoutes(app: FastifyInstance, deps: Deps) {
  const views = crudRoutes(app, deps, { path: '/api/v1/views', tag: 'views' });
  views.list({
    summary: 'My saved ticket list views, then those shared with the tenant',
    response: SavedViewList,
    run: async (deps, actor) => ({ items: await listViews(deps, actor) }),
  });
  views.create({ summary: 'Save a ticket list view (filters, columns, sort); shared: true for admins and supervisors', body: CreateViewBody, response: SavedViewSchema, run: createView });
  views.get({ summary: 'One saved view (mine or shared)', response: SavedViewSchema, run: getView });
  views.update({ summary: 'Change a view (my own; shared ones: admins and supervisors)', body: UpdateViewBody, response: SavedViewSchema, run: updateView });
  views.remove({ summary: 'Delete a view (my own; shared ones: admins and supervisors)', run: deleteView });
}
