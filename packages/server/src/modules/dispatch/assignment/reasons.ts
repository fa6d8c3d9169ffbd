// The reasons the system itself gives when it ends an assignment or sends a ticket back to dispatch.
// They are stored and returned by the API as written (Chinese, the users' first language); the console
// words exactly these texts in the reader's language (packages/web/src/dispatch/system-reasons.ts), so a
// change here is a change there. A person's own reason (改派 with a reason, 拒单) is kept as they wrote it.
export const SYSTEM_REASONS = {
  improve: '日内优化',
  expired: '超时未接单',
  resolved: '已解决',
  closed: '已关闭',
  reassigned: '改派',
  transferred: '转派',
  redispatch: '重新派单',
  offShift: '下班，交回未开始的工作',
  shiftEnded: '班次结束，交回未开始的工作',
  holiday: '节假日休息，交回未开始的工作',
} as const;
