import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Per-socket message budget: a person clicking fast is fine, a script flooding is slowed, and one
 * that keeps flooding is disconnected. Other people's sockets are never affected.
 */
export class SocketRateLimit {
  private limiter = new RateLimiterMemory({ points: 20, duration: 1 });
  private strikes = new RateLimiterMemory({ points: 40, duration: 10 });

  /** 'ok', 'slow' (refuse this message) or 'disconnect' (too many refusals). */
  async check(socketId: string): Promise<'ok' | 'slow' | 'disconnect'> {
    try {
      await this.limiter.consume(socketId);
      return 'ok';
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      try {
        await this.strikes.consume(socketId);
        return 'slow';
      } catch {
        return 'disconnect';
      }
    }
  }

  forget(socketId: string): void {
    void this.limiter.delete(socketId);
    void this.strikes.delete(socketId);
  }
}
