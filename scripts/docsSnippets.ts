// The code in the guides comes from typechecked files: a fenced block right after `<!-- snippet: <file> -->` in a
// docs/*.md page holds the content of docs/snippets/<file>. `pnpm docs:api` refreshes the blocks;
// scripts/docsSnippets.test.ts fails when a page is stale or a snippet does not typecheck.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

/** The docs folder. */
export const DOCS_DIR = resolve(import.meta.dirname, '../docs');
/** The folder of typechecked snippets. */
export const SNIPPETS_DIR = join(DOCS_DIR, 'snippets');

const BLOCK = /(<!-- snippet: ([\w.-]+) -->\n```(\w*)\n)([\s\S]*?)(```)/g;

/** The markdown pages of docs/ (not the generated API reference). */
export function docPages(): string[] {
  return readdirSync(DOCS_DIR)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(DOCS_DIR, f));
}

/** `markdown` with every snippet block replaced by its file's current content. */
export function syncSnippets(
  markdown: string,
  read = (file: string) => readFileSync(join(SNIPPETS_DIR, file), 'utf8'),
): string {
  return markdown.replace(
    BLOCK,
    (_all, head: string, file: string, _lang: string, _body: string, fence: string) => {
      const text = read(file);
      return `${head}${text.endsWith('\n') ? text : `${text}\n`}${fence}`;
    },
  );
}

/** The snippet files a page refers to. */
export function snippetsOf(markdown: string): string[] {
  return [...markdown.matchAll(BLOCK)].map((m) => m[2] ?? '');
}

/** Type errors in docs/snippets (with docs/snippets/tsconfig.json), formatted; empty when clean. */
export function snippetDiagnostics(): string[] {
  const configPath = join(SNIPPETS_DIR, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, SNIPPETS_DIR);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  // Only the snippets' own diagnostics: the packages are typechecked by the root tsconfig (and this is 5× faster).
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...parsed.fileNames.flatMap((name) => {
      const file = program.getSourceFile(name);
      return file ? [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)] : [];
    }),
  ];
  return diagnostics.map((d) => {
    const where = d.file
      ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
      : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}
