// `npm start`: the product on the embedded database with demo data, nothing to install.
process.env.SEED ??= "demo";
require("../service/src/main");
