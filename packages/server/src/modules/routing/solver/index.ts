export { solveVrptw } from './solve';
export { solomonProblem, euclideanMatrix } from './problem';
export type { VrptwProblem, VrptwVehicle, VrptwOptions, VrptwSolution, VrptwRoute, SolomonLike } from './problem';
export { checkSolution } from './check';
