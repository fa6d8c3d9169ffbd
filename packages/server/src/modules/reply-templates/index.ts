// Reply templates (macros): named replies staff insert into a comment. Other modules use only this surface.
export { replyTemplateRoutes } from './routes';
export { createTemplate } from './create-template';
export { listTemplates } from './list-templates';
export type { ReplyTemplateView } from './template-view';
export { getTemplate } from './get-template';
