import { Spin } from 'antd';
import { Suspense, useEffect, useState, type ReactNode } from 'react';

/**
 * Renders its (lazily loaded) children only after the page around it has painted: the chart library
 * is 1.6 MB of JavaScript whose compile would otherwise hold the tables a person came for off the
 * screen for about half a second.
 */
export function AfterPaint({ children }: { children: ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame after this commit paints, then the next task may start the heavy work.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted ? <Suspense fallback={<Spin />}>{children}</Suspense> : <Spin />;
}
