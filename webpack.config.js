// Builds the task pane (dist/addin): taskpane.html for Outlook, demo-host.html for trying it in a
// browser, auth-dialog.html for the sign-in dialog fallback, commands.html (the manifest's
// FunctionFile and the page of its event runtime), launchevent.js (the event handlers), the icons,
// and both manifests, manifest.xml and manifest.json, with the address the build will be served from.
//   ADDIN_BASE_URL  where dist/addin is served (default https://localhost:3000/addin/)
//   API_BASE_URL    the service's origin when it is not the pane's own (default: same origin)
//   AUTH_CLIENT_ID, AUTH_AUTHORITY, AUTH_API_SCOPE  Entra ID sign-in (unset: development sign-in)
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { URL } = require("node:url");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const MANIFEST_BASE_URL = "https://localhost:3000/addin/";
const EVENTS_ENTRY = "launchevent";
const root = __dirname;

/**
 * The manifests with the URLs of the target: every "https://localhost:3000/addin/" becomes baseUrl and
 * the add-in's own origin (AppDomain, validDomains) becomes baseUrl's. The sources name localhost so
 * sideloading works as they are.
 */
function manifestFor(text, baseUrl) {
  const from = new URL(MANIFEST_BASE_URL).origin;
  const to = new URL(baseUrl).origin;
  return text
    .split(MANIFEST_BASE_URL)
    .join(baseUrl)
    .split(`<AppDomain>${from}</AppDomain>`)
    .join(`<AppDomain>${to}</AppDomain>`)
    .split(`"${from}"`)
    .join(`"${to}"`);
}

/** Copies the icons and writes manifest.xml, manifest.json and its translations pointing at baseUrl. */
class AddinFilesPlugin {
  constructor(baseUrl) {
    const url = new URL(baseUrl);
    // Outlook loads add-ins over HTTPS only, and the manifests' URLs are resolved against a folder.
    if (url.protocol !== "https:") throw new Error(`ADDIN_BASE_URL must be an https URL, not ${baseUrl}`);
    if (!url.pathname.endsWith("/")) throw new Error(`ADDIN_BASE_URL must end with "/": ${baseUrl}`);
    this.baseUrl = url.href;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AddinFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AddinFilesPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const assets = path.join(root, "addin", "assets");
          for (const file of fs.readdirSync(assets)) {
            compilation.fileDependencies.add(path.join(assets, file));
            compilation.emitAsset(
              `assets/${file}`,
              new webpack.sources.RawSource(fs.readFileSync(path.join(assets, file))),
            );
          }
          // The unified manifest's translations (localizationInfo.additionalLanguages) sit beside it in the package.
          const locales = path.join(root, "addin", "manifest-locales");
          const files = [
            ...["manifest.xml", "manifest.json"].map((name) => ({ name, file: path.join(root, name) })),
            ...fs.readdirSync(locales).map((name) => ({ name, file: path.join(locales, name) })),
          ];
          for (const { name, file } of files) {
            compilation.fileDependencies.add(file);
            const text = manifestFor(fs.readFileSync(file, "utf8"), this.baseUrl);
            compilation.emitAsset(name, new webpack.sources.RawSource(text));
          }
        },
      );
    });
  }
}

// What each page may load. Office: office.js and what it pulls in (Microsoft publishes no list; these
// are the hosts found in https://github.com/OfficeDev/office-js/issues/1005). MSAL: Entra ID's sign-in
// host, for token requests and its hidden renewal frame. Everything else is the pane's own origin.
const OFFICE_SCRIPTS = [
  "https://appsforoffice.microsoft.com",
  "https://ajax.aspnetcdn.com",
  "https://browser.pipe.aria.microsoft.com",
];
const OFFICE_CONNECT = ["https://browser.pipe.aria.microsoft.com"];
const MSAL_ORIGIN = "https://login.microsoftonline.com";
// The demo host's simulated Outlook sends mail through the local Graph fake (demo/graph-fake).
const DEMO_GRAPH_FAKE = ["http://127.0.0.1:*", "http://localhost:*"];
const PAGES_WITH = {
  office: new Set(["taskpane", "commands", "auth-dialog"]),
  msal: new Set(["taskpane", "auth-dialog"]),
};

