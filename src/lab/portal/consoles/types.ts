/**
 * What a provider console gets from the portal pane. The consoles are their own chunk, loaded with
 * import() only for a non-AKS sandbox; importing a value from the AKS bundle (the portal's Table,
 * the store hook) would make Rollup split it out into a shared chunk every AKS lab then fetches.
 * So the pieces come in as props and this folder imports only types from outside it.
 */

import type { Locale } from '../../types';
import type { useLab } from '../../use-store';
import type { PortalContext } from '../context';
import type { MiddleText, NameButton } from '../MiddleText';
import type { Table } from '../Table';

export interface ConsoleUi {
  Table: typeof Table;
  NameButton: typeof NameButton;
  MiddleText: typeof MiddleText;
  useLab: typeof useLab;
}

export interface ConsoleProps {
  ctx: PortalContext;
  ui: ConsoleUi;
  locale: Locale;
}

/** What a console's pages get: the portal path below the console's own prefix (`['lb', name]` …). */
export interface PageProps extends ConsoleProps {
  path: string[];
}
