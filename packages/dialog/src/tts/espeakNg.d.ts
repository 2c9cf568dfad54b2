/** Ambient type of the untyped espeak-ng Emscripten build; see `espeakModule.ts` for the shapes used. */
declare module '@echogarden/espeak-ng-emscripten' {
  const createModule: (moduleArg?: Record<string, unknown>) => Promise<unknown>;
  export default createModule;
}
