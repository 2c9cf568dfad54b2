// Builds every publishable package to ESM (vite library mode) plus .d.ts (tsc), peers and dependencies external.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const only = process.argv.slice(2);

for (const dir of readdirSync(join(root, 'packages'))) {
  const pkgDir = join(root, 'packages', dir);
  const pkgPath = join(pkgDir, 'package.json');
  if (!existsSync(pkgPath)) continue;
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  if (only.length > 0 && !only.includes(dir)) continue;
  const entries = Object.fromEntries(
    Object.entries(pkg.exports ?? {})
      .filter(([, v]) => typeof v === 'object' && typeof v.import === 'string' && v.import.endsWith('.ts'))
      .map(([key, v]) => [key === '.' ? 'index' : key.slice(2), join(pkgDir, v.import)]),
  );
  if (Object.keys(entries).length === 0) continue;
  const external = [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...Object.keys(pkg.optionalDependencies ?? {}),
  ];
  const isExternal = (id) =>
    external.some((name) => id === name || id.startsWith(`${name}/`)) || id.startsWith('node:');
  rmSync(join(pkgDir, 'dist'), { recursive: true, force: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    root: pkgDir,
    // Relative asset URLs (workers, wasm) so a built package works wherever the app serves it.
    base: './',
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      minify: false,
      target: 'es2022',
      lib: { entry: entries, formats: ['es'] },
      rolldownOptions: {
        external: isExternal,
        output: { comments: { legal: true, annotation: true, jsdoc: false } },
      },
    },
  });
  const tsconfig = join(pkgDir, 'tsconfig.build.json');
  writeFileSync(
    tsconfig,
    JSON.stringify(
      {
        extends: '../../tsconfig.base.json',
        compilerOptions: {
          rootDir: 'src',
          outDir: 'dist',
          emitDeclarationOnly: true,
          declarationMap: false,
          types: ['vite/client'],
        },
        include: ['src'],
        exclude: [
          'src/**/*.test.ts',
          'src/**/*.test.tsx',
          'src/**/*.test-d.ts',
          'src/**/*.stories.tsx',
          'src/testing',
        ],
      },
      null,
      2,
    ),
  );
  try {
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', tsconfig], { stdio: 'inherit', cwd: pkgDir });
  } finally {
    rmSync(tsconfig, { force: true });
  }
  console.log(`built ${pkg.name}: ${Object.keys(entries).join(', ')}`);
}
