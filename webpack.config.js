// Builds the task pane (dist/addin): taskpane.html for Outlook, demo-host.html for trying it in a
// browser, auth-dialog.html for the sign-in dialog fallback, commands.html (the manifest's
// FunctionFile), the icons, and manifest.xml with the address the build will be served from.
//   ADDIN_BASE_URL  where dist/addin is served (default https://localhost:3000/addin/)
//   API_BASE_URL    the service's origin when it is not the pane's own (default: same origin)
//   AUTH_CLIENT_ID, AUTH_AUTHORITY, AUTH_API_SCOPE  Entra ID sign-in (unset: development sign-in)
const fs = require("node:fs");
const path = require("node:path");
const { URL } = require("node:url");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const MANIFEST_BASE_URL = "https://localhost:3000/addin/";
const root = __dirname;

/** Copies the icons and writes manifest.xml pointing at baseUrl. */
class AddinFilesPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
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
          const manifestFile = path.join(root, "manifest.xml");
          compilation.fileDependencies.add(manifestFile);
          const manifest = fs.readFileSync(manifestFile, "utf8");
          const origin = (url) => new URL(url).origin;
          const rewritten = manifest
            .split(MANIFEST_BASE_URL)
            .join(this.baseUrl)
            .split(`<AppDomain>${origin(MANIFEST_BASE_URL)}</AppDomain>`)
            .join(`<AppDomain>${origin(this.baseUrl)}</AppDomain>`);
          compilation.emitAsset("manifest.xml", new webpack.sources.RawSource(rewritten));
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

/** @returns {import("webpack").Configuration} */
module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode ?? env.mode ?? "production";
  const outputPath = env.outputPath ?? path.join(root, "dist", "addin");
  const baseUrl = process.env.ADDIN_BASE_URL || MANIFEST_BASE_URL;
  const page = (name, template, chunks) =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template: path.join(root, "addin", "src", template), chunks });
  return {
    mode,
    context: root,
    devtool: mode === "production" ? "source-map" : "eval-cheap-module-source-map",
    entry: {
      taskpane: "./addin/src/taskpane/taskpane.tsx",
      "demo-host": "./addin/src/demo-host/demo-host.tsx",
      "auth-dialog": "./addin/src/auth/auth-dialog.ts",
    },
    output: {
      path: outputPath,
      // Relative URLs: the same build works under /addin/ of the service and at any other path.
      publicPath: "",
      filename: mode === "production" ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: mode === "production" ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".mjs", ".js"],
      // TypeScript (nodenext) wants "./x.js" in a dynamic import() of our own ./x.tsx.
      extensionAlias: { ".js": [".tsx", ".ts", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // `npm run typecheck` checks types; the build only transpiles, to ES modules for tree shaking.
              transpileOnly: true,
              compilerOptions: { module: "esnext", moduleResolution: "bundler", noEmit: false, sourceMap: true },
            },
          },
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
      page("taskpane", "taskpane/taskpane.html", ["taskpane"]),
      page("demo-host", "demo-host/demo-host.html", ["demo-host"]),
      page("auth-dialog", "auth/auth-dialog.html", ["auth-dialog"]),
      page("commands", "commands/commands.html", []),
      new AddinFilesPlugin(baseUrl),
    ],
    performance: { hints: false },
    cache: { type: "filesystem", cacheDirectory: path.join(root, "node_modules", ".cache", "webpack"), name: mode },
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
