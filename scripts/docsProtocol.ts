// Renders the generated part of docs/protocol.md from @digital-human/protocol itself: topics, who may send what,
// every message with its description (the TSDoc above its schema), its fields (required or optional, as the
// validator decides) and a valid JSON example (`exampleMessages()`). `pnpm docs:api` rewrites the section;
// scripts/docsProtocol.test.ts fails when the committed doc is not current.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  canSend,
  encodeText,
  exampleMessages,
  FACE_FRAME_BYTES,
  FACE_FRAME_TYPE,
  JSON_MESSAGE_TYPES,
  type JsonMessage,
  type JsonMessageType,
  Limits,
  LiveKitAvatar,
  type MessageType,
  PROTOCOL_VERSION,
  ROLE_ATTRIBUTE,
  ROLES,
  Topic,
  topicFor,
  validate,
} from '../packages/protocol/src/index';

/** The markers around the generated section of docs/protocol.md. */
export const PROTOCOL_MARKERS = {
  start: '<!-- generated:protocol:start (pnpm docs:api; do not edit by hand) -->',
  end: '<!-- generated:protocol:end -->',
} as const;

const root = resolve(import.meta.dirname, '..');
const messagesDir = join(root, 'packages/protocol/src/messages');

/** The TSDoc text above each `message('<type>', …)` schema, keyed by type, read from the protocol's source. */
export function messageDescriptions(): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /\/\*\*((?:[^*]|\*(?!\/))*)\*\/\s*export const \w+ = (?:refine\(\s*)?message\('([\w.]+)'/g;
  for (const file of readdirSync(messagesDir).filter((f) => f.endsWith('.ts') && !f.includes('.test.'))) {
    const source = readFileSync(join(messagesDir, file), 'utf8');
    for (const [, doc = '', type = ''] of source.matchAll(pattern)) {
      const text = doc
        .split('\n')
        .map((line) => line.replace(/^\s*\*\s?/, '').trim())
        .filter(Boolean)
        .join(' ');
      found.set(type, text);
    }
  }
  return found;
}

/** The example's top-level fields, each marked required when the validator refuses the example without it. */
function fields(example: JsonMessage): string {
  return Object.keys(example)
    .filter((key) => key !== 'v' && key !== 'type')
    .map((key) => {
      const without = { ...example } as Record<string, unknown>;
      delete without[key];
      let required = false;
      try {
        validate(without as JsonMessage);
      } catch {
        required = true;
      }
      return required ? `\`${key}\`` : `\`${key}\`?`;
    })
    .join(', ');
}

const senders = (type: MessageType): string =>
  ROLES.filter((role) => canSend(role, type))
    .map((role) => `\`${role}\``)
    .join(', ');

function topicsTable(): string[] {
  const types = [...JSON_MESSAGE_TYPES, FACE_FRAME_TYPE] as MessageType[];
  return [
    '| topic | messages |',
    '| --- | --- |',
    ...Object.values(Topic).map(
      (topic) =>
        `| \`${topic}\` | ${types
          .filter((t) => topicFor(t) === topic)
          .map((t) => `\`${t}\``)
          .join(', ')} |`,
    ),
  ];
}

function message(type: JsonMessageType, example: JsonMessage, description: string): string[] {
  return [
    `#### \`${type}\``,
    '',
    description || '(no description in the source)',
    '',
    `Topic \`${topicFor(type)}\` · sent by ${senders(type)} · fields: ${fields(example) || '(none)'}`,
    '',
    '```json',
    JSON.stringify(JSON.parse(encodeText(example)), null, 2),
    '```',
    '',
  ];
}

/** The generated section (between the markers, markers excluded). */
export function renderProtocolReference(): string {
  const examples = exampleMessages() as Record<JsonMessageType, JsonMessage>;
  const descriptions = messageDescriptions();
  const lines = [
    `Protocol version \`${PROTOCOL_VERSION}\`. Every JSON message carries \`v\` (the sender's version) and \`type\`.`,
    'Each message lists the fields of its example; `?` marks the ones the validator accepts the message without',
    "(the schemas in `packages/protocol/src/messages/` have every optional field). The sender's role is read from",
    `the participant attribute \`${ROLE_ATTRIBUTE}\`, never from the message.`,
    '',
    '### Topics',
    '',
    ...topicsTable(),
    '',
    '### LiveKit Agents avatar names',
    '',
    '| name | value |',
    '| --- | --- |',
    ...Object.entries(LiveKitAvatar).map(([name, value]) => `| ${name} | \`${value}\` |`),
    '',
    '### Limits',
    '',
    '| limit | value |',
    '| --- | --- |',
    ...Object.entries(Limits).map(([name, value]) => `| \`${name}\` | ${value} |`),
    '',
    `The binary \`${FACE_FRAME_TYPE}\` frame (topic \`${Topic.face}\`, sent by ${senders(FACE_FRAME_TYPE)}) is`,
    `${FACE_FRAME_BYTES} bytes; see \`encodeFaceFrame\` in \`@digital-human/protocol\`.`,
    '',
    '### Messages',
    '',
  ];
  for (const type of JSON_MESSAGE_TYPES)
    lines.push(...message(type, examples[type], descriptions.get(type) ?? ''));
  return `${lines.join('\n').trimEnd()}\n`;
}

/** `doc` with its generated section replaced by `section`; throws when the markers are missing. */
export function replaceSection(doc: string, section: string): string {
  const start = doc.indexOf(PROTOCOL_MARKERS.start);
  const end = doc.indexOf(PROTOCOL_MARKERS.end);
  if (start < 0 || end < start) throw new Error('docs: protocol.md has no generated-section markers');
  return `${doc.slice(0, start + PROTOCOL_MARKERS.start.length)}\n\n${section}\n${doc.slice(end)}`;
}
