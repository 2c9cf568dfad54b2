// The fixed bench sentences: bank dialogue in Mandarin and English, each spoken by two espeak-ng voices.
export const SENTENCES: readonly { text: string; voice: string; language: 'zh' | 'en' }[] = [
  { text: '您好，欢迎光临，请问您要办理什么业务？', voice: 'cmn', language: 'zh' },
  { text: '这张信用卡的年化利率是百分之三点五。', voice: 'cmn+f2', language: 'zh' },
  { text: '请您把身份证放在这里，然后签名。', voice: 'cmn', language: 'zh' },
  { text: '我们的理财产品风险比较低，收益稳定。', voice: 'cmn+f2', language: 'zh' },
  { text: '明天下午三点，您可以到柜台取款。', voice: 'cmn', language: 'zh' },
  { text: '没问题，马上帮您办理，请稍等。', voice: 'cmn+f2', language: 'zh' },
  { text: 'Good morning, welcome to the bank. How can I help you today?', voice: 'en-us', language: 'en' },
  { text: 'Your credit card application has been approved.', voice: 'en-us+f3', language: 'en' },
  { text: 'The annual interest rate is three point five percent.', voice: 'en-us', language: 'en' },
  { text: 'Please sign here, and keep your receipt.', voice: 'en-us+f3', language: 'en' },
  { text: 'Would you like to open a savings account with us?', voice: 'en-us', language: 'en' },
  { text: 'My manager will phone you back before five.', voice: 'en-us+f3', language: 'en' },
];
