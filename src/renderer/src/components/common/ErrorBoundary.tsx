// One per pane: a failure shows a readable message and a way back, never a blank window.
import { Component, type ReactNode } from 'react';
import { Icon } from './Icon';

interface Props {
  pane: string;
  children: ReactNode;
  /** Changing it clears the error (e.g. another item was selected). */
  resetKey?: unknown;
}

interface State {
  error?: Error;
  resetKey?: unknown;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { resetKey: props.resetKey, error: undefined };
    return null;
  }

  override componentDidCatch(error: Error): void {
    console.error(`The ${this.props.pane} failed:`, error);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="pane-error" role="alert">
        <Icon name="alert" size={20} />
        <p className="pane-error-title">The {this.props.pane} could not be shown.</p>
        <p className="pane-error-detail">{this.state.error.message}</p>
        <button type="button" className="button" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>
      </div>
    );
  }
}
