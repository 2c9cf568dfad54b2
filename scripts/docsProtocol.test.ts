import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_MESSAGE_TYPES } from '../packages/protocol/src/index';
import { formatWithBiome } from './docsFormat';
import {
  messageDescriptions,
  PROTOCOL_MARKERS,
  renderProtocolReference,
  replaceSection,
} from './docsProtocol';

const doc = readFileSync(resolve(import.meta.dirname, '../docs/protocol.md'), 'utf8');

describe('docs/protocol.md', () => {
  it('holds the current generated reference (run `pnpm docs:api` when this fails)', {
    timeout: 60_000,
  }, () => {
    expect(formatWithBiome(replaceSection(doc, renderProtocolReference()), 'docs/protocol.md')).toBe(doc);
  });

  it('documents every JSON message type with its own description and a JSON example', () => {
    const descriptions = messageDescriptions();
    const section = renderProtocolReference();
    for (const type of JSON_MESSAGE_TYPES) {
      expect(descriptions.get(type), type).toMatch(/^[A-Z`(]/);
      expect(descriptions.get(type), type).not.toContain('*/');
      expect(section).toContain(`#### \`${type}\`\n`);
      expect(section).toContain(`"type": "${type}"`);
    }
  });

  it('refuses a doc without the generated-section markers', () => {
    expect(() => replaceSection('# Protocol\n', 'x')).toThrow(/markers/);
    const replaced = replaceSection(`a\n${PROTOCOL_MARKERS.start}\nold\n${PROTOCOL_MARKERS.end}\nb`, 'new\n');
    expect(replaced).toBe(`a\n${PROTOCOL_MARKERS.start}\n\nnew\n\n${PROTOCOL_MARKERS.end}\nb`);
  });
});
