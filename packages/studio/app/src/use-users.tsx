import { ListUsersDocument, ListUsersPageDocument, UserStatus, type ListUsersPageQuery } from '@roster/client';
import type { CombinedError } from '@urql/core';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { useQuery } from 'urql';
import { buildRows, type Row } from './rows';

type Paged = ListUsersPageQuery['users']['nodes'][number];
const DISABLED_FILTER = { status: [UserStatus.DISABLED] };
const PAGE_SIZE = 500;

/** What {@link useUsers} gives the page. */
export interface UsersState {
  readonly rows: readonly Row[];
  /** True until the first listing arrived. */
  readonly loading: boolean;
  /** True while a refresh is in flight (the rows shown are the previous ones). */
  readonly refreshing: boolean;
  readonly error: CombinedError | undefined;
  /** Lists again from the API. */
  readonly refresh: () => void;
  /** Renders the pages of disabled users (extension only); put it anywhere in the tree. */
  readonly loader: ReactElement | null;
}

/**
 * One page of disabled users; it renders the next page once it has its own, so that the
 * whole chain is urql queries, re-fetched together when `generation` changes (its key).
 */
function DisabledPage(props: { after: string | null; index: number; onPage: (index: number, nodes: readonly Paged[], last: boolean) => void }): ReactElement | null {
  const { after, index, onPage } = props;
  const [{ data }] = useQuery({
    query: ListUsersPageDocument,
    variables: { filter: DISABLED_FILTER, first: PAGE_SIZE, after },
    requestPolicy: 'network-only',
  });
  const next = data?.users.pageInfo.hasNextPage ? data.users.pageInfo.endCursor : null;
  useEffect(() => {
    if (data) onPage(index, data.users.nodes, next === null);
  }, [data, index, next, onPage]);
  return next === null ? null : <DisabledPage after={next} index={index + 1} onPage={onPage} />;
}

/** Every user of the workspace, through urql: ListUsers, plus the disabled users when the server has the extension. */
export function useUsers(extension: boolean): UsersState {
  const [list, reexecute] = useQuery({ query: ListUsersDocument, requestPolicy: 'cache-and-network' });
  const [generation, setGeneration] = useState(0);
  // The pages of the chain being loaded; the table keeps the previous set until it is complete.
  const pages = useRef<{ generation: number; nodes: (readonly Paged[])[] }>({ generation: 0, nodes: [] });
  const [disabled, setDisabled] = useState<readonly Paged[]>([]);

  const onPage = useCallback(
    (index: number, nodes: readonly Paged[], last: boolean) => {
      const current = pages.current;
      const base = current.generation === generation ? current.nodes.slice(0, index) : [];
      base[index] = nodes;
      pages.current = { generation, nodes: base };
      if (last) setDisabled(base.flat());
    },
    [generation],
  );

  const refresh = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' });
    setGeneration((value) => value + 1);
  }, [reexecute]);

  const rows = useMemo(() => buildRows(list.data?.listUsers, extension ? disabled : []), [list.data, disabled, extension]);
  return {
    rows,
    loading: list.data === undefined && list.error === undefined,
    refreshing: list.fetching || list.stale,
    error: list.error,
    refresh,
    loader: extension ? <DisabledPage key={generation} after={null} index={0} onPage={onPage} /> : null,
  };
}
