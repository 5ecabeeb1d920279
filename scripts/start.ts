// `npm start`: the product on the embedded database with demo data, nothing to install.
process.env.SEED ??= "demo";
void require("./addin-host").buildAddinThen(() => require("../service/src/main"));
