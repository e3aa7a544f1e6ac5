import { isRosterError, NotSupportedError, RosterServerInfoDocument, type CallOptions, type RosterClient } from '@roster/client';
import { run, type Context } from './context.js';

/** What the server behind a client offers. */
export interface ServerFeatures {
  /** True when the server implements the Roster extension; false for a server with only the documented core. */
  readonly extension: boolean;
  /** The extension's version, when there is one. */
  readonly extensionVersion: string | undefined;
}

const CORE_ONLY: ServerFeatures = { extension: false, extensionVersion: undefined };

/** A GraphQL validation error naming the probe field means the server does not know it. */
function isUnknownField(error: unknown): boolean {
  return (
    isRosterError(error) &&
    error.graphQLErrors.some(
      (e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' || /cannot query field/i.test(e.message),
    )
  );
}

/**
 * Detects the extension once per client: the first call that needs to know sends one small
 * query, and every later call reuses its answer. A probe that fails for another reason
 * (network, credentials) is not remembered, so the next call tries again.
 */
export class FeatureDetector {
  readonly #context: Pick<Context, 'client'>;
  #features: Promise<ServerFeatures> | undefined;

  constructor(client: RosterClient) {
    this.#context = { client };
  }

  /** The server's features, detected on first use. */
  get(options?: CallOptions): Promise<ServerFeatures> {
    this.#features ??= run(this.#context, RosterServerInfoDocument, {}, options).then(
      (data): ServerFeatures => ({ extension: true, extensionVersion: data.rosterServer.extensionVersion }),
      (error: unknown) => {
        if (isUnknownField(error)) return CORE_ONLY;
        this.#features = undefined;
        throw error;
      },
    );
    return this.#features;
  }

  /**
   * Resolves when the extension is there.
   * @throws {@link NotSupportedError} naming `operation` when the server speaks only the core.
   */
  async require(operation: string, options?: CallOptions): Promise<void> {
    if (!(await this.get(options)).extension) throw notSupported(operation);
  }
}

/** The error for an operation a core-only server cannot serve. */
export function notSupported(operation: string, detail = ''): NotSupportedError {
  return new NotSupportedError(
    `Not supported by this server: ${operation}${detail ? ` (${detail})` : ''} needs the Roster extension; the server has only the core API`,
    { operationName: operation },
  );
}
