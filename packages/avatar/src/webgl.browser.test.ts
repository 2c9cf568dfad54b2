import { expect, it } from 'vitest';

it('has WebGL2 in the test browser (SwiftShader)', () => {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2');
  expect(gl).not.toBeNull();
});
