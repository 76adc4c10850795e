import { matchRoute, type Route } from './routes.ts';

/** The current page, kept in step with the History API. */
class Router {
  route = $state.raw<Route>(matchRoute(location.pathname, location.hash));
  /** Bumped on every navigation, so the app can move focus to the new page's heading. */
  navigations = $state(0);

  #path = location.pathname;

  constructor() {
    addEventListener('popstate', () => {
      // a fragment-only change (the skip link's #main) is not a new page
      if (location.pathname !== this.#path) this.sync();
    });
  }

  navigate(path: string, options: { replace?: boolean } = {}): void {
    if (options.replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    this.sync();
    scrollTo(0, 0);
  }

  private sync(): void {
    this.#path = location.pathname;
    this.route = matchRoute(location.pathname, location.hash);
    this.navigations += 1;
  }
}

export const router = new Router();

export function navigate(path: string, options?: { replace?: boolean }): void {
  router.navigate(path, options);
}

/** For `onclick` on internal links: plain clicks navigate in-app, modified clicks behave as usual. */
export function linkClick(event: MouseEvent): void {
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (anchor.origin !== location.origin) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search + anchor.hash);
}
