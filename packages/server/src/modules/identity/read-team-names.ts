import { teamNamesRepository } from './team-names-repository';

/** The tenant's teams: id → name (what other modules label a team id with). */
export const teamNames = teamNamesRepository.teamNames;
