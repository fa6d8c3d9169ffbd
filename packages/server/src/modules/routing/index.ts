// Routing (路线规划): the VRPTW solver, its evaluation on Solomon instances, and engineers' day plans.
export { solveVrptw, solomonProblem, euclideanMatrix, checkSolution } from './solver';
export type { VrptwProblem, VrptwVehicle, VrptwOptions, VrptwSolution, VrptwRoute } from './solver';
export { evalRoutes, EvalRoutesError } from './eval/eval-routes';
export type { InstanceFigures, SummaryFigures } from './eval/eval-routes';
export { routingRoutes } from './routes';
export { startRouting, ROUTING_CONSUMER } from './start-routing';
export { dayPlan } from './read-day-plan';
export type { DayPlanView } from './day-plan-view';
