export { ThirdPartiesSection } from "./third-parties-section";
