import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Per-socket message budget: a person clicking fast is fine, a script flooding is slowed, and one
 * that keeps flooding is disconnected. Other people's sockets are never affected.
 */
export class SocketRateLimit {
  private limiter: RateLimiterMemory;
  private strikes: RateLimiterMemory;

  constructor(messagesPerSecond: number) {
    this.limiter = new RateLimiterMemory({ points: messagesPerSecond, duration: 1 });
    this.strikes = new RateLimiterMemory({ points: messagesPerSecond * 2, duration: 10 });
  }

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

/** New people per network address per minute: a script cannot fill a workshop with fake members. */
export class JoinRateLimit {
  private limiter: RateLimiterMemory;

  constructor(perMinute: number) {
    this.limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  }

  async allow(address: string): Promise<boolean> {
    try {
      await this.limiter.consume(address);
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return false;
    }
  }
}
