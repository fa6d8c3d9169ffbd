// Automation: triggers on ticket events and time rules, run once per occasion in the transaction of
// their actions; the shipped defaults for every tenant. Other modules use only this surface.
export { automationRoutes } from './routes';
export { startAutomation, AUTOMATION_CONSUMER } from './start-automation';
export { ensureDefaultRules } from './ensure-defaults';
export { DEFAULT_RULES } from './default-rules';
