// Field service (现场服务): the engineer's phone — my jobs of the day, and the visit steps (出发, 签到,
// notes, photos, 签字, 完工) recorded once per phone operation. Other modules use only this surface.
export { fieldRoutes } from './routes';
export { postStep } from './post-step';
export type { PostStepInput, StepAnswer } from './post-step';
export { listMyJobs } from './list-jobs';
export { scheduleVisit, VISIT_BOOKED } from './schedule-visit';
export { bookedWindows } from './booked-windows';
export { visitDurations } from './visit-durations';
export { putFieldSettings } from './field-settings';
export type { FieldDevice } from './field-ports';
export { STEP_KINDS, RESULTS } from './step-rules';
