import assert from 'node:assert/strict';
import { afterPaint } from '../afterPaint.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('work left until the screen is painted (afterPaint)', () => {
  const withFrames = (frames: (() => void)[]) => {
    const global = globalThis as { requestAnimationFrame?: unknown; cancelAnimationFrame?: unknown };
    global.requestAnimationFrame = (callback: () => void) => frames.push(callback);
    global.cancelAnimationFrame = () => undefined;
    return () => {
      delete global.requestAnimationFrame;
      delete global.cancelAnimationFrame;
    };
  };

  it('runs the task after the next animation frame, once', async () => {
    const frames: (() => void)[] = [];
    const restore = withFrames(frames);
    try {
      let runs = 0;
      afterPaint(() => runs++, 1_000);
      await tick();
      assert.equal(runs, 0, 'not before the frame');
      frames.forEach((frame) => frame());
      await tick();
      assert.equal(runs, 1);
    } finally {
      restore();
    }
  });

  it('runs it anyway when no frame comes (a hidden page), and not at all once cancelled', async () => {
    const restore = withFrames([]);
    try {
      let runs = 0;
      afterPaint(() => runs++, 10);
      const cancel = afterPaint(() => runs++, 10);
      cancel();
      await new Promise((resolve) => setTimeout(resolve, 40));
      assert.equal(runs, 1);
    } finally {
      restore();
    }
  });

  it('runs it at once where there are no frames at all', async () => {
    let runs = 0;
    afterPaint(() => runs++);
    await tick();
    assert.equal(runs, 1);
  });
});
