import type { WidgetLanguage } from '../flows/content';

const STRINGS = {
  aiLabel: { 'zh-CN': '本服务由人工智能生成', en: 'AI-generated assistant' },
  handoff: { 'zh-CN': '转人工服务', en: 'Talk to a person' },
  handoffPending: { 'zh-CN': '正在为您转接人工…', en: 'Connecting you to a person…' },
  largeText: { 'zh-CN': '大字模式', en: 'Large text' },
  captions: { 'zh-CN': '字幕', en: 'Captions' },
  next: { 'zh-CN': '下一步', en: 'Next' },
  submit: { 'zh-CN': '提交', en: 'Submit' },
  chooseAgain: { 'zh-CN': '重新推荐', en: 'Show me others' },
  compare: { 'zh-CN': '对比', en: 'Compare' },
  scrollToEnd: { 'zh-CN': '请滑动阅读至末尾', en: 'Scroll to the end to continue' },
  acknowledge: { 'zh-CN': '我已阅读并确认', en: 'I have read and confirm' },
  recording: { 'zh-CN': '录音录像中', en: 'Recording' },
  pastPerformance: {
    'zh-CN': '过往业绩不代表未来表现',
    en: 'Past performance does not guarantee future returns',
  },
  riskLevel: { 'zh-CN': '风险等级', en: 'Risk level' },
  yourLevel: { 'zh-CN': '您的风险等级', en: 'Your risk level' },
  pastReturn: { 'zh-CN': '过往年化收益', en: 'Past annual return' },
  showPlan: { 'zh-CN': '查看配置方案', en: 'See the plan' },
  acceptPlan: { 'zh-CN': '接受方案', en: 'Accept the plan' },
  confirm: { 'zh-CN': '确认购买', en: 'Confirm' },
  plan: { 'zh-CN': '配置方案', en: 'Allocation plan' },
  csat: { 'zh-CN': '满意度（1–5）', en: 'Satisfaction (1–5)' },
  nps: { 'zh-CN': '向朋友推荐的可能性（0–10）', en: 'How likely are you to recommend us (0–10)' },
  comments: { 'zh-CN': '其他意见', en: 'Comments' },
  thanks: { 'zh-CN': '感谢您的评价！', en: 'Thank you for your feedback!' },
  uploadOk: { 'zh-CN': '照片合格', en: 'Photo OK' },
  type: { 'zh-CN': '格式不支持', en: 'Unsupported file type' },
  size: { 'zh-CN': '文件过大', en: 'File too large' },
  resolution: { 'zh-CN': '分辨率太低', en: 'Resolution too low' },
  blur: { 'zh-CN': '照片模糊，请重拍', en: 'Photo is blurred; please retake' },
  ticketNumber: { 'zh-CN': '您的排队号', en: 'Your number' },
  waitAbout: { 'zh-CN': '预计等待', en: 'Estimated wait' },
  minutes: { 'zh-CN': '分钟', en: 'min' },
  tapToStart: { 'zh-CN': '请走近屏幕，我来为您服务', en: 'Step closer and I will help you' },
  iAmHere: { 'zh-CN': '开始服务', en: 'Start' },
  goodbye: { 'zh-CN': '再见！', en: 'Goodbye!' },
  start: { 'zh-CN': '开始', en: 'Start' },
  yes: { 'zh-CN': '是', en: 'Yes' },
  mustRead: { 'zh-CN': '请先阅读风险揭示', en: 'Please read the risk disclosure first' },
} as const;

/** A key of the widgets' UI strings. */
export type StringKey = keyof typeof STRINGS;

/** The UI string `key` in `lang`. */
export function t(key: StringKey, lang: WidgetLanguage): string {
  return STRINGS[key][lang];
}
