import type { HttpServer } from '../http/http-server.js';
import type { Stores } from '../infra/store/open-stores.js';
import { shortReason, StartupFailure } from './startup-failure.js';

/** Binds PORT; a port that cannot be bound stops the start (and lets go of the store) with one clear line. */
export async function listenOrClose(server: HttpServer, port: number, stores: Stores, host?: string): Promise<number> {
  try {
    return await server.listen(port, host);
  } catch (err) {
    await stores.close();
    const reason = (err as { code?: string }).code === 'EADDRINUSE' ? 'the port is already in use' : shortReason(err);
    throw new StartupFailure(`PORT=${port}: ${reason}`);
  }
}
