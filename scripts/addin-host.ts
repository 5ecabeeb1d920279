// npm start's add-in part: build the task pane once (webpack, production) into dist/addin and let
// the service serve it beside the API, so the pane and the demo host need no CORS and no second server.
import { ADDIN_DIST, buildAddin } from "./addin-build";

export async function buildAddinThen(startService: () => void): Promise<void> {
  if (process.env.ADDIN_SKIP_BUILD === "1") {
    console.log(`Serving the task pane from ${ADDIN_DIST} as built before (ADDIN_SKIP_BUILD=1)`);
  } else {
    console.log("Building the task pane (webpack, production)…");
    const started = Date.now();
    try {
      await buildAddin(ADDIN_DIST);
    } catch (error) {
      console.error(`The task pane did not build: ${(error as Error).message}`);
      process.exit(1);
    }
    console.log(`Task pane built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  process.env.ADDIN_DIR ??= ADDIN_DIST;
  startService();
  console.log(`Demo host: http://localhost:${process.env.PORT ?? 3001}/ (the real pane beside sample emails)`);
}
