export {
  createUndiciFetch,
  type UndiciFetch,
  type UndiciFetchOptions,
  type UndiciRequestInit,
  type UndiciResponse,
  type UndiciResponseHeaders,
} from './undici-fetch.js';
