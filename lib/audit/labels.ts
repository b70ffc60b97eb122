/** Chinese names of audit actions and objects, for the audit page (codes stay stable in the data). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "auth.login": "登录",
  "auth.logout": "退出登录",
  "auth.2fa_enroll": "启用双因素登录",
  "auth.2fa_verify": "双因素验证",
  "access.denied": "越权访问被拒绝",
  "agency.create": "新增机构",
  "agency.update": "修改机构",
  "agency.rename": "机构改名",
  "user.create": "新增用户",
  "user.disable": "停用用户",
  "user.enable": "启用用户",
  "user.role": "修改角色",
  "user.reset_password": "重置密码",
  "user.change_password": "修改本人密码",
  "user.unlock": "解除登录锁定",
  "user.reset_2fa": "重置双因素登录",
  "settings.update": "修改系统设置",
  "request.create": "登记申请",
  "request.update": "修改申请",
  "request.conclude": "办结申请",
  "request.reconclude": "更正办理结果",
  "request.withdraw": "登记撤回",
  "request.import": "导入申请",
  "request.view_pii": "查看个人信息",
  "ledger.export": "导出台账",
  "ledger.preview": "预览台账导入",
  "ledger.import": "导入台账",
  "report.export": "导出年度报告",
  "report.proactive": "录入主动公开数据",
  "report.baseline": "录入上年报告基线",
  "report.narrative": "编辑报告正文",
  "report.finalize": "年度报告定稿",
  "appeal.create": "登记复议诉讼案件",
  "appeal.update": "更新复议诉讼案件",
  "appeal.import": "导入复议诉讼案件",
  "request.pause": "登记中止计算",
  "request.pause_end": "登记中止结束",
  "request.pause_remove": "撤销中止记录",
  "request.supplement_notice": "登记告知补正",
  "request.supplemented": "登记收到补正",
  "request.extension": "登记延期",
  "request.delay": "登记延迟答复",
  "request.delivery": "登记送达",
  "pause.create": "新增中止记录",
  "pause.update": "修改中止记录",
  "pause.delete": "撤销中止记录",
  "calendar.create": "录入节假日安排",
  "calendar.update": "更正节假日安排",
};

export const AUDIT_OBJECT_LABELS: Record<string, string> = {
  session: "会话",
  user: "用户",
  agency: "机构",
  permission: "权限",
  request: "申请",
  import: "台账导入",
  report: "年度报告",
  appeal: "复议诉讼案件",
  request_pause: "中止计算记录",
  calendar: "节假日安排",
  settings: "系统设置",
};

export const AUDIT_RESULT_LABELS: Record<string, string> = { success: "成功", denied: "拒绝", failure: "失败" };

/** An instant shown in Beijing time (UTC+8, no daylight saving), as clerks read clocks. */
export function beijingTime(iso: string): string {
  const date = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return date.toISOString().replace("T", " ").slice(0, 19);
}
