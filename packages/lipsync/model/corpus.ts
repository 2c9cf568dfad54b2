// Voices and vocabulary of the audio→viseme training set (make_dataset.ts). One voice per language is held out:
// the model never trains on it, and the bench scores it separately.

/** Voices the model trains on. */
export const TRAIN_VOICES: readonly { voice: string; language: 'zh' | 'en' }[] = [
  { voice: 'cmn', language: 'zh' },
  { voice: 'cmn+f2', language: 'zh' },
  { voice: 'cmn+m3', language: 'zh' },
  { voice: 'cmn+f1', language: 'zh' },
  { voice: 'cmn+m1', language: 'zh' },
  { voice: 'cmn+f5', language: 'zh' },
  { voice: 'cmn+m6', language: 'zh' },
  { voice: 'en-us', language: 'en' },
  { voice: 'en-us+f3', language: 'en' },
  { voice: 'en-us+m3', language: 'en' },
  { voice: 'en', language: 'en' },
  { voice: 'en-us+m1', language: 'en' },
  { voice: 'en-us+f5', language: 'en' },
  { voice: 'en-us+f2', language: 'en' },
];

/** Never trained on: the held-out test voices. */
export const HELD_OUT_VOICES: readonly { voice: string; language: 'zh' | 'en' }[] = [
  { voice: 'cmn+f4', language: 'zh' },
  { voice: 'en-us+f4', language: 'en' },
];

/** Common Mandarin characters the random zh text is drawn from. */
export const ZH_CHARACTERS =
  '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单导级标识银卡存款利率理财贷款账户密码签名客户服务柜台手续办理欢迎请稍等谢谢您好';

/** Extra English words (beyond the training sentences) for random word sequences, covering many phones. */
export const EN_EXTRA_WORDS: readonly string[] = (
  'bank money card credit savings account loan rate interest pay transfer balance branch teller thank you ' +
  'please hello good morning afternoon evening help need want open close check sign form number phone mobile ' +
  'address name date year month week day hour minute zero one two three four five six seven eight nine ten ' +
  'hundred thousand million percent fee charge limit deposit withdraw cash cheque statement online secure ' +
  'password verify identity passport visa travel insurance mortgage house car business student family ' +
  'manager advisor queue ticket wait moment sorry problem answer question yes no maybe sure fine great ' +
  'zebra zoo vivid thumb breathe measure judge church ship shoe think this that those azure vision rhythm ' +
  'boy toy joy cow out now aisle oil foot put book blue few cute huge young sing long king wrong very voice'
).split(' ');
