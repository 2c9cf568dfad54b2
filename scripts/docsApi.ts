// The API reference, generated from each package's public door (`src/index.ts` and its subpath entries) with the
// TypeScript compiler: every export with its kind, its TSDoc summary and its signature; classes with their public
// members. No dependency beyond `typescript`. `pnpm docs:api` writes docs/api/<package>.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');

/** One package's public entry points: `.` and its subpaths, from `package.json` `exports`. */
export interface PackageEntries {
  readonly name: string;
  readonly dir: string;
  readonly description: string;
  /** Subpath ('.', './vite', ...) → source file. */
  readonly entries: ReadonlyMap<string, string>;
}

/** Every workspace package under packages/ with its entry points. */
export function listPackages(): PackageEntries[] {
  const dir = join(root, 'packages');
  return readdirSync(dir)
    .filter((name) => {
      try {
        readFileSync(join(dir, name, 'package.json'));
        return true;
      } catch {
        return false;
      }
    })
    .sort()
    .map((name) => {
      const pkg = JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')) as {
        name: string;
        description?: string;
        exports?: Record<string, { import?: string }>;
      };
      const entries = new Map<string, string>();
      for (const [sub, target] of Object.entries(pkg.exports ?? {}))
        if (target.import?.endsWith('.ts')) entries.set(sub, join(dir, name, target.import));
      return { name: pkg.name, dir: join(dir, name), description: pkg.description ?? '', entries };
    })
    .filter((p) => p.entries.size > 0);
}

const flags = (s: ts.Symbol, f: ts.SymbolFlags) => (s.flags & f) !== 0;

function kindOf(symbol: ts.Symbol): string {
  if (flags(symbol, ts.SymbolFlags.Class)) return 'class';
  if (flags(symbol, ts.SymbolFlags.Function)) return 'function';
  if (flags(symbol, ts.SymbolFlags.Interface)) return 'interface';
  if (flags(symbol, ts.SymbolFlags.TypeAlias)) return 'type';
  if (flags(symbol, ts.SymbolFlags.Enum)) return 'enum';
  if (flags(symbol, ts.SymbolFlags.Variable)) return 'const';
  return 'export';
}

/** The first paragraph of a symbol's TSDoc, on one line. */
function summary(symbol: ts.Symbol, checker: ts.TypeChecker): string {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  return (text.split(/\n\s*\n/)[0] ?? '').replace(/\s*\n\s*/g, ' ');
}

const FORMAT = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;

function signatureOf(name: string, symbol: ts.Symbol, checker: ts.TypeChecker): string {
  const decl = symbol.declarations?.[0];
  if (!decl) return '';
  if (flags(symbol, ts.SymbolFlags.Function)) {
    const type = checker.getTypeOfSymbolAtLocation(symbol, decl);
    return type
      .getCallSignatures()
      .map((s) => `function ${name}${checker.signatureToString(s, undefined, FORMAT)}`)
      .join('\n');
  }
  if (flags(symbol, ts.SymbolFlags.Variable) && !flags(symbol, ts.SymbolFlags.Class)) {
    const type = checker.typeToString(checker.getTypeOfSymbolAtLocation(symbol, decl), undefined, FORMAT);
    return `const ${name}: ${type.length > 400 ? `${type.slice(0, 400)}…` : type}`;
  }
  return '';
}

/** Public members of a class or interface with their summaries. */
function members(symbol: ts.Symbol, checker: ts.TypeChecker): string[] {
  const out: string[] = [];
  symbol.members?.forEach((member, key) => {
    const name = String(key);
    if (name === '__constructor' && flags(symbol, ts.SymbolFlags.Class)) {
      out.push(`- \`constructor\`${memberDoc(member, checker)}`);
      return;
    }
    const decl = member.declarations?.[0];
    if (!decl || name.startsWith('#') || name.startsWith('__')) return;
    const mods = ts.getCombinedModifierFlags(decl as ts.Declaration);
    if (mods & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) return;
    const optional = flags(member, ts.SymbolFlags.Optional) ? '?' : '';
    const call = flags(member, ts.SymbolFlags.Method) ? '()' : '';
    out.push(`- \`${name}${optional}${call}\`${memberDoc(member, checker)}`);
  });
  return out;
}

const memberDoc = (member: ts.Symbol, checker: ts.TypeChecker) => {
  const text = summary(member, checker);
  return text ? ` — ${text}` : '';
};

/** Renders the reference page of one package. */
export function renderPackage(pkg: PackageEntries, program: ts.Program): string {
  const checker = program.getTypeChecker();
  const lines = [`# \`${pkg.name}\``, '', pkg.description, ''];
  for (const [sub, file] of pkg.entries) {
    const source = program.getSourceFile(file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) continue;
    const importPath = sub === '.' ? pkg.name : `${pkg.name}/${sub.slice(2)}`;
    lines.push(`## \`${importPath}\``, '');
    const exports = checker.getExportsOfModule(moduleSymbol).sort((a, b) => a.name.localeCompare(b.name));
    for (const exported of exports) {
      const symbol = flags(exported, ts.SymbolFlags.Alias) ? checker.getAliasedSymbol(exported) : exported;
      lines.push(
        `### ${exported.name}`,
        '',
        `*${kindOf(symbol)}*${summary(symbol, checker) ? ` — ${summary(symbol, checker)}` : ''}`,
        '',
      );
      const signature = signatureOf(exported.name, symbol, checker);
      if (signature) lines.push('```ts', signature, '```', '');
      if (flags(symbol, ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) {
        const list = members(symbol, checker);
        if (list.length > 0) lines.push(...list, '');
      }
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** One program over every package entry, with the repo's compiler options. */
export function createApiProgram(packages: readonly PackageEntries[]): ts.Program {
  const configPath = join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const files = packages.flatMap((p) => [...p.entries.values()]);
  return ts.createProgram(files, { ...parsed.options, noEmit: true });
}

/** The index page of docs/api. */
export function renderApiIndex(packages: readonly PackageEntries[]): string {
  return [
    '# API reference',
    '',
    "Generated from the TSDoc of each package's public entry points by `pnpm docs:api` (scripts/docsApi.ts).",
    'Do not edit by hand.',
    '',
    '| package | entry points | job |',
    '| --- | --- | --- |',
    ...packages.map((p) => {
      const file = `${p.name.split('/')[1]}.md`;
      const subs = [...p.entries.keys()].map((s) => `\`${s}\``).join(', ');
      return `| [\`${p.name}\`](${file}) | ${subs} | ${p.description.replace(/\|/g, '\\|')} |`;
    }),
    '',
  ].join('\n');
}
