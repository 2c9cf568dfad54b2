import avatarUrl from '@digital-human/avatars/assistant.vrm?url';
import portraitUrl from '@digital-human/avatars/thumbnail.png?url';
import {
  DigitalHuman,
  DigitalHumanProvider,
  type DigitalHumanSession,
  useAvatarState,
  useCaptions,
  useConnectionState,
} from '@digital-human/react';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { LocalConversation } from './LocalConversation';

/** Props of {@link App}. */
export interface AppProps {
  session: DigitalHumanSession;
  conversation: LocalConversation;
}

/** The whole app: the avatar with its captions, a start button, a text box and the transcript. */
export function App({ session, conversation }: AppProps): ReactNode {
  return (
    <DigitalHumanProvider session={session}>
      <main className="app">
        <h1>数字人 · React</h1>
        <div className="stage">
          <DigitalHuman src={avatarUrl} portrait={portraitUrl} />
        </div>
        <Controls conversation={conversation} />
        <Transcript />
      </main>
    </DigitalHumanProvider>
  );
}

function Controls({ conversation }: { conversation: LocalConversation }): ReactNode {
  const connection = useConnectionState();
  const { language, status } = useAvatarState();
  const [text, setText] = useState('');
  const en = language === 'en';
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) void conversation.say(text.trim());
    setText('');
  };
  return (
    <>
      <div className="row">
        <button type="button" onClick={() => void conversation.start()} disabled={connection === 'connected'}>
          {en ? 'Start' : '开始对话'}
        </button>
        <button type="button" onClick={() => void conversation.hello(en ? 'zh-CN' : 'en')}>
          {en ? '中文' : 'English'}
        </button>
        <output className="status" data-connection={connection} data-avatar={status}>
          {connection} · {status}
        </output>
      </div>
      <form className="row" onSubmit={send}>
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={500}
          aria-label={en ? 'Message' : '输入消息'}
          placeholder={en ? 'e.g. opening hours' : '例如：营业时间'}
        />
        <button type="submit">{en ? 'Send' : '发送'}</button>
      </form>
    </>
  );
}

function Transcript(): ReactNode {
  const captions = useCaptions();
  return (
    <ol className="transcript">
      {captions.map((c) => (
        <li key={c.id} data-speaker={c.speaker}>
          {c.text}
        </li>
      ))}
    </ol>
  );
}
