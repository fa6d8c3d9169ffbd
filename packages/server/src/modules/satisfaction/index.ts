// Satisfaction (回访 / 满意度): a survey per resolution of a ticket, its link mailed to the requester,
// the public rating page's endpoints, low scores told to supervisors, the report and the settings.
// Other modules use only this surface.
export { satisfactionRoutes } from './routes';
export { connectSatisfaction, SATISFACTION_CONSUMER } from './connect-satisfaction';
export { surveyForTicket, getPublicSurvey } from './read-survey';
export type { SurveyView } from './read-survey';
export { answerSurvey } from './answer-survey';
export type { SurveyRef, AnsweredSurvey } from './answer-survey';
export { getCsatReport } from './get-report';
export type { CsatReport } from './get-report';