const origins = (...urls) => [...new Set(urls.filter(Boolean).map((url) => new URL(url).origin))];
const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * The Content-Security-Policy of one page. No inline script anywhere; styles from our own files, the
 * page's own <style> blocks by hash, and empty <style> elements (the hash of ""), which is what Fluent
 * UI's Griffel and FluentProvider insert before filling them through the CSSOM (insertRule), which a
 * policy does not govern: no 'unsafe-inline'. frame-ancestors cannot be set in a <meta> tag: the
 * service sends it as a header (service/src/http/security-headers.ts).
 */
function contentSecurityPolicy(page, html, { mode, apiBaseUrl, authAuthority }) {
  const office = PAGES_WITH.office.has(page);
  const msal = PAGES_WITH.msal.has(page);
  const inlineStyles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => sha256(match[1]));
  // webpack serve's live reload talks to its own server over a WebSocket.
  const devServer = mode === "development" ? ["ws://localhost:*", "wss://localhost:*"] : [];
  const directives = {
    "default-src": ["'none'"],
    "script-src": ["'self'", ...(office ? OFFICE_SCRIPTS : [])],
    "style-src": ["'self'", sha256(""), ...new Set(inlineStyles)],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": [
      "'self'",
      ...origins(apiBaseUrl),
      ...(office ? OFFICE_CONNECT : []),
      ...(msal ? origins(MSAL_ORIGIN, authAuthority) : []),
      ...(page === "demo-host" ? DEMO_GRAPH_FAKE : []),
      ...devServer,
    ],
    "frame-src": msal ? origins(MSAL_ORIGIN, authAuthority) : ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/**
 * Puts each page's Content-Security-Policy in a <meta> tag right after its charset, before anything it
 * governs. It runs once the pages are final (minified), so the hashes are those of what is served.
 */
class ContentSecurityPolicyPlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ContentSecurityPolicyPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "ContentSecurityPolicyPlugin",
          stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER,
        },
        (assets) => {
          for (const name of Object.keys(assets).filter((file) => file.endsWith(".html"))) {
            const html = assets[name].source().toString();
            const policy = contentSecurityPolicy(path.basename(name, ".html"), html, this.options);
            const charset = /<meta charset=[^>]*>/i;
            if (!charset.test(html)) throw new Error(`${name} has no <meta charset> to put its policy after`);
            const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
            compilation.updateAsset(
              name,
              new webpack.sources.RawSource(html.replace(charset, (tag) => `${tag}${meta}`)),
            );
          }
        },
      );
    });
  }
}

/**
 * Outlook loads the pane only over HTTPS it trusts: use the certificate `npm run addin:certs`
 * (office-addin-dev-certs install) put in ~/.office-addin-dev-certs, else a self-signed one.
 */
