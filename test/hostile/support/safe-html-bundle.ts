import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import webpack from "webpack";

const ROOT = path.join(__dirname, "..", "..", "..");

/**
 * Bundles safe-html-page.tsx (React and the pane's SafeHtml) and answers the script's text.
 * Development mode without eval devtool: the page hooks eval, and the bundle must not trip it.
 * webpack's filesystem cache makes every build after the first one quick.
 */
export async function buildSafeHtmlBundle(): Promise<string> {
  const outputPath = fs.mkdtempSync(path.join(os.tmpdir(), "crm-safe-html-"));
  try {
    const compiler = webpack({
      mode: "development",
      devtool: false,
      context: ROOT,
      entry: "./test/hostile/support/safe-html-page.tsx",
      output: { path: outputPath, filename: "safe-html.js" },
      resolve: { extensions: [".tsx", ".ts", ".js"] },
      module: {
        rules: [
          {
            test: /\.tsx?$/,
            exclude: /node_modules/,
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "esnext", moduleResolution: "bundler", noEmit: false },
            },
          },
        ],
      },
      cache: {
        type: "filesystem",
        cacheDirectory: path.join(ROOT, "node_modules", ".cache", "webpack"),
        name: "hostile-safe-html",
      },
      performance: { hints: false },
    });
    await new Promise<void>((resolve, reject) =>
      compiler.run((error, stats) => {
        // Closing writes the cache; the build's own error wins over a close error.
        compiler.close((closeError) => {
          if (error ?? closeError) return reject(error ?? closeError);
          if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
          resolve();
        });
      }),
    );
    return fs.readFileSync(path.join(outputPath, "safe-html.js"), "utf8");
  } finally {
    fs.rmSync(outputPath, { recursive: true, force: true });
  }
}
