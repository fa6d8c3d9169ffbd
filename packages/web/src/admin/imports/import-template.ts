// The columns an import CSV may have (the server's read-import-file.ts reads exactly these) and the
// example file the page offers: Chinese tickets as an old helpdesk would export them.

export const IMPORT_COLUMNS = [
  'external_id',
  'title',
  'description',
  'requester_name',
  'requester_email',
  'requester_phone',
  'created_at',
  'updated_at',
  'status',
  'priority',
  'category',
  'team',
  'assignee',
  'tags',
  'channel',
  'resolved_at',
  'closed_at',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: ImportColumn[] = ['external_id', 'title', 'created_at'];

const EXAMPLES: Partial<Record<ImportColumn, string>>[] = [
  {
    external_id: 'ZD-1001',
    title: '财务部打印机卡纸',
    description: '三楼财务部打印机卡纸，取不出来，急着打印报销单',
    requester_name: '张三',
    requester_email: 'zhangsan@example.cn',
    requester_phone: '13812345678',
    created_at: '2025-06-03T09:15:00+08:00',
    status: 'closed',
    priority: 'high',
    category: '硬件/打印机',
    team: '桌面支持组',
    tags: '打印机|卡纸',
    channel: 'phone',
    resolved_at: '2025-06-03T11:00:00+08:00',
    closed_at: '2025-06-04T10:00:00+08:00',
  },
  {
    external_id: 'ZD-1002',
    title: 'VPN 连不上',
    description: '在家办公连不上公司 VPN，提示"认证失败"',
    requester_name: '李四',
    requester_email: 'lisi@example.cn',
    created_at: '2025-06-05T20:30:00+08:00',
    status: 'resolved',
    category: '网络',
    channel: 'email',
    resolved_at: '2025-06-06T09:40:00+08:00',
  },
];

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The template as CSV text: the header and two example rows (CRLF, as spreadsheets write it). */
export function templateCsv(): string {
  const lines = [IMPORT_COLUMNS.join(','), ...EXAMPLES.map((e) => IMPORT_COLUMNS.map((c) => cell(e[c] ?? '')).join(','))];
  return lines.join('\r\n') + '\r\n';
}

/** A link target downloading the template; the byte order mark makes Excel open it as UTF-8. */
export const templateHref = () => `data:text/csv;charset=utf-8,${encodeURIComponent('\uFEFF' + templateCsv())}`;