function devServerHttps() {
  const dir = path.join(require("node:os").homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (!fs.existsSync(path.join(dir, files.cert))) return "https";
  const options = Object.fromEntries(
    Object.entries(files).map(([name, file]) => [name, fs.readFileSync(path.join(dir, file))]),
  );
  return { type: "https", options };
}

// Our makeStyles() calls resolved at build time into atomic classes, as Fluent's own packages ship
// theirs: the pane's first download then needs none of Griffel's runtime style engine (its CSS
// resolver, stylis, rtl-css-js). Loaders run last to first: this one sees ts-loader's JavaScript.
const GRIFFEL_AT_BUILD_TIME = {
  loader: "@griffel/webpack-loader",
  options: {
    modules: [{ moduleSource: "@fluentui/react-components", importName: "makeStyles" }],
  },
};

/** @returns {import("webpack").Configuration} */
module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode ?? env.mode ?? "production";
  const outputPath = env.outputPath ?? path.join(root, "dist", "addin");
  const baseUrl = process.env.ADDIN_BASE_URL || MANIFEST_BASE_URL;
  const page = (name, template, chunks) =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template: path.join(root, template), chunks });
  return {
    mode,
    context: root,
    // Production ships no source maps: neither built nor served (the service refuses .map too).
    // Development maps are files, not eval(), so the pages' policy needs no 'unsafe-eval'.
    devtool: mode === "production" ? false : "cheap-module-source-map",
    entry: {
      // The pane's boot script, small and loaded first: it signs in and asks for the email's record
      // while taskpane.js is still being evaluated. taskpane.js depends on it: one runtime, so both
      // share module instances (the requests the boot started are the ones the pane takes).
      "pane-boot": "./addin/src/taskpane/pane-boot.ts",
      taskpane: { import: "./addin/src/taskpane/taskpane.tsx", dependOn: "pane-boot" },
      // The demo host is demo code (demo/), not the pane's: it draws the real pane beside sample emails.
      "demo-host": "./demo/demo-host/demo-host.tsx",
      "auth-dialog": "./addin/src/auth/auth-dialog.ts",
      // The event handlers (OnMessageSend). Both manifests link this file by name: keep the entry name.
      [EVENTS_ENTRY]: "./addin/src/events/launch-event.ts",
    },
    output: {
      path: outputPath,
      // Relative URLs: the same build works under /addin/ of the service and at any other path.
      publicPath: "",
      // launchevent.js keeps its name (the manifests link it; classic Outlook loads it without a page).
      filename: ({ chunk }) =>
        chunk?.name === EVENTS_ENTRY
          ? `${EVENTS_ENTRY}.js`
          : mode === "production"
            ? "[name].[contenthash:8].js"
            : "[name].js",
      chunkFilename: mode === "production" ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".mjs", ".js"],
      // TypeScript (nodenext) wants "./x.js" in a dynamic import() of our own ./x.tsx.
      extensionAlias: { ".js": [".tsx", ".ts", ".js"] },
      // The contract's path alias (tsconfig.json "paths").
      alias: { contract: path.join(root, "contract") },
    },
    module: {
      rules: [
        {
          // A feature's index.ts only hands names on (README, "How it is built"): flagged free of
          // side effects, each import links to the file that defines the name, so importing one
          // badge of a feature does not pull its other parts into the first download.
          // The catalogs' index likewise: a German catalog comes only through catalogs.ts's import().
          test: /[\\/]addin[\\/]src[\\/](features[\\/][^\\/]+|i18n)[\\/]index\.ts$/,
          sideEffects: false,
        },
        {
          // The contract's modules define schemas and constants, nothing that runs for its effect: the
          // pane takes a constant (status 1, the roles) without the schemas, and without zod, in its
          // first download.
          test: /[\\/]contract[\\/][^\\/]+\.ts$/,
          sideEffects: false,
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            GRIFFEL_AT_BUILD_TIME,
            {
              loader: "ts-loader",
              options: {
                // `npm run typecheck` checks types; the build only transpiles, to ES modules for tree shaking.
                transpileOnly: true,
                compilerOptions: {
                  module: "esnext",
                  moduleResolution: "bundler",
                  noEmit: false,
                  sourceMap: mode !== "production",
                },
              },
            },
          ],
        },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({
        "process.env.API_BASE_URL": JSON.stringify(process.env.API_BASE_URL ?? ""),
        "process.env.AUTH_CLIENT_ID": JSON.stringify(process.env.AUTH_CLIENT_ID ?? ""),
        "process.env.AUTH_AUTHORITY": JSON.stringify(process.env.AUTH_AUTHORITY ?? ""),
        "process.env.AUTH_API_SCOPE": JSON.stringify(process.env.AUTH_API_SCOPE ?? ""),
      }),
      page("taskpane", "addin/src/taskpane/taskpane.html", ["pane-boot", "taskpane"]),
      page("demo-host", "demo/demo-host/demo-host.html", ["demo-host"]),
      page("auth-dialog", "addin/src/auth/auth-dialog.html", ["auth-dialog"]),
      page("commands", "addin/src/commands/commands.html", [EVENTS_ENTRY]),
      new ContentSecurityPolicyPlugin({
        mode,
        apiBaseUrl: process.env.API_BASE_URL,
        authAuthority: process.env.AUTH_AUTHORITY,
      }),
      new AddinFilesPlugin(baseUrl),
    ],
    performance: { hints: false },
    cache: {
      type: "filesystem",
      cacheDirectory: path.join(root, "node_modules", ".cache", "webpack"),
      name: mode,
      // A change to this file (a loader, its options) starts the cache afresh rather than reusing stale modules.
      buildDependencies: { config: [path.join(root, "webpack.config.js")] },
    },
    devServer: {
      // `npm run addin:dev`: HTTPS for Outlook sideloading; the API is proxied to the local service.
      port: 3000,
      server: devServerHttps(),
      devMiddleware: { publicPath: "/addin/" },
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      proxy: [{ context: ["/api"], target: process.env.SERVICE_URL || "http://127.0.0.1:3001" }],
    },
  };
};

// For the manifest tests: the same rewrite the build applies.
module.exports.manifestFor = manifestFor;
