import { createDigitalHumanSession } from '@digital-human/react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LocalConversation } from './LocalConversation';

// One assistant for the app's lifetime: the session (store, mixer, idle and emotion) and its conversation.
const language = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';
const session = createDigitalHumanSession({ storeOptions: { initial: { language } } });
const conversation = new LocalConversation(session);
addEventListener('pagehide', () => {
  void conversation.dispose();
  session.dispose();
});

createRoot(document.getElementById('root')!).render(<App session={session} conversation={conversation} />);
