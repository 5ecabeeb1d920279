// `npm start`: the product on the embedded database with demo data, nothing to install.
process.env.SEED ??= "demo";
require("./graph-fake-host").startGraphFakeForDemo();
void require("./addin-host").buildAddinThen(() => require("../service/src/main"));
