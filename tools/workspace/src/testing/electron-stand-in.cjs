// A stand-in for the `electron` module, for running the desktop's built main bundle under plain
// Node (Electron itself cannot be installed here). It keeps what main hands Electron, plays one
// session (the page calls IPC and loads files, the machine resumes, the user quits) and prints
// what happened as one JSON line on stdout when the process exits.
'use strict';

const listeners = new Map();
const on = (name, listener) => {
  listeners.set(name, [...(listeners.get(name) ?? []), listener]);
};
const emit = (name, ...args) =>
  (listeners.get(name) ?? []).forEach((listener) => listener(...args));

const report = {
  privilegedSchemes: null,
  singleInstanceRequested: false,
  windows: [],
  loaded: [],
  trayMenu: null,
  applicationMenu: null,
  ipcChannels: [],
  calls: {},
  protocol: null,
  beforeQuit: 0,
  exited: false,
};
const handlers = new Map();
let protocolHandler = null;

const labelsOf = (template) => template.map((item) => item.label ?? item.role ?? item.type);

class BrowserWindow {
  constructor(options) {
    report.windows.push(options);
    this.webContents = {
      setWindowOpenHandler: () => undefined,
      on: () => undefined,
      session: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
      },
    };
  }
  on() {
    return this;
  }
  once() {
    return this;
  }
  loadURL(url) {
    report.loaded.push(url);
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
}

class Tray {
  setToolTip() {
    return undefined;
  }
  on() {
    return this;
  }
  setContextMenu(menu) {
    report.trayMenu = labelsOf(menu);
  }
}

const app = {
  isPackaged: false,
  getVersion: () => '0.1.0',
  requestSingleInstanceLock: () => (report.singleInstanceRequested = true),
  whenReady: () => Promise.resolve(),
  on,
  quit: () => {
    report.beforeQuit += 1;
    let prevented = false;
    emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) {
      report.exited = true;
      process.stdout.write(`${JSON.stringify(report)}\n`);
      process.exit(0);
    }
  },
  exit: (code) => process.exit(code),
};

const invoke = (channel, url, ...args) => handlers.get(channel)({ senderFrame: { url } }, ...args);

/** Once main has opened its window and menus: the session the test looks at. */
async function playSession() {
  const index = await protocolHandler({ url: 'app://bwdc/index.html', method: 'GET' });
  const escape = await protocolHandler({ url: 'app://bwdc/..%2fpackage.json', method: 'GET' });
  report.protocol = {
    status: index.status,
    csp: index.headers.get('content-security-policy'),
    body: await index.text(),
    escapeStatus: escape.status,
  };
  report.calls.fromApp = await invoke('connector:is-logged-in', 'app://bwdc/index.html');
  report.calls.fromElsewhere = await invoke('connector:is-logged-in', 'https://evil.example/');
  emit('resume');
  app.quit();
  app.quit();
}

const poll = setInterval(() => {
  if (report.windows.length > 0 && report.applicationMenu !== null && report.trayMenu !== null) {
    clearInterval(poll);
    setTimeout(() => {
      playSession().catch((error) => {
        process.stderr.write(`${error.stack}\n`);
        process.exit(2);
      });
    }, 50);
  }
}, 20);
poll.unref();

module.exports = {
  app,
  BrowserWindow,
  Tray,
  Menu: {
    buildFromTemplate: (template) => template,
    setApplicationMenu: (menu) => (report.applicationMenu = labelsOf(menu)),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => (report.privilegedSchemes = schemes),
    handle: (_scheme, handler) => (protocolHandler = handler),
  },
  ipcMain: {
    handle: (channel, listener) => {
      report.ipcChannels.push(channel);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  },
  powerMonitor: { on: (name, listener) => on(name, listener) },
  screen: {
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
  },
  nativeImage: { createFromBuffer: () => ({ setTemplateImage: () => undefined }) },
  shell: { openExternal: () => Promise.resolve(), showItemInFolder: () => undefined },
  dialog: {
    showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
    showErrorBox: (title, message) => process.stderr.write(`${title}: ${message}\n`),
  },
};
