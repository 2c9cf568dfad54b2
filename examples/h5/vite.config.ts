import { defineConfig } from 'vite';
import { sdkBuildConfig } from './sdkBuild';

// The page (index.html, app.js, style.css) is copied as is; only the SDK is built into dist/sdk.
export default defineConfig(sdkBuildConfig(import.meta.dirname, ['index.html', 'app.js', 'style.css'], 4174));
