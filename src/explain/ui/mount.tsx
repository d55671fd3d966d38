/** Renders the explain island into the page's root element (props come from its data attribute). */
import { render } from 'preact';
import { ExplainApp, type ExplainProps } from './ExplainApp';

export function mountExplain(root: HTMLElement): void {
  const props = JSON.parse(root.dataset.explain ?? '{}') as ExplainProps;
  root.textContent = '';
  render(<ExplainApp {...props} />, root);
}
