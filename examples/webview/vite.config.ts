import { defineConfig } from 'vite';
import { sdkBuildConfig } from '../h5/sdkBuild';

// The same self-hosted SDK files as examples/h5; this page (index.html, app.js) is copied as is.
export default defineConfig(sdkBuildConfig(import.meta.dirname, ['index.html', 'app.js'], 4175));
