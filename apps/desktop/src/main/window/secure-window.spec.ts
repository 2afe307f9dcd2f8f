import {
  CONTENT_SECURITY_POLICY,
  isNavigationAllowed,
  secureWebPreferences,
  windowOpenHandler,
} from './secure-window';

describe('the app window’s security settings', () => {
  it('isolate the renderer: no Node, a sandbox, the preload as the only bridge', () => {
    expect(secureWebPreferences({ preload: '/app/preload.js', development: false })).toEqual({
      preload: '/app/preload.js',
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(secureWebPreferences({ preload: 'p', development: true }).devTools).toBe(true);
  });

  it('allow the app’s own scripts only: no inline script, no eval, no remote origin', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((directive) => {
        const [name, ...values] = directive.split(' ');
        return [name, values];
      }),
    );

    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives['object-src']).toEqual(["'none'"]);
  });

  it('never open a window: web links go to the system browser, other schemes nowhere', () => {
    const opened: string[] = [];
    const handler = windowOpenHandler((url) => opened.push(url));

    expect(handler({ url: 'https://bitwarden.com/help/directory-sync/' })).toEqual({
      action: 'deny',
    });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://bitwarden.com/help/directory-sync/']);
  });

  it('keep the window on the app’s own pages', () => {
    expect(isNavigationAllowed('app://bwdc/settings', 'app://bwdc/index.html')).toBe(true);
    expect(isNavigationAllowed('https://evil.example/', 'app://bwdc/index.html')).toBe(false);
    expect(isNavigationAllowed('not a url', 'app://bwdc/index.html')).toBe(false);
    expect(isNavigationAllowed('other://bwdc/', 'app://bwdc/index.html')).toBe(false);
    expect(isNavigationAllowed('app://elsewhere/', 'app://bwdc/index.html')).toBe(false);
  });
});
