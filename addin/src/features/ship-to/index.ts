export { ShipToSection } from "./ship-to-section";
