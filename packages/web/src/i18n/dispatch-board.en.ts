import type { DispatchBoardTexts } from './dispatch-board.zh-CN';

// English texts of the schedule board (see dispatch-board.zh-CN.ts).

export const dispatchBoardEn: DispatchBoardTexts = {
  view: { label: 'View', map: 'Map', schedule: 'Schedule' },
  hint: "Tip: click a bar to select its ticket; drag a ticket from the list, or a bar, onto an engineer's row to dispatch it",
  picked: "Ticket #{{number}} selected: click an engineer's name, or drag the ticket onto their row, to dispatch it",
  offer: 'Dispatch ticket #{{number}} to {{name}}',
  aria: "Schedule board: the engineers' day",
  date: 'Date',
  today: 'Today',
  engineer: 'Engineer',
  noEngineers: 'No engineers to dispatch',
  load: 'Load {{load}}/{{capacity}}',
  summary: '{{visits}} visits · {{km}} km',
  noPlans: 'No routes planned for this day yet',
  unplanned: 'No route planned',
  unplannedJobs: '{{count}} jobs not planned',
  planTeam: 'Plan the day of {{team}}',
  planTeams: 'Plan a team’s day…',
  planned: 'Routes of {{team}} planned for the day',
  legend: { travel: 'Travel', visit: 'On site', break: 'Break', late: 'Late', sla: 'Deadline', now: 'Now' },
  bar: '{{name}}: {{ticket}}, on site {{from}}–{{to}}, arrives {{arrive}}, travel {{km}} km',
  barLate: '{{name}}: {{ticket}}, on site {{from}}–{{to}}, arrives {{arrive}}, travel {{km}} km, late (deadline {{due}})',
  breakAt: 'Break {{from}}–{{to}}',
  cut: 'Runs past the day',
};
