import { Component, type ReactNode } from 'react';

/** Props of {@link CanvasErrorBoundary}. */
interface CanvasErrorBoundaryProps {
  /** Called once with what the canvas threw (e.g. no WebGL context could be created). */
  onError: (error: unknown) => void;
  /** Shown once the canvas failed. */
  fallback: ReactNode;
  children?: ReactNode;
}

interface CanvasErrorBoundaryState {
  failed: boolean;
}

/**
 * Catches what r3f's `<Canvas>` throws while creating its renderer (it re-throws into React), so that
 * `<DigitalHuman/>` can switch to the portrait instead of unmounting the app.
 */
export class CanvasErrorBoundary extends Component<CanvasErrorBoundaryProps, CanvasErrorBoundaryState> {
  override state: CanvasErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): CanvasErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onError(error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
