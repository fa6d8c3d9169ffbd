// Texts of the 日程 board (调度看板) beside the 派单地图: one row per engineer over the day, the stored day
// plans (路线规划) as bars; loaded as `dispatchBoard`. Words dispatchers use: 日程 路上 现场 午休 超时 时限.

export const dispatchBoardZhCN = {
  view: { label: '视图', map: '地图', schedule: '日程' },
  hint: '提示：点击日程条选中工单；把右侧的工单或日程条拖到工程师那一行即可派单',
  picked: '已选工单 #{{number}}，点击工程师姓名或把工单拖到工程师那一行即可派单',
  offer: '把工单 #{{number}} 派给 {{name}}',
  aria: '调度看板：工程师当天的日程',
  date: '日期',
  today: '今天',
  engineer: '工程师',
  noEngineers: '没有可调度的工程师',
  load: '负荷 {{load}}/{{capacity}}',
  summary: '{{visits}} 单·{{km}} 公里',
  noPlans: '这一天还没有规划路线',
  unplanned: '未规划路线',
  unplannedJobs: '{{count}} 单未排入',
  planTeam: '规划「{{team}}」的日程',
  planTeams: '规划团队日程…',
  planned: '已规划「{{team}}」当天的路线',
  legend: { travel: '路上', visit: '现场', break: '午休', late: '超时', sla: '时限', now: '现在' },
  bar: '{{name}}：{{ticket}}，现场 {{from}}–{{to}}，{{arrive}} 到达，路上 {{km}} 公里',
  barLate: '{{name}}：{{ticket}}，现场 {{from}}–{{to}}，{{arrive}} 到达，路上 {{km}} 公里，超时（时限 {{due}}）',
  breakAt: '午休 {{from}}–{{to}}',
  cut: '跨出当天',
};

export type DispatchBoardTexts = typeof dispatchBoardZhCN;
