// `npm start`: the product on the embedded database with demo data, nothing to install: the demo
// Outlook calendars (the Graph fake), the built pane with its demo host, and the seeded service.
process.env.SEED ??= "demo";
// The demo company's letterhead on printed quotes and orders.
process.env.COMPANY_NAME ??= "Contoso Ltd.";
process.env.COMPANY_ADDRESS ??= "Industriestraße 5; 80331 München; Germany";
require("../demo/graph-fake/demo-graph-fake").startGraphFakeForDemo();
void require("./addin-host").buildAddinThen(() => require("./service"));
